//! Decoding streams under one budget for the whole file: every decoded
//! byte of a read counts against [`DECODE_BUDGET`], so that no file, with
//! however many streams (or references to one small stream that expands
//! to gigabytes), makes lapkin hold more. Only what lapkin writes and
//! signers append is decoded: no filter, or FlateDecode with or without a
//! PNG predictor. Anything else, or corrupt data, is an error: never the
//! raw bytes in place of the decoded ones, never a truncated result.

use std::cell::Cell;
use std::io::Read;

use super::error::{ReadError, ReadResult};
use super::object::{Dict, Obj, show};

/// The most bytes decoded from one file in all, by
/// [`extract_source`](crate::extract_source) or [`verify`](crate::verify):
/// 256 MiB.
pub const DECODE_BUDGET: u64 = 256 << 20;

/// What is left of the decoding budget, and how much one stream may give
/// at most for now (more is cut, for the caller to refuse by its size).
#[derive(Debug)]
pub(crate) struct Budget(Cell<u64>, Cell<u64>);

impl Budget {
    /// A budget of `bytes`.
    pub fn new(bytes: u64) -> Self {
        Budget(Cell::new(bytes), Cell::new(u64::MAX))
    }

    /// Runs `f` with each stream it decodes cut after `cap` bytes: a
    /// caller that refuses more than `cap - 1` bytes need not decode them.
    pub fn capped<T>(&self, cap: u64, f: impl FnOnce() -> T) -> T {
        let before = self.1.replace(cap);
        let out = f();
        self.1.set(before);
        out
    }

    /// Takes `n` bytes from the budget, or fails (naming `what`).
    fn take(&self, n: u64, what: &str) -> ReadResult<()> {
        let left = self.0.get();
        if n > left {
            return Err(ReadError::OverLimit {
                what: format!("decoding {what} (with what was decoded before)"),
                limit: format!("{DECODE_BUDGET} decoded bytes per file"),
            });
        }
        self.0.set(left - n);
        Ok(())
    }
}

/// Decodes a stream's bytes `raw` (its dictionary `dict`), charging the
/// budget. `what` names the stream in errors ("object 12 0").
pub(crate) fn decode(dict: &Dict, raw: &[u8], budget: &Budget, what: &str) -> ReadResult<Vec<u8>> {
    let undecodable = |why: String| ReadError::Undecodable {
        what: what.to_owned(),
        why,
    };
    if dict.get(b"F").is_some() {
        return Err(undecodable("its data is in an external file (/F)".into()));
    }
    let (filter, params) = match (dict.get(b"Filter"), dict.get(b"DecodeParms")) {
        (None, _) => {
            let len = (raw.len() as u64).min(budget.1.get().saturating_add(1));
            budget.take(len, what)?;
            return Ok(raw[..len as usize].to_vec());
        }
        (Some(Obj::Name(f)), p) => (f.as_slice(), p),
        (Some(Obj::Array(a)), p) if a.len() == 1 => match (&a[0], p) {
            (Obj::Name(f), Some(Obj::Array(ps))) if ps.len() == 1 => (f.as_slice(), ps.first()),
            (Obj::Name(f), p) => (f.as_slice(), p),
            _ => return Err(undecodable("its /Filter is not a name".into())),
        },
        (Some(_), _) => {
            return Err(undecodable(
                "it has a chain of filters, which lapkin does not decode".into(),
            ));
        }
    };
    if filter != b"FlateDecode" {
        return Err(undecodable(format!(
            "its filter /{} is not one lapkin decodes (only /FlateDecode)",
            show(filter)
        )));
    }
    let data = inflate(raw, budget, what)?;
    match params {
        None | Some(Obj::Null) => Ok(data),
        Some(Obj::Dict(p)) => unpredict(data, p).map_err(undecodable),
        Some(_) => Err(undecodable("its /DecodeParms is not a dictionary".into())),
    }
}

