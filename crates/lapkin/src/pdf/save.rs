//! The file's bytes: the header, the streams as plain indirect objects,
//! every other object packed into compressed object streams, and a
//! cross-reference stream (PDF 1.5, ISO 32000-1, 7.5.7 and 7.5.8).
//!
//! lopdf's own writer (`Document::save_with_options`) clones each object
//! into its object stream and serializes it three times; this one walks
//! the document by reference and serializes each object once, straight
//! into its object stream's body. It writes what PDF/A asks of the bytes
//! (ISO 19005-2, 6.1): the header at byte 0 and a binary comment, `N 0 obj`
//! and `endobj` on lines of their own, an exact `/Length`, an EOL after
//! `stream` and before `endstream`, nothing after `%%EOF`. Objects are
//! written as lopdf writes them (names with `#` escapes, reals in Rust's
//! shortest form, literal strings with their unbalanced parentheses
//! escaped), so the bytes of an object do not depend on which writer wrote
//! it.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::finish::Deflater;

/// Objects serialized before the file is written, to be packed into the
/// object streams with the document's own (the tag tree's elements, which
/// would cost a dictionary each as lopdf objects). Each is the bytes of a
/// direct object (a dictionary, an array, ...), never a stream.
#[derive(Debug, Default)]
pub(super) struct Packed {
    /// The objects' bytes, one after the other.
    bytes: Vec<u8>,
    /// Each object's number and where its bytes start, in the order they
    /// were added (an object's bytes end where the next one's start).
    objects: Vec<(u32, usize)>,
}

impl Packed {
    /// Adds object `id`, written by `write` (which appends its bytes).
    pub(super) fn add(&mut self, id: ObjectId, write: impl FnOnce(&mut Vec<u8>)) {
        self.objects.push((id.0, self.bytes.len()));
        write(&mut self.bytes);
    }

    /// The objects as (number, bytes), by number.
    fn sorted(&self) -> Vec<(u32, &[u8])> {
        let mut out: Vec<(u32, &[u8])> = self
            .objects
            .iter()
            .enumerate()
            .map(|(i, &(id, start))| {
                let end = self
                    .objects
                    .get(i + 1)
                    .map_or(self.bytes.len(), |&(_, s)| s);
                (id, &self.bytes[start..end])
            })
            .collect();
        out.sort_by_key(|(id, _)| *id);
        out
    }
}

/// One cross-reference entry.
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// Not in the file (an object removed after its number was given).
    Missing,
    /// An indirect object of this generation at this byte offset.
    Plain(usize, u16),
    /// The `index`th object of object stream `container`.
    Packed { container: u32, index: usize },
}

