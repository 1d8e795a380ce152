//! Tabular form of what a chart draws: the accessible `<table>`, `view="table"` and CSV.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl DataTable {
    /// A table with these column names.
    pub fn new(columns: &[&str], rows: Vec<Vec<String>>) -> DataTable {
        DataTable { columns: columns.iter().map(|c| c.to_string()).collect(), rows }
    }

    /// RFC 4180 CSV with CRLF line ends, as spreadsheet programs expect.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.columns).chain(&self.rows) {
            let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

fn csv_field(text: &str) -> String {
    // A leading =, +, - or @ makes spreadsheets run the cell as a formula; a quote mark
    // prefix keeps it text. Our values are numbers and prose, so this only guards notes.
    let text = match text.chars().next() {
        Some('=' | '+' | '@') => format!("'{text}"),
        Some('-') if text.parse::<f64>().is_err() => format!("'{text}"),
        _ => text.to_owned(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let table = DataTable {
            columns: vec!["a".into(), "b".into()],
            rows: vec![vec!["1,5".into(), "say \"hi\"".into()], vec!["=cmd()".into(), "-3".into()]],
        };
        assert_eq!(table.to_csv(), "a,b\r\n\"1,5\",\"say \"\"hi\"\"\"\r\n'=cmd(),-3\r\n");
    }
}
