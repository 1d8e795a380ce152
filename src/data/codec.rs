//! The compact binary form of the dataset, embedded in the wasm. One file holds both
//! directions so the writer (`build.rs`) and the reader (runtime) cannot drift apart.
//!
//! Layout: magic `TIPV`, a format version byte, then each table as a LEB128 row count followed
//! by its rows. Integers are unsigned LEB128, strings are a length plus UTF-8 bytes, enums are
//! one byte. No alignment is assumed, so the bytes can come straight from `include_bytes!`.

use super::records::*;

const MAGIC: &[u8; 4] = b"TIPV";
const FORMAT_VERSION: u8 = 1;

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
    let mut w = Writer { bytes: Vec::with_capacity(64 * 1024) };
    w.bytes.extend_from_slice(MAGIC);
    w.u8(FORMAT_VERSION);
    w.len(dataset.sources.len());
    for s in &dataset.sources {
        w.str(&s.file);
        w.str(&s.title);
        w.uint(s.edition.map_or(0, u64::from));
        w.str(&s.licence);
    }
    w.len(dataset.enforcement.len());
    for v in &dataset.enforcement {
        w.uint(v.edition.into());
        w.u8(scope_code(v.scope));
        w.uint(v.year.into());
        w.u8(v.metric as u8);
        w.uint(v.value);
        w.opt_str(v.printed.as_deref());
        w.str(&v.note);
        w.source(v.source);
    }
    w.bytes
}

pub fn decode(bytes: &[u8]) -> Result<Dataset, DecodeError> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4)? != MAGIC {
        return Err(r.error("not a tipviz dataset"));
    }
    if r.u8()? != FORMAT_VERSION {
        return Err(r.error("unknown format version"));
    }
    let mut dataset = Dataset::default();
    for _ in 0..r.len()? {
        let file = r.str()?;
        let title = r.str()?;
        let edition = match r.uint()? {
            0 => None,
            year => Some(r.narrow(year)?),
        };
        let licence = r.str()?;
        dataset.sources.push(SourceFile { file, title, edition, licence });
    }
    for _ in 0..r.len()? {
        let edition = r.u16()?;
        let scope = scope_from_code(r.u8()?).ok_or_else(|| r.error("bad scope"))?;
        let year = r.u16()?;
        let metric = *Metric::ALL.get(r.u8()? as usize).ok_or_else(|| r.error("bad metric"))?;
        let value = r.uint()?;
        let printed = r.opt_str()?;
        let note = r.str()?;
        let source = r.source(dataset.sources.len())?;
        dataset.enforcement.push(EnforcementValue { edition, scope, year, metric, value, printed, note, source });
    }
    if r.pos != bytes.len() {
        return Err(r.error("trailing bytes"));
    }
    Ok(dataset)
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
}

impl Writer {
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

    fn source(&mut self, file_count: usize) -> Result<SourceRef, DecodeError> {
        let file = self.u16()?;
        if file as usize >= file_count {
            return Err(self.error("source file index out of range"));
        }
        let line = self.uint()?;
        Ok(SourceRef { file, line: self.narrow(line)? })
    }
}
