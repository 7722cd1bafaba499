//! Finishing the lopdf document printpdf made: document information, dates,
//! the outline, the document ID, compression.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::{GlyphCodes, PdfOptions, content, save, tags};
use crate::error::{Error, Result};
use crate::frame::{Layout, Meta, NodeId, OutlineEntry};
use crate::units::Pt;

/// lapkin's version, for the Creator and Producer entries.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The document's language: the catalog's `/Lang`, the XMP's
/// `dc:language`.
pub(super) const LANGUAGE: &str = "id-ID";

/// The document information's `/Creator` (and the XMP's
/// `xmp:CreatorTool`).
pub(super) fn creator() -> String {
    format!("lapkin {VERSION}")
}

/// The document information's `/Producer` (and the XMP's `pdf:Producer`).
pub(super) fn producer() -> String {
    format!("lapkin {VERSION} (printpdf 0.12.8, lopdf 0.44)")
}

/// A PDF text string: PDFDocEncoding is a superset of ASCII; anything else
/// is UTF-16BE with a byte order mark (ISO 32000-1, 7.9.2.2).
pub(super) fn text_string(s: &str) -> Object {
    if s.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// A time zone as dates write it: `Z` for UTC, else the sign, the hours,
/// `between`, the minutes and `after` (`+07'00'` in PDF dates, `+07:00` in
/// XMP).
pub(super) fn zone(offset: time::UtcOffset, between: char, after: &str) -> String {
    if offset.is_utc() {
        return "Z".to_owned();
    }
    let (h, m, _) = offset.as_hms();
    format!(
        "{}{:02}{between}{:02}{after}",
        if offset.is_negative() { '-' } else { '+' },
        h.unsigned_abs(),
        m.unsigned_abs()
    )
}

/// A PDF date string, e.g. `D:20240807000000+07'00'`.
fn pdf_date(t: time::OffsetDateTime) -> String {
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}{}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        zone(t.offset(), '\'', "'")
    )
}

/// The document's time: the caller's timestamp, or the report's date at
/// midnight in Western Indonesia (WIB, UTC+7).
fn document_time(meta: &Meta, opts: &PdfOptions) -> Result<time::OffsetDateTime> {
    match opts.timestamp {
        Some(secs) => {
            super::check_timestamp(secs)?;
            time::OffsetDateTime::from_unix_timestamp(secs)
                .map_err(|_| Error::Internal(format!("the timestamp {secs} is out of range")))
        }
        None => {
            let wib =
                time::UtcOffset::from_hms(7, 0, 0).map_err(|e| Error::Internal(e.to_string()))?;
            Ok(meta.date.midnight().assume_offset(wib))
        }
    }
}

/// A zlib compressor reused for every stream of a document: setting one up
/// clears a quarter of a megabyte, which would cost more than compressing a
/// small stream. Its level is changed between kinds of streams (see
/// [`Deflater::set_level`]).
///
/// The levels, [`STREAM_LEVEL`] for the page contents, the font programs and
/// the other streams and [`PACKED_LEVEL`] for the object streams and the
/// cross-reference stream, were chosen by measuring each kind of stream of
/// the reference report at each level (zlib-rs, `resource` profile, the
/// best of 300 runs; compressed bytes and microseconds):
///
/// | level | 11 pages + footer, 141 KB | 3 fonts, 20 KB | 4 maps, ICC, 4.6 KB | 2 object streams, 47 KB |
/// |---|---|---|---|---|
/// | 1 | 54,551 B, 516 µs | 16,475 B, 119 µs | 2,561 B, 28 µs | 16,832 B, 129 µs |
/// | 2 | 41,534 B, 1,092 µs | 14,519 B, 262 µs | 2,050 B, 71 µs | 12,725 B, 263 µs |
/// | 3 | 38,093 B, 1,443 µs | 14,377 B, 321 µs | 2,042 B, 80 µs | 11,852 B, 376 µs |
/// | 4 | 37,228 B, 1,657 µs | 14,365 B, 330 µs | 2,043 B, 83 µs | 11,767 B, 448 µs |
/// | 6 | 36,108 B, 1,981 µs | 14,347 B, 339 µs | 2,040 B, 84 µs | 11,306 B, 650 µs |
///
/// Level 1 (zlib-rs' quick deflate, fixed Huffman codes) costs a third of
/// level 4 per byte. Levels 1/1/2 made the reference report 90,055 bytes
/// (at 4 everywhere 69,139; at 1 everywhere 94,226, too close to the budget
/// of 100 KB) and cut write_pdf by 1.6 ms (5.3 to 3.7 ms, resource
/// profile; 89,960 bytes once the subsets lost their padding too, 90,057
/// once glyph strings escaped CR and LF). Were
/// bytes to matter more: the pages at 2 give 77,038 bytes for 0.6 ms more.
pub(super) struct Deflater {
    compress: flate2::Compress,
    level: u32,
}

