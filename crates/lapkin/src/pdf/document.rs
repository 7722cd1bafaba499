//! The document's frame: the pages (content streams, the shared footer,
//! link annotations, the page tree), the outline, the document information
//! and the catalog.
//!
//! The y axis is flipped here and in the content streams: the layout
//! measures from the top of a page, PDF from the bottom.

use std::borrow::Cow;

use pdf_writer::types::{
    ActionType, AnnotationFlags, AnnotationType, PageMode, SigFlags, TabOrder,
};
use pdf_writer::writers::{Catalog, DocumentInfo};
use pdf_writer::{Date, Finish, Name, Null, Rect, Ref, Str, TextStr};
use sha2::{Digest, Sha256};

use super::content::{self, Marks};
use super::field::Field;
use super::file::{Writer, filtered};
use super::fonts::Embedded;
use super::footers;
use super::{PdfOptions, archival, attach, labels};
use crate::error::{Error, Result};
use crate::frame::{Item, Layout, LinkArea, Meta, NodeId, OutlineEntry, Page, Tag};

/// The document's language: the catalog's `/Lang`, the XMP's
/// `dc:language`.
pub(super) const LANGUAGE: &str = "id-ID";

/// The document information's `/Creator` (and the XMP's
/// `xmp:CreatorTool`).
pub(super) const CREATOR: &str = concat!("lapkin ", env!("CARGO_PKG_VERSION"));

/// The document information's `/Producer` (and the XMP's `pdf:Producer`).
pub(super) const PRODUCER: &str =
    concat!("lapkin ", env!("CARGO_PKG_VERSION"), " (pdf-writer 0.15)");

