//! Report → document blocks: the wording, order and numbering of the
//! official *Laporan Kinerja Triwulan*, or the unit's own.
//!
//! The builder visits the report with the one walk of the model
//! ([`walk`]), which gives each part with its JSON path in document order:
//! each block gets the [`Origin`] of what it shows, for the messages of
//! the layout stage, without this module spelling a path. The parts are
//! gathered as the walk meets them, then placed in the order the report
//! gives its sections (`susunan`), each under its heading and number.
//!
//! The report was validated ([`CheckedReport`]), so nothing here checks it
//! again: every text's markup was parsed during validation and is read
//! here, each analysis's indicator was found, the figures of section C were
//! computed.

use super::body::Frame;
use super::closing::{ClosingPaths, closing};
use super::front::{self, Order, Place};
use super::tables::{TableOrigins, anggaran_table, kinerja_table};
use super::wording::{FOOTER_TITLE, intro_of, part_title};
use super::{Block, Bookmark, Document, Footer, Heading, Meta, Origin, Paragraph, Text};
use crate::model::walk::{Node, Source, Visit, walk};
use crate::model::{
    self, Analisis, Bagian, CheckedReport, Indikator, Inline, JenisBagian, PenomoranCatatan,
    Report, Sasaran,
};
use crate::problem::JsonPath;
use crate::text::{Align, Span, SpanStyle};

fn span(text: impl Into<String>, style: SpanStyle) -> Span {
    Span {
        text: text.into(),
        style,
        link: None,
    }
}

pub(crate) fn plain(text: impl Into<String>) -> Text {
    vec![span(text, SpanStyle::REGULAR)]
}

pub(super) fn bold(text: impl Into<String>) -> Text {
    vec![span(text, SpanStyle::BOLD)]
}

/// The styled runs of inline markup, as parsed during validation. A
/// checked report's markup parses; were it ever not to, the text is
/// printed as written rather than lost.
pub(super) fn inline(text: &Inline) -> Text {
    match text.parsed() {
        Ok(spans) => spans.to_vec(),
        Err(_) => plain(text.as_str()),
    }
}

/// The runs of a text of the report, plain or marked up.
pub(super) fn source_text(source: Source<'_>) -> Text {
    match source {
        Source::Plain(t) => plain(t),
        Source::Markup(m) => inline(m),
    }
}

/// Makes every span bold (headings built from report text).
pub(super) fn emboldened(text: Text) -> Text {
    text.into_iter()
        .map(|mut s| {
            s.style.bold = true;
            s
        })
        .collect()
}

/// The text of `t` without its styles.
fn text_of(t: &Text) -> String {
    t.iter().map(|s| s.text.as_str()).collect()
}

/// A paragraph of the report's text at `origin`, justified.
pub(super) fn text_paragraph(source: Source<'_>, origin: Origin) -> Block {
    Block::Paragraph(Paragraph {
        origin,
        ..Paragraph::new(source_text(source), Align::Justify)
    })
}

/// The path of what holds the value at `path` (`path` without its last
/// segment).
fn parent(path: &JsonPath) -> JsonPath {
    let mut p = path.clone();
    p.pop();
    p
}

/// Builds the document of a validated report: the title, the intro, the
/// sections in the report's order (A to D by default) with their headings
/// and numbers, the closing block, and the page furniture. A section with
/// nothing in it is left out, and does not take a number. Each block
/// carries the [`Origin`] of what it shows.
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let report = lapkin::parse_report(&json).unwrap();
/// let fonts = lapkin::text::FontSet::liberation_sans();
/// let doc = lapkin::document::build_document(&lapkin::validate(&report, &fonts).unwrap());
/// assert_eq!(doc.meta.title, report.title());
/// ```
pub fn build_document(checked: &CheckedReport<'_>) -> Document {
    let report = checked.report();
    let mut b = Builder {
        checked,
        frames: Vec::new(),
        level: 2,
        parts: Parts::default(),
        analysis: 0,
        figures: 0,
        subbab: 0,
    };
    walk(report, &mut b);
    let mut parts = b.parts;
    let mut order = Order::new(report);
    let front = report.front_matter();
    let mut blocks = if front.is_empty() {
        opening(report, parts.pengantar.take())
    } else {
        Vec::new()
    };
    for (k, bagian) in front.iter().enumerate() {
        blocks.extend(parts.section(checked, (Some(k), bagian, Place::Front(k)), &mut order));
    }
    let own = report.susunan.as_ref().and_then(|s| s.bagian.as_ref());
    let own = own.map_or(0, Vec::len);
    for (k, bagian) in report.sections().iter().enumerate() {
        let index = (k < own).then_some(front.len() + k);
        let section = parts.section(checked, (index, bagian, Place::Chapter), &mut order);
        // A cover given first among the sections comes before the title.
        if k == 0 && front.is_empty() && bagian.jenis == Some(JenisBagian::Sampul) {
            blocks.splice(0..0, section);
        } else {
            blocks.extend(section);
        }
    }
    for (k, bagian) in report.appendices().iter().enumerate() {
        let index = Some(front.len() + own + k);
        let at = (index, bagian, Place::Appendix(k));
        blocks.extend(parts.section(checked, at, &mut order));
    }
    keep_introductions_with_next(&mut blocks);
    super::lkj::finish(&mut blocks, order.finish);
    let blocks = headings_with_landscape(blocks);
    Document {
        meta: meta(report),
        blocks,
        footer: footer(report, &parts),
    }
}

