//! The compact binary form of the dataset, embedded in the wasm. One file holds both
//! directions so the writer (`build.rs`) and the reader (runtime) cannot drift apart.
//!
//! Layout: magic `TIPV`, a format version byte, the string table (a count and a byte length,
//! then each distinct string once, in UTF-8 and ended by a 0 byte: gzip finds more repeats than
//! between length prefixes, and the byte length lets the reader check all of them as UTF-8 in
//! one pass and find the ends with a word-at-a-time search), then each table in the order of
//! the [`Dataset`] fields: its row count, its column count, and each column as a byte length
//! plus its bytes. A column holds one field of every row, so alike values sit together and
//! gzip finds them.
//! Integers are unsigned LEB128 of the zigzagged difference from the previous row's value in
//! the same column (sorted tables make most of these 0 or 1); strings are their index in the
//! string table; enums are one byte (their position in `ALL`); optional values are shifted by
//! one so 0 means absent; a citation is two columns (file, line); a country is its index in
//! the countries table. The tier placements are a directory (each edition, its count and
//! whether all were printed) followed by one table per edition, so that a chart of one
//! edition decodes that edition alone. No alignment is assumed, so the bytes can come
//! straight from `include_bytes!`.

use super::records::*;
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"TIPV";
const FORMAT_VERSION: u8 = 5;

#[derive(PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
    pub what: &'static str,
}

/// The Display text: `expect` prints the error with Debug, and a derived Debug would bring
/// string escaping and its Unicode tables into the wasm.
impl core::fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Display::fmt(self, f)
    }
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "dataset bytes are damaged at offset {}: {}", self.offset, self.what)
    }
}

pub fn encode(dataset: &Dataset) -> Vec<u8> {
    let mut w = Writer::default();
    w.table(&dataset.sources, |w, s| {
        w.str(&s.file);
        w.str(&s.title);
        w.uint(s.edition.map_or(0, u64::from));
        w.str(&s.licence);
    });
    w.table(&dataset.countries, |w, c| {
        w.str(&c.id);
        w.str(&c.name);
        w.strs(&c.aliases);
        w.u8(c.region.map_or(0, |r| 1 + r as u8));
        w.opt_source(c.region_source);
        w.str(&c.name_fr);
        w.str(&c.name_es);
        w.opt_source(c.names_source);
    });
    w.country_ids = dataset.countries.iter().map(|c| c.id.to_string()).collect();
    // The tier placements edition by edition: a directory, then a table per edition, so that
    // a chart of one edition decodes only its block.
    let editions = dataset.tiers.editions();
    w.table(&editions, |w, e| {
        w.uint(e.edition.into());
        w.uint(e.count as u64);
        w.u8(e.all_printed.into());
    });
    for e in &editions {
        w.table(dataset.tiers.edition(e.edition), |w, t| {
            w.country(&t.country);
            w.code(Tier::ALL, t.tier);
            w.code(TierBasis::ALL, t.basis);
            w.str(&t.name_printed);
            w.opt_str(t.printed.as_deref());
            w.str(&t.note);
            w.source(t.source);
        });
    }
    w.table(&dataset.enforcement, |w, v| {
        w.uint(v.edition.into());
        w.u8(scope_code(v.scope));
        w.uint(v.year.into());
        w.code(Metric::ALL, v.metric);
        w.uint(v.value);
        w.opt_str(v.printed.as_deref());
        w.str(&v.note);
        w.source(v.source);
    });
    w.table(&dataset.country_enforcement, |w, v| {
        w.country(&v.country);
        w.uint(v.edition.into());
        w.int(v.period.into());
        w.str(&v.period_label);
        w.code(CountryMetric::ALL, v.metric);
        w.opt_uint(v.value);
        w.str(&v.unit);
        w.str(&v.name_printed);
        w.str(&v.note);
        w.source(v.source);
    });
    w.table(&dataset.ratifications, |w, r| {
        w.country(&r.country);
        w.code(Instrument::ALL, r.instrument);
        w.uint(r.year.into());
        w.code(RatificationKind::ALL, r.kind);
        w.str(&r.in_force);
        w.str(&r.name_printed);
        w.str(&r.note);
        w.uint(r.edition.into());
        w.source(r.source);
    });
    w.table(&dataset.protocol_parties, |w, p| {
        w.uint(p.edition.into());
        w.code(PartyFact::ALL, p.fact);
        let country = p.country.as_deref().map(|id| w.country_index(id) as u64);
        w.opt_uint(country);
        w.opt_uint(p.year.map(u64::from));
        w.opt_uint(p.value);
        w.str(&p.name_printed);
        w.str(&p.note);
        w.source(p.source);
    });
    w.table(&dataset.peacekeeping, |w, p| {
        w.uint(p.edition.into());
        w.uint(p.year.into());
        w.code(Org::ALL, p.org);
        w.str(&p.metric);
        w.uint(p.value);
        w.str(&p.note);
        w.source(p.source);
    });
    w.table(&dataset.stated_totals, |w, t| {
        w.uint(t.edition.into());
        w.str(&t.subject);
        w.uint(t.value);
        w.str(&t.note);
        w.source(t.source);
    });
    w.finish()
}

