//! The glyphs of every page read back as a strict reader reads them.
//!
//! A small reader of content streams that follows ISO 32000-1 to the letter
//! where lenient readers (poppler, PDFium) forgive: a carriage return or a
//! line feed in a literal string is read as one byte 0x0A, as MuPDF and
//! Ghostscript read it (7.3.4.2). It decodes each string shown with
//! `Tj`, `TJ`, `'` and `"` through its font's `/ToUnicode` map, following
//! form XObjects, and compares each page's characters with what the
//! layout put on that page. The `many-glyphs.json` fixture gives each face
//! some 1,700 characters, over a thousand glyph codes each.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use lapkin::RenderOptions;
use lapkin::layout::Item;
use lapkin_tests::{REFERENCE, drawn_text, load_report};
use lopdf::{Dictionary, Document, Object};

/// A token of a content stream.
#[derive(Debug, Clone)]
enum Token {
    /// A string's bytes as the standard reads them; `raw_eol`: it held a
    /// carriage return or line feed without a backslash.
    Str {
        bytes: Vec<u8>,
        raw_eol: bool,
    },
    Name(Vec<u8>),
    Number,
    Open,
    Close,
    Dict,
    Op(Vec<u8>),
}

/// The value of a hexadecimal digit.
fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b) || b == 0
}

/// The literal string that starts after the `(` at `i`, and where it ends.
fn literal(s: &[u8], i: usize) -> (Token, usize) {
    let (bytes, len) = lapkin_tests::read_literal(&s[i + 1..])
        .unwrap_or_else(|| panic!("a string that does not close at byte {i}"));
    let raw = &s[i + 1..i + len];
    let mut raw_eol = false;
    let mut k = 0;
    while k < raw.len() {
        match raw[k] {
            b'\\' => k += 1,
            b'\r' | b'\n' => raw_eol = true,
            _ => {}
        }
        k += 1;
    }
    (Token::Str { bytes, raw_eol }, i + len + 1)
}

/// The hexadecimal string that starts at `i`, and where it ends.
fn hex_string(s: &[u8], i: usize) -> (Token, usize) {
    let end = i + s[i..].iter().position(|&c| c == b'>').unwrap();
    let digits: Vec<u8> = s[i + 1..end].iter().filter_map(|&c| hex(c)).collect();
    let bytes = digits
        .chunks(2)
        .map(|p| p[0] * 16 + p.get(1).copied().unwrap_or(0))
        .collect();
    let token = Token::Str {
        bytes,
        raw_eol: false,
    };
    (token, end + 1)
}

/// The number or operator that starts at `i`, and where it ends.
fn word(s: &[u8], start: usize) -> (Token, usize) {
    let mut i = start;
    while i < s.len() && !is_delimiter(s[i]) {
        i += 1;
    }
    let word = &s[start..i];
    let is_number = word
        .iter()
        .all(|c| c.is_ascii_digit() || b"+-.".contains(c));
    let token = if is_number {
        Token::Number
    } else {
        Token::Op(word.to_vec())
    };
    (token, i)
}

/// The tokens of a content stream (no inline images: lapkin draws none).
fn tokens(s: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        match b {
            b'%' => {
                while i < s.len() && s[i] != b'\r' && s[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' => {
                let (token, end) = literal(s, i);
                out.push(token);
                i = end;
                continue;
            }
            b'<' if s.get(i + 1) == Some(&b'<') => {
                out.push(Token::Dict);
                i += 2;
                continue;
            }
            b'>' if s.get(i + 1) == Some(&b'>') => {
                out.push(Token::Dict);
                i += 2;
                continue;
            }
            b'<' => {
                let (token, end) = hex_string(s, i);
                out.push(token);
                i = end;
                continue;
            }
            b'[' => out.push(Token::Open),
            b']' => out.push(Token::Close),
            b'/' => {
                let start = i + 1;
                i = start;
                while i < s.len() && !is_delimiter(s[i]) {
                    i += 1;
                }
                out.push(Token::Name(s[start..i].to_vec()));
                continue;
            }
            _ if b.is_ascii_whitespace() || b == 0 => {}
            _ => {
                let (token, end) = word(s, i);
                out.push(token);
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// `o`, or the object it refers to.
fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        other => other,
    }
}

/// The entry `key` of the resource category `category` (`Font`, `XObject`).
fn resource<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
    category: &[u8],
    key: &[u8],
) -> &'a Object {
    let dict = deref(doc, resources.get(category).unwrap())
        .as_dict()
        .unwrap();
    deref(doc, dict.get(key).unwrap())
}

