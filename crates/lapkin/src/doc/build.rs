//! Report → document blocks: the wording, order and numbering of the
//! official *Laporan Kinerja Triwulan*.
//!
//! The builder visits the report with the one walk of the model
//! ([`walk`]), which gives each part with its JSON path in document order:
//! each block gets the [`Origin`] of what it shows, for the messages of
//! the layout stage, without this module spelling a path.
//!
//! The report was validated ([`CheckedReport`]), so nothing here checks it
//! again: every text's markup was parsed during validation and is read
//! here, each analysis's indicator was found, the figures of section C were
//! computed.

use super::wording::{
    ANGGARAN_HEADER, FOOTER_TITLE, KINERJA_HEADER, PAGE_LABEL, intro_of, part_title, section_titles,
};
use super::{
    Block, Bookmark, Cell, Column, Document, Footer, Heading, Meta, Origin, Paragraph, Row,
    Signature, Table, Text,
};
use crate::format::{angka, tanggal};
use crate::model::walk::{Node, Role, Source, Visit, walk};
use crate::model::{CheckedReport, Indikator, Inline, Nilai, Rata, Report, Sasaran, Sisa, Totals};
use crate::problem::JsonPath;
use crate::text::{Align, Span, SpanStyle};
use crate::units::{Pt, Size};

fn span(text: impl Into<String>, style: SpanStyle) -> Span {
    Span {
        text: text.into(),
        style,
        link: None,
    }
}

fn plain(text: impl Into<String>) -> Text {
    vec![span(text, SpanStyle::REGULAR)]
}

fn bold(text: impl Into<String>) -> Text {
    vec![span(text, SpanStyle::BOLD)]
}

/// The styled runs of inline markup, as parsed during validation. A
/// checked report's markup parses; were it ever not to, the text is
/// printed as written rather than lost.
fn inline(text: &Inline) -> Text {
    match text.parsed() {
        Ok(spans) => spans.to_vec(),
        Err(_) => plain(text.as_str()),
    }
}

/// The runs of a text of the report, plain or marked up.
fn source_text(source: Source<'_>) -> Text {
    match source {
        Source::Plain(t) => plain(t),
        Source::Markup(m) => inline(m),
    }
}

/// Inline text with a plain prefix, e.g. "[SK 1.0] " before the sasaran.
fn prefixed(prefix: String, text: &Inline) -> Text {
    let mut out = plain(prefix);
    out.extend(inline(text));
    out
}

/// Makes every span bold (headings built from report text).
fn emboldened(text: Text) -> Text {
    text.into_iter()
        .map(|mut s| {
            s.style.bold = true;
            s
        })
        .collect()
}

fn nilai(v: &Nilai) -> String {
    match v {
        Nilai::Angka(d) => angka(d),
        Nilai::Teks(t) => t.clone(),
        Nilai::TidakAda => "-".to_owned(),
    }
}

fn align(r: Rata) -> Align {
    match r {
        Rata::Kiri => Align::Left,
        Rata::Tengah => Align::Center,
        Rata::Kanan => Align::Right,
    }
}

/// A header cell: centred.
fn header_cell(text: Text) -> Cell {
    Cell {
        align: Some(Align::Center),
        ..Cell::new(text)
    }
}

fn header_row(titles: &[&str]) -> Row {
    Row::new(titles.iter().map(|t| header_cell(bold(*t))).collect())
}

/// A row of one-by-one cells showing what is at `origin`.
fn row(cells: Vec<Cell>, origin: Origin) -> Row {
    Row {
        origin,
        ..Row::new(cells)
    }
}

/// A paragraph of the report's text at `origin`, justified.
fn paragraph(text: Text, origin: Origin) -> Block {
    Block::Paragraph(Paragraph {
        origin,
        ..Paragraph::new(text, Align::Justify)
    })
}

/// The path of what holds the value at `path` (`path` without its last
/// segment).
fn parent(path: &JsonPath) -> JsonPath {
    let mut p = path.clone();
    p.pop();
    p
}

/// Builds the document of a validated report: title, intro, sections A
/// to D, the closing block, and the legal note of the footer. Each block
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
        blocks: Vec::new(),
        frames: Vec::new(),
        table: None,
        analysis: 0,
        rincian: 0,
        footer: None,
    };
    walk(report, &mut b);
    let mut blocks = b.blocks;
    keep_introductions_with_next(&mut blocks);
    Document {
        meta: meta(report),
        blocks,
        footer: b
            .footer
            .unwrap_or_else(|| Footer::new(FOOTER_TITLE, Vec::new(), PAGE_LABEL)),
    }
}