pub fn decode(bytes: &[u8]) -> Result<Dataset, DecodeError> {
    let strings = string_table(bytes)?;
    let mut r = Reader::new(bytes, strings.end, &strings.strings);
    let mut d = Dataset { sources: r.table(source_row)?.into(), ..Dataset::default() };
    r.files = d.sources.len();
    r.country_ids = country_ids(bytes, r.pos, &strings.strings)?;
    d.countries = r.table(country_row)?.into();
    d.tiers = tier_blocks(&mut r)?.into();
    d.enforcement = r.table(enforcement_row)?.into();
    d.country_enforcement = r.table(country_enforcement_row)?.into();
    d.ratifications = r.table(ratification_row)?.into();
    d.protocol_parties = r.table(party_row)?.into();
    d.peacekeeping = r.table(peacekeeping_row)?.into();
    d.stated_totals = r.table(stated_total_row)?.into();
    if r.pos != bytes.len() {
        return Err(r.error("trailing bytes"));
    }
    Ok(d)
}

const VERIFIED: &str = "embedded dataset verified at build time";

/// The embedded bytes as a [`Dataset`] whose tables but `sources` decode when first read
/// (see [`Rows`]). The build step decoded these same bytes with [`decode`], so they are
/// known good: a failure here means the binary itself is damaged, and panics.
#[allow(dead_code)] // the build step decodes eagerly
pub fn decode_embedded(bytes: &'static [u8]) -> Dataset {
    let strings = string_table(bytes).expect(VERIFIED);
    let mut r = Reader::new(bytes, strings.end, &strings.strings);
    let sources = r.table(source_row).expect(VERIFIED);
    r.files = sources.len();
    r.country_ids = country_ids(bytes, r.pos, &strings.strings).expect(VERIFIED);
    let countries_at = r.skip_table().expect(VERIFIED);
    let shared = std::sync::Arc::new(Embedded {
        bytes,
        strings: strings.strings.clone(),
        files: r.files,
        country_ids: r.country_ids.clone(),
    });
    // Each later table: where it starts, and how to read one of its rows.
    fn lazy<T: 'static>(shared: &std::sync::Arc<Embedded>, at: usize, row: RowFn<T>) -> Rows<T> {
        let shared = shared.clone();
        Rows::lazy(move || shared.reader(at).table(row).expect(VERIFIED))
    }
    // The tier placements whole (read as the build step reads them), and edition by edition.
    let tiers_at = r.pos;
    let all = {
        let shared = shared.clone();
        Rows::lazy(move || tier_blocks(&mut shared.reader(tiers_at)).expect(VERIFIED))
    };
    let mut blocks = Vec::new();
    for tally in r.table(edition_row).expect(VERIFIED) {
        let (shared, at) = (shared.clone(), r.skip_table().expect(VERIFIED));
        let rows = Rows::lazy(move || with_edition(shared.reader(at).table(tier_row).expect(VERIFIED), tally.edition));
        blocks.push(EditionBlock { tally, rows });
    }
    // Every field given here, none from `Dataset::default()`: a default table replaced at once
    // would be made and dropped for nothing, with drop code for each row type to compile.
    Dataset {
        sources: sources.into(),
        countries: lazy(&shared, countries_at, country_row),
        tiers: Tiers::in_blocks(all, blocks),
        enforcement: lazy(&shared, r.skip_table().expect(VERIFIED), enforcement_row),
        country_enforcement: lazy(&shared, r.skip_table().expect(VERIFIED), country_enforcement_row),
        ratifications: lazy(&shared, r.skip_table().expect(VERIFIED), ratification_row),
        protocol_parties: lazy(&shared, r.skip_table().expect(VERIFIED), party_row),
        peacekeeping: lazy(&shared, r.skip_table().expect(VERIFIED), peacekeeping_row),
        stated_totals: lazy(&shared, r.skip_table().expect(VERIFIED), stated_total_row),
    }
}

