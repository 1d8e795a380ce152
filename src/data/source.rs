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

    pub fn has_column(&self, column: &str) -> bool {
        self.header.iter().any(|h| h == column)
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

impl Table {
    /// Reads a column holding one of a closed set of ids.
    pub fn parse_id<T>(&self, row: &Row, column: &str, from_id: impl Fn(&str) -> Option<T>) -> Result<T, DataError> {
        let text = self.get(row, column);
        from_id(text).ok_or_else(|| self.error_at(row.line, format!("unknown {column} `{text}`")))
    }

    /// Reads a number column that may be empty.
    pub fn parse_optional<T: std::str::FromStr>(&self, row: &Row, column: &str) -> Result<Option<T>, DataError> {
        match self.get(row, column) {
            "" => Ok(None),
            _ => self.parse_field(row, column).map(Some),
        }
    }

    /// A text column where empty means "not set".
    pub fn optional_text(&self, row: &Row, column: &str) -> Option<String> {
        Some(self.get(row, column)).filter(|t| !t.is_empty()).map(str::to_owned)
    }

    pub fn text(&self, row: &Row, column: &str) -> String {
        self.get(row, column).to_owned()
    }

    pub fn origin(&self, row: &Row) -> Origin {
        Origin { file: self.path.clone(), line: row.line }
    }
}

/// The `data/` file and line a record was read from, kept beside it for check messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: u32,
}

impl Origin {
    pub fn error(&self, message: String) -> DataError {
        DataError { file: self.file.clone(), line: self.line, message }
    }
}

/// A loaded record and where it was read from.
pub struct Loaded<T> {
    pub record: T,
    pub at: Origin,
}