/// Reads a `bfrange` entry if `operands` hold a whole one (both forms)
/// into `map`; whether it did.
fn bfrange(operands: &[Token], map: &mut HashMap<u16, String>) -> bool {
    let code = |b: &[u8]| u16::from_be_bytes([b[0], b[1]]);
    let units = |b: &[u8]| -> Vec<u16> {
        b.chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect()
    };
    match operands {
        [
            Token::Str { bytes: lo, .. },
            Token::Str { bytes: hi, .. },
            Token::Str { bytes: u, .. },
        ] => {
            let first = units(u);
            for (k, c) in (code(lo)..=code(hi)).enumerate() {
                let mut units = first.clone();
                *units.last_mut().unwrap() += k as u16;
                map.insert(c, String::from_utf16(&units).unwrap());
            }
            true
        }
        [
            Token::Str { bytes: lo, .. },
            Token::Str { .. },
            Token::Open,
            ..,
            Token::Close,
        ] => {
            for (k, t) in operands[3..operands.len() - 1].iter().enumerate() {
                if let Token::Str { bytes: u, .. } = t {
                    map.insert(code(lo) + k as u16, String::from_utf16(&units(u)).unwrap());
                }
            }
            true
        }
        _ => false,
    }
}

/// A font's `/ToUnicode` map: each 2-byte code's text (`bfchar` and
/// `bfrange`, both forms).
fn to_unicode(doc: &Document, font: &Dictionary) -> HashMap<u16, String> {
    let stream = deref(doc, font.get(b"ToUnicode").unwrap())
        .as_stream()
        .unwrap();
    let cmap = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let utf16 = |b: &[u8]| {
        let units: Vec<u16> = b
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    };
    let code = |b: &[u8]| u16::from_be_bytes([b[0], b[1]]);
    let mut map = HashMap::new();
    let toks = tokens(&cmap);
    let mut section: &[u8] = b"";
    let mut operands: Vec<Token> = Vec::new();
    for t in toks {
        match t {
            Token::Op(op) => {
                if op == b"beginbfchar" || op == b"beginbfrange" || op.starts_with(b"end") {
                    section = if op.starts_with(b"begin") {
                        if op == b"beginbfchar" {
                            b"char"
                        } else {
                            b"range"
                        }
                    } else {
                        b""
                    };
                }
                operands.clear();
            }
            Token::Str { bytes, .. } if section == b"char" => {
                operands.push(Token::Str {
                    bytes,
                    raw_eol: false,
                });
                if let [Token::Str { bytes: c, .. }, Token::Str { bytes: u, .. }] = &operands[..] {
                    map.insert(code(c), utf16(u));
                    operands.clear();
                }
            }
            other if section == b"range" => {
                operands.push(other);
                if bfrange(&operands, &mut map) {
                    operands.clear();
                }
            }
            _ => {}
        }
    }
    map
}

/// A PDF text string: UTF-16BE after its byte order mark, else (lapkin
/// writes nothing else) ASCII.
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16(
            &utf16
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect::<Vec<_>>(),
        )
        .unwrap(),
        None => String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// What a strict reader finds in a content stream and the forms it draws.