/// The zlib level of page contents, font programs and the other streams.
pub(super) const STREAM_LEVEL: u32 = 1;

/// The zlib level of the object streams and the cross-reference stream.
pub(super) const PACKED_LEVEL: u32 = 2;

impl Deflater {
    /// A compressor at zlib level `level` (0 to 9).
    pub(super) fn with_level(level: u32) -> Self {
        Deflater {
            compress: flate2::Compress::new(flate2::Compression::new(level), true),
            level,
        }
    }

    /// Compresses from now on at zlib level `level` (0 to 9).
    pub(super) fn set_level(&mut self, level: u32) {
        if level == self.level {
            return;
        }
        self.compress.reset();
        if self
            .compress
            .set_level(flate2::Compression::new(level))
            .is_err()
        {
            // It cannot fail on a stream just reset; a new one if it did.
            *self = Self::with_level(level);
        }
        self.level = level;
    }

    /// `bytes` compressed (zlib format), or nothing if compressing failed.
    pub(super) fn deflate(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.compress.reset();
        let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
        loop {
            let consumed = self.compress.total_in() as usize;
            match self.compress.compress_vec(
                &bytes[consumed..],
                &mut out,
                flate2::FlushCompress::Finish,
            ) {
                Ok(flate2::Status::StreamEnd) => return out,
                // Room ran out: grow and go on.
                Ok(_) => out.reserve(out.capacity().max(1024)),
                // Cannot happen for in-memory buffers; fall back to no filter.
                Err(_) => return Vec::new(),
            }
        }
    }

    /// Compresses a stream unless it already has a filter.
    fn compress(&mut self, stream: &mut Stream) {
        if stream.dict.get(b"Filter").is_err() && stream.allows_compression {
            let packed = self.deflate(&stream.content);
            if !packed.is_empty() && packed.len() < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(packed);
            }
        }
    }
}

fn pdf_err(e: lopdf::Error) -> Error {
    Error::Internal(e.to_string())
}

/// The most objects one object stream holds (see `finish`).
const OBJECTS_PER_STREAM: usize = 400;

pub(super) fn finish(
    mut doc: Document,
    layout: &Layout,
    codes: &GlyphCodes,
    opts: &PdfOptions,
) -> Result<Vec<u8>> {
    doc.version = "1.7".to_owned();
    let meta = &layout.meta;
    let mut deflater = Deflater::with_level(STREAM_LEVEL);
    let mut hash = Sha256::new();
    let mcids = write_pages(&mut doc, layout, codes, &mut deflater, &mut hash)?;
    let time = document_time(meta, opts)?;
    let when = pdf_date(time);
    set_info(&mut doc, meta, &when)?;
    let fields = set_catalog(&mut doc, layout, opts)?;
    let mut packed = save::Packed::default();
    tags::write_tags(&mut doc, layout, &mcids, &fields, &mut packed)?;
    super::archival::finish_archival(&mut doc, layout, opts, time)?;
    super::attach::add_attachments(&mut doc, &opts.attachments, &when, &mut hash)?;

    // The remaining streams: font programs, ToUnicode maps.
    for object in doc.objects.values_mut() {
        if let Object::Stream(s) = object {
            deflater.compress(s);
        }
    }
    // A document ID that depends only on the content (printpdf's comes
    // from a process-wide counter): the pages' content (which decides the
    // font subsets too), the title, the date and the PDF/A part.
    hash.update(meta.title.as_bytes());
    hash.update(when.as_bytes());
    // A PDF/A file differs from the plain one of the same pages.
    if let Some(part) = opts.standard.pdfa_part() {
        hash.update([part]);
    }
    let digest = hash.finalize();
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);

    // Object streams and a cross-reference stream (PDF 1.5): the tag tree
    // is hundreds of small dictionaries (a structure element per heading,
    // paragraph and table cell), which compressed together cost about a
    // fifth of what they cost as plain objects with a classic table.
    // Compressed with the pages' compressor (at its own level, see
    // `Deflater`), 400 objects to a stream: measured on the reference report
    // (at level 4), lopdf's level 9 with 100 objects to a stream was 0.3 %
    // smaller (93,348 bytes against 93,589) for a second compressor to set
    // up and about three times the work per byte (zlib's slow strategy).
    deflater.set_level(PACKED_LEVEL);
    Ok(save::save(&doc, &packed, OBJECTS_PER_STREAM, &mut deflater))
}

