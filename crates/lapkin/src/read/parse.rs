//! PDF syntax (ISO 32000-1, 7.2 and 7.3): objects, indirect objects and
//! streams, read strictly. Nesting is bounded ([`MAX_DEPTH`]); a key
//! given twice in a dictionary is refused (readers keep either).

use super::error::{ReadError, ReadResult, malformed};
use super::object::{Dict, Id, Obj, Stream};

/// How deep arrays and dictionaries may nest.
pub(crate) const MAX_DEPTH: usize = 64;

/// How many objects one read may make (an array of a million small
/// objects costs fifty times its bytes in memory): 4 million.
pub(crate) const MAX_ELEMENTS: usize = 4_000_000;

/// A reader of PDF syntax over a buffer (the file, or a decoded object
/// stream). Offsets in its errors are `base` plus the position.
pub(crate) struct Parser<'a> {
    bytes: &'a [u8],
    /// The position in `bytes`.
    pub pos: usize,
    /// What offset 0 of `bytes` is in the file, for messages.
    base: usize,
    /// How many objects this parser has made.
    elements: usize,
}

/// Whether `b` is PDF white space.
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

/// Whether `b` ends a regular token.
fn is_delimiter(b: u8) -> bool {
    is_space(b) || b"()<>[]{}/%".contains(&b)
}

impl<'a> Parser<'a> {
    /// A parser at `pos` of `bytes`, whose first byte is at `base` in the
    /// file.
    pub fn new(bytes: &'a [u8], pos: usize, base: usize) -> Self {
        Parser {
            bytes,
            pos,
            base,
            elements: 0,
        }
    }

    /// An error at the current position.
    pub fn error(&self, what: impl Into<String>) -> ReadError {
        malformed(self.base + self.pos, what)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips white space and comments.
    pub fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\r' || c == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Skips white space only (not comments: `%%EOF` is one).
    pub fn skip_space_only(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.pos += 1;
        }
    }

