#![cfg(not(target_arch = "wasm32"))]
//! Provenance: every row of every table that cites a seed (or extdata) line must find its
//! printed value on that line. Runs against `../shared/seeds` and `../shared/extdata`; skipped
//! with a message where they are absent. All failures are listed before the test fails.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tipviz::data::source::{Row, Table};

/// How far a line-wrapped name or quoted sentence may run past its cited line.
const WRAP_LINES: usize = 6;

/// What the cited line must contain.
enum Expect {
    /// A number: thousands separators and spaces are ignored on both sides ("18 ,774" = 18774).
    Number(String),
    /// A name or wording: case-insensitive, whitespace collapsed, starting on the cited line and
    /// possibly continuing on the next lines.
    Text(String),
    /// Any one of these spellings (a country's name or one of its aliases).
    AnyText(Vec<String>),
    /// Wording a note quotes: it may start on an earlier line, but must run through the cited
    /// line; `...` in the quotation stands for omitted words.
    Quote(String),
}

impl Expect {
    fn shown(&self) -> String {
        match self {
            Expect::Number(n) => n.clone(),
            Expect::Text(t) => format!("`{t}`"),
            Expect::AnyText(names) => format!("any of `{}`", names.join("` / `")),
            Expect::Quote(q) => format!("the quoted `{q}`"),
        }
    }
}

/// A cited line and the lines after it.
struct Cited<'f> {
    lines: &'f [String],
    index: usize,
}

impl Cited<'_> {
    fn holds(&self, expect: &Expect) -> bool {
        match expect {
            Expect::Number(n) => numbers(&self.lines[self.index]).contains(&digits_only(n)),
            Expect::Text(t) => self.holds_text(t),
            Expect::AnyText(names) => names.iter().any(|t| self.holds_text(t)),
            Expect::Quote(q) => self.holds_quote(q),
        }
    }

    fn holds_text(&self, text: &str) -> bool {
        let (joined, cited) = self.window(0);
        let needle = fold(text);
        let found = matches(&joined, &needle).any(|(start, _)| cited.contains(&start));
        found
    }

    fn holds_quote(&self, quote: &str) -> bool {
        let (joined, cited) = self.window(WRAP_LINES);
        let pieces: Vec<String> = quote.split("...").map(fold).filter(|piece| !piece.is_empty()).collect();
        let Some((first, rest)) = pieces.split_first() else { return false };
        // Each occurrence of the first piece may start the quotation; the others follow in order.
        let found = matches(&joined, first).any(|(start, mut end)| {
            for piece in rest {
                match joined[end..].find(piece.as_str()) {
                    Some(at) => end += at + piece.len(),
                    None => return false,
                }
            }
            start < cited.end && end > cited.start
        });
        found
    }

    /// The folded text of `before` lines, the cited line and `WRAP_LINES` after it, joined by
    /// single spaces, and the byte range the cited line occupies in it.
    fn window(&self, before: usize) -> (String, std::ops::Range<usize>) {
        let first = self.index.saturating_sub(before);
        let last = (self.index + 1 + WRAP_LINES).min(self.lines.len());
        let mut joined = String::new();
        let mut cited = 0..0;
        for (i, line) in self.lines[first..last].iter().enumerate() {
            let folded = fold(line);
            if folded.is_empty() {
                continue;
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            if first + i == self.index {
                cited = joined.len()..joined.len() + folded.len();
            }
            joined.push_str(&folded);
        }
        (joined, cited)
    }
}

/// Every (start, end) byte range where `needle` occurs in `haystack`.
fn matches<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = (usize, usize)> + 'h {
    haystack.match_indices(needle).map(move |(at, _)| (at, at + needle.len())).filter(move |_| !needle.is_empty())
}

/// The whole numbers on a line, as digits: a group of digits and the groups of three that
/// follow it after a comma (with stray spaces before the comma, as the text extraction leaves
/// them: "18 ,774" is 18774). "5" is not found in "15" or "2025", nor in "1,500".
fn numbers(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut number = String::new();
        while i < chars.len() && chars[i].is_ascii_digit() {
            number.push(chars[i]);
            i += 1;
        }
        // Thousands groups: stray spaces, a comma, then exactly three digits (a space after the
        // comma is a list: "86 in 2017, 184 in 2016").
        loop {
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j >= chars.len() || chars[j] != ',' {
                break;
            }
            j += 1;
            let group: String = chars[j..].iter().take_while(|c| c.is_ascii_digit()).collect();
            if group.len() != 3 {
                break;
            }
            number.push_str(&group);
            i = j + 3;
        }
        found.push(number);
    }
    found
}

