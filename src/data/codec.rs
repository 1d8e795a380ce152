//! The compact binary form of the dataset, embedded in the wasm. One file holds both
//! directions so the writer (`build.rs`) and the reader (runtime) cannot drift apart.
//!
//! Layout: magic `TIPV`, a format version byte, then each table as a LEB128 row count followed
//! by its rows, in the order of the [`Dataset`] fields. Integers are unsigned LEB128 (signed
//! ones zigzag first), strings are a length plus UTF-8 bytes, enums are one byte (their position
//! in `ALL`), optional values are shifted by one so 0 means absent, and a country is its index in
//! the countries table. No alignment is assumed, so the bytes can come straight from
//! `include_bytes!`.

use super::records::*;

const MAGIC: &[u8; 4] = b"TIPV";
const FORMAT_VERSION: u8 = 2;

#[derive(Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
    pub what: &'static str,
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "dataset bytes are damaged at offset {}: {}", self.offset, self.what)
    }
}

pub fn encode(dataset: &Dataset) -> Vec<u8> {
    let mut w = Writer { bytes: Vec::with_capacity(64 * 1024), country_ids: Vec::new() };
    w.bytes.extend_from_slice(MAGIC);
    w.u8(FORMAT_VERSION);
    w.len(dataset.sources.len());
    for s in &dataset.sources {
        w.str(&s.file);
        w.str(&s.title);
        w.uint(s.edition.map_or(0, u64::from));
        w.str(&s.licence);
    }
    w.len(dataset.countries.len());
    for c in &dataset.countries {
        w.str(&c.id);
        w.str(&c.name);
        w.len(c.aliases.len());
        for alias in &c.aliases {
            w.str(alias);
        }
        w.u8(c.region.map_or(0, |r| 1 + r as u8));
        w.opt_source(c.region_source);
        w.str(&c.name_fr);
        w.str(&c.name_es);
        w.opt_source(c.names_source);
    }
    w.country_ids = dataset.countries.iter().map(|c| c.id.clone()).collect();
    w.len(dataset.tiers.len());
    for t in &dataset.tiers {
        w.country(&t.country);
        w.uint(t.edition.into());
        w.code(Tier::ALL, t.tier);
        w.code(TierBasis::ALL, t.basis);
        w.str(&t.name_printed);
        w.opt_str(t.printed.as_deref());
        w.str(&t.note);
        w.source(t.source);
    }
    w.len(dataset.enforcement.len());
    for v in &dataset.enforcement {
        w.uint(v.edition.into());
        w.u8(scope_code(v.scope));
        w.uint(v.year.into());
        w.code(Metric::ALL, v.metric);
        w.uint(v.value);
        w.opt_str(v.printed.as_deref());
        w.str(&v.note);
        w.source(v.source);
    }
    w.len(dataset.country_enforcement.len());
    for v in &dataset.country_enforcement {
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
    }
    w.len(dataset.ratifications.len());
    for r in &dataset.ratifications {
        w.country(&r.country);
        w.code(Instrument::ALL, r.instrument);
        w.uint(r.year.into());
        w.code(RatificationKind::ALL, r.kind);
        w.str(&r.in_force);
        w.str(&r.name_printed);
        w.str(&r.note);
        w.uint(r.edition.into());
        w.source(r.source);
    }
    w.len(dataset.protocol_parties.len());
    for p in &dataset.protocol_parties {
        w.uint(p.edition.into());
        w.code(PartyFact::ALL, p.fact);
        match &p.country {
            None => w.uint(0),
            Some(id) => {
                let index = w.country_index(id);
                w.len(index + 1);
            }
        }
        w.opt_uint(p.year.map(u64::from));
        w.opt_uint(p.value);
        w.str(&p.name_printed);
        w.str(&p.note);
        w.source(p.source);
    }
    w.len(dataset.peacekeeping.len());
    for p in &dataset.peacekeeping {
        w.uint(p.edition.into());
        w.uint(p.year.into());
        w.code(Org::ALL, p.org);
        w.str(&p.metric);
        w.uint(p.value);
        w.str(&p.note);
        w.source(p.source);
    }
    w.len(dataset.stated_totals.len());
    for t in &dataset.stated_totals {
        w.uint(t.edition.into());
        w.str(&t.subject);
        w.uint(t.value);
        w.str(&t.note);
        w.source(t.source);
    }
    w.bytes
}

