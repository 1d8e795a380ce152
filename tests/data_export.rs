#![cfg(not(target_arch = "wasm32"))]
//! `TipViz.data()`'s JSON: valid, one object per row of every table, citations resolved.

use std::collections::BTreeMap;
use tipviz::data::{dataset, Metric, Scope};
use tipviz::export::dataset_json;

/// Just enough JSON to check the export: a strict recursive-descent parser (RFC 8259).
#[derive(Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

struct Parser<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn parse(text: &str) -> Result<Json, String> {
        let mut p = Parser { text: text.as_bytes(), pos: 0 };
        let value = p.value()?;
        p.space();
        if p.pos != p.text.len() {
            return Err(p.fail("trailing text"));
        }
        Ok(value)
    }

    fn fail(&self, what: &str) -> String {
        format!("{what} at byte {}", self.pos)
    }

    fn space(&mut self) {
        while self.text.get(self.pos).is_some_and(|b| b" \t\n\r".contains(b)) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, literal: &str) -> bool {
        let found = self.text[self.pos..].starts_with(literal.as_bytes());
        if found {
            self.pos += literal.len();
        }
        found
    }

    fn value(&mut self) -> Result<Json, String> {
        self.space();
        match self.text.get(self.pos) {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("null") => Ok(Json::Null),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ => Err(self.fail("expected a value")),
        }
    }

    fn object(&mut self) -> Result<Json, String> {
        self.pos += 1;
        let mut members = BTreeMap::new();
        self.space();
        if self.eat("}") {
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            let key = self.string()?;
            self.space();
            if !self.eat(":") {
                return Err(self.fail("expected `:`"));
            }
            let value = self.value()?;
            if members.insert(key.clone(), value).is_some() {
                return Err(self.fail(&format!("duplicate key {key}")));
            }
            self.space();
            if self.eat("}") {
                return Ok(Json::Object(members));
            }
            if !self.eat(",") {
                return Err(self.fail("expected `,` or `}`"));
            }
        }
    }

    fn array(&mut self) -> Result<Json, String> {
        self.pos += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat("]") {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.space();
            if self.eat("]") {
                return Ok(Json::Array(items));
            }
            if !self.eat(",") {
                return Err(self.fail("expected `,` or `]`"));
            }
        }
    }

    fn string(&mut self) -> Result<String, String> {
        if !self.eat("\"") {
            return Err(self.fail("expected a string"));
        }
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.text.get(self.pos) else { return Err(self.fail("unterminated string")) };
            self.pos += 1;
            match b {
                b'"' => return String::from_utf8(out).map_err(|_| self.fail("invalid UTF-8")),
                b'\\' => {
                    let escaped = *self.text.get(self.pos).ok_or_else(|| self.fail("bad escape"))?;
                    self.pos += 1;
                    match escaped {
                        b'"' | b'\\' | b'/' => out.push(escaped),
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let hex = self.text.get(self.pos..self.pos + 4).ok_or_else(|| self.fail("short \\u"))?;
                            let code = u32::from_str_radix(std::str::from_utf8(hex).unwrap_or("x"), 16)
                                .map_err(|_| self.fail("bad \\u"))?;
                            self.pos += 4;
                            let c = char::from_u32(code).ok_or_else(|| self.fail("surrogate \\u"))?;
                            out.extend_from_slice(c.to_string().as_bytes());
                        }
                        _ => return Err(self.fail("bad escape")),
                    }
                }
                0..=0x1f => return Err(self.fail("raw control character in a string")),
                _ => out.push(b),
            }
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.pos;
        while self.text.get(self.pos).is_some_and(|b| b"-+.eE0123456789".contains(b)) {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.text[start..self.pos]).unwrap();
        text.parse().map(Json::Number).map_err(|_| self.fail("bad number"))
    }
}

fn member<'j>(json: &'j Json, key: &str) -> &'j Json {
    match json {
        Json::Object(members) => members.get(key).unwrap_or_else(|| panic!("no `{key}` in {json:?}")),
        _ => panic!("not an object: {json:?}"),
    }
}

fn rows<'j>(json: &'j Json, table: &str) -> &'j [Json] {
    match member(json, table) {
        Json::Array(items) => items,
        other => panic!("`{table}` is not an array: {other:?}"),
    }
}

#[test]
fn the_parser_refuses_invalid_json() {
    for bad in ["{", "{\"a\":1,}", "[1 2]", "\"a\nb\"", "{\"a\":1}x", "{\"a\":1,\"a\":2}"] {
        assert!(Parser::parse(bad).is_err(), "{bad:?} parsed");
    }
    assert_eq!(Parser::parse(r#" {"a": [1, null, true, "\u00e9\n"]} "#).map(|_| ()), Ok(()));
}

#[test]
fn export_is_valid_json_with_every_row_of_every_table() {
    let d = dataset();
    let json = Parser::parse(&dataset_json(d)).unwrap_or_else(|e| panic!("dataset_json is not JSON: {e}"));
    for (table, count) in d.table_lengths() {
        assert_eq!(rows(&json, table).len(), count, "{table}");
    }
    // Every row of a cited table carries {file, line} naming a listed source.
    let files: Vec<&Json> = rows(&json, "sources").iter().map(|s| member(s, "file")).collect();
    for table in ["tiers", "enforcement", "country_enforcement", "ratifications", "protocol_parties", "peacekeeping"] {
        for row in rows(&json, table) {
            let source = member(row, "source");
            assert!(files.contains(&member(source, "file")), "{table}: {source:?}");
            assert!(matches!(member(source, "line"), Json::Number(n) if *n >= 1.0));
        }
    }
    let kaz = rows(&json, "countries").iter().find(|c| member(c, "id") == &Json::String("KAZ".into())).unwrap();
    assert_eq!(member(member(kaz, "names"), "fr"), &Json::String("Kazakhstan (le)".into()));
    assert!(matches!(member(kaz, "aliases"), Json::Array(_)));
}

#[test]
fn revised_marks_cells_two_editions_print_differently() {
    let d = dataset();
    let json = Parser::parse(&dataset_json(d)).unwrap();
    let revised = |scope: Scope, year: f64, metric: Metric| -> Vec<bool> {
        rows(&json, "enforcement")
            .iter()
            .filter(|r| {
                member(r, "scope") == &Json::String(scope.id().into())
                    && member(r, "year") == &Json::Number(year)
                    && member(r, "metric") == &Json::String(metric.id().into())
            })
            .map(|r| member(r, "revised") == &Json::Bool(true))
            .collect()
    };
    // 7,115 (2024 edition) became 7,145 (2025 edition).
    assert_eq!(revised(Scope::Global, 2023.0, Metric::Convictions), [true, true]);
    // A 2025 misprint corrected back to the 2024 value is not a revision.
    assert_eq!(revised(Scope::Global, 2019.0, Metric::Victims), [false, false]);
}