/// Writes each page's content, compressed one page at a time, and feeds
/// it to the document ID's hash. The footer, the same on every page but
/// for its number (and, on the last page, the legal note tagged where it is
/// read), is drawn once as a form XObject that each page refers to. Returns the structure node of each marked-content id of each page
/// (none for a layout without structure).
fn write_pages(
    doc: &mut Document,
    layout: &Layout,
    codes: &GlyphCodes,
    deflater: &mut Deflater,
    hash: &mut Sha256,
) -> Result<Vec<Vec<NodeId>>> {
    let tagged = !layout.structure.is_empty();
    let mut mcids = Vec::with_capacity(layout.pages.len());
    let shared = content::shared_footers(&layout.pages);
    // The first page shares the form whenever another does.
    if shared.first() == Some(&true) {
        add_footer_xobject(doc, layout, codes, deflater, hash)?;
    }
    for ((page, page_id), shared) in layout
        .pages
        .iter()
        .zip(doc.get_pages().into_values())
        .zip(shared)
    {
        let contents = doc
            .get_dictionary(page_id)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(pdf_err)?;
        let mut marks = content::Marks::new(&layout.structure);
        let bytes = content::page_content(page, codes, shared, tagged.then_some(&mut marks));
        mcids.push(marks.mcids);
        hash.update(&bytes);
        let packed = deflater.deflate(&bytes);
        let mut stream = if packed.is_empty() {
            Stream::new(Dictionary::new(), bytes)
        } else {
            let mut s = Stream::new(Dictionary::new(), packed);
            s.dict.set("Filter", "FlateDecode");
            s
        };
        stream.allows_compression = false;
        doc.objects.insert(contents, Object::Stream(stream));
    }
    Ok(mcids)
}

/// The document information dictionary.
fn set_info(doc: &mut Document, meta: &Meta, when: &str) -> Result<()> {
    let info_id = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(pdf_err)?;
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    info.set("Subject", text_string(&meta.subject));
    info.set("Keywords", text_string(&meta.keywords));
    info.set("Creator", text_string(&creator()));
    info.set("Producer", text_string(&producer()));
    info.set("CreationDate", text_string(when));
    info.set("ModDate", text_string(when));
    doc.objects.insert(info_id, Object::Dictionary(info));
    Ok(())
}

/// The catalog: language, title in the window, outline, signature fields
/// (see [`crate::field::field_names`]). Returns each signature field's
/// widget with the index of its box in `layout.signatures`.
fn set_catalog(
    doc: &mut Document,
    layout: &Layout,
    opts: &PdfOptions,
) -> Result<Vec<(ObjectId, usize)>> {
    let pages = doc.get_pages();
    let page_ids: Vec<ObjectId> = pages.values().copied().collect();
    let outline = build_outline(doc, layout, &page_ids);
    if opts.signature_field.is_some() && layout.signatures.is_empty() {
        return Err(Error::Internal(
            "a signature field was asked for, but the document has no signature block".into(),
        ));
    }
    let names = crate::field::field_names(
        layout.signatures.iter().map(|b| b.field.as_deref()),
        opts.signature_field.as_deref(),
    );
    let mut fields = Vec::new();
    for (i, (b, name)) in layout.signatures.iter().zip(&names).enumerate() {
        if let Some(name) = name {
            fields.push((add_signature_field(doc, name, b, &page_ids)?, i));
        }
    }
    let catalog = doc.catalog_mut().map_err(pdf_err)?;
    catalog.set("Lang", text_string(LANGUAGE));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", prefs);
    match outline {
        Some(id) => {
            catalog.set("Outlines", id);
            catalog.set("PageMode", "UseOutlines");
        }
        None => catalog.set("PageMode", "UseNone"),
    }
    if !fields.is_empty() {
        let mut form = Dictionary::new();
        let widgets = fields.iter().map(|(w, _)| Object::Reference(*w));
        form.set("Fields", widgets.collect::<Vec<_>>());
        form.set("SigFlags", 1);
        catalog.set("AcroForm", form);
    }
    Ok(fields)
}