/// What the lazily decoded tables share: the bytes, the string table, how many source files
/// there are and the countries' ids.
struct Embedded {
    bytes: &'static [u8],
    strings: Vec<&'static str>,
    files: usize,
    country_ids: Vec<&'static str>,
}

impl Embedded {
    /// A reader of the bytes from `at`, whose records borrow their text from them.
    fn reader(&self, at: usize) -> Reader<'_, 'static> {
        let mut r = Reader::new(self.bytes, at, &self.strings);
        (r.files, r.country_ids) = (self.files, self.country_ids.clone());
        r.text = Text::Borrowed;
        r
    }
}

/// A string copied out of bytes that may not outlive the dataset.
fn owned_text(s: &str) -> Text {
    Text::Owned(s.to_owned())
}

type RowFn<T> = for<'s, 'a> fn(&mut Reader<'s, 'a>) -> Result<T, DecodeError>;

struct Strings<'a> {
    strings: Vec<&'a str>,
    /// Where the tables start.
    end: usize,
}

/// The header and the string table.
fn string_table(bytes: &[u8]) -> Result<Strings<'_>, DecodeError> {
    let empty = [];
    let mut r = Reader::new(bytes, 0, &empty);
    if r.take(4)? != MAGIC {
        return Err(r.error("not a tipviz dataset"));
    }
    if r.take(1)?[0] != FORMAT_VERSION {
        return Err(r.error("unknown format version"));
    }
    let count = r.len()?;
    let length = r.len()?;
    let start = r.pos;
    let text = core::str::from_utf8(r.take(length)?)
        .map_err(|e| DecodeError { offset: start + e.valid_up_to(), what: "invalid UTF-8" })?;
    if !text.is_empty() && !text.ends_with('\0') {
        return Err(r.error("string table not ended by a 0 byte"));
    }
    let mut strings = Vec::with_capacity(count);
    strings.extend(text.split_terminator('\0'));
    if strings.len() != count {
        return Err(r.error("string table count disagrees with its strings"));
    }
    Ok(Strings { strings, end: r.pos })
}

fn source_row(r: &mut Reader) -> Result<SourceFile, DecodeError> {
    let file = r.str()?;
    let title = r.str()?;
    let edition = match r.uint()? {
        0 => None,
        year => Some(r.narrow(year)?),
    };
    let licence = r.str()?;
    Ok(SourceFile { file, title, edition, licence })
}

