//! The file around the objects: numbers for them, zlib for the streams,
//! object streams for everything else, and the cross-reference stream.
//!
//! pdf-writer writes each object; this module decides where it goes. A
//! stream is an indirect object of the file. Every other object (the
//! catalog, the pages, the fonts' dictionaries, hundreds of structure
//! elements) is packed into compressed object streams (PDF 1.5, ISO 32000-1,
//! 7.5.7), which pdf-writer does not write: on the reference report they
//! hold 47 KB of dictionaries in 12.7 KB, where plain objects with a classic
//! cross-reference table took 49 KB. Their cross-reference entries (type 2)
//! are why the cross-reference stream is written here too, with pdf-writer's
//! stream writer.
//!
//! What PDF/A asks of the bytes (ISO 19005-2, 6.1) holds: the header at byte
//! 0 and a binary comment, `N 0 obj` and `endobj` on lines of their own, an
//! exact `/Length`, an end of line after `stream` and before `endstream`,
//! nothing after `%%EOF`.

use pdf_writer::types::Predictor;
use std::borrow::Cow;

use pdf_writer::{Chunk, Filter, Name, Ref, Settings, Str, Stream};

/// The file's first bytes: the version and a comment of four bytes above
/// 127, which tells transfer programs that the file is binary.
const HEADER: &[u8] = b"%PDF-1.7\n%\xBB\xAD\xC0\xDE\n";

/// The most objects one object stream holds: measured on the reference
/// report, 400 to a stream compressed as well as 100 (lopdf's choice) and
/// in fewer streams.
const OBJECTS_PER_STREAM: usize = 400;

/// pdf-writer's compact form: no indentation, no line breaks inside an
/// object (which `split` relies on).
pub(super) const COMPACT: Settings = Settings { pretty: false };

/// A document being written: its objects so far, in two chunks, and the
/// next free object number.
pub(super) struct Writer {
    /// Streams, each an indirect object of the file.
    plain: Chunk,
    /// Where each object of `plain` starts in it.
    plain_at: Vec<(Ref, usize)>,
    /// Every other object, for the object streams.
    packed: Chunk,
    /// Where each object of `packed` starts in it.
    packed_at: Vec<(Ref, usize)>,
    next: i32,
    /// The compressor of the streams ([`STREAM_LEVEL`]).
    deflater: Deflater,
}

impl Writer {
    /// An empty document; `capacity` is a guess of the streams' bytes.
    pub(super) fn new(capacity: usize) -> Self {
        Writer {
            plain: Chunk::with_settings_and_capacity(COMPACT, capacity),
            plain_at: Vec::new(),
            packed: Chunk::with_settings_and_capacity(COMPACT, capacity / 4 + 1024),
            packed_at: Vec::new(),
            next: 1,
            deflater: Deflater::new(STREAM_LEVEL),
        }
    }

    /// A new object number.
    pub(super) fn alloc(&mut self) -> Ref {
        let id = Ref::new(self.next);
        self.next += 1;
        id
    }

    /// `n` new object numbers, in order.
    pub(super) fn alloc_many(&mut self, n: usize) -> Vec<Ref> {
        (0..n).map(|_| self.alloc()).collect()
    }

    /// The chunk to write stream `id` into (with the chunk's writer of its
    /// kind, under the same `id`).
    pub(super) fn stream(&mut self, id: Ref) -> &mut Chunk {
        self.plain_at.push((id, self.plain.len()));
        &mut self.plain
    }

    /// The chunk to write object `id` into: any object but a stream, which
    /// goes into an object stream.
    pub(super) fn object(&mut self, id: Ref) -> &mut Chunk {
        self.packed_at.push((id, self.packed.len()));
        &mut self.packed
    }