/// A part of the report gathered by the walk: where it is, and its blocks.
#[derive(Debug, Default)]
struct Part {
    origin: Origin,
    blocks: Vec<Block>,
}

/// What the walk gathers, to be placed in the report's order.
#[derive(Debug, Default)]
struct Parts {
    /// The report's own intro.
    pengantar: Option<Vec<Block>>,
    /// `kinerja`, and where table A's parts are.
    kinerja: Origin,
    kinerja_table: TableOrigins,
    /// Section B: each analysis's heading and indented parts.
    analyses: Part,
    /// `anggaran`, and where table C's parts are.
    anggaran: Origin,
    anggaran_table: TableOrigins,
    /// Section D.
    rekomendasi: Part,
    /// Each section of `susunan.bagian`: its path and its blocks (`isi`).
    bagian: Vec<Part>,
    /// Where the closing block is.
    closing: ClosingPaths,
    /// The report's own legal note, if it gives one.
    catatan: Origin,
    /// The running header, if the report gives one.
    kepala: Origin,
}

/// The builder's state as it visits the report.
struct Builder<'c, 'r> {
    checked: &'c CheckedReport<'r>,
    /// The body blocks being built, innermost last: a part's blocks, a
    /// list, a list item, a table of the report's text.
    frames: Vec<Frame>,
    /// The level of a sub-heading in the blocks being built.
    level: u8,
    parts: Parts,
    /// The number of analyses met so far.
    analysis: usize,
    /// The number of figures with a caption met so far.
    figures: usize,
    /// How many subsections the walk is in.
    subbab: u8,
}

impl<'r> Visit<'r> for Builder<'_, 'r> {
    fn enter(&mut self, path: &JsonPath, node: Node<'r>) {
        if let Some(figure) = super::figure::figure(self.checked, path, node, &mut self.figures) {
            super::body::push(&mut self.frames, figure);
            return;
        }
        let level = self.level.saturating_add(self.subbab);
        if !self.frames.is_empty() && super::body::enter(&mut self.frames, path, node, level) {
            if let Node::Subbab(..) = node {
                self.subbab = self.subbab.saturating_add(1);
            }
            return;
        }
        let p = &mut self.parts;
        match node {
            Node::Pengantar(_) | Node::Bagian(..) | Node::Rekomendasi(_) => self.open(2),
            Node::Kinerja => p.kinerja = path.into(),
            Node::KolomKinerja(_) => p.kinerja_table.header = Origin::at(parent(path)),
            Node::Sasaran(_) => p.kinerja_table.table = Origin::at(parent(path)),
            Node::Indikator(..) => p.kinerja_table.rows.push(path.into()),
            Node::Analyses(_) => p.analyses.origin = path.into(),
            Node::Analisis(_) => self.open(4),
            Node::Part(field, _) => self.part_heading(path, bold(part_title(field))),
            Node::OwnPart(part) => self.part_heading(path, emboldened(inline(&part.judul))),
            Node::Anggaran(_) => p.anggaran = path.into(),
            Node::KolomAnggaran(_) => p.anggaran_table.header = Origin::at(parent(path)),
            Node::Rincian(_, 0) => p.anggaran_table.table = Origin::at(parent(path)),
            Node::Total(_) => p.anggaran_table.total = path.into(),
            Node::Penutup(_) => p.closing.penutup = Some(path.clone()),
            Node::Signer(_) => p.closing.signers.push(path.clone()),
            Node::TandaTangan(_) => p.closing.tanda_tangan = Some(path.clone()),
            Node::Catatan(Some(_)) => p.catatan = path.into(),
            Node::Halaman(h) if h.kepala.is_some() => p.kepala = Origin::at(path.child("kepala")),
            _ => {}
        }
    }