/// The countries' ids in table order, from the first column of the countries table at `at`:
/// later tables name a country by its position.
fn country_ids<'a>(bytes: &'a [u8], at: usize, strings: &[&'a str]) -> Result<Vec<&'a str>, DecodeError> {
    let mut r = Reader::new(bytes, at, strings);
    let rows = r.begin_table()?;
    // No capacity from `rows`: it is read from the bytes, and a damaged count must fail on
    // the first missing row, not ask for memory.
    let mut ids = Vec::new();
    for _ in 0..rows {
        r.field = 0;
        let index = r.plain()?;
        ids.push(r.string_ref(index)?);
    }
    Ok(ids)
}

fn country_row(r: &mut Reader) -> Result<Country, DecodeError> {
    let id = r.text()?;
    let name = r.text()?;
    let aliases = r.texts()?;
    let region = match r.u8()? {
        0 => None,
        n => Some(*Region::ALL.get(n as usize - 1).ok_or_else(|| r.error("bad region"))?),
    };
    let region_source = r.opt_source()?;
    let name_fr = r.text()?;
    let name_es = r.text()?;
    let names_source = r.opt_source()?;
    Ok(Country { id, name, aliases, region, region_source, name_fr, name_es, names_source })
}

/// The tier directory and the edition blocks after it, checked against each other: the
/// directory is what a chart reads without decoding the blocks.
fn tier_blocks(r: &mut Reader) -> Result<Vec<TierPlacement>, DecodeError> {
    let mut all = Vec::new();
    let mut previous = None;
    for tally in r.table(edition_row)? {
        if previous.is_some_and(|p| p >= tally.edition) {
            return Err(r.error("tier editions out of order"));
        }
        previous = Some(tally.edition);
        let block = with_edition(r.table(tier_row)?, tally.edition);
        if block.len() != tally.count || block.iter().all(TierPlacement::is_printed) != tally.all_printed {
            return Err(r.error("tier directory disagrees with its edition's block"));
        }
        all.extend(block);
    }
    Ok(all)
}

fn edition_row(r: &mut Reader) -> Result<EditionTally, DecodeError> {
    let edition = r.u16()?;
    let count = r.uint()?;
    Ok(EditionTally { edition, count: r.narrow(count)?, all_printed: r.u8()? == 1 })
}

/// A block's rows, which leave out the edition they all share.
fn with_edition(mut block: Vec<TierPlacement>, edition: u16) -> Vec<TierPlacement> {
    for t in &mut block {
        t.edition = edition;
    }
    block
}

fn tier_row(r: &mut Reader) -> Result<TierPlacement, DecodeError> {
    Ok(TierPlacement {
        country: r.country_text()?,
        edition: 0, // set from the block's directory entry
        tier: r.code(Tier::ALL)?,
        basis: r.code(TierBasis::ALL)?,
        name_printed: r.text()?,
        printed: r.opt_text()?,
        note: r.text()?,
        source: r.source()?,
    })
}

fn enforcement_row(r: &mut Reader) -> Result<EnforcementValue, DecodeError> {
    Ok(EnforcementValue {
        edition: r.u16()?,
        scope: {
            let code = r.u8()?;
            scope_from_code(code).ok_or_else(|| r.error("bad scope"))?
        },
        year: r.u16()?,
        metric: r.code(Metric::ALL)?,
        value: r.uint()?,
        printed: r.opt_text()?,
        note: r.text()?,
        source: r.source()?,
    })
}

fn country_enforcement_row(r: &mut Reader) -> Result<CountryEnforcement, DecodeError> {
    Ok(CountryEnforcement {
        country: r.country_text()?,
        edition: r.u16()?,
        period: {
            let n = r.int()?;
            r.narrow_signed(n)?
        },
        period_label: r.text()?,
        metric: r.code(CountryMetric::ALL)?,
        value: r.opt_uint()?,
        unit: r.text()?,
        name_printed: r.text()?,
        note: r.text()?,
        source: r.source()?,
    })
}

fn ratification_row(r: &mut Reader) -> Result<Ratification, DecodeError> {
    Ok(Ratification {
        country: r.country_text()?,
        instrument: r.code(Instrument::ALL)?,
        year: r.u16()?,
        kind: r.code(RatificationKind::ALL)?,
        in_force: r.text()?,
        name_printed: r.text()?,
        note: r.text()?,
        edition: r.u16()?,
        source: r.source()?,
    })
}

fn party_row(r: &mut Reader) -> Result<ProtocolParty, DecodeError> {
    Ok(ProtocolParty {
        edition: r.u16()?,
        fact: r.code(PartyFact::ALL)?,
        country: match r.opt_uint()? {
            None => None,
            Some(n) => Some(r.country_text_at(n)?),
        },
        year: match r.opt_uint()? {
            None => None,
            Some(year) => Some(r.narrow(year)?),
        },
        value: r.opt_uint()?,
        name_printed: r.text()?,
        note: r.text()?,
        source: r.source()?,
    })
}

fn peacekeeping_row(r: &mut Reader) -> Result<PeacekeepingValue, DecodeError> {
    Ok(PeacekeepingValue {
        edition: r.u16()?,
        year: r.u16()?,
        org: r.code(Org::ALL)?,
        metric: r.text()?,
        value: r.uint()?,
        note: r.text()?,
        source: r.source()?,
    })
}

fn stated_total_row(r: &mut Reader) -> Result<StatedTotal, DecodeError> {
    Ok(StatedTotal {
        edition: r.u16()?,
        subject: r.text()?,
        value: r.uint()?,
        note: r.text()?,
        source: r.source()?,
    })
}

fn scope_code(scope: Scope) -> u8 {
    match scope {
        Scope::Global => 0,
        Scope::Region(region) => 1 + region as u8,
    }
}

fn scope_from_code(code: u8) -> Option<Scope> {
    match code {
        0 => Some(Scope::Global),
        n => Region::ALL.get(n as usize - 1).map(|r| Scope::Region(*r)),
    }
}

fn push_uint(bytes: &mut Vec<u8>, mut n: u64) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            bytes.push(low);
            return;
        }
        bytes.push(low | 0x80);
    }
}