/// The builder's state as it visits the report.
struct Builder<'c, 'r> {
    checked: &'c CheckedReport<'r>,
    /// The document's blocks so far.
    blocks: Vec<Block>,
    /// The body blocks being built, innermost last: an analysis's
    /// content, a list, a list item, a table of the report's text.
    frames: Vec<super::body::Frame>,
    /// Table A or C, while its rows are visited.
    table: Option<Table>,
    /// The number of analyses met so far.
    analysis: usize,
    /// The number of rows of section C met so far.
    rincian: usize,
    /// The footer, once the legal note is met.
    footer: Option<Footer>,
}

impl<'r> Visit<'r> for Builder<'_, 'r> {
    fn enter(&mut self, path: &JsonPath, node: Node<'r>) {
        if !self.frames.is_empty() && super::body::enter(&mut self.frames, path, node) {
            return;
        }
        let report = self.checked.report();
        let titles = section_titles(report.triwulan);
        match node {
            Node::Kinerja => {
                self.blocks.extend(opening(report));
                self.blocks.push(section(titles[0].clone(), path));
                self.table = Some(kinerja_table());
            }
            Node::Sasaran(_) => self.set_table_origin(parent(path)),
            Node::Indikator(s, ind, j) => self.kinerja_row(path, s, ind, j),
            Node::Analyses(_) => self.blocks.push(section(titles[1].clone(), path)),
            Node::Analisis(_) => self.analysis_heading(path),
            Node::Part(field, _) => super::body::push(
                &mut self.frames,
                Block::Heading(Heading {
                    origin: path.into(),
                    ..Heading::new(3, bold(part_title(field)))
                }),
            ),
            Node::Anggaran(_) => {
                self.blocks.push(section(titles[2].clone(), path));
                self.table = Some(anggaran_table());
            }
            Node::Rincian(_) => self.anggaran_row(path),
            Node::Total(_) => self.total_row(path, self.checked.totals()),
            Node::Rekomendasi(_) => {
                self.blocks.push(section(titles[3].clone(), path));
                self.frames.push(super::body::Frame::Blocks(Vec::new()));
            }
            Node::Penutup(_) => self.blocks.push(closing_block(report, path)),
            Node::Catatan(items) => self.footer = Some(footer(report, items.is_some(), path)),
            Node::TandaTangan(_) => {
                if let Some(s) = self.signature() {
                    s.space_origin = Origin::at(path.child("lebar_mm"));
                }
            }
            Node::Tag(_) => {
                if let Some(s) = self.signature() {
                    s.tag_origin = path.into();
                }
            }
            _ => {}
        }
    }

    fn leave(&mut self, path: &JsonPath, node: Node<'r>) {
        match node {
            Node::Kinerja | Node::Anggaran(_) => {
                if let Some(t) = self.table.take() {
                    self.blocks.push(Block::Table(t));
                }
            }
            Node::Analisis(_) | Node::Rekomendasi(_) => {
                let Some(super::body::Frame::Blocks(content)) = self.frames.pop() else {
                    return;
                };
                match node {
                    Node::Analisis(_) => self.blocks.push(Block::Indent(content)),
                    _ => self.blocks.extend(content),
                }
            }
            _ => {
                if !self.frames.is_empty() {
                    super::body::leave(&mut self.frames, path, node);
                }
            }
        }
    }
}

impl Builder<'_, '_> {
    /// The closing block, once it is built.
    fn signature(&mut self) -> Option<&mut Signature> {
        self.blocks.iter_mut().rev().find_map(|b| match b {
            Block::Signature(s) => Some(s),
            _ => None,
        })
    }

    /// The table being built shows what is at `origin` (its rows' list).
    fn set_table_origin(&mut self, origin: JsonPath) {
        if let Some(t) = &mut self.table
            && t.origin.path().is_none()
        {
            t.origin = Origin::at(origin);
        }
    }

    /// A row of table A: the indicator at `path`; its sasaran's cell, on
    /// the sasaran's first indicator, spans the sasaran's rows.
    fn kinerja_row(&mut self, path: &JsonPath, s: &Sasaran, ind: &Indikator, j: usize) {
        let Some(table) = &mut self.table else { return };
        let n = table.body.len() + 1;
        let mut cells = vec![Cell::new(plain(format!("{n}.")))];
        if j == 0 {
            cells.push(Cell {
                rowspan: s.indikator.len(),
                ..Cell::new(prefixed(format!("[{}] ", s.kode), &s.uraian))
            });
        }
        cells.push(Cell::new(prefixed(format!("[{}] ", ind.kode), &ind.uraian)));
        cells.push(Cell::new(plain(nilai(&ind.target_pk))));
        cells.push(Cell::new(plain(ind.satuan.clone())));
        cells.push(Cell::new(plain(nilai(&ind.target))));
        cells.push(Cell::new(plain(nilai(&ind.capaian))));
        table.body.push(row(cells, path.into()));
    }

