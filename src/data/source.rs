//! Reading the text tables in `data/` into records. Used by `build.rs` and by the native data
//! tests; never compiled into the wasm. Every error names the file and line it comes from.

use super::records::*;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// Path as the developer would open it (`data/enforcement.csv`).
    pub file: String,
    pub line: u32,
    pub message: String,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// One CSV file: its header and rows, each row remembering its line in the file.
pub struct Table {
    pub path: String,
    header: Vec<String>,
    pub rows: Vec<Row>,
}

pub struct Row {
    pub line: u32,
    fields: Vec<String>,
}

impl Table {
    /// Parses RFC 4180 CSV: commas, double-quoted fields, doubled quotes inside quotes.
    pub fn parse(path: &str, text: &str) -> Result<Table, DataError> {
        let error = |line: u32, message: String| DataError { file: path.to_owned(), line, message };
        let mut records: Vec<Row> = Vec::new();
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut in_quotes = false;
        let mut line = 1u32;
        let mut record_line = 1u32;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if in_quotes {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => in_quotes = false,
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                '"' if field.is_empty() => in_quotes = true,
                '"' => return Err(error(line, "a quote inside an unquoted field".into())),
                ',' => fields.push(std::mem::take(&mut field)),
                '\r' => {}
                '\n' => {
                    fields.push(std::mem::take(&mut field));
                    records.push(Row { line: record_line, fields: std::mem::take(&mut fields) });
                    line += 1;
                    record_line = line;
                }
                _ => field.push(c),
            }
        }
        if in_quotes {
            return Err(error(record_line, "a quoted field is never closed".into()));
        }
        if !field.is_empty() || !fields.is_empty() {
            fields.push(field);
            records.push(Row { line: record_line, fields });
        }
        records.retain(|r| !(r.fields.len() == 1 && r.fields[0].trim().is_empty()));
        if records.is_empty() {
            return Err(error(1, "the file has no header line".into()));
        }
        let header = records.remove(0).fields;
        for row in &records {
            if row.fields.len() != header.len() {
                return Err(error(
                    row.line,
                    format!("{} fields where the header has {}", row.fields.len(), header.len()),
                ));
            }
        }
        Ok(Table { path: path.to_owned(), header, rows: records })
    }

    /// Fails unless the header is exactly `columns`, so a renamed column cannot go unnoticed.
    pub fn expect_columns(&self, columns: &[&str]) -> Result<(), DataError> {
        if self.header.iter().map(String::as_str).ne(columns.iter().copied()) {
            return Err(self.error_at(1, format!("header must be `{}`", columns.join(","))));
        }
        Ok(())
    }

    pub fn error_at(&self, line: u32, message: String) -> DataError {
        DataError { file: self.path.clone(), line, message }
    }

    pub fn get<'r>(&self, row: &'r Row, column: &str) -> &'r str {
        let index = self.header.iter().position(|h| h == column);
        let index = index.unwrap_or_else(|| panic!("{}: no column {column}", self.path));
        row.fields[index].trim()
    }

    pub fn parse_field<T: std::str::FromStr>(&self, row: &Row, column: &str) -> Result<T, DataError> {
        let text = self.get(row, column);
        text.parse()
            .map_err(|_| self.error_at(row.line, format!("`{column}` is `{text}`, not a number")))
    }
}

/// The cited documents, by file name.
pub struct SourceIndex {
    pub files: Vec<SourceFile>,
    by_name: HashMap<String, u16>,
}

impl SourceIndex {
    pub fn load(table: &Table) -> Result<SourceIndex, DataError> {
        table.expect_columns(&["file", "title", "edition", "licence"])?;
        let mut index = SourceIndex { files: Vec::new(), by_name: HashMap::new() };
        for row in &table.rows {
            let edition = match table.get(row, "edition") {
                "" => None,
                _ => Some(table.parse_field(row, "edition")?),
            };
            let file = table.get(row, "file").to_owned();
            let position = index.files.len() as u16;
            if index.by_name.insert(file.clone(), position).is_some() {
                return Err(table.error_at(row.line, format!("{file} is listed twice")));
            }
            index.files.push(SourceFile {
                file,
                title: table.get(row, "title").to_owned(),
                edition,
                licence: table.get(row, "licence").to_owned(),
            });
        }
        Ok(index)
    }

    /// Reads the `source_file`/`source_line` columns of a row.
    pub fn cite(&self, table: &Table, row: &Row) -> Result<SourceRef, DataError> {
        let name = table.get(row, "source_file");
        let file = *self
            .by_name
            .get(name)
            .ok_or_else(|| table.error_at(row.line, format!("source_file `{name}` is not in data/sources.csv")))?;
        let line = table.parse_field(row, "source_line")?;
        if line == 0 {
            return Err(table.error_at(row.line, "source_line must be 1 or more".into()));
        }
        Ok(SourceRef { file, line })
    }
}

/// Where each loaded record came from in `data/`, for check messages.
pub type Origins = HashMap<(Scope, Metric, u16, u16), (String, u32)>;

pub fn load_enforcement(
    table: &Table,
    sources: &SourceIndex,
    origins: &mut Origins,
) -> Result<Vec<EnforcementValue>, DataError> {
    table.expect_columns(&[
        "edition", "scope", "year", "metric", "value", "printed", "note", "source_file", "source_line",
    ])?;
    let mut values = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let scope_id = table.get(row, "scope");
        let scope = Scope::from_id(scope_id)
            .ok_or_else(|| table.error_at(row.line, format!("unknown scope `{scope_id}`")))?;
        let metric_id = table.get(row, "metric");
        let metric = Metric::from_id(metric_id)
            .ok_or_else(|| table.error_at(row.line, format!("unknown metric `{metric_id}`")))?;
        let printed = match table.get(row, "printed") {
            "" => None,
            text => Some(text.to_owned()),
        };
        let note = table.get(row, "note").to_owned();
        if printed.is_some() && !note.starts_with("corrected:") {
            return Err(table.error_at(row.line, "a corrected value needs a note starting `corrected:`".into()));
        }
        let value = EnforcementValue {
            edition: table.parse_field(row, "edition")?,
            scope,
            year: table.parse_field(row, "year")?,
            metric,
            value: table.parse_field(row, "value")?,
            printed,
            note,
            source: sources.cite(table, row)?,
        };
        let key = (value.scope, value.metric, value.year, value.edition);
        if let Some((_, first)) = origins.insert(key, (table.path.clone(), row.line)) {
            return Err(table.error_at(row.line, format!("the same cell is already given at line {first}")));
        }
        values.push(value);
    }
    Ok(values)
}