/// One column of the table being written, and its previous integer (integers are stored as
/// differences from it).
#[derive(Default)]
struct Column {
    bytes: Vec<u8>,
    previous: u64,
}

#[derive(Default)]
struct Writer {
    /// The tables written so far.
    body: Vec<u8>,
    /// The current table's columns, and the one the next value goes to.
    columns: Vec<Column>,
    field: usize,
    /// Each distinct string once, in order of first use, and its index.
    strings: Vec<String>,
    string_index: HashMap<String, u64>,
    /// The countries table's ids, in order: rows refer to a country by its position.
    country_ids: Vec<String>,
}

impl Writer {
    fn table<T>(&mut self, rows: &[T], mut row: impl FnMut(&mut Self, &T)) {
        self.columns.clear();
        for r in rows {
            self.field = 0;
            row(self, r);
        }
        push_uint(&mut self.body, rows.len() as u64);
        push_uint(&mut self.body, self.columns.len() as u64);
        for column in std::mem::take(&mut self.columns) {
            push_uint(&mut self.body, column.bytes.len() as u64);
            self.body.extend_from_slice(&column.bytes);
        }
    }

    fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.body.len() + 64 * 1024);
        out.extend_from_slice(MAGIC);
        out.push(FORMAT_VERSION);
        push_uint(&mut out, self.strings.len() as u64);
        let mut table = Vec::new();
        for s in &self.strings {
            assert!(!s.contains('\0'), "a dataset string holds a NUL byte: {s:?}");
            table.extend_from_slice(s.as_bytes());
            table.push(0);
        }
        push_uint(&mut out, table.len() as u64);
        out.extend_from_slice(&table);
        out.extend_from_slice(&self.body);
        out
    }

    /// The column the next value of this row goes to.
    fn column(&mut self) -> &mut Column {
        if self.field == self.columns.len() {
            self.columns.push(Column::default());
        }
        self.field += 1;
        &mut self.columns[self.field - 1]
    }

    /// An enum value as its position in the type's `ALL` list.
    fn code<T: PartialEq + Copy>(&mut self, all: &[T], value: T) {
        let position = all.iter().position(|v| *v == value).expect("every variant is in ALL");
        self.u8(position as u8);
    }

    fn u8(&mut self, b: u8) {
        self.column().bytes.push(b);
    }

    fn uint(&mut self, n: u64) {
        let column = self.column();
        let step = n.wrapping_sub(column.previous) as i64;
        column.previous = n;
        push_uint(&mut column.bytes, ((step << 1) ^ (step >> 63)) as u64); // zigzag
    }

    fn int(&mut self, n: i64) {
        self.uint(n as u64);
    }

    fn opt_uint(&mut self, n: Option<u64>) {
        self.uint(n.map_or(0, |n| n + 1));
    }

    fn string_index(&mut self, s: &str) -> u64 {
        if let Some(&index) = self.string_index.get(s) {
            return index;
        }
        let index = self.strings.len() as u64;
        self.strings.push(s.to_owned());
        self.string_index.insert(s.to_owned(), index);
        index
    }

    fn str(&mut self, s: &str) {
        let index = self.string_index(s);
        push_uint(&mut self.column().bytes, index);
    }

    /// `None` and `Some("")` are different facts, so the index is shifted by one.
    fn opt_str(&mut self, s: Option<&str>) {
        let code = s.map_or(0, |s| self.string_index(s) + 1);
        push_uint(&mut self.column().bytes, code);
    }

    /// A list of strings in one column: its length, then each string's index.
    fn strs(&mut self, list: &[Text]) {
        let indices: Vec<u64> = list.iter().map(|s| self.string_index(s)).collect();
        let column = self.column();
        push_uint(&mut column.bytes, indices.len() as u64);
        for index in indices {
            push_uint(&mut column.bytes, index);
        }
    }

    fn country_index(&self, id: &str) -> usize {
        // The build step checked every id against the countries table before encoding.
        self.country_ids.iter().position(|c| c == id).unwrap_or_else(|| panic!("country {id} is not in the countries table"))
    }

    fn country(&mut self, id: &str) {
        let index = self.country_index(id);
        self.uint(index as u64);
    }

    fn source(&mut self, s: SourceRef) {
        self.uint(s.file.into());
        self.uint(s.line.into());
    }

    fn opt_source(&mut self, s: Option<SourceRef>) {
        self.uint(s.map_or(0, |s| u64::from(s.file) + 1));
        self.uint(s.map_or(0, |s| s.line.into()));
    }
}