/// The document's time: the caller's timestamp, or the report's date at
/// midnight in Western Indonesia (WIB, UTC+7).
pub(super) fn document_time(meta: &Meta, opts: &PdfOptions) -> Result<time::OffsetDateTime> {
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

/// A time as a PDF date (`D:20240807000000+07'00`, `D:20231114221320Z`);
/// the year is from 1 to 9999 (`check_timestamp` and the layout's check).
pub(super) fn pdf_date(t: time::OffsetDateTime) -> Date {
    let (hours, minutes, _) = t.offset().as_hms();
    Date::new(t.year().clamp(0, 9999) as u16)
        .month(u8::from(t.month()))
        .day(t.day())
        .hour(t.hour())
        .minute(t.minute())
        .second(t.second())
        .utc_offset_hour(hours)
        .utc_offset_minute(minutes.unsigned_abs())
}

/// What writing the pages gives the rest of the document.
pub(super) struct Pages {
    /// The page tree.
    pub tree: Ref,
    /// Each page's object.
    pub refs: Vec<Ref>,
    /// The structure node of each marked-content id of each page (none for
    /// a layout without structure).
    pub mcids: Vec<Vec<NodeId>>,
    /// Each page's tagged link annotations: the annotation, its structure
    /// node and its key in the parent tree.
    pub links: Vec<Vec<(Ref, NodeId, i32)>>,
    /// The next free key of the parent tree.
    pub next_key: i32,
}

/// Writes every page: its content stream (compressed, fed to the document
/// ID's `hash`), its link annotations, its dictionary; the footer shared
/// by all pages as one form XObject; the page tree. Each of the signature
/// `fields` goes into its page's annotations; the tagged links' keys in
/// the parent tree follow the fields'.
pub(super) fn write_pages(
    w: &mut Writer,
    layout: &Layout,
    fonts: &Embedded,
    fields: &[Field<'_>],
    hash: &mut Sha256,
) -> Pages {
    let tagged = !layout.structure.is_empty();
    let tree = w.alloc();
    let refs = w.alloc_many(layout.pages.len());
    let (shared, firsts) = footers::shared_footers(&layout.pages);
    let resources = w.alloc();
    let forms: Vec<Ref> = (firsts.iter())
        .map(|&p| write_footer(w, &layout.pages[p], fonts, hash))
        .collect();
    let images = super::image::write_images(w, layout, hash);
    let mut res = w.object(resources).indirect(resources).dict();
    res.pair(Name(b"Font"), fonts.resources);
    if !forms.is_empty() || !images.is_empty() {
        let mut x = res.insert(Name(b"XObject")).dict();
        for (k, form) in forms.into_iter().enumerate() {
            x.pair(Name(&footers::footer_name(k)), form);
        }
        for (k, image) in images.into_iter().enumerate() {
            x.pair(Name(super::image::name(k).as_bytes()), image);
        }
    }
    res.finish();
    let mut out = Pages {
        tree,
        mcids: Vec::with_capacity(refs.len()),
        links: Vec::with_capacity(refs.len()),
        next_key: (refs.len() + fields.iter().filter(|f| f.form.is_some()).count()) as i32,
        refs,
    };
    let links = labels::Links::new(layout, out.refs.clone());
    for (p, page) in layout.pages.iter().enumerate() {
        let (structure, mcids) = (&layout.structure, Vec::new());
        let mut marks = Marks { structure, mcids };
        let marked = tagged.then_some(&mut marks);
        let bytes = content::page_content(page, &fonts.codes, shared[p], marked);
        let contents = w.alloc();
        // The ID hashes the compressed content: the same, deterministic, and
        // less than half as many bytes to hash.
        let (data, filter) = w.pack(&bytes);
        hash.update(&data);
        filtered(&mut w.stream(contents).stream(contents, &data), filter);
        let mut annots = write_links(w, page, &links, &mut out);
        annots.extend(fields.iter().filter(|f| f.page == p).map(|f| f.id));
        let id = out.refs[p];
        let mut dict = w.object(id).page(id);
        dict.parent(tree)
            .media_box(whole(page))
            .contents(contents)
            .pair(Name(b"Resources"), resources);
        if !annots.is_empty() {
            dict.annotations(annots);
            if tagged {
                dict.tab_order(TabOrder::StructureOrder);
            }
        }
        if !marks.mcids.is_empty() {
            dict.struct_parents(p as i32);
        }
        dict.finish();
        out.mcids.push(marks.mcids);
    }
    w.object(tree)
        .pages(tree)
        .kids(out.refs.iter().copied())
        .count(out.refs.len() as i32);
    out
}

/// Writes a footer pages share (see `footers::shared_footers`), the
/// note of `first`, as a form XObject the size of that page, and returns
/// it.
fn write_footer(w: &mut Writer, first: &Page, fonts: &Embedded, hash: &mut Sha256) -> Ref {
    let bytes = content::footer_content(first, &fonts.codes);
    let form = w.alloc();
    let (data, filter) = w.pack(&bytes);
    hash.update(&data);
    let mut x = w.stream(form).form_xobject(form, &data);
    x.bbox(whole(first))
        .resources()
        .pair(Name(b"Font"), fonts.resources);
    filtered(&mut x, filter);
    form
}

/// The whole of a page, as a PDF rectangle.
fn whole(page: &Page) -> Rect {
    let size = page.size;
    Rect::new(0.0, 0.0, size.width.0 as f32, size.height.0 as f32)
}

/// Writes the page's link areas as link annotations without a border,
/// printable (as PDF/A asks), saying where they lead; a tagged one gets
/// the next key of the parent tree. Returns them in the page's order.
fn write_links(w: &mut Writer, page: &Page, links: &labels::Links, pages: &mut Pages) -> Vec<Ref> {
    let mut refs = Vec::new();
    let mut tags = Vec::new();
    for item in page.all_items() {
        let Item::Link(l) = item else { continue };
        let id = w.alloc();
        let key = match l.tag {
            Tag::Node(n) => {
                tags.push((id, n, pages.next_key));
                pages.next_key += 1;
                Some(pages.next_key - 1)
            }
            _ => None,
        };
        write_link(w, (id, l, links), page.size.height.0, key);
        refs.push(id);
    }
    pages.links.push(tags);
    refs
}

/// Writes one link annotation: to a URI, or to a place in the document.
fn write_link(
    w: &mut Writer,
    (id, l, links): (Ref, &LinkArea, &labels::Links),
    height: f64,
    key: Option<i32>,
) {
    let r = &l.rect;
    let rect = Rect::new(
        r.x.0 as f32,
        (height - r.bottom().0) as f32,
        (r.x + r.width).0 as f32,
        (height - r.y.0) as f32,
    );
    let mut a = w.object(id).annotation(id);
    a.subtype(AnnotationType::Link)
        .rect(rect)
        .border(0.0, 0.0, 0.0, None)
        .flags(AnnotationFlags::PRINT)
        .contents(TextStr(&links.description(&l.uri)));
    if !links.go_to(&mut a, &l.uri) {
        a.action()
            .action_type(ActionType::Uri)
            .uri(Str(super::uri_ascii(&l.uri).as_bytes()));
    }
    if let Some(key) = key {
        a.struct_parent(key);
    }
}

/// A link's target in words, for screen readers and PDF/A's `/Contents`:
/// "Kirim surel ke a@b.id" for a `mailto:` address, "Tautan ke URL" for
/// any other.
pub(super) fn link_description(target: &str) -> String {
    if matches!(target.get(..7), Some(s) if s.eq_ignore_ascii_case("mailto:")) {
        format!("Kirim surel ke {}", &target[7..])
    } else {
        format!("Tautan ke {target}")
    }
}

/// The outline as nested bookmarks: sections at the top, indicators under
/// the section before them. An entry nests under the nearest earlier entry
/// of a lower level, so levels may jump. Every entry is open: an entry's
/// `/Count` is the number of its descendants. Linear in the entries.
/// Returns the `/Outlines` dictionary, if there are entries.
pub(super) fn write_outline(w: &mut Writer, layout: &Layout, pages: &[Ref]) -> Option<Ref> {
    let outline = &layout.outline;
    let tree = OutlineTree::new(outline);
    let (first, last) = tree.ends[outline.len()]?;
    let root = w.alloc();
    let ids = w.alloc_many(outline.len());
    for (i, e) in outline.iter().enumerate() {
        let mut item = w.object(ids[i]).outline_item(ids[i]);
        let parent = ids.get(tree.parent[i]).copied().unwrap_or(root);
        item.title(TextStr(&e.title)).parent(parent);
        if let Some(prev) = tree.prev[i] {
            item.prev(ids[prev]);
        }
        if let Some(next) = tree.next[i] {
            item.next(ids[next]);
        }
        if let Some((f, l)) = tree.ends[i] {
            // Positive: open, so the indicators show under B.
            item.first(ids[f]).last(ids[l]).count(tree.count[i]);
        }
        // Its page (`check_layout` made sure there is one), scrolled to its
        // top (the left edge as it is: `null`).
        let height = layout.pages[e.page - 1].size.height.0;
        let mut dest = item.insert(Name(b"Dest")).array();
        dest.item(pages[e.page - 1])
            .item(Name(b"XYZ"))
            .item(Null)
            .item((height - e.y.0) as f32)
            .item(Null);
    }
    w.object(root)
        .outline(root)
        .first(ids[first])
        .last(ids[last])
        .count(outline.len() as i32);
    Some(root)
}

/// The outline's entries as a tree, by index; index `n` (the number of
/// entries) is the root.
struct OutlineTree {
    /// Each entry's parent: the nearest earlier entry of a lower level.
    parent: Vec<usize>,
    /// The first and last child of each entry and of the root.
    ends: Vec<Option<(usize, usize)>>,
    /// Each entry's sibling before it.
    prev: Vec<Option<usize>>,
    /// Each entry's sibling after it.
    next: Vec<Option<usize>>,
    /// The number of each entry's descendants.
    count: Vec<i32>,
}

impl OutlineTree {
    fn new(outline: &[OutlineEntry]) -> Self {
        let n = outline.len();
        let mut t = OutlineTree {
            parent: Vec::with_capacity(n),
            ends: vec![None; n + 1],
            prev: vec![None; n],
            next: vec![None; n],
            count: vec![0; n + 1],
        };
        // Parents found on a stack of the entries still open (levels
        // increasing).
        let mut open: Vec<usize> = Vec::new();
        for (i, e) in outline.iter().enumerate() {
            while open.last().is_some_and(|&j| outline[j].level >= e.level) {
                open.pop();
            }
            let p = open.last().copied().unwrap_or(n);
            if let Some((_, last)) = t.ends[p] {
                t.next[last] = Some(i);
                t.prev[i] = Some(last);
            }
            t.ends[p] = Some((t.ends[p].map_or(i, |(first, _)| first), i));
            t.parent.push(p);
            open.push(i);
        }
        // A parent comes before its children, so one backward pass counts.
        for i in (0..n).rev() {
            t.count[t.parent[i]] += 1 + t.count[i];
        }
        t
    }
}

/// The texts of the document information (and of the XMP, which must say
/// the same).
pub(super) struct Texts<'a> {
    pub title: Cow<'a, str>,
    pub author: Cow<'a, str>,
    pub subject: Cow<'a, str>,
    pub keywords: Cow<'a, str>,
}

impl<'a> Texts<'a> {
    /// The texts of `meta`; in a PDF/A document (`pdfa`), only what XML can
    /// hold ([`archival::xml_safe`]), as its XMP says the same.
    pub(super) fn new(meta: &'a Meta, pdfa: bool) -> Self {
        let text = |s: &'a str| match pdfa {
            true => archival::xml_safe(s),
            false => Cow::Borrowed(s),
        };
        Texts {
            title: text(&meta.title),
            author: text(&meta.author),
            subject: text(&meta.subject),
            keywords: text(&meta.keywords),
        }
    }
}