#[derive(Default)]
pub(crate) struct Read {
    /// The text of every string shown, in order.
    pub(crate) text: String,
    /// Strings that held a raw end of line.
    raw_eol: usize,
    /// Each font's codes shown, by the font's object.
    codes: BTreeMap<String, BTreeSet<u16>>,
    /// Each `/ActualText` span: its replacement text and the text its
    /// glyphs read.
    spans: Vec<(String, String)>,
    /// The open marked-content sequences: for each, its replacement text
    /// and where its glyphs' text starts in `text`, if it has one.
    open: Vec<Option<(String, usize)>>,
}

fn read_stream(doc: &Document, content: &[u8], resources: &Dictionary, out: &mut Read) {
    let mut font: Option<(String, HashMap<u16, String>)> = None;
    let mut operands: Vec<Token> = Vec::new();
    let mut cache: HashMap<Vec<u8>, (String, HashMap<u16, String>)> = HashMap::new();
    for t in tokens(content) {
        let Token::Op(op) = t else {
            operands.push(t);
            continue;
        };
        match op.as_slice() {
            b"Tf" => {
                let Some(Token::Name(name)) = operands.iter().rev().find_map(|t| match t {
                    Token::Name(_) => Some(t.clone()),
                    _ => None,
                }) else {
                    panic!("Tf without a font name")
                };
                let entry = cache.entry(name.clone()).or_insert_with(|| {
                    let dict = resource(doc, resources, b"Font", &name).as_dict().unwrap();
                    let base =
                        String::from_utf8_lossy(dict.get(b"BaseFont").unwrap().as_name().unwrap())
                            .into_owned();
                    (base, to_unicode(doc, dict))
                });
                font = Some(entry.clone());
            }
            b"Tj" | b"TJ" | b"'" | b"\"" => {
                let (base, map) = font.as_ref().expect("text shown before Tf");
                for t in &operands {
                    if let Token::Str { bytes, raw_eol } = t {
                        out.raw_eol += usize::from(*raw_eol);
                        for pair in bytes.chunks(2) {
                            let code = u16::from_be_bytes([pair[0], pair[1]]);
                            out.codes.entry(base.clone()).or_default().insert(code);
                            match map.get(&code) {
                                Some(text) => out.text.push_str(text),
                                None => panic!("{base}: code {code:#06x} has no Unicode"),
                            }
                        }
                    }
                }
            }
            b"BDC" | b"BMC" => {
                let actual = operands.windows(2).find_map(|w| match w {
                    [Token::Name(n), Token::Str { bytes, .. }] if n == b"ActualText" => {
                        Some(text_string(bytes))
                    }
                    _ => None,
                });
                out.open.push(actual.map(|a| (a, out.text.len())));
            }
            b"EMC" => {
                if let Some((actual, from)) = out.open.pop().expect("EMC without BDC") {
                    let read = out.text[from..].to_owned();
                    out.spans.push((actual, read));
                }
            }
            b"Do" => {
                let Some(Token::Name(name)) = operands.last() else {
                    panic!("Do without a name")
                };
                let form = resource(doc, resources, b"XObject", name)
                    .as_stream()
                    .unwrap();
                // An image draws no text.
                let subtype = form.dict.get(b"Subtype").and_then(Object::as_name);
                if subtype.is_ok_and(|s| s == b"Image") {
                    operands.clear();
                    continue;
                }
                let own = form
                    .dict
                    .get(b"Resources")
                    .map(|r| deref(doc, r).as_dict().unwrap())
                    .unwrap_or(resources);
                let content = form.decompressed_content().unwrap();
                read_stream(doc, &content, own, out);
            }
            _ => {}
        }
        operands.clear();
    }
}

/// Each page's reading, in order.
pub(crate) fn read_pages(pdf: &[u8]) -> Vec<Read> {
    let doc = Document::load_mem(pdf).unwrap();
    let mut pages = Vec::new();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        let resources = deref(&doc, page.get(b"Resources").unwrap())
            .as_dict()
            .unwrap();
        let mut read = Read::default();
        read_stream(&doc, &doc.get_page_content(id), resources, &mut read);
        pages.push(read);
    }
    pages
}