    /// `bytes` as a stream holds them: compressed at [`STREAM_LEVEL`] if
    /// that makes them smaller, with the filter that then says so (see
    /// [`filtered`]).
    pub(super) fn pack<'a>(&mut self, bytes: &'a [u8]) -> (Cow<'a, [u8]>, Option<Filter>) {
        let packed = self.deflater.deflate(bytes);
        if packed.is_empty() || packed.len() >= bytes.len() {
            return (Cow::Borrowed(bytes), None);
        }
        (Cow::Owned(packed), Some(Filter::FlateDecode))
    }

    /// The file: the header, the streams, the object streams and the
    /// cross-reference stream, whose dictionary is the trailer (`/Root`,
    /// `/Info`, `/ID` with `id` twice).
    pub(super) fn finish(mut self, root: Ref, info: Ref, id: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.plain.len() + self.packed.len() / 3 + 1024);
        out.extend_from_slice(HEADER);
        let mut entries = vec![Entry::Free; self.next as usize + 1];
        for &(r, at) in &self.plain_at {
            entries[r.get() as usize] = Entry::Plain(out.len() + at);
        }
        out.extend_from_slice(self.plain.as_bytes());
        let packed = std::mem::replace(&mut self.packed, Chunk::new());
        let objects = split(&packed, &self.packed_at);
        let mut packer = Deflater::new(PACKED_LEVEL);
        for group in objects.chunks(OBJECTS_PER_STREAM) {
            let container = self.alloc();
            entries.resize(self.next as usize + 1, Entry::Free);
            entries[container.get() as usize] = Entry::Plain(out.len());
            for (index, (r, _)) in group.iter().enumerate() {
                entries[r.get() as usize] = Entry::Packed(container.get() as u32, index as u16);
            }
            out.extend_from_slice(&object_stream(container, group, &mut packer));
        }
        let xref = self.alloc();
        let start = out.len();
        entries.resize(self.next as usize, Entry::Free);
        entries[xref.get() as usize] = Entry::Plain(start);
        let width = offset_width(start);
        let table = xref_table(&entries, width);
        let row = 1 + width + 2;
        let data = packer.deflate(&up_predicted(&table, row));
        let mut chunk = Chunk::with_settings(COMPACT);
        let mut stream = chunk.stream(xref, &data);
        stream
            .pair(Name(b"Type"), Name(b"XRef"))
            .pair(Name(b"Size"), entries.len() as i32)
            .pair(Name(b"Root"), root)
            .pair(Name(b"Info"), info);
        stream.insert(Name(b"ID")).array().items([Str(id), Str(id)]);
        stream
            .insert(Name(b"W"))
            .array()
            .items([1, width as i32, 2]);
        stream.filter(Filter::FlateDecode);
        stream
            .decode_parms()
            .predictor(Predictor::PngUp)
            .columns(row as i32);
        drop(stream);
        out.extend_from_slice(chunk.as_bytes());
        out.extend_from_slice(b"startxref\n");
        out.extend_from_slice(start.to_string().as_bytes());
        out.extend_from_slice(b"\n%%EOF");
        out
    }
}

/// Names `filter` (from [`Writer::pack`]) on a stream, if there is one.
pub(super) fn filtered(stream: &mut Stream<'_>, filter: Option<Filter>) {
    if let Some(filter) = filter {
        stream.filter(filter);
    }
}

/// One cross-reference entry.
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// No object of this number (number 0, or one allocated and not used).
    Free,
    /// An object at this byte offset.
    Plain(usize),
    /// The `index`th object of object stream `container`.
    Packed(u32, u16),
}

/// The objects of a chunk, each as its number and its bytes without
/// `N 0 obj` and `endobj`. `starts` says where each begins, in the chunk's
/// order.
fn split<'a>(chunk: &'a Chunk, starts: &[(Ref, usize)]) -> Vec<(Ref, &'a [u8])> {
    let bytes = chunk.as_bytes();
    let ends = starts.iter().skip(1).map(|(_, at)| *at);
    starts
        .iter()
        .zip(ends.chain([bytes.len()]))
        .map(|(&(r, start), end)| {
            let digits = r.get().checked_ilog10().unwrap_or(0) as usize + 1;
            let header = digits + b" 0 obj\n".len();
            let body = &bytes[start + header..end - b"\nendobj\n".len()];
            (r, body)
        })
        .collect()
}