    fn leave(&mut self, path: &JsonPath, node: Node<'r>) {
        let closes = matches!(
            node,
            Node::Pengantar(_) | Node::Bagian(..) | Node::Rekomendasi(_) | Node::Analisis(_)
        );
        if let Node::Subbab(..) = node {
            self.subbab = self.subbab.saturating_sub(1);
            return;
        }
        if !closes {
            if !self.frames.is_empty() {
                super::body::leave(&mut self.frames, path, node);
            }
            return;
        }
        let Some(Frame::Blocks(blocks)) = self.frames.pop() else {
            return;
        };
        let p = &mut self.parts;
        match node {
            Node::Pengantar(_) => p.pengantar = Some(blocks),
            Node::Bagian(_, k) => {
                p.bagian.resize_with(k + 1, Part::default);
                p.bagian[k] = Part {
                    origin: path.into(),
                    blocks,
                };
            }
            Node::Rekomendasi(_) => {
                p.rekomendasi = Part {
                    origin: path.into(),
                    blocks,
                }
            }
            _ => self.analysis(path, blocks),
        }
    }
}

impl Builder<'_, '_> {
    /// Starts gathering blocks whose sub-headings are of `level`.
    fn open(&mut self, level: u8) {
        self.level = level;
        self.frames.push(Frame::Blocks(Vec::new()));
    }

    /// The sub-heading of a part of an analysis.
    fn part_heading(&mut self, path: &JsonPath, text: Text) {
        let heading = Heading {
            origin: path.into(),
            ..Heading::new(3, text)
        };
        super::body::push(&mut self.frames, Block::Heading(heading));
    }

    /// The analysis at `path` with its parts' blocks: its heading, and
    /// its parts under it, indented.
    fn analysis(&mut self, path: &JsonPath, content: Vec<Block>) {
        let i = self.analysis;
        self.analysis += 1;
        let Some((a, found)) = self.checked.analyses().nth(i) else {
            return;
        };
        let numbered = self.parts.analyses.blocks.iter().filter(|b| {
            matches!(
                b,
                Block::Heading(Heading {
                    marker: Some(_),
                    ..
                })
            )
        });
        let n = numbered.count() + 1;
        let heading = analysis_heading(a, found, n, path.into());
        let blocks = &mut self.parts.analyses.blocks;
        blocks.push(heading);
        blocks.push(Block::Indent(content));
    }
}

/// The heading of an analysis: its own (unnumbered), else "`n`. [SK 1.0
/// ...] IKK 1.1 ..." (the sasaran left out when it has no code, each code
/// when there is none); bold, with its bookmark.
fn analysis_heading(
    a: &Analisis,
    found: Option<(&Sasaran, &Indikator)>,
    n: usize,
    origin: Origin,
) -> Block {
    let (marker, text) = match (&a.judul, found) {
        (Some(own), _) => (None, inline(own)),
        (None, None) => (None, Vec::new()),
        (None, Some((sasaran, ind))) => {
            let mut text = Vec::new();
            if let Some(kode) = &sasaran.kode {
                text.push(span(format!("[{kode} "), SpanStyle::REGULAR));
                text.extend(inline(&sasaran.uraian));
                text.push(span("] ", SpanStyle::REGULAR));
            }
            if let Some(kode) = &ind.kode {
                text.push(span(format!("{kode} "), SpanStyle::REGULAR));
            }
            text.extend(inline(&ind.uraian));
            (Some(format!("{n}.")), text)
        }
    };
    let title = match (&marker, found) {
        (Some(m), Some((_, ind))) => {
            let uraian = ind.uraian.plain_text().unwrap_or_default();
            match &ind.kode {
                Some(k) => format!("{m} {k} {uraian}"),
                None => format!("{m} {uraian}"),
            }
        }
        _ => text_of(&text),
    };
    Block::Heading(Heading {
        marker,
        bookmark: Some(Bookmark::new(title, 1)),
        origin,
        ..Heading::new(2, emboldened(text))
    })
}

