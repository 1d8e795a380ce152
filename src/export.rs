//! `TipViz.data()`: the whole dataset as plain JSON, in the shape DESIGN section 4 promises.
//! Written by hand so the wasm carries no serialisation framework.

use crate::data::{Dataset, Metric, Scope, SourceRef};

pub fn dataset_json(dataset: &Dataset) -> String {
    let mut out = String::with_capacity(1024 * 1024);
    let mut top = Object::open(&mut out);
    top.str("version", crate::VERSION);
    top.array("sources", &dataset.sources, |o, s| {
        o.str("file", &s.file);
        o.str("title", &s.title);
        o.opt_num("edition", s.edition);
        o.str("licence", &s.licence);
    });
    top.array("countries", &dataset.countries, |o, c| {
        o.str("id", &c.id);
        o.str("name", &c.name);
        o.key("aliases");
        o.out.push('[');
        for (i, alias) in c.aliases.iter().enumerate() {
            comma(o.out, i);
            string(o.out, alias);
        }
        o.out.push(']');
        o.opt_str("region", c.region.map(|r| r.id()));
        o.opt_source("region_source", dataset, c.region_source);
        o.key("names");
        let mut names = Object::open(o.out);
        names.str("fr", &c.name_fr);
        names.str("es", &c.name_es);
        names.close();
        o.opt_source("names_source", dataset, c.names_source);
    });
    top.array("tiers", &dataset.tiers, |o, t| {
        o.str("country", &t.country);
        o.num("edition", t.edition);
        o.str("tier", t.tier.id());
        o.str("basis", t.basis.id());
        o.str("name_printed", &t.name_printed);
        o.opt_str("printed", t.printed.as_deref());
        o.str("note", &t.note);
        o.source(dataset, t.source);
    });
    let revised = revised_cells(dataset);
    top.array("enforcement", &dataset.enforcement, |o, v| {
        o.num("edition", v.edition);
        o.str("scope", v.scope.id());
        o.num("year", v.year);
        o.str("metric", v.metric.id());
        o.num("value", v.value);
        o.opt_str("printed", v.printed.as_deref());
        o.str("note", &v.note);
        o.bool("revised", revised.binary_search(&(v.scope, v.year, v.metric)).is_ok());
        o.source(dataset, v.source);
    });
    top.array("country_enforcement", &dataset.country_enforcement, |o, v| {
        o.str("country", &v.country);
        o.num("edition", v.edition);
        o.num("period", v.period);
        o.str("period_label", &v.period_label);
        o.str("metric", v.metric.id());
        o.opt_num("value", v.value);
        o.str("unit", &v.unit);
        o.str("name_printed", &v.name_printed);
        o.str("note", &v.note);
        o.source(dataset, v.source);
    });
    top.array("ratifications", &dataset.ratifications, |o, r| {
        o.str("country", &r.country);
        o.str("instrument", r.instrument.id());
        o.num("year", r.year);
        o.str("kind", r.kind.id());
        o.opt_str("in_force", Some(r.in_force.as_ref()).filter(|t| !t.is_empty()));
        o.num("edition", r.edition);
        o.str("name_printed", &r.name_printed);
        o.str("note", &r.note);
        o.source(dataset, r.source);
    });
    top.array("protocol_parties", &dataset.protocol_parties, |o, p| {
        o.num("edition", p.edition);
        o.str("fact", p.fact.id());
        o.opt_str("country", p.country.as_deref());
        o.opt_num("year", p.year);
        o.opt_num("value", p.value);
        o.str("name_printed", &p.name_printed);
        o.str("note", &p.note);
        o.source(dataset, p.source);
    });
    top.array("peacekeeping", &dataset.peacekeeping, |o, p| {
        o.num("edition", p.edition);
        o.num("year", p.year);
        o.str("org", p.org.id());
        o.str("metric", &p.metric);
        o.num("value", p.value);
        o.str("note", &p.note);
        o.source(dataset, p.source);
    });
    top.array("stated_totals", &dataset.stated_totals, |o, t| {
        o.num("edition", t.edition);
        o.str("subject", &t.subject);
        o.num("value", t.value);
        o.str("note", &t.note);
        o.source(dataset, t.source);
    });
    top.close();
    out
}

/// The law-enforcement cells the editions give more than one value: a later edition revised
/// them (corrected misprints count as the corrected value). Sorted for `binary_search`; a
/// sorted list rather than a HashMap keeps hashing out of the wasm.
fn revised_cells(dataset: &Dataset) -> Vec<(Scope, u16, Metric)> {
    let mut values = Vec::new();
    for v in dataset.enforcement.iter() {
        values.push(((v.scope, v.year, v.metric), v.value));
    }
    crate::sort::sort(&mut values);
    values.dedup();
    let mut revised = Vec::new();
    for pair in values.windows(2) {
        if pair[0].0 == pair[1].0 {
            revised.push(pair[0].0);
        }
    }
    revised.dedup();
    revised
}

/// Writes one JSON object's members, adding the commas between them.
struct Object<'o> {
    out: &'o mut String,
    members: usize,
}

impl<'o> Object<'o> {
    fn open(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, members: 0 }
    }

    fn close(self) {
        self.out.push('}');
    }

    fn key(&mut self, key: &str) {
        comma(self.out, self.members);
        self.members += 1;
        string(self.out, key);
        self.out.push(':');
    }

    fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        string(self.out, value);
    }

    fn opt_str(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        match value {
            Some(v) => string(self.out, v),
            None => self.out.push_str("null"),
        }
    }

    fn num(&mut self, key: &str, value: impl std::fmt::Display) {
        self.key(key);
        self.out.push_str(&value.to_string());
    }

    fn opt_num(&mut self, key: &str, value: Option<impl std::fmt::Display>) {
        self.key(key);
        match value {
            Some(v) => self.out.push_str(&v.to_string()),
            None => self.out.push_str("null"),
        }
    }

    fn bool(&mut self, key: &str, value: bool) {
        self.key(key);
        self.out.push_str(if value { "true" } else { "false" });
    }

    /// `{file, line}`: the cited file's name as `sources` lists it.
    fn opt_source(&mut self, key: &str, dataset: &Dataset, source: Option<SourceRef>) {
        self.key(key);
        match source {
            Some(s) => {
                let mut o = Object::open(self.out);
                o.str("file", &dataset.source(s).file);
                o.num("line", s.line);
                o.close();
            }
            None => self.out.push_str("null"),
        }
    }

    fn source(&mut self, dataset: &Dataset, source: SourceRef) {
        self.opt_source("source", dataset, Some(source));
    }

    /// An array of objects, one per row, each written by `row`.
    fn array<T>(&mut self, key: &str, rows: &[T], mut row: impl FnMut(&mut Object, &T)) {
        self.key(key);
        self.out.push('[');
        for (i, r) in rows.iter().enumerate() {
            comma(self.out, i);
            let mut o = Object::open(self.out);
            row(&mut o, r);
            o.close();
        }
        self.out.push(']');
    }
}

fn comma(out: &mut String, index: usize) {
    if index > 0 {
        out.push(',');
    }
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