pub fn decode(bytes: &[u8]) -> Result<Dataset, DecodeError> {
    let mut r = Reader { bytes, pos: 0, files: 0, country_ids: Vec::new() };
    if r.take(4)? != MAGIC {
        return Err(r.error("not a tipviz dataset"));
    }
    if r.u8()? != FORMAT_VERSION {
        return Err(r.error("unknown format version"));
    }
    let mut d = Dataset::default();
    for _ in 0..r.len()? {
        let file = r.str()?;
        let title = r.str()?;
        let edition = match r.uint()? {
            0 => None,
            year => Some(r.narrow(year)?),
        };
        let licence = r.str()?;
        d.sources.push(SourceFile { file, title, edition, licence });
    }
    r.files = d.sources.len();
    for _ in 0..r.len()? {
        let id = r.str()?;
        let name = r.str()?;
        let mut aliases = Vec::new();
        for _ in 0..r.len()? {
            aliases.push(r.str()?);
        }
        let region = match r.u8()? {
            0 => None,
            n => Some(*Region::ALL.get(n as usize - 1).ok_or_else(|| r.error("bad region"))?),
        };
        let region_source = r.opt_source()?;
        let name_fr = r.str()?;
        let name_es = r.str()?;
        let names_source = r.opt_source()?;
        d.countries.push(Country { id, name, aliases, region, region_source, name_fr, name_es, names_source });
    }
    r.country_ids = d.countries.iter().map(|c| c.id.clone()).collect();
    for _ in 0..r.len()? {
        d.tiers.push(TierPlacement {
            country: r.country()?,
            edition: r.u16()?,
            tier: r.code(Tier::ALL)?,
            basis: r.code(TierBasis::ALL)?,
            name_printed: r.str()?,
            printed: r.opt_str()?,
            note: r.str()?,
            source: r.source()?,
        });
    }
    for _ in 0..r.len()? {
        d.enforcement.push(EnforcementValue {
            edition: r.u16()?,
            scope: {
                let code = r.u8()?;
                scope_from_code(code).ok_or_else(|| r.error("bad scope"))?
            },
            year: r.u16()?,
            metric: r.code(Metric::ALL)?,
            value: r.uint()?,
            printed: r.opt_str()?,
            note: r.str()?,
            source: r.source()?,
        });
    }
    for _ in 0..r.len()? {
        d.country_enforcement.push(CountryEnforcement {
            country: r.country()?,
            edition: r.u16()?,
            period: {
                let n = r.int()?;
                r.narrow_signed(n)?
            },
            period_label: r.str()?,
            metric: r.code(CountryMetric::ALL)?,
            value: r.opt_uint()?,
            unit: r.str()?,
            name_printed: r.str()?,
            note: r.str()?,
            source: r.source()?,
        });
    }
    for _ in 0..r.len()? {
        d.ratifications.push(Ratification {
            country: r.country()?,
            instrument: r.code(Instrument::ALL)?,
            year: r.u16()?,
            kind: r.code(RatificationKind::ALL)?,
            in_force: r.str()?,
            name_printed: r.str()?,
            note: r.str()?,
            edition: r.u16()?,
            source: r.source()?,
        });
    }
    for _ in 0..r.len()? {
        d.protocol_parties.push(ProtocolParty {
            edition: r.u16()?,
            fact: r.code(PartyFact::ALL)?,
            country: match r.uint()? {
                0 => None,
                n => Some(r.country_at(n - 1)?),
            },
            year: match r.opt_uint()? {
                None => None,
                Some(year) => Some(r.narrow(year)?),
            },
            value: r.opt_uint()?,
            name_printed: r.str()?,
            note: r.str()?,
            source: r.source()?,
        });
    }
    for _ in 0..r.len()? {
        d.peacekeeping.push(PeacekeepingValue {
            edition: r.u16()?,
            year: r.u16()?,
            org: r.code(Org::ALL)?,
            metric: r.str()?,
            value: r.uint()?,
            note: r.str()?,
            source: r.source()?,
        });
    }
    for _ in 0..r.len()? {
        d.stated_totals.push(StatedTotal {
            edition: r.u16()?,
            subject: r.str()?,
            value: r.uint()?,
            note: r.str()?,
            source: r.source()?,
        });
    }
    if r.pos != bytes.len() {
        return Err(r.error("trailing bytes"));
    }
    Ok(d)
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

struct Writer {
    bytes: Vec<u8>,
    /// The countries table's ids, in order: rows refer to a country by its position.
    country_ids: Vec<String>,
}

impl Writer {
    /// An enum value as its position in the type's `ALL` list.
    fn code<T: PartialEq + Copy>(&mut self, all: &[T], value: T) {
        let position = all.iter().position(|v| *v == value).expect("every variant is in ALL");
        self.u8(position as u8);
    }

    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64); // zigzag: small magnitudes stay short
    }

    fn opt_uint(&mut self, n: Option<u64>) {
        self.uint(n.map_or(0, |n| n + 1));
    }

    fn country_index(&self, id: &str) -> usize {
        // The build step checked every id against the countries table before encoding.
        self.country_ids.iter().position(|c| c == id).unwrap_or_else(|| panic!("country {id} is not in the countries table"))
    }

    fn country(&mut self, id: &str) {
        let index = self.country_index(id);
        self.len(index);
    }

    fn opt_source(&mut self, s: Option<SourceRef>) {
        match s {
            None => self.uint(0),
            Some(s) => {
                self.uint(u64::from(s.file) + 1);
                self.uint(s.line.into());
            }
        }
    }

    fn u8(&mut self, b: u8) {
        self.bytes.push(b);
    }

    fn uint(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    fn len(&mut self, n: usize) {
        self.uint(n as u64);
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// `None` and `Some("")` are different facts, so the length is shifted by one.
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.uint(0),
            Some(s) => {
                self.uint(s.len() as u64 + 1);
                self.bytes.extend_from_slice(s.as_bytes());
            }
        }
    }

    fn source(&mut self, s: SourceRef) {
        self.uint(s.file.into());
        self.uint(s.line.into());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// How many source files there are, to check every citation's index.
    files: usize,
    country_ids: Vec<String>,
}