fn digits_only(text: &str) -> String {
    text.chars().filter(|c| *c != ',' && !c.is_whitespace()).collect()
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The wording a note says the document printed, where the value is not printed as digits:
/// `printed as text: "…"` (peacekeeping zeros), `printed '…'` and `printed parts '…'`
/// (numbers in words in the narratives).
fn printed_wording(note: &str) -> Option<&str> {
    // The first quotation after the marker, which may name who wrote it first
    // (`printed as text: HR "had no record …"`).
    if let Some(at) = note.find("printed as text:") {
        let rest = &note[at + "printed as text:".len()..];
        let open = rest.find('"')? + 1;
        return rest[open..].find('"').map(|end| &rest[open..open + end]);
    }
    let at = note.find("printed '").map(|i| i + "printed '".len());
    let at = at.or_else(|| note.find("printed parts '").map(|i| i + "printed parts '".len()))?;
    let rest = &note[at..];
    // The closing quote is one not followed by a letter (so "government's" stays inside).
    let end = rest
        .char_indices()
        .find(|&(i, c)| c == '\'' && !rest[i + 1..].starts_with(|n: char| n.is_alphanumeric()))
        .map(|(i, _)| i)?;
    Some(&rest[..end])
}

/// `total of printed parts: 112 federal + 304 state investigations`: the numbers added up.
fn printed_parts(note: &str) -> Option<Vec<String>> {
    let rest = &note[note.find("total of printed parts:")? + "total of printed parts:".len()..];
    let parts = rest.split(';').next()?.split('+');
    Some(parts.filter_map(|p| p.split_whitespace().next().map(str::to_owned)).collect())
}

fn is_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit()) && text.chars().all(|c| c.is_ascii_digit() || c == ',' || c == ' ')
}

fn column<'r>(table: &Table, row: &'r Row, name: &str) -> Option<&'r str> {
    table.has_column(name).then(|| table.get(row, name)).filter(|v| !v.is_empty())
}

/// What one row of a `data/` table promises its cited line contains.
fn expectations(file: &str, table: &Table, row: &Row) -> Vec<Expect> {
    let mut out = Vec::new();
    let note = column(table, row, "note").unwrap_or("");
    if let Some(printed) = column(table, row, "printed") {
        out.push(if is_number(printed) { Expect::Number(printed.to_owned()) } else { Expect::Text(printed.to_owned()) });
    } else if let Some(value) = column(table, row, "value") {
        if let Some(wording) = printed_wording(note) {
            out.push(Expect::Quote(wording.to_owned()));
        } else if let Some(parts) = printed_parts(note) {
            out.extend(parts.into_iter().map(Expect::Number));
        } else {
            out.push(Expect::Number(value.to_owned()));
        }
    }
    if column(table, row, "basis") == Some("inferred") {
        out.push(Expect::Quote(note.to_owned()));
    } else if let Some(name) = column(table, row, "name_printed") {
        // The narratives print the country in the heading, not on each count's line.
        if file != "country_enforcement.csv" {
            out.push(Expect::Text(name.to_owned()));
        }
    }
    if file == "ratifications.csv" || file == "protocol_parties.csv" {
        if let Some(year) = column(table, row, "year") {
            out.push(Expect::Number(year.to_owned()));
        }
    }
    if let Some(in_force) = column(table, row, "in_force") {
        out.push(Expect::Text(in_force.to_owned()));
    }
    out
}

struct Checker {
    seeds: PathBuf,
    extdata: PathBuf,
    files: HashMap<String, Option<Vec<String>>>,
    failures: Vec<String>,
    checked: usize,
}

impl Checker {
    fn lines(&mut self, cited: &str) -> Option<&Vec<String>> {
        let path = if cited.contains('/') { self.extdata.join(cited) } else { self.seeds.join(cited) };
        self.files
            .entry(cited.to_owned())
            .or_insert_with(|| std::fs::read_to_string(path).ok().map(|t| t.split('\n').map(str::to_owned).collect()))
            .as_ref()
    }

    fn check(&mut self, at: &str, cited_file: &str, cited_line: &str, expects: &[Expect]) {
        let Ok(line) = cited_line.parse::<usize>() else {
            self.failures.push(format!("{at}: source line `{cited_line}` is not a number"));
            return;
        };
        let Some(lines) = self.lines(cited_file) else {
            self.failures.push(format!("{at}: cited file {cited_file} cannot be read"));
            return;
        };
        if line == 0 || line > lines.len() {
            self.failures.push(format!("{at}: cited {cited_file}:{line} is past the end of the file"));
            return;
        }
        let cited = Cited { lines, index: line - 1 };
        let missing: Vec<String> = expects.iter().filter(|e| !cited.holds(e)).map(Expect::shown).collect();
        self.checked += 1;
        for value in missing {
            self.failures.push(format!("{at}: cited {cited_file}:{line} does not contain {value}"));
        }
    }
}