/// One column of the table being read: where it starts in the whole input (for error
/// offsets), its bytes, how far it has been read, and its previous integer.
struct Cursor<'a> {
    start: usize,
    bytes: &'a [u8],
    pos: usize,
    previous: u64,
}

struct Reader<'s, 'a> {
    bytes: &'a [u8],
    /// Read position in `bytes` (the header, the string table, each table's column list).
    pos: usize,
    strings: &'s [&'a str],
    /// How a string of the bytes becomes a record's [`Text`]: borrowed when the bytes are the
    /// embedded ones (they live as long as the program), else copied.
    text: fn(&'a str) -> Text,
    /// The current table's columns, and the one the next value comes from.
    columns: Vec<Cursor<'a>>,
    field: usize,
    /// How many source files there are, to check every citation's index.
    files: usize,
    country_ids: Vec<&'a str>,
}

impl<'s, 'a> Reader<'s, 'a> {
    fn new(bytes: &'a [u8], pos: usize, strings: &'s [&'a str]) -> Self {
        Reader { bytes, pos, strings, text: owned_text, columns: Vec::new(), field: 0, files: 0, country_ids: Vec::new() }
    }

    /// Steps over a table; returns where it starts.
    fn skip_table(&mut self) -> Result<usize, DecodeError> {
        let start = self.pos;
        self.len()?;
        for _ in 0..self.len()? {
            let n = self.len()?;
            self.take(n)?;
        }
        Ok(start)
    }

    fn error(&self, what: &'static str) -> DecodeError {
        let offset = match self.field.checked_sub(1).and_then(|f| self.columns.get(f)) {
            Some(c) => c.start + c.pos,
            None => self.pos,
        };
        DecodeError { offset, what }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| self.error("unexpected end"))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    /// An unsigned LEB128 number from `bytes` at `pos`.
    fn leb128(bytes: &[u8], pos: &mut usize) -> Result<u64, &'static str> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *bytes.get(*pos).ok_or("unexpected end")?;
            *pos += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("integer too long")
    }