    /// Reads `word` here, exactly, or fails.
    pub fn keyword_exact(&mut self, word: &str) -> ReadResult<()> {
        if self.bytes[self.pos.min(self.bytes.len())..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error(format!("expected `{word}`")))
        }
    }

    /// Whether the next token is `word`.
    pub fn at_keyword(&self, word: &str) -> bool {
        self.token() == word.as_bytes()
    }

    /// The next byte, taken.
    pub fn take_byte(&mut self) -> Option<u8> {
        let b = self.peek();
        self.pos += usize::from(b.is_some());
        b
    }

    /// The next regular token (a keyword or a number), without moving.
    fn token(&self) -> &'a [u8] {
        let rest = &self.bytes[self.pos.min(self.bytes.len())..];
        let len = rest
            .iter()
            .position(|b| is_delimiter(*b))
            .unwrap_or(rest.len());
        &rest[..len]
    }

    /// Skips white space, then the keyword `word`, or fails.
    pub fn keyword(&mut self, word: &str) -> ReadResult<()> {
        self.skip_space();
        if self.token() == word.as_bytes() {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error(format!("expected `{word}`")))
        }
    }

    /// Skips white space, then reads a non-negative integer.
    pub fn unsigned(&mut self) -> ReadResult<u64> {
        self.skip_space();
        let token = self.token();
        if token.is_empty() || !token.iter().all(u8::is_ascii_digit) || token.len() > 18 {
            return Err(self.error("expected a non-negative integer"));
        }
        self.pos += token.len();
        Ok(token.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0')))
    }

    /// Reads one object; `depth` is how deep it is nested.
    pub fn object(&mut self, depth: usize) -> ReadResult<Obj> {
        if depth > MAX_DEPTH {
            return Err(ReadError::OverLimit {
                what: format!("an object nested at byte {}", self.base + self.pos),
                limit: format!("{MAX_DEPTH} levels"),
            });
        }
        self.elements += 1;
        if self.elements > MAX_ELEMENTS {
            return Err(ReadError::OverLimit {
                what: format!("the objects read at byte {}", self.base + self.pos),
                limit: format!("{MAX_ELEMENTS} objects in one"),
            });
        }
        self.skip_space();
        match self.peek() {
            None => Err(self.error("the data ends where an object was expected")),
            Some(b'/') => self.name().map(Obj::Name),
            Some(b'(') => self.literal().map(Obj::Str),
            Some(b'<') if self.bytes.get(self.pos + 1) == Some(&b'<') => {
                self.dict(depth).map(Obj::Dict)
            }
            Some(b'<') => self.hex().map(Obj::Str),
            Some(b'[') => self.array(depth),
            Some(b'+' | b'-' | b'.' | b'0'..=b'9') => self.number_or_ref(),
            Some(_) => self.word(),
        }
    }

    /// `true`, `false` or `null`.
    fn word(&mut self) -> ReadResult<Obj> {
        let token = self.token();
        let obj = match token {
            b"true" => Obj::Bool(true),
            b"false" => Obj::Bool(false),
            b"null" => Obj::Null,
            _ => {
                return Err(self.error(format!(
                    "expected an object, found `{}`",
                    String::from_utf8_lossy(&token[..token.len().min(20)])
                )));
            }
        };
        self.pos += token.len();
        Ok(obj)
    }

    /// A number, or a reference `N G R`.
    fn number_or_ref(&mut self) -> ReadResult<Obj> {
        let start = self.pos;
        let token = self.token();
        self.pos += token.len();
        if token.iter().all(u8::is_ascii_digit) {
            let save = self.pos;
            if let Some(id) = self.reference_tail(token) {
                return Ok(Obj::Ref(id));
            }
            self.pos = save;
        }
        let text = std::str::from_utf8(token).unwrap_or("");
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Obj::Int(i));
        }
        let is_real = text.bytes().filter(|b| *b == b'.').count() == 1
            && text
                .bytes()
                .enumerate()
                .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && b"+-".contains(&b)));
        match text.parse::<f64>() {
            Ok(r) if is_real && r.is_finite() => Ok(Obj::Real(r)),
            _ => {
                self.pos = start;
                Err(self.error(format!("`{text}` is not a number")))
            }
        }
    }

    /// After a first integer: ` G R` makes a reference.
    fn reference_tail(&mut self, first: &[u8]) -> Option<Id> {
        let number: u32 = std::str::from_utf8(first).ok()?.parse().ok()?;
        self.skip_space();
        let gen_token = self.token();
        if gen_token.is_empty() || !gen_token.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let generation: u16 = std::str::from_utf8(gen_token).ok()?.parse().ok()?;
        self.pos += gen_token.len();
        self.skip_space();
        (self.token() == b"R").then(|| {
            self.pos += 1;
            (number, generation)
        })
    }

    /// A name, after its slash.
    fn name(&mut self) -> ReadResult<Vec<u8>> {
        self.pos += 1;
        let token = self.token();
        self.pos += token.len();
        let mut out = Vec::with_capacity(token.len());
        let mut i = 0;
        while i < token.len() {
            if token[i] == b'#' {
                let hex = token
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
                let Some(b) = hex else {
                    return Err(self.error("a name has a `#` without two hexadecimal digits"));
                };
                out.push(b);
                i += 3;
            } else {
                out.push(token[i]);
                i += 1;
            }
        }
        Ok(out)
    }

    /// A literal string `( ... )`, its escapes decoded and its line ends
    /// read as line feeds (ISO 32000-1, 7.3.4.2).
    fn literal(&mut self) -> ReadResult<Vec<u8>> {
        let start = self.pos;
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(out);
                    }
                }
                b'\\' => {
                    self.escape(&mut out);
                    continue;
                }
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                    continue;
                }
                _ => {}
            }
            out.push(b);
        }
        self.pos = start;
        Err(self.error("a string is not closed"))
    }

    /// The escape after a backslash in a literal string.
    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(b) = self.peek() else { return };
        self.pos += 1;
        match b {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            b'0'..=b'7' => {
                let mut value = u32::from(b - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xFF) as u8);
            }
            other => out.push(other),
        }
    }

    /// A hexadecimal string `< ... >`.
    fn hex(&mut self) -> ReadResult<Vec<u8>> {
        self.pos += 1;
        let mut digits = Vec::new();
        loop {
            match self.peek() {
                Some(b'>') => {
                    self.pos += 1;
                    break;
                }
                Some(b) if is_space(b) => self.pos += 1,
                Some(b) if b.is_ascii_hexdigit() => {
                    digits.push(char::from(b).to_digit(16).unwrap_or(0) as u8);
                    self.pos += 1;
                }
                _ => return Err(self.error("a hexadecimal string holds something else")),
            }
        }
        if digits.len() % 2 == 1 {
            digits.push(0);
        }
        Ok(digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect())
    }

    /// An array `[ ... ]`.
    fn array(&mut self, depth: usize) -> ReadResult<Obj> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(Obj::Array(items));
            }
            items.push(self.object(depth + 1)?);
        }
    }

    /// A dictionary `<< ... >>`; a key given twice is refused.
    pub fn dict(&mut self, depth: usize) -> ReadResult<Dict> {
        self.pos += 2;
        let start = self.pos;
        let mut entries = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'>') if self.bytes.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Dict::from_entries(entries).map_err(|key| {
                        ReadError::Ambiguous(format!(
                            "the dictionary at byte {} gives the key /{} twice",
                            self.base + start,
                            String::from_utf8_lossy(&key)
                        ))
                    });
                }
                Some(b'/') => {}
                _ => return Err(self.error("expected a key (a name) or `>>` in a dictionary")),
            }
            let key = self.name()?;
            let value = self.object(depth + 1)?;
            entries.push((key, value));
        }
    }

    /// An indirect object's header `N G obj`.
    pub fn object_header(&mut self) -> ReadResult<Id> {
        let number = self.unsigned()?;
        let generation = self.unsigned()?;
        self.keyword("obj")?;
        match (u32::try_from(number), u16::try_from(generation)) {
            (Ok(n), Ok(g)) => Ok((n, g)),
            _ => Err(self.error("an object number or generation out of range")),
        }
    }

    /// The rest of an indirect object after its header: the object, the
    /// stream's bytes if it is one (their length from `length`, which
    /// resolves an indirect `/Length`), and `endobj`.
    pub fn indirect_body(
        &mut self,
        length: &mut dyn FnMut(&Obj) -> ReadResult<i64>,
    ) -> ReadResult<Obj> {
        let obj = self.object(0)?;
        self.skip_space();
        let obj = match obj {
            Obj::Dict(dict) if self.token() == b"stream" => Obj::Stream(self.stream(dict, length)?),
            other => other,
        };
        self.keyword("endobj")?;
        Ok(obj)
    }

    /// A stream's bytes, after its dictionary: `stream`, an end of line,
    /// `/Length` bytes, an optional end of line, `endstream`.
    fn stream(
        &mut self,
        dict: Dict,
        length: &mut dyn FnMut(&Obj) -> ReadResult<i64>,
    ) -> ReadResult<Stream> {
        self.pos += b"stream".len();
        match (self.peek(), self.bytes.get(self.pos + 1)) {
            (Some(b'\r'), Some(b'\n')) => self.pos += 2,
            (Some(b'\n'), _) => self.pos += 1,
            _ => return Err(self.error("`stream` is not followed by an end of line")),
        }
        let len = match dict.get(b"Length") {
            Some(l) => length(l)?,
            None => return Err(self.error("a stream without /Length")),
        };
        let start = self.pos;
        let end = usize::try_from(len)
            .ok()
            .and_then(|l| start.checked_add(l))
            .filter(|e| *e <= self.bytes.len())
            .ok_or_else(|| self.error(format!("a stream's /Length {len} runs past the file")))?;
        self.pos = end;
        if self.bytes[end..].starts_with(b"\r\n") {
            self.pos += 2;
        } else if self.bytes[end..].starts_with(b"\n") || self.bytes[end..].starts_with(b"\r") {
            self.pos += 1;
        }
        if !self.bytes[self.pos..].starts_with(b"endstream") {
            return Err(self.error(
                "a stream's /Length does not end where `endstream` is (readers would disagree \
                 on its bytes)",
            ));
        }
        self.pos += b"endstream".len();
        Ok(Stream {
            dict,
            data: self.base + start..self.base + end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> ReadResult<Obj> {
        Parser::new(s.as_bytes(), 0, 0).object(0)
    }

    #[test]
    fn objects_read_as_written() {
        assert_eq!(parse("12 0 R").unwrap(), Obj::Ref((12, 0)));
        assert_eq!(parse("12 0").unwrap(), Obj::Int(12));
        assert_eq!(parse("-.5").unwrap(), Obj::Real(-0.5));
        assert_eq!(parse("/A#20B").unwrap(), Obj::Name(b"A B".to_vec()));
        assert_eq!(
            parse("(a\\(b\\)\\101\r\nc)").unwrap(),
            Obj::Str(b"a(b)A\nc".to_vec())
        );
        assert_eq!(parse("<48 6>").unwrap(), Obj::Str(b"H`".to_vec()));
        let Obj::Dict(d) = parse("<< /A [1 2 0 R] /B << /C null >> >>").unwrap() else {
            panic!()
        };
        assert_eq!(
            d.get(b"A"),
            Some(&Obj::Array(vec![Obj::Int(1), Obj::Ref((2, 0))]))
        );
    }

    #[test]
    fn hostile_syntax_is_refused() {
        assert!(matches!(
            parse("<< /A 1 /A 2 >>"),
            Err(ReadError::Ambiguous(_))
        ));
        let deep = "[".repeat(10_000);
        assert!(matches!(parse(&deep), Err(ReadError::OverLimit { .. })));
        assert!(parse("(open").is_err());
        assert!(parse("1e5").is_err());
        assert!(parse("99999999999999999999").is_err());
    }
}