impl Parts {
    /// A section of the report: its page break, its heading (numbered
    /// unless it says not, or it is not a chapter) and its content, with
    /// its blocks (`isi`) gathered at `own`; nothing if it has no content.
    fn section(
        &mut self,
        checked: &CheckedReport<'_>,
        (own, bagian, place): (Option<usize>, &Bagian, Place),
        order: &mut Order,
    ) -> Vec<Block> {
        let report = checked.report();
        let (origin, mut content) = match bagian.jenis {
            Some(JenisBagian::Kinerja) if !report.kinerja.sasaran.is_empty() => {
                let origins = std::mem::take(&mut self.kinerja_table);
                let table = kinerja_table(report, origins);
                (self.kinerja.clone(), vec![Block::Table(table)])
            }
            Some(JenisBagian::Analisis) => {
                let part = std::mem::take(&mut self.analyses);
                (part.origin, part.blocks)
            }
            Some(JenisBagian::Anggaran) => match &report.anggaran {
                Some(a) => {
                    let origins = std::mem::take(&mut self.anggaran_table);
                    let table = anggaran_table(checked, a, origins);
                    (self.anggaran.clone(), vec![Block::Table(table)])
                }
                None => (Origin::none(), Vec::new()),
            },
            Some(JenisBagian::Rekomendasi) => {
                let part = std::mem::take(&mut self.rekomendasi);
                (part.origin, part.blocks)
            }
            Some(JenisBagian::Penutup) => {
                return turned(bagian.mendatar, closing(report, &self.closing));
            }
            // The cover: no heading, no number, its page its own.
            Some(JenisBagian::Sampul) => {
                let mut blocks: Vec<Block> = order.page_break(place, bagian).into_iter().collect();
                blocks.push(super::figure::cover(checked));
                return blocks;
            }
            Some(j) => (Origin::none(), order.list(j).into_iter().collect()),
            None => (Origin::none(), Vec::new()),
        };
        let own = own
            .and_then(|k| self.bagian.get_mut(k))
            .map(std::mem::take)
            .unwrap_or_default();
        content.extend(own.blocks);
        if content.is_empty() {
            return Vec::new();
        }
        let origin = match (&bagian.judul, own.origin.path()) {
            (Some(_), Some(p)) => Origin::at(p.child("judul")),
            (None, Some(p)) if bagian.jenis.is_none() => Origin::at(p.clone()),
            _ => origin,
        };
        let sub = place == Place::Chapter && bagian.subbab;
        // A generated list or the cover is never a numbered chapter.
        let listed = matches!(bagian.jenis, Some(JenisBagian::Sampul)) || order.is_list(bagian);
        let number = (bagian.bernomor && place == Place::Chapter && !sub && !listed).then(|| {
            order.number += 1;
            order.number
        });
        let chapter = order.chapter((bagian, place), number);
        if sub {
            order.subsection(report, bagian, &mut content);
        }
        front::number_subsections(&mut content, chapter, order);
        let mut blocks: Vec<Block> = order.page_break(place, bagian).into_iter().collect();
        let covered = report
            .front_matter()
            .iter()
            .any(|b| b.jenis == Some(JenisBagian::Sampul));
        if place == Place::Front(0) && !covered {
            blocks.extend(opening(report, self.pengantar.take()));
        }
        if !sub {
            blocks.extend(order.heading(report, (bagian, place), number, origin));
        }
        blocks.extend(content);
        turned(bagian.mendatar, blocks)
    }
}

/// `blocks`, on landscape pages of their own if `landscape` (and any).
fn turned(landscape: bool, blocks: Vec<Block>) -> Vec<Block> {
    match landscape && !blocks.is_empty() {
        true => vec![Block::Landscape(blocks)],
        false => blocks,
    }
}

/// The title and the intro: the report's own, or the standard ones.
fn opening(report: &Report, pengantar: Option<Vec<Block>>) -> Vec<Block> {
    let mut blocks = vec![Block::Title(bold(report.title_lines().join("\n")))];
    match pengantar {
        Some(own) => blocks.extend(own),
        None => blocks.push(Block::Paragraph(Paragraph::new(
            plain(intro_of(report)),
            Align::Justify,
        ))),
    }
    blocks
}