    /// A count in the header or the string table. It can never exceed the bytes left: this
    /// bounds allocation on damaged input.
    fn len(&mut self) -> Result<usize, DecodeError> {
        let n = Self::leb128(self.bytes, &mut self.pos).map_err(|what| self.error(what))?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(self.error("count larger than the data"));
        }
        Ok(n as usize)
    }

    /// A table: its columns, then `row` once per row.
    fn table<T>(&mut self, row: fn(&mut Self) -> Result<T, DecodeError>) -> Result<Vec<T>, DecodeError> {
        let rows = self.begin_table()?;
        let mut out = Vec::with_capacity(rows);
        for _ in 0..rows {
            self.field = 0;
            out.push(row(self)?);
        }
        self.end_table()?;
        Ok(out)
    }

    /// Reads a table's column list; returns its row count. (Apart from [`Self::table`] so
    /// that this part is not repeated for each row type.)
    fn begin_table(&mut self) -> Result<usize, DecodeError> {
        self.columns.clear();
        self.field = 0;
        let rows = self.len()?;
        for _ in 0..self.len()? {
            let n = self.len()?;
            let start = self.pos;
            let bytes = self.take(n)?;
            self.columns.push(Cursor { start, bytes, pos: 0, previous: 0 });
        }
        Ok(rows)
    }

    fn end_table(&mut self) -> Result<(), DecodeError> {
        if self.columns.iter().any(|c| c.pos != c.bytes.len()) {
            return Err(self.error("a column is longer than its rows"));
        }
        self.columns.clear();
        self.field = 0;
        Ok(())
    }

    /// The column the next value of this row comes from.
    fn column(&mut self) -> Result<&mut Cursor<'a>, DecodeError> {
        if self.field >= self.columns.len() {
            return Err(self.error("missing column"));
        }
        self.field += 1;
        Ok(&mut self.columns[self.field - 1])
    }

    /// A plain LEB128 number from the next column (string indices, list lengths).
    fn plain(&mut self) -> Result<u64, DecodeError> {
        let c = self.column()?;
        Self::leb128(c.bytes, &mut c.pos).map_err(|what| self.error(what))
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        let c = self.column()?;
        match c.bytes.get(c.pos) {
            Some(&b) => {
                c.pos += 1;
                Ok(b)
            }
            None => Err(self.error("unexpected end")),
        }
    }

    fn uint(&mut self) -> Result<u64, DecodeError> {
        let c = self.column()?;
        match Self::leb128(c.bytes, &mut c.pos) {
            Ok(zigzag) => {
                let step = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
                c.previous = c.previous.wrapping_add(step as u64);
                Ok(c.previous)
            }
            Err(what) => Err(self.error(what)),
        }
    }

    fn narrow<T: TryFrom<u64>>(&self, n: u64) -> Result<T, DecodeError> {
        T::try_from(n).map_err(|_| self.error("integer out of range"))
    }

    fn u16(&mut self) -> Result<u16, DecodeError> {
        let n = self.uint()?;
        self.narrow(n)
    }

    fn string_ref(&self, index: u64) -> Result<&'a str, DecodeError> {
        let s = usize::try_from(index).ok().and_then(|i| self.strings.get(i));
        s.copied().ok_or_else(|| self.error("string index out of range"))
    }

    fn string(&self, index: u64) -> Result<String, DecodeError> {
        self.string_ref(index).map(str::to_owned)
    }

    fn str(&mut self) -> Result<String, DecodeError> {
        let index = self.plain()?;
        self.string(index)
    }

    fn text(&mut self) -> Result<Text, DecodeError> {
        let index = self.plain()?;
        self.string_ref(index).map(self.text)
    }

    fn opt_text(&mut self) -> Result<Option<Text>, DecodeError> {
        match self.plain()? {
            0 => Ok(None),
            n => self.string_ref(n - 1).map(|s| Some((self.text)(s))),
        }
    }

    /// A list of strings from one column: its length, then each string's index.
    fn texts(&mut self) -> Result<Vec<Text>, DecodeError> {
        let c = self.column()?;
        let (bytes, mut pos) = (c.bytes, c.pos);
        let mut indices = Vec::new();
        let mut read = || -> Result<(), &'static str> {
            let n = Self::leb128(bytes, &mut pos)?;
            for _ in 0..n {
                indices.push(Self::leb128(bytes, &mut pos)?);
            }
            Ok(())
        };
        let read = read();
        self.columns[self.field - 1].pos = pos;
        read.map_err(|what| self.error(what))?;
        let mut texts = Vec::with_capacity(indices.len());
        for i in indices {
            texts.push((self.text)(self.string_ref(i)?));
        }
        Ok(texts)
    }

    fn source(&mut self) -> Result<SourceRef, DecodeError> {
        let file = self.u16()?;
        self.source_line(file)
    }

    fn source_line(&mut self, file: u16) -> Result<SourceRef, DecodeError> {
        let line = self.uint()?;
        if file as usize >= self.files {
            return Err(self.error("source file index out of range"));
        }
        Ok(SourceRef { file, line: self.narrow(line)? })
    }

    fn opt_source(&mut self) -> Result<Option<SourceRef>, DecodeError> {
        match self.uint()? {
            0 => {
                self.uint()?; // the line column's placeholder
                Ok(None)
            }
            n => {
                let file = self.narrow(n - 1)?;
                self.source_line(file).map(Some)
            }
        }
    }

    fn code<T: Copy>(&mut self, all: &[T]) -> Result<T, DecodeError> {
        let code = self.u8()?;
        all.get(code as usize).copied().ok_or_else(|| self.error("unknown enum code"))
    }

    fn int(&mut self) -> Result<i64, DecodeError> {
        Ok(self.uint()? as i64)
    }

    fn narrow_signed<T: TryFrom<i64>>(&self, n: i64) -> Result<T, DecodeError> {
        T::try_from(n).map_err(|_| self.error("integer out of range"))
    }

    fn opt_uint(&mut self) -> Result<Option<u64>, DecodeError> {
        Ok(self.uint()?.checked_sub(1))
    }

    /// The country at `index` of the countries table, by its id.
    fn country_text_at(&self, index: u64) -> Result<Text, DecodeError> {
        let id = usize::try_from(index).ok().and_then(|i| self.country_ids.get(i));
        id.map(|id| (self.text)(id)).ok_or_else(|| self.error("country index out of range"))
    }

    fn country_text(&mut self) -> Result<Text, DecodeError> {
        let index = self.uint()?;
        self.country_text_at(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One country placed in 2025, as the report printed it.
    fn one_placement() -> Dataset {
        let source = SourceRef { file: 0, line: 7 };
        Dataset {
            sources: vec![SourceFile { file: "a.txt".into(), title: "A".into(), edition: Some(2025), licence: "L".into() }].into(),
            countries: vec![Country {
                id: "JAM".into(),
                name: "Jamaica".into(),
                aliases: Vec::new(),
                region: None,
                region_source: None,
                name_fr: "Jamaïque".into(),
                name_es: "Jamaica".into(),
                names_source: None,
            }]
            .into(),
            tiers: vec![TierPlacement {
                country: "JAM".into(),
                edition: 2025,
                tier: Tier::ALL[0],
                basis: TierBasis::Printed,
                name_printed: "JAMAICA".into(),
                printed: None,
                note: "".into(),
                source,
            }]
            .into(),
            ..Dataset::default()
        }
    }

    #[test]
    fn a_tier_directory_that_disagrees_with_its_block_is_refused() {
        let bytes = encode(&one_placement());
        assert!(decode(&bytes).unwrap() == one_placement());
        // The directory's count and all-printed columns: one byte each, zigzagged 1, then 1.
        let columns = [1, 2, 1, 1];
        let at: Vec<usize> = (0..bytes.len() - 3).filter(|&i| bytes[i..i + 4] == columns).collect();
        assert_eq!(at.len(), 1, "the directory's columns are found once");
        let lie = |offset: usize, value: u8| {
            let mut damaged = bytes.clone();
            damaged[at[0] + offset] = value;
            decode(&damaged).map(|_| ()).unwrap_err().what
        };
        assert_eq!(lie(1, 4), "tier directory disagrees with its edition's block", "two placements claimed");
        assert_eq!(lie(3, 0), "tier directory disagrees with its edition's block", "a placement not printed claimed");
    }

    #[test]
    fn a_string_table_is_read_whole_and_checked() {
        let bytes = encode(&one_placement());
        assert!(decode(&bytes).unwrap() == one_placement(), "every string comes back as written");
        // Magic, version, then the count and the byte length, each one LEB128 byte here.
        let (count, length) = (bytes[5] as usize, bytes[6] as usize);
        let table = &bytes[7..7 + length];
        assert_eq!(table.iter().filter(|&&b| b == 0).count(), count, "each string ends with a 0 byte");
        let damaged = |at: usize, value: u8| {
            let mut bytes = bytes.clone();
            bytes[at] = value;
            decode(&bytes).map(|_| ()).unwrap_err()
        };
        assert_eq!(damaged(5, count as u8 + 1).what, "string table count disagrees with its strings");
        assert_eq!(damaged(6 + length, b'x').what, "string table not ended by a 0 byte");
        let e = damaged(7 + 2, 0xff);
        assert_eq!((e.offset, e.what), (7 + 2, "invalid UTF-8"), "the offset of the first bad byte");
    }
}