/// Inflates zlib data within the budget; corrupt or truncated data is an
/// error.
fn inflate(raw: &[u8], budget: &Budget, what: &str) -> ReadResult<Vec<u8>> {
    let (left, cap) = (budget.0.get(), budget.1.get());
    let mut out = Vec::new();
    let read = flate2::read::ZlibDecoder::new(raw)
        .take(left.min(cap).saturating_add(1))
        .read_to_end(&mut out);
    if out.len() as u64 > cap {
        budget.take(out.len() as u64, what)?;
        return Ok(out);
    }
    if let Err(e) = read {
        return Err(ReadError::Undecodable {
            what: what.to_owned(),
            why: format!("its compressed data is corrupt ({e})"),
        });
    }
    budget.take(out.len() as u64, what)?;
    Ok(out)
}

/// Undoes a PNG predictor (`/Predictor` 10 to 15, 8 bits per component).
fn unpredict(data: Vec<u8>, params: &Dict) -> Result<Vec<u8>, String> {
    let int = |k: &[u8], default: i64| match params.get(k) {
        None => Ok(default),
        Some(Obj::Int(i)) => Ok(*i),
        Some(_) => Err(format!("its /DecodeParms /{} is not an integer", show(k))),
    };
    let predictor = int(b"Predictor", 1)?;
    if predictor == 1 {
        return Ok(data);
    }
    let (colors, bits, columns) = (
        int(b"Colors", 1)?,
        int(b"BitsPerComponent", 8)?,
        int(b"Columns", 1)?,
    );
    if !(10..=15).contains(&predictor) || bits != 8 || !(1..=4).contains(&colors) {
        return Err(format!(
            "its predictor ({predictor}, {colors} colours of {bits} bits) is not one lapkin decodes"
        ));
    }
    let bpp = colors as usize;
    let row = usize::try_from(columns)
        .ok()
        .filter(|c| (1..=1 << 20).contains(c))
        .map(|c| c * bpp)
        .ok_or("its /Columns is out of range")?;
    if !data.len().is_multiple_of(row + 1) {
        return Err("its predicted rows do not fill the data".into());
    }
    let mut out = Vec::with_capacity(data.len() / (row + 1) * row);
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let (kind, line) = (chunk[0], &chunk[1..]);
        let mut cur = line.to_vec();
        for i in 0..row {
            let a = if i >= bpp { cur[i - bpp] } else { 0 };
            let (b, c) = (prev[i], if i >= bpp { prev[i - bpp] } else { 0 });
            let add = match kind {
                0 => 0,
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => paeth(a, b, c),
                k => return Err(format!("a PNG row filter {k} that does not exist")),
            };
            cur[i] = cur[i].wrapping_add(add);
        }
        out.extend_from_slice(&cur);
        prev = cur;
    }
    Ok(out)
}

/// The PNG Paeth predictor.
fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn flate() -> Dict {
        let mut d = Dict::default();
        d.insert(b"Filter".to_vec(), Obj::Name(b"FlateDecode".to_vec()));
        d
    }

    #[test]
    fn one_budget_for_every_stream() {
        let bomb = deflate(&vec![0u8; 1 << 20]);
        assert!(bomb.len() < 2000);
        let budget = Budget::new(3 << 20);
        for _ in 0..3 {
            assert_eq!(
                decode(&flate(), &bomb, &budget, "s").unwrap().len(),
                1 << 20
            );
        }
        assert!(matches!(
            decode(&flate(), &bomb, &budget, "s"),
            Err(ReadError::OverLimit { .. })
        ));
    }

    #[test]
    fn corrupt_or_foreign_data_is_never_passed_through() {
        let budget = Budget::new(1 << 20);
        let mut data = deflate(&[b'x'; 1349]);
        let cut = data.len() / 2;
        data.truncate(cut);
        assert!(matches!(
            decode(&flate(), &data, &budget, "s"),
            Err(ReadError::Undecodable { .. })
        ));
        let mut d = Dict::default();
        d.insert(b"Filter".to_vec(), Obj::Name(b"LZWDecode".to_vec()));
        assert!(matches!(
            decode(&d, b"abc", &budget, "s"),
            Err(ReadError::Undecodable { .. })
        ));
    }
}