/// The dictionary of a form XObject `width` × `height` with `resources`.
fn form_xobject(width: f32, height: f32, resources: Dictionary) -> Dictionary {
    let mut dict = Dictionary::new();
    dict.set("Type", "XObject");
    dict.set("Subtype", "Form");
    dict.set(
        "BBox",
        vec![
            0.into(),
            0.into(),
            Object::Real(width),
            Object::Real(height),
        ],
    );
    dict.set("Resources", resources);
    dict
}

/// Adds the shared footer as a form XObject named [`content::FOOTER`] in
/// the XObject dictionary printpdf gives every page.
fn add_footer_xobject(
    doc: &mut Document,
    layout: &Layout,
    codes: &GlyphCodes,
    deflater: &mut Deflater,
    hash: &mut Sha256,
) -> Result<()> {
    let first = &layout.pages[0];
    let page_id = *doc
        .get_pages()
        .values()
        .next()
        .ok_or_else(|| Error::Internal("the document has no page".into()))?;
    let resources_id = doc
        .get_dictionary(page_id)
        .and_then(|p| p.get(b"Resources"))
        .and_then(Object::as_reference)
        .map_err(pdf_err)?;
    let resources = doc.get_dictionary(resources_id).map_err(pdf_err)?;
    let fonts = resources.get(b"Font").map_err(pdf_err)?.clone();
    let xobjects_id = resources
        .get(b"XObject")
        .and_then(Object::as_reference)
        .map_err(pdf_err)?;

    let bytes = content::footer_content(first, codes);
    hash.update(&bytes);
    let mut form_resources = Dictionary::new();
    form_resources.set("Font", fonts);
    let dict = form_xobject(
        first.size.width.0 as f32,
        first.size.height.0 as f32,
        form_resources,
    );
    let mut stream = Stream::new(dict, bytes);
    deflater.compress(&mut stream);
    stream.allows_compression = false;
    let form_id = doc.add_object(stream);
    doc.get_dictionary_mut(xobjects_id)
        .map_err(pdf_err)?
        .set(content::FOOTER, form_id);
    Ok(())
}

/// Adds an empty signature field over the signature box: a merged field
/// and widget (`/FT /Sig`, no `/V`) in the page's `/Annots`, printable and
/// locked (`/F 132`), with an empty appearance. Returns the widget's id for
/// the AcroForm's `/Fields`.
fn add_signature_field(
    doc: &mut Document,
    name: &str,
    b: &crate::frame::SignatureBox,
    page_ids: &[ObjectId],
) -> Result<ObjectId> {
    let page_id = *b
        .page
        .checked_sub(1)
        .and_then(|p| page_ids.get(p))
        .ok_or_else(|| Error::Internal(format!("no page {} for the signature field", b.page)))?;
    let placement = crate::signing::SignaturePlacement::new(b, Some(name.to_owned()));
    let [x1, y1, x2, y2] = placement.pdf_rect;
    let ap = form_xobject((x2 - x1) as f32, (y2 - y1) as f32, Dictionary::new());
    let ap_id = doc.add_object(Stream::new(ap, Vec::new()));
    let mut widget = Dictionary::new();
    widget.set("Type", "Annot");
    widget.set("Subtype", "Widget");
    widget.set("FT", "Sig");
    widget.set("T", text_string(name));
    // The field's name as a screen reader speaks it (PDF/UA: a form field
    // needs /TU, or an /Alt on its element).
    let spoken = match &b.signer {
        Some(signer) => format!("Tanda tangan elektronik {signer}"),
        None => "Tanda tangan elektronik".to_owned(),
    };
    widget.set("TU", text_string(&spoken));
    widget.set(
        "Rect",
        [x1, y1, x2, y2]
            .iter()
            .map(|v| Object::Real(*v as f32))
            .collect::<Vec<_>>(),
    );
    widget.set("P", page_id);
    widget.set("F", 132);
    let mut normal = Dictionary::new();
    normal.set("N", ap_id);
    widget.set("AP", normal);
    let widget_id = doc.add_object(widget);
    let page = doc
        .get_dictionary_mut(page_id)
        .map_err(|e| Error::Internal(e.to_string()))?;
    match page.get_mut(b"Annots") {
        Ok(Object::Array(annots)) => annots.push(Object::Reference(widget_id)),
        _ => page.set("Annots", vec![Object::Reference(widget_id)]),
    }
    Ok(widget_id)
}