/// Writes the document information dictionary.
pub(super) fn write_info(w: &mut Writer, texts: &Texts<'_>, date: Date) -> Ref {
    let id = w.alloc();
    let mut info: DocumentInfo<'_> = w.object(id).indirect(id).start();
    info.title(TextStr(&texts.title))
        .author(TextStr(&texts.author))
        .subject(TextStr(&texts.subject))
        .keywords(TextStr(&texts.keywords))
        .creator(TextStr(CREATOR))
        .producer(TextStr(PRODUCER))
        .creation_date(date)
        .modified_date(date);
    id
}

/// What the catalog points to besides the pages.
pub(super) struct CatalogParts<'l> {
    pub layout: &'l Layout,
    pub outline: Option<Ref>,
    pub struct_tree: Option<Ref>,
    pub widgets: Vec<Ref>,
    pub metadata: Option<Ref>,
    pub profile: Option<Ref>,
    pub files: Vec<(String, Ref)>,
}

/// Writes the catalog: the pages, the language, the title in the window,
/// the outline, the signature field's form, the tag tree, the PDF/A
/// metadata and output intent, the attached files.
pub(super) fn write_catalog(w: &mut Writer, pages: Ref, parts: &CatalogParts<'_>) -> Ref {
    let id = w.alloc();
    let mut c: Catalog<'_> = w.object(id).indirect(id).start();
    c.pages(pages).lang(TextStr(LANGUAGE));
    c.viewer_preferences().display_doc_title(true);
    match parts.outline {
        Some(outline) => c.outlines(outline).page_mode(PageMode::UseOutlines),
        None => c.page_mode(PageMode::UseNone),
    };
    if !parts.widgets.is_empty() {
        c.form()
            .fields(parts.widgets.iter().copied())
            .sig_flags(SigFlags::SIGNATURES_EXIST);
    }
    if let Some(tree) = parts.struct_tree {
        c.pair(Name(b"StructTreeRoot"), tree);
        c.mark_info().marked(true);
    }
    if let Some(metadata) = parts.metadata {
        c.metadata(metadata);
    }
    if let Some(profile) = parts.profile {
        archival::output_intent(&mut c, profile);
    }
    attach::catalog_entries(&mut c, &parts.files);
    labels::write_page_labels(&mut c, parts.layout);
    id
}