impl<'a> Reader<'a> {
    fn error(&self, what: &'static str) -> DecodeError {
        DecodeError { offset: self.pos, what }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| self.error("unexpected end"))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    fn uint(&mut self) -> Result<u64, DecodeError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(self.error("integer too long"))
    }

    fn narrow<T: TryFrom<u64>>(&self, n: u64) -> Result<T, DecodeError> {
        T::try_from(n).map_err(|_| self.error("integer out of range"))
    }

    fn u16(&mut self) -> Result<u16, DecodeError> {
        let n = self.uint()?;
        self.narrow(n)
    }

    fn len(&mut self) -> Result<usize, DecodeError> {
        let n = self.uint()?;
        // A count can never exceed the bytes left: this bounds allocation on damaged input.
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(self.error("count larger than the data"));
        }
        Ok(n as usize)
    }

    fn utf8(&mut self, n: usize) -> Result<String, DecodeError> {
        let raw = self.take(n)?;
        core::str::from_utf8(raw).map(str::to_owned).map_err(|_| self.error("invalid UTF-8"))
    }

    fn str(&mut self) -> Result<String, DecodeError> {
        let n = self.len()?;
        self.utf8(n)
    }

    fn opt_str(&mut self) -> Result<Option<String>, DecodeError> {
        match self.len()? {
            0 => Ok(None),
            n => self.utf8(n - 1).map(Some),
        }
    }

    fn source(&mut self) -> Result<SourceRef, DecodeError> {
        let file = self.u16()?;
        self.source_line(file)
    }

    fn source_line(&mut self, file: u16) -> Result<SourceRef, DecodeError> {
        if file as usize >= self.files {
            return Err(self.error("source file index out of range"));
        }
        let line = self.uint()?;
        Ok(SourceRef { file, line: self.narrow(line)? })
    }

    fn opt_source(&mut self) -> Result<Option<SourceRef>, DecodeError> {
        match self.uint()? {
            0 => Ok(None),
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
        let n = self.uint()?;
        Ok((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    fn narrow_signed<T: TryFrom<i64>>(&self, n: i64) -> Result<T, DecodeError> {
        T::try_from(n).map_err(|_| self.error("integer out of range"))
    }

    fn opt_uint(&mut self) -> Result<Option<u64>, DecodeError> {
        Ok(self.uint()?.checked_sub(1))
    }

    fn country_at(&self, index: u64) -> Result<String, DecodeError> {
        let id = usize::try_from(index).ok().and_then(|i| self.country_ids.get(i));
        id.cloned().ok_or_else(|| self.error("country index out of range"))
    }

    fn country(&mut self) -> Result<String, DecodeError> {
        let index = self.uint()?;
        self.country_at(index)
    }
}