/// The outline as nested bookmarks: sections at the top, indicators under
/// the section before them. An entry nests under the nearest earlier entry
/// of a lower level, so levels may jump. Every entry is open: an entry's
/// `/Count` is the number of its descendants. Linear in the entries.
/// Returns the `/Outlines` dictionary's id.
fn build_outline(doc: &mut Document, layout: &Layout, page_ids: &[ObjectId]) -> Option<ObjectId> {
    let outline = &layout.outline;
    if outline.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = outline.iter().map(|_| doc.new_object_id()).collect();
    let tree = OutlineTree::new(outline);
    let mut dicts: Vec<Dictionary> = outline
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let parent = tree.parents[i].map_or(root, |p| ids[p]);
            outline_entry(e, parent, layout, page_ids)
        })
        .collect();
    let link_siblings = |dicts: &mut Vec<Dictionary>, siblings: &[usize]| {
        for (k, &i) in siblings.iter().enumerate() {
            if k > 0 {
                dicts[i].set("Prev", ids[siblings[k - 1]]);
            }
            if let Some(&n) = siblings.get(k + 1) {
                dicts[i].set("Next", ids[n]);
            }
        }
    };
    link_siblings(&mut dicts, &tree.top);
    for (i, kids) in tree.kids.iter().enumerate() {
        if let (Some(first), Some(last)) = (kids.first(), kids.last()) {
            dicts[i].set("First", ids[*first]);
            dicts[i].set("Last", ids[*last]);
            // Positive: open, so the indicators show under B.
            dicts[i].set("Count", tree.descendants[i]);
            link_siblings(&mut dicts, kids);
        }
    }
    for (id, d) in ids.iter().zip(dicts) {
        doc.objects.insert(*id, Object::Dictionary(d));
    }
    // The first entry has no parent: `top` is not empty.
    let (first, last) = (tree.top.first()?, tree.top.last()?);
    let mut outlines = Dictionary::new();
    outlines.set("Type", "Outlines");
    outlines.set("First", ids[*first]);
    outlines.set("Last", ids[*last]);
    outlines.set("Count", outline.len() as i64);
    doc.objects.insert(root, Object::Dictionary(outlines));
    Some(root)
}

/// The outline's entries as a tree, by index, built in linear time.
struct OutlineTree {
    /// Each entry's parent: the nearest earlier entry of a lower level.
    parents: Vec<Option<usize>>,
    /// The entries without a parent, in order.
    top: Vec<usize>,
    /// Each entry's children, in order.
    kids: Vec<Vec<usize>>,
    /// The number of each entry's descendants.
    descendants: Vec<i64>,
}

impl OutlineTree {
    fn new(outline: &[OutlineEntry]) -> Self {
        // Parents found on a stack of the entries still open (levels
        // increasing).
        let mut parents: Vec<Option<usize>> = Vec::with_capacity(outline.len());
        let mut open: Vec<usize> = Vec::new();
        for (i, e) in outline.iter().enumerate() {
            while open.last().is_some_and(|&j| outline[j].level >= e.level) {
                open.pop();
            }
            parents.push(open.last().copied());
            open.push(i);
        }
        let mut top = Vec::new();
        let mut kids: Vec<Vec<usize>> = vec![Vec::new(); outline.len()];
        for (i, p) in parents.iter().enumerate() {
            match p {
                Some(p) => kids[*p].push(i),
                None => top.push(i),
            }
        }
        // A parent comes before its children, so one backward pass counts.
        let mut descendants = vec![0i64; outline.len()];
        for i in (0..outline.len()).rev() {
            if let Some(p) = parents[i] {
                descendants[p] += 1 + descendants[i];
            }
        }
        OutlineTree {
            parents,
            top,
            kids,
            descendants,
        }
    }
}