#[test]
fn every_cited_line_contains_its_value() {
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = crate_root.join("../shared/seeds");
    if !seeds.is_dir() {
        // CI runs beside shared/, so a missing seed folder there is a broken set-up, not a skip.
        assert!(std::env::var_os("CI").is_none(), "../shared/seeds not found: CI must run beside shared/");
        eprintln!("provenance test skipped: ../shared/seeds not found");
        return;
    }
    let mut checker = Checker {
        seeds,
        extdata: crate_root.join("../shared/extdata"),
        files: HashMap::new(),
        failures: Vec::new(),
        checked: 0,
    };
    let data = crate_root.join("data");
    let mut names: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    names.sort();
    for file in &names {
        let shown = format!("data/{file}");
        let table = Table::parse(&shown, &std::fs::read_to_string(data.join(file)).unwrap()).unwrap();
        for row in &table.rows {
            let at = format!("{shown}:{}", row.line);
            if file == "countries.csv" {
                let mut spellings = vec![table.get(row, "name").to_owned()];
                spellings.extend(table.get(row, "aliases").split('|').filter(|a| !a.is_empty()).map(str::to_owned));
                if let Some(region_file) = column(&table, row, "region_source_file") {
                    let line = table.get(row, "region_source_line");
                    checker.check(&at, region_file, line, &[Expect::AnyText(spellings)]);
                }
                if let Some(line) = column(&table, row, "names_source_line") {
                    let names = [Expect::Text(table.get(row, "name_fr").into()), Expect::Text(table.get(row, "name_es").into())];
                    checker.check(&at, "country-codes/country-codes.csv", line, &names);
                }
            } else if let Some(cited) = column(&table, row, "source_file") {
                let expects = expectations(file, &table, row);
                checker.check(&at, cited, table.get(row, "source_line"), &expects);
            }
        }
    }
    eprintln!("provenance: {} cited rows checked, {} failures", checker.checked, checker.failures.len());
    // Every table's rows were reached (countries cite up to two lines each).
    let rows: usize = tipviz::data::dataset().table_lengths().iter().map(|(_, n)| n).sum();
    assert!(checker.checked >= rows - tipviz::data::dataset().sources.len(), "only {} of {rows} rows checked", checker.checked);
    assert!(checker.failures.is_empty(), "provenance failures:\n{}", checker.failures.join("\n"));
}

#[test]
fn matching_rules() {
    let lines: Vec<String> =
        ["x", "202\t18 ,774\t1,234", "KOREA, DEMOCRATIC PEOPLE’S  ", "REPUBLIC OF: TIER 3", "the government", "did not convict."]
            .map(String::from)
            .to_vec();
    let at = |index| Cited { lines: &lines, index };
    assert!(at(1).holds(&Expect::Number("18774".into())));
    assert!(!at(1).holds(&Expect::Number("18775".into())));
    // Whole numbers only: not a digit inside another number, nor two columns run together.
    assert!(at(1).holds(&Expect::Number("1234".into())));
    assert!(!at(1).holds(&Expect::Number("2".into())));
    assert!(!at(1).holds(&Expect::Number("774".into())));
    assert!(!at(1).holds(&Expect::Number("20218".into())));
    let list: Vec<String> = vec!["victims (86 in 2017, 184 in 2016)".into()];
    assert!(Cited { lines: &list, index: 0 }.holds(&Expect::Number("184".into())), "a list is not a thousands group");
    assert_eq!(printed_wording("printed as text: HR \"had no record\"; other"), Some("had no record"));
    assert!(at(2).holds(&Expect::Text("Korea, Democratic People’s Republic of".into())));
    assert!(!at(3).holds(&Expect::Text("Korea, Democratic People’s Republic of".into())), "must start on the cited line");
    assert!(at(5).holds(&Expect::Quote("the government did not convict".into())));
    assert!(at(5).holds(&Expect::Quote("the government ... convict".into())));
    assert!(!at(1).holds(&Expect::Quote("the government did not convict".into())), "must run through the cited line");
    assert_eq!(printed_wording("printed 'six'; the government's own"), Some("six"));
    assert_eq!(printed_wording("printed as text: \"No reported allegations\""), Some("No reported allegations"));
    assert_eq!(printed_parts("total of printed parts: 112 federal + 304 state investigations"), Some(vec!["112".into(), "304".into()]));
}