/// Writes `doc` and the `packed` objects as a PDF file (see the module's
/// summary). The streams and any object of a generation other than 0 are
/// written as indirect objects, in the order of their numbers; the other
/// objects, the document's and the `packed` ones, are packed in order of
/// their numbers, `per_stream` to an object stream, compressed with
/// `deflater`. The object
/// streams and the cross-reference stream take the numbers after the
/// document's last (`doc.max_id`, which must count the packed objects).
/// `trailer` entries (`/Root`, `/Info`, `/ID`) are the cross-reference
/// stream's, with its own (`/Type /XRef`, `/Size`, `/W`, `/Index`,
/// `/Length`).
#[allow(clippy::too_many_lines)] // split in `writer`'s rewrite of the PDF stage (issue 18)
pub(super) fn save(
    doc: &Document,
    packed: &Packed,
    per_stream: usize,
    deflater: &mut Deflater,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(estimate(doc, packed));
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(doc.version.as_bytes());
    out.extend_from_slice(b"\n%");
    out.extend_from_slice(binary_mark(&doc.binary_mark));
    out.push(b'\n');

    let mut entries: Vec<Entry> = vec![Entry::Missing; doc.max_id as usize + 1];
    let mut next_id = doc.max_id;

    // The streams first, then the object streams (as lopdf did).
    let mut small: Vec<(u32, Small)> = Vec::with_capacity(doc.objects.len());
    for (&(id, generation), object) in &doc.objects {
        if is_internal(object) {
            continue;
        }
        if generation != 0 || matches!(object, Object::Stream(_)) {
            set(&mut entries, id, Entry::Plain(out.len(), generation));
            indirect(&mut out, (id, generation), object);
        } else {
            small.push((id, Small::Object(object)));
        }
    }
    let extra = packed.sorted();
    let small = merge(small, extra.iter().map(|&(id, b)| (id, Small::Bytes(b))));

    let mut body = Vec::new();
    let mut header = Vec::new();
    for chunk in small.chunks(per_stream.max(1)) {
        next_id += 1;
        let container = next_id;
        body.clear();
        header.clear();
        for (index, (id, object)) in chunk.iter().enumerate() {
            set(&mut entries, *id, Entry::Packed { container, index });
            if index > 0 {
                header.push(b' ');
            }
            integer(&mut header, i64::from(*id));
            header.push(b' ');
            integer(&mut header, body.len() as i64);
            match object {
                Small::Object(o) => write_object(&mut body, o),
                Small::Bytes(b) => body.extend_from_slice(b),
            }
            body.push(b' ');
        }
        header.push(b' ');
        let first = header.len();
        header.extend_from_slice(&body);
        let packed = deflater.deflate(&header);
        let mut dict = Dictionary::new();
        dict.set("Type", "ObjStm");
        dict.set("N", chunk.len() as i64);
        dict.set("First", first as i64);
        dict.set("Length", 0);
        set(&mut entries, container, Entry::Plain(out.len(), 0));
        if packed.is_empty() {
            // Compressing failed (it cannot, in memory): the stream as is.
            write_stream_object(&mut out, (container, 0), &dict, &header);
        } else {
            dict.set("Filter", "FlateDecode");
            write_stream_object(&mut out, (container, 0), &dict, &packed);
        }
    }

    // The cross-reference stream: type (1 byte), offset or container
    // (4 bytes), generation or index (2 bytes), for objects 1 to the last.
    next_id += 1;
    let xref_id = next_id;
    let xref_start = out.len();
    set(&mut entries, xref_id, Entry::Plain(xref_start, 0));
    let mut index = Vec::new();
    let mut table = Vec::with_capacity(entries.len() * XREF_ROW);
    let mut run: Option<(u32, i64)> = None;
    for (id, entry) in entries.iter().enumerate().skip(1) {
        let row: Option<(u8, u32, u16)> = match *entry {
            Entry::Missing => None,
            Entry::Plain(offset, generation) => Some((1, offset as u32, generation)),
            Entry::Packed { container, index } => Some((2, container, index as u16)),
        };
        match (row, &mut run) {
            (Some((kind, a, b)), _) => {
                table.push(kind);
                table.extend_from_slice(&a.to_be_bytes());
                table.extend_from_slice(&b.to_be_bytes());
                match &mut run {
                    Some((_, count)) => *count += 1,
                    None => run = Some((id as u32, 1)),
                }
            }
            (None, Some((start, count))) => {
                index.push(Object::Integer(i64::from(*start)));
                index.push(Object::Integer(*count));
                run = None;
            }
            (None, None) => {}
        }
    }
    if let Some((start, count)) = run {
        index.push(Object::Integer(i64::from(start)));
        index.push(Object::Integer(count));
    }
    let mut dict = doc.trailer.clone();
    dict.set("Type", "XRef");
    dict.set("Size", i64::from(xref_id) + 1);
    dict.set(
        "W",
        vec![Object::Integer(1), Object::Integer(4), Object::Integer(2)],
    );
    dict.set("Index", index);
    dict.remove(b"Filter");
    dict.remove(b"DecodeParms");
    // Compressed after PNG's Up predictor (each row as its difference from
    // the one before, ISO 32000-1, 7.4.4.4): neighbouring rows differ in
    // a byte or two, so the reference report's 4,858 bytes of table become
    // 285 (1,493 compressed without the predictor), the generated report's
    // 511 KB become 11 KB.
    let predicted = up_predicted(&table, XREF_ROW);
    let packed = deflater.deflate(&predicted);
    if packed.is_empty() {
        // Compressing failed (it cannot, in memory): the table as is.
        dict.set("Length", table.len() as i64);
        write_stream_object(&mut out, (xref_id, 0), &dict, &table);
    } else {
        dict.set("Filter", "FlateDecode");
        let mut parms = Dictionary::new();
        parms.set("Predictor", 12);
        parms.set("Columns", XREF_ROW as i64);
        dict.set("DecodeParms", parms);
        dict.set("Length", packed.len() as i64);
        write_stream_object(&mut out, (xref_id, 0), &dict, &packed);
    }
    out.extend_from_slice(b"\nstartxref\n");
    integer(&mut out, xref_start as i64);
    out.extend_from_slice(b"\n%%EOF");
    out
}