/// A paragraph that introduces a list or a table ("... sebagai
/// berikut:", ending with a colon) is not left at the foot of a page
/// without it: it keeps with the block after it, at every level.
fn keep_introductions_with_next(blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        // A table's title above it counts as the table.
        let next_is_list_or_table = match blocks.get(i + 1) {
            Some(Block::List(_) | Block::Table(_)) => true,
            Some(Block::Paragraph(title)) => {
                title.keep_with_next && matches!(blocks.get(i + 2), Some(Block::Table(_)))
            }
            _ => false,
        };
        match &mut blocks[i] {
            Block::Paragraph(p) => {
                let introduces = p
                    .text
                    .last()
                    .is_some_and(|s| s.text.trim_end().ends_with(':'));
                if introduces && next_is_list_or_table {
                    p.keep_with_next = true;
                }
            }
            Block::List(l) => {
                for item in &mut l.items {
                    keep_introductions_with_next(&mut item.blocks);
                }
            }
            Block::Indent(inner) | Block::Landscape(inner) => keep_introductions_with_next(inner),
            _ => {}
        }
    }
}

/// The headings right before blocks on landscape pages go onto their
/// first page with them, at every level: left at the foot of the portrait
/// page before, they would head nothing (a section's heading over its one
/// wide table, a sub-heading over it). Linear: each heading is moved once.
fn headings_with_landscape(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for mut block in blocks {
        match &mut block {
            Block::Indent(inner) => *inner = headings_with_landscape(std::mem::take(inner)),
            Block::List(l) => {
                for item in &mut l.items {
                    item.blocks = headings_with_landscape(std::mem::take(&mut item.blocks));
                }
            }
            Block::Landscape(inner) => {
                let start = out
                    .iter()
                    .rposition(|b| !matches!(b, Block::Heading(_)))
                    .map_or(0, |k| k + 1);
                let mut moved = out.split_off(start);
                moved.extend(headings_with_landscape(std::mem::take(inner)));
                *inner = moved;
            }
            _ => {}
        }
        out.push(block);
    }
    out
}

/// The page furniture: the legal note (the report's, the standard one, or
/// none) with its label and markers, the page number's wording, the
/// running header and footer. The note's origin is the report's
/// `catatan` when it gives its own.
fn footer(report: &Report, parts: &Parts) -> Footer {
    let h = &report.halaman;
    let items: Vec<Text> = report.catatan().iter().map(inline).collect();
    let markers = match h.penomoran_catatan {
        PenomoranCatatan::Angka => None,
        style => Some(
            (1..=items.len() as u32)
                .map(|i| match style {
                    PenomoranCatatan::Huruf => model::GayaDaftar::Huruf.marker(i),
                    PenomoranCatatan::Strip => "-".to_owned(),
                    _ => String::new(),
                })
                .collect(),
        ),
    };
    let label = h
        .nomor
        .as_deref()
        .unwrap_or(model::DEFAULT_NOMOR_HALAMAN)
        .replace("{halaman}", "{page}")
        .replace("{jumlah}", "{pages}");
    let title = match (&h.judul_catatan, items.is_empty()) {
        (_, true) => String::new(),
        (Some(own), false) => own.clone(),
        (None, false) => FOOTER_TITLE.to_owned(),
    };
    Footer {
        origin: parts.catatan.clone(),
        markers,
        text: h.kaki.clone().map(plain),
        header: h.kepala.clone().map(plain),
        header_origin: parts.kepala.clone(),
        ..Footer::new(title, items, label)
    }
}