/// The characters of a text but white space, counted.
fn characters(text: &str) -> BTreeMap<char, usize> {
    let mut out = BTreeMap::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        *out.entry(c).or_default() += 1;
    }
    out
}

/// Renders a fixture and reads it strictly; checks that no string held a
/// raw end of line and that each page's characters are the layout's.
/// Returns the pages' readings.
fn render_and_read(name: &str) -> Vec<Read> {
    let report = load_report(name);
    let opts = RenderOptions::default();
    let layout = lapkin_tests::layout_report(&report, &opts).unwrap();
    let pdf = lapkin_tests::render_pdf(&report, &opts).unwrap();
    let pages = read_pages(&pdf);
    assert_eq!(pages.len(), layout.pages.len(), "{name}");
    for (n, (read, page)) in pages.iter().zip(&layout.pages).enumerate() {
        assert_eq!(read.raw_eol, 0, "{name} page {}: raw end of line", n + 1);
        let drawn: String = page
            .all_items()
            .filter_map(|i| match i {
                Item::Text(t) => Some(drawn_text(t)),
                _ => None,
            })
            .collect();
        assert!(
            characters(&read.text) == characters(&drawn),
            "{name} page {}: read {:?}\nbut the layout drew {:?}",
            n + 1,
            read.text,
            drawn
        );
    }
    pages
}

/// The glyph codes of the many-glyph report, over a thousand in each of
/// the four faces, are pairs of bytes a literal string holds as they are
/// (printable ASCII but its delimiters and escape: no byte needs an escape,
/// so none can be read as another), and every page reads back as laid out.
#[test]
fn many_glyphs_read_back_with_plain_bytes_in_their_codes() {
    let pages = render_and_read("many-glyphs.json");
    let mut codes: BTreeMap<String, BTreeSet<u16>> = BTreeMap::new();
    for p in &pages {
        for (font, c) in &p.codes {
            codes.entry(font.clone()).or_default().extend(c);
        }
    }
    assert_eq!(codes.len(), 4, "four faces: {:?}", codes.keys());
    let plain = |b: u8| (b' '..=b'~').contains(&b) && !b"()\\".contains(&b);
    for (font, c) in &codes {
        assert!(c.len() > 1000, "{font}: {} codes", c.len());
        let odd: Vec<&u16> = c
            .iter()
            .filter(|c| !c.to_be_bytes().into_iter().all(plain))
            .collect();
        assert!(odd.is_empty(), "{font}: codes {odd:x?}");
        // Both bytes take many values (over a thousand codes).
        let high: BTreeSet<u8> = c.iter().map(|c| c.to_be_bytes()[0]).collect();
        let low: BTreeSet<u8> = c.iter().map(|c| c.to_be_bytes()[1]).collect();
        assert!(
            high.len() >= 12 && low.len() == 92,
            "{font}: {high:?} {low:?}"
        );
    }
}

/// The reference report and the minimal one read back as laid out; the
/// reference report's added hyphens read as soft hyphens.
#[test]
fn the_reports_read_back_as_laid_out() {
    let pages = render_and_read(REFERENCE);
    let soft = pages
        .iter()
        .map(|p| p.text.matches('\u{ad}').count())
        .sum::<usize>();
    assert!(soft > 50, "{soft} soft hyphens");
    // Each word broken across lines is one /ActualText span over both its
    // parts, whose replacement text is what they read but the line break.
    let report = load_report(REFERENCE);
    let layout = lapkin_tests::layout_report(&report, &RenderOptions::default()).unwrap();
    let mut spans = 0;
    for (n, (read, page)) in pages.iter().zip(&layout.pages).enumerate() {
        let words: Vec<(String, String)> = lapkin_tests::hyphenated_words(page)
            .into_iter()
            .map(|(first, last)| (format!("{first}{last}"), format!("{first}{last}")))
            .collect();
        assert_eq!(read.spans, words, "page {}", n + 1);
        spans += words.len();
    }
    assert!(spans > 50, "{spans} words broken across lines");
    render_and_read("minimal.json");
}
