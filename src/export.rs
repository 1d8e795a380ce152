//! `TipViz.data()`: the whole dataset as plain JSON, in the shape DESIGN section 4 promises.
//! Written by hand so the wasm carries no serialisation framework.

use crate::data::Dataset;

pub fn dataset_json(dataset: &Dataset) -> String {
    let mut out = String::with_capacity(128 * 1024);
    out.push_str("{\"version\":");
    string(&mut out, crate::VERSION);
    out.push_str(",\"sources\":[");
    for (i, s) in dataset.sources.iter().enumerate() {
        comma(&mut out, i);
        out.push_str("{\"file\":");
        string(&mut out, &s.file);
        out.push_str(",\"title\":");
        string(&mut out, &s.title);
        out.push_str(",\"edition\":");
        match s.edition {
            Some(e) => out.push_str(&e.to_string()),
            None => out.push_str("null"),
        }
        out.push_str(",\"licence\":");
        string(&mut out, &s.licence);
        out.push('}');
    }
    out.push_str("],\"enforcement\":[");
    for (i, v) in dataset.enforcement.iter().enumerate() {
        comma(&mut out, i);
        out.push_str(&format!("{{\"edition\":{},\"scope\":", v.edition));
        string(&mut out, v.scope.id());
        out.push_str(&format!(",\"year\":{},\"metric\":", v.year));
        string(&mut out, v.metric.id());
        out.push_str(&format!(",\"value\":{},\"printed\":", v.value));
        match &v.printed {
            Some(p) => string(&mut out, p),
            None => out.push_str("null"),
        }
        out.push_str(",\"note\":");
        string(&mut out, &v.note);
        source(&mut out, dataset, v.source);
        out.push('}');
    }
    out.push_str("]}");
    out
}

fn comma(out: &mut String, index: usize) {
    if index > 0 {
        out.push(',');
    }
}

fn source(out: &mut String, dataset: &Dataset, s: crate::data::SourceRef) {
    out.push_str(",\"source\":{\"file\":");
    string(out, &dataset.source(s).file);
    out.push_str(&format!(",\"line\":{}}}", s.line));
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
pub fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        let mut out = String::new();
        string(&mut out, "a\"b\\c\nd\u{1}");
        assert_eq!(out, r#""a\"b\\c\nd\u0001""#);
    }
}