pub fn records<T: Clone>(rows: &[Loaded<T>]) -> Vec<T> {
    rows.iter().map(|r| r.record.clone()).collect()
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
        self.cite_columns(table, row, "source_file", "source_line")
    }

    /// Reads a citation from any pair of file/line columns.
    pub fn cite_columns(&self, table: &Table, row: &Row, file_column: &str, line_column: &str) -> Result<SourceRef, DataError> {
        let name = table.get(row, file_column);
        let file = *self.by_name.get(name).ok_or_else(|| {
            table.error_at(row.line, format!("{file_column} `{name}` is not in data/sources.csv"))
        })?;
        let line = table.parse_field(row, line_column)?;
        if line == 0 {
            return Err(table.error_at(row.line, format!("{line_column} must be 1 or more")));
        }
        Ok(SourceRef { file, line })
    }

    /// A citation of `file` (a `sources.csv` name) at the line in `line_column`; `None` when
    /// that column is empty.
    pub fn cite_optional(&self, table: &Table, row: &Row, file: &str, line_column: &str) -> Result<Option<SourceRef>, DataError> {
        if table.get(row, line_column).is_empty() {
            return Ok(None);
        }
        let index = *self.by_name.get(file).ok_or_else(|| table.error_at(row.line, format!("`{file}` is not in data/sources.csv")))?;
        let line = table.parse_field(row, line_column)?;
        if line == 0 {
            return Err(table.error_at(row.line, format!("{line_column} must be 1 or more")));
        }
        Ok(Some(SourceRef { file: index, line }))
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
        if printed.is_some() {
            require_correction_note(table, row, &note)?;
        }
        let value = EnforcementValue {
            edition: table.parse_field(row, "edition")?,
            scope,
            year: table.parse_field(row, "year")?,
            metric,
            value: table.parse_field(row, "value")?,
            printed: printed.map(Text::from),
            note: note.into(),
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

/// A corrected value must say why.
fn require_correction_note(table: &Table, row: &Row, note: &str) -> Result<(), DataError> {
    if note.starts_with("corrected:") {
        Ok(())
    } else {
        Err(table.error_at(row.line, "a corrected value needs a note starting `corrected:`".into()))
    }
}

/// Loads each row with `read`, pairing the record with its file and line.
fn load_rows<T>(
    table: &Table,
    columns: &[&str],
    mut read: impl FnMut(&Row) -> Result<T, DataError>,
) -> Result<Vec<Loaded<T>>, DataError> {
    table.expect_columns(columns)?;
    table.rows.iter().map(|row| Ok(Loaded { record: read(row)?, at: table.origin(row) })).collect()
}

/// The extdata file the French and Spanish names come from.
pub const COUNTRY_CODES_FILE: &str = "country-codes/country-codes.csv";

pub fn load_countries(table: &Table, sources: &SourceIndex) -> Result<Vec<Loaded<Country>>, DataError> {
    let columns = [
        "id", "name", "region", "aliases", "region_source_file", "region_source_line", "name_fr", "name_es",
        "names_source_line",
    ];
    load_rows(table, &columns, |row| {
        let id = table.text(row, "id");
        if id.len() != 3 || !id.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(table.error_at(row.line, format!("id `{id}` is not three upper-case letters")));
        }
        let region = match table.get(row, "region") {
            "" => None,
            _ => Some(table.parse_id(row, "region", Region::from_id)?),
        };
        let region_source = match table.get(row, "region_source_file") {
            "" => None,
            _ => Some(sources.cite_columns(table, row, "region_source_file", "region_source_line")?),
        };
        if region.is_some() != region_source.is_some() {
            return Err(table.error_at(row.line, "a region needs a citation, and a citation a region".into()));
        }
        let aliases = table.get(row, "aliases").split('|').map(str::trim).filter(|a| !a.is_empty()).map(|a| Text::from(a.to_owned()));
        Ok(Country {
            id: id.into(),
            name: table.text(row, "name").into(),
            aliases: aliases.collect(),
            region,
            region_source,
            name_fr: table.text(row, "name_fr").into(),
            name_es: table.text(row, "name_es").into(),
            names_source: sources.cite_optional(table, row, COUNTRY_CODES_FILE, "names_source_line")?,
        })
    })
}

pub fn load_tiers(table: &Table, sources: &SourceIndex) -> Result<Vec<Loaded<TierPlacement>>, DataError> {
    let columns = ["country", "edition", "tier", "basis", "name_printed", "printed", "note", "source_file", "source_line"];
    load_rows(table, &columns, |row| {
        let placement = TierPlacement {
            country: table.text(row, "country").into(),
            edition: table.parse_field(row, "edition")?,
            tier: table.parse_id(row, "tier", Tier::from_id)?,
            basis: table.parse_id(row, "basis", TierBasis::from_id)?,
            name_printed: table.text(row, "name_printed").into(),
            printed: table.optional_text(row, "printed").map(Text::from),
            note: table.text(row, "note").into(),
            source: sources.cite(table, row)?,
        };
        match placement.basis {
            TierBasis::Corrected => require_correction_note(table, row, &placement.note)?,
            _ if placement.printed.is_some() => {
                return Err(table.error_at(row.line, "`printed` is set, so `basis` must be `corrected`".into()))
            }
            TierBasis::Inferred if placement.note.is_empty() => {
                return Err(table.error_at(row.line, "an inferred tier needs a note quoting the sentence".into()))
            }
            _ => {}
        }
        Ok(placement)
    })
}

pub fn load_country_enforcement(table: &Table, sources: &SourceIndex) -> Result<Vec<Loaded<CountryEnforcement>>, DataError> {
    let columns = [
        "country", "edition", "period", "period_label", "metric", "value", "unit", "name_printed", "note", "source_file",
        "source_line",
    ];
    load_rows(table, &columns, |row| {
        let value = CountryEnforcement {
            country: table.text(row, "country").into(),
            edition: table.parse_field(row, "edition")?,
            period: table.parse_field(row, "period")?,
            period_label: table.text(row, "period_label").into(),
            metric: table.parse_id(row, "metric", CountryMetric::from_id)?,
            value: table.parse_optional(row, "value")?,
            unit: table.text(row, "unit").into(),
            name_printed: table.text(row, "name_printed").into(),
            note: table.text(row, "note").into(),
            source: sources.cite(table, row)?,
        };
        if value.period > 0 {
            return Err(table.error_at(row.line, "`period` is 0 (this edition's period) or negative".into()));
        }
        if value.value.is_none() && value.note.is_empty() {
            return Err(table.error_at(row.line, "an empty value needs a note saying why".into()));
        }
        Ok(value)
    })
}

pub fn load_ratifications(table: &Table, sources: &SourceIndex) -> Result<Vec<Loaded<Ratification>>, DataError> {
    let columns = [
        "country", "instrument", "year", "kind", "in_force", "name_printed", "note", "edition", "source_file", "source_line",
    ];
    load_rows(table, &columns, |row| {
        Ok(Ratification {
            country: table.text(row, "country").into(),
            instrument: table.parse_id(row, "instrument", Instrument::from_id)?,
            year: table.parse_field(row, "year")?,
            kind: table.parse_id(row, "kind", RatificationKind::from_id)?,
            in_force: table.text(row, "in_force").into(),
            name_printed: table.text(row, "name_printed").into(),
            note: table.text(row, "note").into(),
            edition: table.parse_field(row, "edition")?,
            source: sources.cite(table, row)?,
        })
    })
}

pub fn load_protocol_parties(table: &Table, sources: &SourceIndex) -> Result<Vec<Loaded<ProtocolParty>>, DataError> {
    let columns = ["edition", "fact", "country", "year", "value", "name_printed", "note", "source_file", "source_line"];
    load_rows(table, &columns, |row| {
        let party = ProtocolParty {
            edition: table.parse_field(row, "edition")?,
            fact: table.parse_id(row, "fact", PartyFact::from_id)?,
            country: table.optional_text(row, "country").map(Text::from),
            year: table.parse_optional(row, "year")?,
            value: table.parse_optional(row, "value")?,
            name_printed: table.text(row, "name_printed").into(),
            note: table.text(row, "note").into(),
            source: sources.cite(table, row)?,
        };
        // A count states a number about no one country; the other facts name a country.
        let is_count = party.fact == PartyFact::PartiesCount;
        if is_count != party.value.is_some() || is_count == party.country.is_some() {
            return Err(table.error_at(row.line, "`parties_count` needs a value and no country; other facts a country".into()));
        }
        Ok(party)
    })
}

pub fn load_peacekeeping(table: &Table, sources: &SourceIndex) -> Result<Vec<Loaded<PeacekeepingValue>>, DataError> {
    let columns = ["edition", "year", "org", "metric", "value", "note", "source_file", "source_line"];
    load_rows(table, &columns, |row| {
        let metric = table.text(row, "metric");
        if metric.is_empty() || !metric.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(table.error_at(row.line, format!("metric `{metric}` must be a lower_case id")));
        }
        Ok(PeacekeepingValue {
            edition: table.parse_field(row, "edition")?,
            year: table.parse_field(row, "year")?,
            org: table.parse_id(row, "org", Org::from_id)?,
            metric: metric.into(),
            value: table.parse_field(row, "value")?,
            note: table.text(row, "note").into(),
            source: sources.cite(table, row)?,
        })
    })
}

pub fn load_stated_totals(table: &Table, sources: &SourceIndex) -> Result<Vec<Loaded<StatedTotal>>, DataError> {
    let columns = ["edition", "subject", "value", "note", "source_file", "source_line"];
    load_rows(table, &columns, |row| {
        Ok(StatedTotal {
            edition: table.parse_field(row, "edition")?,
            subject: table.text(row, "subject").into(),
            value: table.parse_field(row, "value")?,
            note: table.text(row, "note").into(),
            source: sources.cite(table, row)?,
        })
    })
}