/// The bytes of a cross-reference stream's row (`/W [1 4 2]`).
const XREF_ROW: usize = 7;

/// `table`, rows of `columns` bytes, as PNG's Up predictor writes it
/// (`/Predictor 12`): each row a filter-type byte 2 and the row's bytes
/// minus those of the row above (zeros above the first).
fn up_predicted(table: &[u8], columns: usize) -> Vec<u8> {
    let columns = columns.max(1);
    let mut out = Vec::with_capacity(table.len() + table.len() / columns + 1);
    let mut above: &[u8] = &[];
    for row in table.chunks(columns) {
        out.push(2);
        for (i, &b) in row.iter().enumerate() {
            out.push(b.wrapping_sub(above.get(i).copied().unwrap_or(0)));
        }
        above = row;
    }
    out
}

/// A small object to pack: one of the document's, or one serialized
/// ahead.
#[derive(Debug, Clone, Copy)]
enum Small<'a> {
    Object(&'a Object),
    Bytes(&'a [u8]),
}

/// Two lists sorted by number, merged.
fn merge<'a>(
    a: Vec<(u32, Small<'a>)>,
    b: impl Iterator<Item = (u32, Small<'a>)>,
) -> Vec<(u32, Small<'a>)> {
    let mut out = Vec::with_capacity(a.len());
    let mut b = b.peekable();
    for item in a {
        while let Some(next) = b.next_if(|(id, _)| *id < item.0) {
            out.push(next);
        }
        out.push(item);
    }
    out.extend(b);
    out
}

/// Sets the entry of object `id`, growing the table if needed.
fn set(entries: &mut Vec<Entry>, id: u32, entry: Entry) {
    let i = id as usize;
    if i >= entries.len() {
        entries.resize(i + 1, Entry::Missing);
    }
    entries[i] = entry;
}

/// An object stream or cross-reference stream a document read from a file
/// may hold: replaced by the writer's own.
fn is_internal(object: &Object) -> bool {
    let Object::Stream(s) = object else {
        return false;
    };
    s.dict
        .get(b"Type")
        .and_then(Object::as_name)
        .is_ok_and(|t| t == b"ObjStm" || t == b"XRef")
}

/// The binary comment's bytes: the document's if they are all above 127
/// (PDF/A asks for at least four), else lopdf's default.
fn binary_mark(mark: &[u8]) -> &[u8] {
    if mark.len() >= 4 && mark.iter().all(|&b| b > 127) {
        mark
    } else {
        &[0xBB, 0xAD, 0xC0, 0xDE]
    }
}

/// A guess of the file's size: every stream's content plus a little for
/// each object.
fn estimate(doc: &Document, packed: &Packed) -> usize {
    let streams: usize = doc
        .objects
        .values()
        .map(|o| match o {
            Object::Stream(s) => s.content.len() + 64,
            _ => 16,
        })
        .sum();
    streams + packed.bytes.len() / 4 + 1024
}

/// `N G obj`, the object, `endobj`, each on a line of its own.
fn indirect(out: &mut Vec<u8>, id: ObjectId, object: &Object) {
    match object {
        Object::Stream(s) => write_stream_object(out, id, &s.dict, &s.content),
        _ => {
            object_header(out, id);
            if needs_separator(object) {
                out.push(b' ');
            }
            write_object(out, object);
            if needs_end_separator(object) {
                out.push(b' ');
            }
            out.extend_from_slice(b"\nendobj\n");
        }
    }
}

fn object_header(out: &mut Vec<u8>, (id, generation): ObjectId) {
    integer(out, i64::from(id));
    out.push(b' ');
    integer(out, i64::from(generation));
    out.extend_from_slice(b" obj\n");
}

/// A stream as an indirect object; its `/Length` is the content's, where
/// the dictionary has it (or last).
fn write_stream_object(out: &mut Vec<u8>, id: ObjectId, dict: &Dictionary, content: &[u8]) {
    object_header(out, id);
    let length = content.len() as i64;
    out.extend_from_slice(b"<<");
    let mut has_length = false;
    for (key, value) in dict.iter() {
        name(out, key);
        if key == b"Length" {
            has_length = true;
            out.push(b' ');
            integer(out, length);
        } else {
            if needs_separator(value) {
                out.push(b' ');
            }
            write_object(out, value);
        }
    }
    if !has_length {
        name(out, b"Length");
        out.push(b' ');
        integer(out, length);
    }
    out.extend_from_slice(b">>stream\n");
    out.extend_from_slice(content);
    out.extend_from_slice(b"\nendstream \nendobj\n");
}

/// Whether a space must separate the object from a name or keyword before
/// it (lopdf writes one there and nowhere else).
fn needs_separator(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

fn needs_end_separator(object: &Object) -> bool {
    needs_separator(object) || matches!(object, Object::Name(_) | Object::Stream(_))
}

/// A direct object's bytes (a stream's dictionary and content, if it is
/// one, though streams are always written with [`indirect`]).
pub(super) fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(i) => integer(out, *i),
        Object::Real(r) => real(out, *r),
        Object::Name(n) => name(out, n),
        Object::String(s, StringFormat::Literal) => literal_string(out, s),
        Object::String(s, StringFormat::Hexadecimal) => hex_string(out, s),
        Object::Array(a) => {
            out.push(b'[');
            for (i, o) in a.iter().enumerate() {
                if i > 0 && needs_separator(o) {
                    out.push(b' ');
                }
                write_object(out, o);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d),
        Object::Stream(Stream { dict, content, .. }) => {
            dictionary(out, dict);
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference(id) => reference(out, *id),
    }
}

/// `<< /Key value ... >>`, without spaces but where a value needs one.
pub(super) fn dictionary(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in d.iter() {
        name(out, key);
        if needs_separator(value) {
            out.push(b' ');
        }
        write_object(out, value);
    }
    out.extend_from_slice(b">>");
}

/// A decimal integer.
pub(super) fn integer(out: &mut Vec<u8>, value: i64) {
    let mut digits = [0u8; 20];
    let mut n = value.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        // `n % 10` is below 10.
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(&digits[at..]);
}

/// A real as lopdf writes it: Rust's shortest form of the `f32`, which
/// never uses an exponent.
fn real(out: &mut Vec<u8>, value: f32) {
    use std::io::Write;
    // Writing to a vector cannot fail.
    let _ = write!(out, "{value}");
}

/// `12 0 R`.
pub(super) fn reference(out: &mut Vec<u8>, (id, generation): ObjectId) {
    integer(out, i64::from(id));
    out.push(b' ');
    integer(out, i64::from(generation));
    out.extend_from_slice(b" R");
}

/// `/Name`, with white space, delimiters, `#` and bytes outside `!` to `~`
/// written as `#XX` (ISO 32000-1, 7.3.5).
pub(super) fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    for &b in n {
        if b"\t\n\r\x0C ()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            out.push(b'#');
            hex_byte(out, b);
        } else {
            out.push(b);
        }
    }
}

/// Two uppercase hexadecimal digits.
pub(super) fn hex_byte(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(HEX[usize::from(b >> 4)]);
    out.push(HEX[usize::from(b & 15)]);
}

/// `<48656C6C6F>`.
pub(super) fn hex_string(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'<');
    for &b in s {
        hex_byte(out, b);
    }
    out.push(b'>');
}