    /// "1. [SK 1.0 ...] IKK 1.1 ...", bold, with its bookmark; the
    /// analysis's parts are built under it, indented.
    fn analysis_heading(&mut self, path: &JsonPath) {
        let i = self.analysis;
        self.analysis += 1;
        let Some((_, sasaran, ind)) = self.checked.analyses().nth(i) else {
            return;
        };
        let mut text = plain(format!("[{} ", sasaran.kode));
        text.extend(inline(&sasaran.uraian));
        text.push(span(format!("] {} ", ind.kode), SpanStyle::REGULAR));
        text.extend(inline(&ind.uraian));
        let number = format!("{}.", i + 1);
        let title = format!(
            "{number} {} {}",
            ind.kode,
            ind.uraian.plain_text().unwrap_or_default()
        );
        self.blocks.push(Block::Heading(Heading {
            marker: Some(number),
            bookmark: Some(Bookmark::new(title, 1)),
            origin: path.into(),
            ..Heading::new(2, emboldened(text))
        }));
        self.frames.push(super::body::Frame::Blocks(Vec::new()));
    }

    /// A row of table C: the rincian output at `path` with its remainders.
    fn anggaran_row(&mut self, path: &JsonPath) {
        let i = self.rincian;
        self.rincian += 1;
        let Some((r, sisa)) = self.checked.rincian().nth(i) else {
            return;
        };
        self.set_table_origin(parent(path));
        let Some(table) = &mut self.table else { return };
        table.body.push(row(anggaran_cells(r, sisa), path.into()));
    }

    /// The Total row of table C, spanning the columns before the money.
    fn total_row(&mut self, path: &JsonPath, t: Totals) {
        let Some(table) = &mut self.table else { return };
        table.body.push(Row {
            cells: vec![
                // Right-aligned, next to its sums: centred, text extractors
                // (poppler) would not see it in the table's grid and read it
                // after the table.
                Cell {
                    colspan: 5,
                    align: Some(Align::Right),
                    row_header: true,
                    ..Cell::new(bold("Total"))
                },
                Cell::new(bold(angka(&t.pagu))),
                Cell::new(bold(angka(&t.realisasi))),
                Cell::new(bold(angka(&t.sisa_anggaran))),
            ],
            keep_with_previous: true,
            origin: path.into(),
        });
    }
}

/// The cells of a row of table C.
fn anggaran_cells(r: &crate::model::Rincian, sisa: Sisa) -> Vec<Cell> {
    vec![
        Cell::new(prefixed(format!("[{}] ", r.kode), &r.uraian)),
        Cell::new(plain(r.satuan.clone())),
        Cell::new(plain(angka(&r.volume))),
        Cell::new(plain(angka(&r.capaian))),
        Cell::new(plain(angka(&sisa.capaian))),
        Cell::new(plain(angka(&r.pagu))),
        Cell::new(plain(angka(&r.realisasi))),
        Cell::new(plain(angka(&sisa.anggaran))),
    ]
}

/// The title and the intro sentence.
fn opening(report: &Report) -> Vec<Block> {
    vec![
        Block::Title(bold(report.title())),
        Block::Paragraph(Paragraph::new(plain(intro_of(report)), Align::Justify)),
    ]
}

/// The closing block at `path`: place and date, position, the signature
/// space, the signer.
fn closing_block(report: &Report, path: &JsonPath) -> Block {
    let p = &report.penutup;
    let t = &report.tanda_tangan;
    let space = Size::new(Pt::from_mm(t.lebar_mm), Pt::from_mm(t.tinggi_mm));
    let before = vec![
        plain(format!("{}, {}", p.tempat, tanggal(p.tanggal.0))),
        plain(p.jabatan.clone()),
    ];
    let after = vec![
        plain(p.keterangan.clone()),
        bold(p.nama.clone()),
        plain(format!("NIP {}", p.nip)),
    ];
    Block::Signature(Signature {
        tag: t.tag_char(),
        origin: path.into(),
        signer: p.nama.clone(),
        ..Signature::new(before, space, after)
    })
}

/// A paragraph that introduces a list or a table ("... sebagai
/// berikut:", ending with a colon) is not left at the foot of a page
/// without it: it keeps with the block after it, at every level.
fn keep_introductions_with_next(blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        let next_is_list_or_table =
            matches!(blocks.get(i + 1), Some(Block::List(_) | Block::Table(_)));
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
            Block::Indent(inner) => keep_introductions_with_next(inner),
            _ => {}
        }
    }
}