/// One outline entry's dictionary: its title, parent and destination
/// (without its siblings and children).
fn outline_entry(
    e: &OutlineEntry,
    parent: ObjectId,
    layout: &Layout,
    page_ids: &[ObjectId],
) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Title", text_string(&e.title));
    d.set("Parent", parent);
    // `check_layout` made sure the page exists.
    let index = e.page.saturating_sub(1);
    let page = page_ids
        .get(index)
        .copied()
        .map_or(Object::Null, Object::Reference);
    let height = layout.pages.get(index).map_or(Pt::ZERO, |p| p.size.height);
    d.set(
        "Dest",
        vec![
            page,
            "XYZ".into(),
            Object::Null,
            Object::Real((height - e.y).0 as f32),
            Object::Null,
        ],
    );
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_pdf_form() {
        let wib = time::UtcOffset::from_hms(7, 0, 0).unwrap();
        let t = time::macros::date!(2024 - 08 - 07)
            .midnight()
            .assume_offset(wib);
        assert_eq!(pdf_date(t), "D:20240807000000+07'00'");
        let utc = time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        assert_eq!(pdf_date(utc), "D:20231114221320Z");
    }

    #[test]
    fn a_timestamp_a_pdf_date_cannot_hold_is_an_error() {
        let report =
            crate::parse_report(include_bytes!("../../../../fixtures/minimal.json")).unwrap();
        let mut opts = crate::RenderOptions::default();
        for bad in [
            -1,
            -100_000_000_000,
            super::super::MAX_TIMESTAMP + 1,
            i64::MAX,
        ] {
            opts.pdf.timestamp = Some(bad);
            // The caller's bad value: an input error at the option, never
            // "a bug in lapkin".
            let err = crate::render_pdf(&report, &opts).unwrap_err();
            assert!(err.is_input_error(), "{err}");
            assert!(
                err.to_string()
                    .starts_with(&format!("pdf.timestamp: {bad} is ")),
                "{err}"
            );
        }
        for (good, date) in [
            (0, &b"D:19700101000000Z"[..]),
            (super::super::MAX_TIMESTAMP, b"D:99991231235959Z"),
        ] {
            opts.pdf.timestamp = Some(good);
            let pdf = crate::render_pdf(&report, &opts).unwrap();
            // The information dictionary is in a compressed object stream.
            let doc = Document::load_mem(&pdf).unwrap();
            let info = doc
                .trailer
                .get(b"Info")
                .and_then(Object::as_reference)
                .and_then(|id| doc.get_dictionary(id))
                .unwrap();
            let created = info.get(b"CreationDate").unwrap().as_str().unwrap();
            assert_eq!(created, date, "{good}");
        }
    }

    #[test]
    fn a_level_gives_the_same_bytes_whatever_came_before() {
        let text: Vec<u8> = (0..20_000u32)
            .flat_map(|i| format!("{} 0 Td ({}) Tj\n", i % 97, i % 13).into_bytes())
            .collect();
        let fresh: Vec<Vec<u8>> = (0..=9)
            .map(|level| Deflater::with_level(level).deflate(&text))
            .collect();
        // One compressor taken through the levels, up and down.
        let mut d = Deflater::with_level(STREAM_LEVEL);
        for level in [1, 2, 9, 4, 1, 6, 0, 3, 2, 5, 7, 8, 1] {
            d.set_level(level);
            let packed = d.deflate(&text);
            assert_eq!(packed, fresh[level as usize], "level {level}");
            let mut unpacked = Vec::new();
            std::io::Read::read_to_end(
                &mut flate2::read::ZlibDecoder::new(&packed[..]),
                &mut unpacked,
            )
            .unwrap();
            assert_eq!(unpacked, text);
        }
        // The levels differ, so the test would see a level not taken.
        assert_ne!(fresh[1], fresh[2]);
        assert_ne!(fresh[STREAM_LEVEL as usize], fresh[PACKED_LEVEL as usize]);
    }

    #[test]
    fn text_strings() {
        assert_eq!(
            text_string("Laporan"),
            Object::String(b"Laporan".to_vec(), StringFormat::Literal)
        );
        let Object::String(bytes, StringFormat::Hexadecimal) = text_string("≤") else {
            panic!()
        };
        assert_eq!(bytes, vec![0xFE, 0xFF, 0x22, 0x64]);
    }
}
