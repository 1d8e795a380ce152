//! Tabular form of what a chart draws: the accessible `<table>`, `view="table"` and CSV.

/// Ends a cell in [`DataTable::packed_rows`] (the ASCII unit separator).
pub const CELL_END: char = '\u{1f}';
/// Ends a row in [`DataTable::packed_rows`] (the ASCII record separator).
pub const ROW_END: char = '\u{1e}';

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

    /// Every row's cells in one string, each cell ended by [`CELL_END`] and each row by
    /// [`ROW_END`], so the table crosses to JavaScript as one string rather than one per cell
    /// (a map's table has 760 cells). Those two control characters, should a cell hold one,
    /// become spaces.
    pub fn packed_rows(&self) -> String {
        let mut out = String::new();
        for row in &self.rows {
            for cell in row {
                for c in cell.chars() {
                    out.push(if c == CELL_END || c == ROW_END { ' ' } else { c });
                }
                out.push(CELL_END);
            }
            out.push(ROW_END);
        }
        out
    }

    /// RFC 4180 CSV with CRLF line ends, as spreadsheet programs expect.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.columns).chain(&self.rows) {
            for (i, field) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&csv_field(field));
            }
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
        Some('-') if !is_float_literal(text) => format!("'{text}"),
        _ => text.to_owned(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Whether `f64::from_str` would accept `text`, decided by its documented grammar
/// (`[+-]? (inf | infinity | nan | digits [. digits] [e [+-] digits])`, letters in any case,
/// at least one mantissa digit) so the wasm needs no float parser (17 KB with its tables).
fn is_float_literal(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    if ["inf", "infinity", "nan"].iter().any(|word| unsigned.eq_ignore_ascii_case(word)) {
        return true;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = all_digits(whole) && all_digits(fraction) && whole.len() + fraction.len() > 0;
    let exponent_ok = exponent.map_or(true, |e| {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        !digits.is_empty() && all_digits(digits)
    });
    mantissa_ok && exponent_ok
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

    #[test]
    fn packed_rows_end_every_cell_and_row_and_keep_separators_out_of_cells() {
        let table = DataTable {
            columns: vec!["a".into(), "b".into()],
            rows: vec![vec!["1".into(), "".into()], vec!["x\u{1f}y\u{1e}z".into(), "é".into()]],
        };
        assert_eq!(table.packed_rows(), "1\u{1f}\u{1f}\u{1e}x y z\u{1f}é\u{1f}\u{1e}");
        assert_eq!(DataTable::default().packed_rows(), "");
    }

    #[test]
    fn float_literals_are_what_the_float_parser_accepts() {
        let cases = [
            "-3", "-3.", "-.5", "-0.25", "-1e5", "-1E+5", "-2.5e-3", "-inf", "-INFINITY", "-NaN", "+7", "12",
            "-", "-.", "-e5", "-1e", "-1e+", "-1.2.3", "-1,5", "- 3", "-3 ", "-in", "-infinit", "-nan1", "-1e5.0",
            "-0x10", "-1_000", "", ".", "e", "--3", "-+3", "-\u{2212}3", "-3–5", "-1e-", "-.e1", "-5.e2", "-١",
        ];
        for case in cases {
            assert_eq!(is_float_literal(case), case.parse::<f64>().is_ok(), "{case:?}");
        }
    }
}