/// The PDF's document information.
fn meta(report: &Report) -> Meta {
    let (q, unit) = (report.quarter(), &report.unit);
    Meta {
        title: report.title(),
        author: unit.nama_lengkap.clone(),
        subject: format!(
            "Capaian kinerja {} Triwulan {q} Tahun {}",
            unit.nama, report.tahun
        ),
        keywords: format!(
            "Laporan Kinerja, Triwulan {q}, {}, {}, Provinsi {}",
            report.tahun, unit.nama, unit.provinsi
        ),
        date: report.date(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Face;

    fn minimal() -> Report {
        crate::parse_report(include_bytes!("../../tests-data/minimal.json")).unwrap()
    }

    fn build(report: &Report) -> Document {
        let fonts = crate::FontSet::liberation_sans();
        build_document(&crate::validate(report, &fonts).unwrap())
    }

    /// The document's second table: the budget table.
    fn budget_table(doc: &Document) -> &crate::document::Table {
        let mut tables = doc.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        });
        tables.nth(1).expect("a budget table")
    }

    fn text_of(t: &Text) -> String {
        t.iter().map(|s| s.text.as_str()).collect()
    }

    /// Every printed text of the report, as the walk gives them.
    fn printed_texts(report: &Report) -> String {
        struct Texts(String);
        impl<'r> Visit<'r> for Texts {
            fn enter(&mut self, _: &JsonPath, node: Node<'r>) {
                if let Node::Text(t) = node
                    && t.role.printed()
                {
                    for s in source_text(t.source) {
                        self.0.push_str(&s.text);
                    }
                }
            }
        }
        let mut texts = Texts(String::new());
        walk(report, &mut texts);
        texts.0
    }

    fn text(t: &Text, out: &mut Vec<(Face, String)>) {
        for s in t {
            out.push((Face::for_style(s.style), s.text.clone()));
        }
    }
    fn block_texts(blocks: &[Block], out: &mut Vec<(Face, String)>) {
        for b in blocks {
            match b {
                Block::Title(t) => text(t, out),
                Block::Heading(h) => {
                    text(&h.text, out);
                    text(&bold(h.marker.clone().unwrap_or_default()), out);
                }
                Block::Paragraph(p) => text(&p.text, out),
                Block::List(l) => {
                    for item in &l.items {
                        text(&plain(item.marker.clone()), out);
                        block_texts(&item.blocks, out);
                    }
                }
                Block::Table(t) => {
                    for row in t.header.iter().chain(&t.body) {
                        for cell in &row.cells {
                            text(&cell.text, out);
                        }
                    }
                }
                Block::Indent(inner) | Block::Landscape(inner) => block_texts(inner, out),
                Block::Contents(c) => c.entries.iter().for_each(|e| text(&e.text, out)),
                Block::PageBreak(_) => {}
                Block::Signature(s) => {
                    for t in s.before.iter().chain(&s.after) {
                        text(t, out);
                    }
                }
                Block::SignatureRow(row) => {
                    for t in row.iter().flat_map(|s| s.before.iter().chain(&s.after)) {
                        text(t, out);
                    }
                }
                Block::Figure(f) => {
                    text(&plain(f.number.clone().unwrap_or_default()), out);
                    if let super::super::FigureContent::Chart(c) = &f.content {
                        let names = c.series.iter().map(|s| s.name.clone());
                        for t in c.categories.iter().cloned().chain(names) {
                            text(&plain(t), out);
                        }
                        text(&plain(c.axis.clone()), out);
                    }
                }
                Block::Cover(c) => {
                    for t in c.title.iter().chain(&c.subtitle).chain(&c.foot) {
                        text(t, out);
                    }
                }
            }
        }
    }

    /// Every character of the document is the report's or in
    /// [`own_text`] for the face it is set in, so that validation's glyph
    /// checks cover all that the layout stage will draw.
    #[test]
    fn the_document_writes_only_the_report_and_its_own_text() {
        let mut report = minimal();
        report.rekomendasi = serde_json::from_value(serde_json::json!([
            "Rekomendasi:",
            {"daftar": {"gaya": "huruf", "mulai": 27, "butir": ["satu", "dua"]}},
            {"daftar": {"gaya": "strip", "butir": ["tiga"]}},
            {"tabel": {"kolom": [{"judul": "Nilai"}], "baris": [[-1234.5]]}},
        ]))
        .unwrap();
        let doc = build(&report);
        let printed: String = printed_texts(&report)
            + &report
                .catatan()
                .iter()
                .map(|c| c.plain_text().unwrap())
                .collect::<String>();
        let own = super::super::wording::own_text();
        let mut texts: Vec<(Face, String)> = Vec::new();
        block_texts(&doc.blocks, &mut texts);
        texts.push((Face::Bold, doc.footer.title.clone()));
        assert!(texts.len() > 40, "{}", texts.len());
        for (face, text) in texts {
            for c in text.chars() {
                let own_in_face = own.iter().any(|(f, o)| *f == face && o.contains(c));
                assert!(
                    own_in_face || printed.contains(c),
                    "{c:?} of {text:?} ({face:?}) is neither the report's nor in own_text()"
                );
            }
        }
        assert!(super::super::wording::check_own_text(&crate::FontSet::liberation_sans()).is_ok());
    }

    #[test]
    fn title_intro_and_sections_in_order() {
        let doc = build(&minimal());
        let headings: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Title(t) => Some(text_of(t)),
                Block::Heading(h) => Some(text_of(&h.text)),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                "Laporan Kinerja Triwulan 1 UPT Contoh Tahun 2025",
                "A. Progress Capaian Kinerja Triwulan 1",
                "B. Hasil Analisis Capaian Kinerja Triwulan 1",
                "[SK 1.0 Meningkatnya mutu layanan] IKK 1.1 Persentase layanan yang tepat waktu",
                "C. Capaian Fisik dan Anggaran Per-Rincian Output Triwulan 1",
                "D. Rekomendasi Pimpinan",
            ]
        );
        let Block::Paragraph(intro) = &doc.blocks[1] else {
            panic!()
        };
        assert_eq!(
            text_of(&intro.text),
            "Berikut ini kami sampaikan hasil Capaian Kinerja pada UPT Contoh selama Triwulan 1 \
             Tahun 2025 dengan uraian sebagai berikut :"
        );
        assert_eq!(doc.meta.author, "Unit Pelaksana Teknis Contoh");
        assert_eq!(doc.footer.items.len(), 2);
    }

    #[test]
    fn the_total_row_is_computed_and_spans_five_columns() {
        let doc = build(&minimal());
        let table = budget_table(&doc);
        let total = table.body.last().unwrap();
        assert!(total.keep_with_previous);
        assert_eq!(total.cells[0].colspan, 5);
        let figures: Vec<String> = total.cells.iter().map(|c| text_of(&c.text)).collect();
        assert_eq!(figures, ["Total", "1.000.000", "250.000", "750.000"]);
        let row: Vec<String> = table.body[0]
            .cells
            .iter()
            .map(|c| text_of(&c.text))
            .collect();
        assert_eq!(
            row,
            [
                "[123456.AB.1234.ABC.001] Layanan Perkantoran",
                "Layanan",
                "1",
                "0",
                "1",
                "1.000.000",
                "250.000",
                "750.000"
            ]
        );
    }

    /// Rows by type of spending (no volume) and no columns of the
    /// report's own: the standard columns without satuan, volume or
    /// capaian, the rows under "Jenis Belanja".
    #[test]
    fn rows_by_type_of_spending_have_their_own_standard_columns() {
        let mut json: serde_json::Value =
            serde_json::from_slice(include_bytes!("../../tests-data/minimal.json")).unwrap();
        json["anggaran"] = serde_json::json!({ "rincian": [
            { "uraian": "Belanja Pegawai", "pagu": 300, "realisasi": 150 },
            { "uraian": "Belanja Barang", "pagu": 100, "realisasi": 20 } ] });
        let report = crate::parse_report(&serde_json::to_vec(&json).unwrap()).unwrap();
        let doc = build(&report);
        let table = budget_table(&doc);
        let header: Vec<String> = table.header[0]
            .cells
            .iter()
            .map(|c| text_of(&c.text))
            .collect();
        assert_eq!(
            header,
            [
                "Jenis Belanja",
                "Pagu Anggaran",
                "Realisasi",
                "Realisasi (%)",
                "Sisa Anggaran"
            ]
        );
        let total: Vec<String> = table.body[2]
            .cells
            .iter()
            .map(|c| text_of(&c.text))
            .collect();
        assert_eq!(total, ["Total", "400", "170", "42,50", "230"]);
    }

    /// The paragraphs of `blocks`, at every level, with their flag.
    fn keeps(blocks: &[Block], out: &mut Vec<(String, bool)>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => out.push((text_of(&p.text), p.keep_with_next)),
                Block::List(l) => l.items.iter().for_each(|i| keeps(&i.blocks, out)),
                Block::Indent(inner) => keeps(inner, out),
                _ => {}
            }
        }
    }

    #[test]
    fn a_paragraph_ending_with_a_colon_keeps_with_the_list_or_table_after_it() {
        let mut json: serde_json::Value =
            serde_json::from_slice(include_bytes!("../../tests-data/minimal.json")).unwrap();
        json["rekomendasi"] = serde_json::json!([
            "Sebagai berikut:",
            {"daftar": {"butir": [
                {"teks": "Rincian :", "isi": [
                    {"tabel": {"kolom": [{"judul": "No"}], "baris": [[1]]}}
                ]},
                {"teks": "Dua:", "isi": ["Bukan daftar."]}
            ]}},
            "Tanpa titik dua",
            {"daftar": {"butir": ["Satu"]}},
            "Di akhir:"
        ]);
        let report = crate::parse_report(json.to_string().as_bytes()).unwrap();
        let doc = build(&report);
        let mut got = Vec::new();
        keeps(&doc.blocks, &mut got);
        let flagged: Vec<&str> = got
            .iter()
            .filter(|(_, k)| *k)
            .map(|(t, _)| t.as_str())
            .collect();
        // Not "Dua:" (a paragraph follows), nor "Di akhir:" (the closing
        // block follows), nor the intro (a heading follows).
        assert_eq!(flagged, ["Sebagai berikut:", "Rincian :"], "{got:?}");
    }

    #[test]
    fn the_signature_block_names_its_json_paths() {
        let doc = build(&minimal());
        let Some(Block::Signature(s)) = doc.blocks.last() else {
            panic!()
        };
        let path = |o: &Origin| o.path().map(|p| p.to_string()).unwrap_or_default();
        assert_eq!(
            [path(&s.origin), path(&s.space_origin), path(&s.tag_origin)],
            ["penutup", "tanda_tangan.lebar_mm", "tanda_tangan.tag"]
        );
        // The standard note is lapkin's: no origin in the report.
        assert!(doc.footer.origin.path().is_none());
        let mut own = minimal();
        own.catatan = Some(vec![Inline::new("Catatan sendiri.")]);
        assert_eq!(path(&build(&own).footer.origin), "catatan");
    }

    /// Every block that shows a part of the report names its path, as the
    /// walk spells it.
    #[test]
    fn blocks_carry_the_origins_of_what_they_show() {
        let mut json: serde_json::Value =
            serde_json::from_slice(include_bytes!("../../tests-data/minimal.json")).unwrap();
        json["rekomendasi"] = serde_json::json!([
            "Pengantar:",
            {"daftar": {"butir": [{"teks": "Satu", "isi": [
                {"tabel": {"kolom": [{"judul": "No"}], "baris": [[1]], "keterangan": "Ket"}}
            ]}, "Dua"]}}
        ]);
        let report = crate::parse_report(json.to_string().as_bytes()).unwrap();
        let doc = build(&report);
        let mut origins = Vec::new();
        fn add(o: &Origin, out: &mut Vec<String>) {
            if let Some(p) = o.path() {
                out.push(p.to_string());
            }
        }
        fn collect(blocks: &[Block], out: &mut Vec<String>) {
            for b in blocks {
                match b {
                    Block::Heading(h) => add(&h.origin, out),
                    Block::Paragraph(p) => add(&p.origin, out),
                    Block::Table(t) => {
                        add(&t.origin, out);
                        for r in t.header.iter().chain(&t.body) {
                            add(&r.origin, out);
                        }
                    }
                    Block::List(l) => {
                        for item in &l.items {
                            add(&item.origin, out);
                            collect(&item.blocks, out);
                        }
                    }
                    Block::Indent(inner) | Block::Landscape(inner) => collect(inner, out),
                    Block::Signature(s) => add(&s.origin, out),
                    Block::SignatureRow(row) => row.iter().for_each(|s| add(&s.origin, out)),
                    Block::Figure(f) => add(&f.origin, out),
                    Block::Cover(c) => add(&c.origin, out),
                    _ => {}
                }
            }
        }
        collect(&doc.blocks, &mut origins);
        for want in [
            "kinerja",
            "kinerja.sasaran",
            "kinerja.sasaran[0].indikator[0]",
            "analisis",
            "analisis[0]",
            "analisis[0].progress",
            "analisis[0].progress[0]",
            "anggaran",
            "anggaran.rincian",
            "anggaran.rincian[0]",
            "anggaran.total",
            "rekomendasi",
            "rekomendasi[0]",
            "rekomendasi[1].daftar.butir[0]",
            "rekomendasi[1].daftar.butir[0].teks",
            "rekomendasi[1].daftar.butir[0].isi[0].tabel",
            "rekomendasi[1].daftar.butir[0].isi[0].tabel.kolom",
            "rekomendasi[1].daftar.butir[0].isi[0].tabel.baris[0]",
            "rekomendasi[1].daftar.butir[1]",
            "penutup",
        ] {
            assert!(origins.iter().any(|o| o == want), "{want}: {origins:?}");
        }
    }

    #[test]
    fn the_signature_block_has_the_date_in_indonesian() {
        let doc = build(&minimal());
        let Some(Block::Signature(s)) = doc.blocks.last() else {
            panic!()
        };
        assert_eq!(text_of(&s.before[0]), "Bengkulu, 10 April 2025");
        assert_eq!(
            text_of(&s.after[0]),
            "Ditandatangani secara elektronik oleh :"
        );
        assert_eq!(text_of(&s.after[2]), "NIP 197001012000031001");
    }
}