/// An object stream `id` of `objects`: its header (each object's number
/// and offset), the objects separated by spaces, compressed.
fn object_stream(id: Ref, objects: &[(Ref, &[u8])], deflater: &mut Deflater) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut header = String::with_capacity(objects.len() * 12);
    let mut offset = 0;
    for (r, body) in objects {
        // Writing to a string cannot fail.
        let _ = write!(header, "{} {offset} ", r.get());
        offset += body.len() + 1;
    }
    let first = header.len();
    let mut data = header.into_bytes();
    data.reserve(offset);
    for (_, body) in objects {
        data.extend_from_slice(body);
        data.push(b' ');
    }
    let packed = deflater.deflate(&data);
    let mut chunk = Chunk::with_settings(COMPACT);
    let mut stream = chunk.stream(id, if packed.is_empty() { &data } else { &packed });
    stream
        .pair(Name(b"Type"), Name(b"ObjStm"))
        .pair(Name(b"N"), objects.len() as i32)
        .pair(Name(b"First"), first as i32);
    if !packed.is_empty() {
        stream.filter(Filter::FlateDecode);
    }
    drop(stream);
    chunk.as_bytes().to_vec()
}

/// The bytes an offset up to `max` needs (at least 1).
fn offset_width(max: usize) -> usize {
    (usize::BITS - max.leading_zeros()).div_ceil(8).max(1) as usize
}

/// The rows of a cross-reference stream (`/W [1 width 2]`): type, offset
/// or object stream, generation or index; number 0 the head of the free
/// list.
fn xref_table(entries: &[Entry], width: usize) -> Vec<u8> {
    let mut table = Vec::with_capacity(entries.len() * (width + 3));
    for (n, entry) in entries.iter().enumerate() {
        let (kind, field, second): (u8, u64, u16) = match *entry {
            Entry::Free if n == 0 => (0, 0, 0xFFFF),
            Entry::Free => (0, 0, 0),
            Entry::Plain(offset) => (1, offset as u64, 0),
            Entry::Packed(container, index) => (2, u64::from(container), index),
        };
        table.push(kind);
        table.extend_from_slice(&field.to_be_bytes()[8 - width..]);
        table.extend_from_slice(&second.to_be_bytes());
    }
    table
}

/// `table`, rows of `columns` bytes, as PNG's Up predictor writes it
/// (`/Predictor 12`, ISO 32000-1, 7.4.4.4): each row a filter-type byte 2
/// and its bytes minus those of the row above. Neighbouring rows differ in
/// a byte or two, so the reference report's table of 4,858 bytes compresses
/// to 285 (1,493 without the predictor), the generated report's 511 KB to
/// 11 KB.
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

/// A zlib compressor at one level, reused for every stream of its kind in
/// a document: setting one up clears a quarter of a megabyte, which would
/// cost more than compressing a small stream.
///
/// The levels, [`STREAM_LEVEL`] for the page contents, the font programs and
/// the other streams and [`PACKED_LEVEL`] for the object streams and the
/// cross-reference stream, were chosen by measuring each kind of stream of
/// the reference report at each level (the table: docs/performance.md).
pub(super) struct Deflater(flate2::Compress);

/// The zlib level of page contents, font programs and the other streams.
pub(super) const STREAM_LEVEL: u32 = 1;

/// The zlib level of the object streams and the cross-reference stream.
pub(super) const PACKED_LEVEL: u32 = 2;

impl Deflater {
    /// A compressor at zlib level `level` (0 to 9).
    pub(super) fn new(level: u32) -> Self {
        Deflater(flate2::Compress::new(flate2::Compression::new(level), true))
    }

    /// `bytes` compressed (zlib format), or nothing if compressing failed.
    pub(super) fn deflate(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.0.reset();
        let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
        loop {
            let consumed = self.0.total_in() as usize;
            match self
                .0
                .compress_vec(&bytes[consumed..], &mut out, flate2::FlushCompress::Finish)
            {
                Ok(flate2::Status::StreamEnd) => return out,
                // Room ran out: grow and go on.
                Ok(_) => out.reserve(out.capacity().max(1024)),
                // Cannot happen for in-memory buffers; the caller writes the
                // bytes as they are.
                Err(_) => return Vec::new(),
            }
        }
    }
}