/// The legal note and the page label of every page; the note's origin is
/// the report's `catatan` when it gives its own.
fn footer(report: &Report, own: bool, path: &JsonPath) -> Footer {
    Footer {
        origin: if own { path.into() } else { Origin::none() },
        ..Footer::new(
            FOOTER_TITLE,
            report.catatan().iter().map(inline).collect(),
            PAGE_LABEL,
        )
    }
}

/// The PDF's document information.
fn meta(report: &Report) -> Meta {
    let (q, unit) = (report.triwulan, &report.unit);
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
        date: report.penutup.tanggal.0,
    }
}

/// A section heading (A to D) with its bookmark; `path` is the part of the
/// report it shows.
fn section(title: String, path: &JsonPath) -> Block {
    Block::Heading(Heading {
        bookmark: Some(Bookmark::new(title.clone(), 0)),
        origin: path.into(),
        ..Heading::new(1, bold(title))
    })
}

/// Table A, without its rows: one per indicator, the sasaran cell spanning
/// its indicators' rows.
///
/// The numbers are right-aligned, so that the layout sets them close to
/// the sasaran beside them (text extractors then read the number and the
/// spanning sasaran as one, and the table row by row: see the layout's
/// `joined_columns`), and so is the Satuan between the right-aligned
/// figures (poppler finds a table only where neighbouring columns are
/// aligned alike).
fn kinerja_table() -> Table {
    let columns = [
        Align::Right,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
    ]
    .map(Column::new)
    .to_vec();
    Table::new(columns, vec![header_row(&KINERJA_HEADER)], Vec::new())
}

/// Table C, without its rows: one per rincian output with its
/// remainders, and the Total row.
fn anggaran_table() -> Table {
    let mut columns = vec![Column::new(Align::Left), Column::new(Align::Center)];
    columns.extend((0..6).map(|_| Column::new(Align::Right)));
    Table::new(columns, vec![header_row(&ANGGARAN_HEADER)], Vec::new())
}

/// The cell of a text of the report: its runs.
pub(super) fn text_cell(source: Source<'_>) -> Cell {
    Cell::new(source_text(source))
}

/// A column title: bold, centred.
pub(super) fn title_cell(source: Source<'_>) -> Cell {
    header_cell(emboldened(source_text(source)))
}

/// A number in a table of the report's text.
pub(super) fn number_cell(d: &rust_decimal::Decimal) -> Cell {
    Cell::new(plain(angka(d)))
}

/// A paragraph of the report's text.
pub(super) fn text_paragraph(source: Source<'_>, origin: Origin) -> Block {
    paragraph(source_text(source), origin)
}

/// The caption of a table of the report's text.
pub(super) fn caption(source: Source<'_>) -> Text {
    source_text(source)
}

/// A column of a table of the report's text: as the report aligns it, or
/// a column of numbers only to the right.
pub(super) fn column(t: &crate::model::Tabel, k: usize) -> Column {
    let numeric = t
        .baris
        .iter()
        .all(|row| matches!(row.get(k), Some(crate::model::Sel::Angka(_)) | None));
    let rata = t.kolom.get(k).and_then(|c| c.rata);
    Column::new(
        rata.map(align)
            .unwrap_or(if numeric { Align::Right } else { Align::Left }),
    )
}

/// Whether a text of this role is body text the body frames take.
pub(super) fn is_body_text(role: Role) -> bool {
    matches!(
        role,
        Role::Paragraph | Role::ItemText | Role::ColumnTitle | Role::Cell | Role::Caption
    )
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
        fn text(t: &Text, out: &mut Vec<(Face, String)>) {
            for s in t {
                out.push((Face::for_style(s.style), s.text.clone()));
            }
        }
        fn walk(blocks: &[Block], out: &mut Vec<(Face, String)>) {
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
                            walk(&item.blocks, out);
                        }
                    }
                    Block::Table(t) => {
                        for row in t.header.iter().chain(&t.body) {
                            for cell in &row.cells {
                                text(&cell.text, out);
                            }
                        }
                    }
                    Block::Indent(inner) => walk(inner, out),
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
                }
            }
        }
        walk(&doc.blocks, &mut texts);
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
        let table = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .nth(1)
            .unwrap();
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
                    Block::Indent(inner) => collect(inner, out),
                    Block::Signature(s) => add(&s.origin, out),
                    Block::SignatureRow(row) => row.iter().for_each(|s| add(&s.origin, out)),
                    Block::Title(_) => {}
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