/// `(text)`, with a backslash before each `\`, each carriage return (as
/// `\r`) and each parenthesis without its partner, as lopdf writes it.
pub(super) fn literal_string(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'(');
    if !s.iter().any(|b| b"()\\\r".contains(b)) {
        out.extend_from_slice(s);
        out.push(b')');
        return;
    }
    // Which parentheses are unbalanced: a `)` with no `(` open before it,
    // and each `(` still open at the end.
    let mut escape = vec![false; s.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, &b) in s.iter().enumerate() {
        match b {
            b'(' => open.push(i),
            b')' => escape[i] = open.pop().is_none(),
            b'\\' | b'\r' => escape[i] = true,
            _ => {}
        }
    }
    for i in open {
        escape[i] = true;
    }
    for (&b, &e) in s.iter().zip(&escape) {
        if e {
            out.push(b'\\');
            out.push(if b == b'\r' { b'r' } else { b });
        } else {
            out.push(b);
        }
    }
    out.push(b')');
}

#[cfg(test)]
/// A literal string's bytes as ISO 32000-1 (7.3.4.2) reads them, from
/// just after its `(` to its closing `)`, or `None` if it does not close:
/// escapes, octal codes, a backslash before an end of line skipped, and
/// an end of line (CR, LF or CR LF) without a backslash read as one LF,
/// as MuPDF and Ghostscript read it.
pub(crate) fn read_literal(s: &[u8]) -> Option<(Vec<u8>, usize)> {
    let (mut out, mut depth, mut i) = (Vec::new(), 0usize, 0);
    let eol = |i: usize| match s.get(i) {
        Some(b'\r') if s.get(i + 1) == Some(&b'\n') => 2,
        Some(b'\r' | b'\n') => 1,
        _ => 0,
    };
    while let Some(&b) = s.get(i) {
        match b {
            b'\\' => {
                let e = *s.get(i + 1)?;
                i += 2;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        while i < s.len() && (b'0'..=b'7').contains(&s[i]) && v < 32 {
                            v = v * 8 + u32::from(s[i] - b'0');
                            i += 1;
                        }
                        out.push(v as u8);
                    }
                    b'\r' | b'\n' => i += eol(i - 1) - 1,
                    other => out.push(other),
                }
                continue;
            }
            b'\r' | b'\n' => {
                out.push(b'\n');
                i += eol(i);
                continue;
            }
            b'(' => depth += 1,
            b')' if depth == 0 => return Some((out, i + 1)),
            b')' => depth -= 1,
            _ => {}
        }
        out.push(b);
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(o: &Object) -> String {
        let mut out = Vec::new();
        write_object(&mut out, o);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn objects_are_written_as_lopdf_writes_them() {
        assert_eq!(bytes(&Object::Integer(-120)), "-120");
        assert_eq!(bytes(&Object::Integer(i64::MIN)), i64::MIN.to_string());
        assert_eq!(bytes(&Object::Real(841.89)), "841.89");
        assert_eq!(bytes(&Object::Real(-0.5)), "-0.5");
        assert_eq!(bytes(&Object::Real(1e-7)), "0.0000001");
        assert_eq!(
            bytes(&Object::Name(b"A b#/\xC3".to_vec())),
            "/A#20b#23#2F#C3"
        );
        assert_eq!(
            bytes(&Object::String(
                b"a(b)c)d(e\\\r".to_vec(),
                StringFormat::Literal
            )),
            "(a(b)c\\)d\\(e\\\\\\r)"
        );
        assert_eq!(
            bytes(&Object::String(
                vec![0xFE, 0xFF, 0, 0x41],
                StringFormat::Hexadecimal
            )),
            "<FEFF0041>"
        );
        let mut d = Dictionary::new();
        d.set("Type", "Page");
        d.set("Count", 3);
        d.set(
            "Kids",
            vec![Object::Reference((4, 0)), Object::Reference((5, 0))],
        );
        d.set("Open", true);
        d.set("N", Object::Null);
        d.set("Sub", Dictionary::new());
        assert_eq!(
            bytes(&Object::Dictionary(d)),
            "<</Type/Page/Count 3/Kids[4 0 R 5 0 R]/Open true/N null/Sub<<>>>>"
        );
    }

    /// Every byte, and every pair of bytes (CR LF among them), in a literal
    /// string reads back as written in a conforming reader: a line feed may
    /// stand as it is (it reads as itself), a carriage return may not.
    #[test]
    fn literal_strings_read_back_as_written() {
        let mut all: Vec<u8> = (0..=255).collect();
        for pair in 0..=u16::MAX {
            all.extend_from_slice(&pair.to_be_bytes());
        }
        for s in [&all[..], b"(", b")(", b"\\", b"\r\n", b"a)\r"] {
            let mut out = Vec::new();
            literal_string(&mut out, s);
            let (read, end) = read_literal(&out[1..]).expect("the string closes");
            assert_eq!(end, out.len() - 1);
            assert!(read == s, "{s:?} reads back as another string");
        }
    }

    /// A document with an object of every kind, a gap in its numbers, a
    /// stream and a generation other than 0.
    fn sample() -> Document {
        let mut doc = Document::with_version("1.7");
        let mut page = Dictionary::new();
        page.set("Type", "Page");
        page.set(
            "MediaBox",
            vec![
                0.into(),
                0.into(),
                Object::Real(595.28),
                Object::Real(841.89),
            ],
        );
        let mut stream = Stream::new(Dictionary::new(), b"BT ET".to_vec());
        stream.dict.set("Length", 99);
        let stream = doc.add_object(stream);
        page.set("Contents", stream);
        let page = doc.add_object(page);
        doc.add_object(Object::String(b"(x\\".to_vec(), StringFormat::Literal));
        let gone = doc.add_object(Object::Null);
        doc.objects.remove(&gone);
        for i in 0..7 {
            doc.add_object(Object::Array(vec![i.into(), Object::Name(b"a b".to_vec())]));
        }
        doc.objects.insert((doc.max_id + 1, 2), Object::Integer(7));
        doc.max_id += 1;
        let mut catalog = Dictionary::new();
        catalog.set("Type", "Catalog");
        catalog.set("First", page);
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", catalog);
        doc
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let doc = sample();
        let mut packed = Packed::default();
        let extra = (doc.max_id + 1, 0);
        packed.add(extra, |out| out.extend_from_slice(b"<</K[1 2]>>"));
        let mut with_extra = doc.clone();
        with_extra.max_id += 1;
        let file = save(&with_extra, &packed, 3, &mut Deflater::with_level(6));
        let read = Document::load_mem(&file).unwrap();
        for (id, object) in &doc.objects {
            let got = read.get_object(*id).unwrap();
            match (object, got) {
                (Object::Stream(a), Object::Stream(b)) => {
                    assert_eq!(a.content, b.content);
                    assert_eq!(b.dict.get(b"Length").unwrap().as_i64().unwrap(), 5);
                }
                _ => assert_eq!(object, got, "{id:?}"),
            }
        }
        let k = read.get_dictionary(extra).unwrap().get(b"K").unwrap();
        assert_eq!(k, &Object::Array(vec![1.into(), 2.into()]));
        assert!(file.starts_with(b"%PDF-1.7\n%\xBB\xAD\xC0\xDE\n"));
        assert!(file.ends_with(b"%%EOF"));
    }

    #[test]
    fn the_file_is_lopdfs_own() {
        let mut doc = sample();
        // lopdf writes `/Length` as the dictionary has it.
        for o in doc.objects.values_mut() {
            if let Object::Stream(s) = o {
                s.dict.set("Length", s.content.len() as i64);
            }
        }
        let file = save(&doc, &Packed::default(), 100, &mut Deflater::with_level(9));
        let mut theirs = Vec::new();
        let options = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .compression_level(9)
            .build();
        doc.save_with_options(&mut theirs, options).unwrap();
        // The same bytes up to the cross-reference stream, which lopdf
        // writes uncompressed.
        let (ours_at, theirs_at) = (xref_start(&file), xref_start(&theirs));
        assert_eq!(
            String::from_utf8_lossy(&file[..ours_at]),
            String::from_utf8_lossy(&theirs[..theirs_at])
        );
        // The same table in it, once decoded.
        let (ours, theirs) = (xref_stream(&file), xref_stream(&theirs));
        assert!(theirs.dict.get(b"Filter").is_err());
        assert_eq!(
            ours.dict.get(b"Filter").unwrap().as_name().unwrap(),
            b"FlateDecode"
        );
        assert_eq!(ours.decompressed_content().unwrap(), theirs.content);
        assert!(ours.content.len() < theirs.content.len());
        for key in [&b"Root"[..], b"Size", b"W", b"Index", b"Type"] {
            assert_eq!(ours.dict.get(key).unwrap(), theirs.dict.get(key).unwrap());
        }
    }

    /// Where the cross-reference stream starts (`startxref`).
    fn xref_start(file: &[u8]) -> usize {
        let at = file.windows(9).rposition(|w| w == b"startxref").unwrap();
        leading_number(&file[at + 10..])
    }

    fn leading_number(bytes: &[u8]) -> usize {
        let digits: String = bytes
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| char::from(b))
            .collect();
        digits.parse().unwrap()
    }

    /// The cross-reference stream (the object `startxref` points at), as
    /// lopdf reads it.
    fn xref_stream(file: &[u8]) -> Stream {
        let id = leading_number(&file[xref_start(file)..]) as u32;
        let doc = Document::load_mem(file).unwrap();
        doc.get_object((id, 0))
            .unwrap()
            .as_stream()
            .unwrap()
            .clone()
    }

    #[test]
    fn the_up_predictor_subtracts_the_row_above() {
        assert_eq!(
            up_predicted(&[1, 2, 3, 1, 5, 2, 0, 5], 3),
            vec![2, 1, 2, 3, 2, 0, 3, 255, 2, 255, 0]
        );
        assert_eq!(up_predicted(&[], 7), Vec::<u8>::new());
    }
}
