//! The blocks of a whole LKj beside the others: page breaks and generated
//! lists; and the last step of the document builder, once every block is
//! in print order: the tables numbered through the document, the lists
//! filled from the headings and tables, each cross-reference's label.
//!
//! Knows nothing of the report: the builder leaves slots (a table title's
//! number, a subsection's number) that this module fills.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Block, Text};
use crate::frame::PageNumbering;
use crate::text::{Span, SpanStyle};

/// What follows starts a new page (unless the page is still empty), with
/// the page numbering started again if `numbering` says so.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageBreak {
    /// The numbering from the new page on, if it changes there (roman
    /// for the front matter, arabic from the first chapter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<PageNumbering>,
}

impl PageBreak {
    /// A page break that starts `numbering` on the new page, if given.
    ///
    /// ```
    /// use lapkin::document::PageBreak;
    /// use lapkin::layout::{NumberStyle, PageNumbering};
    ///
    /// let chapters = PageBreak::new(Some(PageNumbering::new(NumberStyle::Arabic, 1)));
    /// assert!(chapters.numbering.is_some());
    /// ```
    pub fn new(numbering: Option<PageNumbering>) -> Self {
        PageBreak { numbering }
    }
}

/// A generated list: a table of contents (Daftar Isi), of tables, figures
/// or appendices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contents {
    /// The entries, in document order.
    pub entries: Vec<ContentsEntry>,
}

impl Contents {
    /// A list of `entries`.
    pub fn new(entries: Vec<ContentsEntry>) -> Self {
        Contents { entries }
    }
}

/// An entry of a generated list: its text, dot leaders, its target's
/// page as printed; the whole a link to the target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentsEntry {
    /// Its indent, 0 for a chapter, 1 for its subsections ….
    pub level: u8,
    /// The target's number ("1.1", "Tabel 5."), hanging before the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The text: the target's title ("Latar Belakang").
    pub text: Text,
    /// The anchor of what it lists (see `Heading::anchor`).
    pub target: String,
    /// The target's page as printed ("iii", "12"): filled in by the layout
    /// stage, which knows the pages.
    pub page: String,
}

impl ContentsEntry {
    /// An entry for the anchor `target`, its page not known yet.
    ///
    /// ```
    /// use lapkin::document::ContentsEntry;
    /// use lapkin::text::Span;
    ///
    /// let e = ContentsEntry::new(0, vec![Span::plain("BAB I PENDAHULUAN")], "bab-1");
    /// assert!(e.page.is_empty());
    /// ```
    pub fn new(level: u8, text: Text, target: impl Into<String>) -> Self {
        ContentsEntry {
            level,
            number: None,
            text,
            target: target.into(),
            page: String::new(),
        }
    }
}

/// The slot the builder puts as the first span of a table's title, where
/// its number goes ("Tabel 5. ").
pub(super) const TABLE_SLOT: &str = "\u{E000}";

/// The start of the marker the builder gives a subsection's heading, then
/// its depth: the section numbers it (see `front::number_subsections`).
pub(super) const SUBBAB_SLOT: char = '\u{E001}';

/// Which list a [`Contents`] block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListKind {
    /// Daftar Isi: the headings.
    Headings,
    /// Daftar Tabel.
    Tables,
    /// Daftar Gambar.
    Figures,
    /// Daftar Lampiran.
    Appendices,
}

/// What the builder knows when every block is in place.
#[derive(Debug, Default)]
pub(super) struct Finish {
    /// Whether titled tables are numbered (a whole LKj).
    pub numbered: bool,
    /// The label a cross-reference prints for each anchor ("BAB I",
    /// "Subbab 1.2", "Lampiran II"); tables are added here.
    pub labels: HashMap<String, String>,
    /// The kind of each [`Contents`] block, in print order.
    pub lists: Vec<ListKind>,
    /// The anchors of the appendices' headings.
    pub appendices: Vec<String>,
}

/// The plain text of styled text.
pub(super) fn text_of(t: &Text) -> String {
    t.iter().map(|s| s.text.as_str()).collect()
}

/// Numbers the tables, fills the generated lists, prints each
/// cross-reference's label.
pub(super) fn finish(blocks: &mut [Block], mut f: Finish) {
    clear_subbab_slots(blocks);
    let mut tables = Vec::new();
    number_tables(blocks, &mut f, &mut tables);
    let mut figures = Vec::new();
    number_figures(blocks, &mut f, &mut figures);
    for_each_text(blocks, &mut |t| resolve(t, &f.labels));
    let mut headings = Vec::new();
    collect_headings(blocks, &mut headings);
    let appendix: std::collections::HashSet<&String> = f.appendices.iter().collect();
    let appendices: Vec<ContentsEntry> = headings
        .iter()
        .filter(|e| appendix.contains(&e.target))
        .map(|e| ContentsEntry {
            level: 0,
            ..e.clone()
        })
        .collect();
    let mut kinds = f.lists.iter();
    for block in blocks.iter_mut() {
        if let Block::Contents(c) = block {
            c.entries = match kinds.next() {
                Some(ListKind::Headings) => headings.clone(),
                Some(ListKind::Tables) => tables.clone(),
                Some(ListKind::Appendices) => appendices.clone(),
                Some(ListKind::Figures) => figures.clone(),
                None => Vec::new(),
            };
        }
    }
}

/// Numbers every titled table in print order ("Tabel 5. " in its title's
/// slot, when tables are numbered), records its label and its entry of
/// the Daftar Tabel; empties the slot otherwise.
fn number_tables(blocks: &mut [Block], f: &mut Finish, out: &mut Vec<ContentsEntry>) {
    for block in blocks {
        match block {
            Block::Paragraph(p) if p.text.first().is_some_and(|s| s.text == TABLE_SLOT) => {
                p.text.remove(0);
                if !f.numbered {
                    continue;
                }
                let number = format!("Tabel {}", out.len() + 1);
                let anchor = p
                    .anchor
                    .get_or_insert_with(|| format!("_tabel{}", out.len() + 1))
                    .clone();
                let entry = ContentsEntry {
                    number: Some(format!("{number}.")),
                    ..ContentsEntry::new(0, plain_of(&p.text), anchor.clone())
                };
                let mut text = vec![Span {
                    text: format!("{number}. "),
                    style: SpanStyle::BOLD,
                    link: None,
                }];
                text.append(&mut p.text);
                p.text = text;
                out.push(entry);
                f.labels.insert(anchor, number);
            }
            Block::Indent(inner) | Block::Landscape(inner) => number_tables(inner, f, out),
            Block::List(l) => {
                for item in &mut l.items {
                    number_tables(&mut item.blocks, f, out);
                }
            }
            _ => {}
        }
    }
}

/// Numbers every captioned figure in print order ("Gambar 3."), gives it
/// an anchor if it has no id, records its label and its entry of the
/// Daftar Gambar.
fn number_figures(blocks: &mut [Block], f: &mut Finish, out: &mut Vec<ContentsEntry>) {
    for block in blocks {
        match block {
            Block::Figure(fig) if fig.caption.is_some() => {
                let number = format!("Gambar {}", out.len() + 1);
                let anchor = fig
                    .id
                    .get_or_insert_with(|| format!("_gambar{}", out.len() + 1))
                    .clone();
                let caption = fig.caption.as_ref().map(plain_of).unwrap_or_default();
                out.push(ContentsEntry {
                    number: Some(format!("{number}.")),
                    ..ContentsEntry::new(0, caption, anchor.clone())
                });
                fig.number = Some(format!("{number}."));
                f.labels.insert(anchor, number);
            }
            Block::Indent(inner) | Block::Landscape(inner) => number_figures(inner, f, out),
            Block::List(l) => {
                for item in &mut l.items {
                    number_figures(&mut item.blocks, f, out);
                }
            }
            _ => {}
        }
    }
}

/// Leaves unnumbered the subsections no chapter numbered (in the intro,
/// say).
fn clear_subbab_slots(blocks: &mut [Block]) {
    for block in blocks {
        match block {
            Block::Heading(h)
                if h.marker
                    .as_ref()
                    .is_some_and(|m| m.starts_with(SUBBAB_SLOT)) =>
            {
                h.marker = None;
            }
            Block::Indent(inner) | Block::Landscape(inner) => clear_subbab_slots(inner),
            Block::List(l) => l
                .items
                .iter_mut()
                .for_each(|i| clear_subbab_slots(&mut i.blocks)),
            _ => {}
        }
    }
}

/// Styled text as one plain run, for a list's entry.
fn plain_of(t: &Text) -> Text {
    vec![Span {
        text: text_of(t).replace('\n', " "),
        style: SpanStyle::REGULAR,
        link: None,
    }]
}

/// The Daftar Isi's entries: every heading with an anchor, its number and
/// text, at its outline level.
fn collect_headings(blocks: &[Block], out: &mut Vec<ContentsEntry>) {
    for block in blocks {
        match block {
            Block::Heading(h) => {
                if let Some(anchor) = &h.anchor {
                    let level = h.bookmark.as_ref().map_or(0, |b| b.level);
                    out.push(ContentsEntry {
                        number: h.marker.clone(),
                        ..ContentsEntry::new(level, plain_of(&h.text), anchor.clone())
                    });
                }
            }
            Block::Indent(inner) | Block::Landscape(inner) => collect_headings(inner, out),
            Block::List(l) => l
                .items
                .iter()
                .for_each(|i| collect_headings(&i.blocks, out)),
            _ => {}
        }
    }
}

/// A cross-reference without text (`[](#id)`) prints its target's label,
/// one with text its `{nomor}` as the label; its `{halaman}` becomes the
/// `{page}` the layout stage fills with the target's page.
fn resolve(text: &mut Text, labels: &HashMap<String, String>) {
    for span in text.iter_mut() {
        let Some(id) = span.link.as_deref().and_then(|l| l.strip_prefix('#')) else {
            continue;
        };
        let label = || labels.get(id).cloned().unwrap_or_else(|| id.to_owned());
        if span.text.is_empty() {
            span.text = label();
        } else if span.text.contains('{') {
            span.text = span
                .text
                .replace("{nomor}", &label())
                .replace("{halaman}", PAGE_SLOT);
        }
    }
}

/// What an internal link's text holds where its target's page goes.
pub(crate) const PAGE_SLOT: &str = "{page}";

/// Calls `f` with every text of `blocks`, at every level.
pub(crate) fn for_each_text(blocks: &mut [Block], f: &mut impl FnMut(&mut Text)) {
    for block in blocks {
        match block {
            Block::Title(t) => f(t),
            Block::Heading(h) => f(&mut h.text),
            Block::Paragraph(p) => f(&mut p.text),
            Block::List(l) => l
                .items
                .iter_mut()
                .for_each(|i| for_each_text(&mut i.blocks, f)),
            Block::Table(t) => {
                for row in t.header.iter_mut().chain(&mut t.body) {
                    row.cells.iter_mut().for_each(|c| f(&mut c.text));
                }
                if let Some(c) = &mut t.caption {
                    f(c);
                }
            }
            Block::Indent(inner) | Block::Landscape(inner) => for_each_text(inner, f),
            Block::Signature(s) => s.before.iter_mut().chain(&mut s.after).for_each(&mut *f),
            Block::SignatureRow(row) => {
                for s in row {
                    s.before.iter_mut().chain(&mut s.after).for_each(&mut *f);
                }
            }
            Block::Contents(c) => c.entries.iter_mut().for_each(|e| f(&mut e.text)),
            Block::Figure(fig) => fig.caption.iter_mut().for_each(&mut *f),
            Block::Cover(c) => (c.title.iter_mut())
                .chain(&mut c.subtitle)
                .chain(&mut c.foot)
                .for_each(&mut *f),
            Block::PageBreak(_) => {}
        }
    }
}

/// Every text of `blocks`, at every level, in the order of
/// [`for_each_text`].
pub(crate) fn texts<'b>(blocks: &'b [Block], out: &mut Vec<&'b Text>) {
    for block in blocks {
        match block {
            Block::Title(t) => out.push(t),
            Block::Heading(h) => out.push(&h.text),
            Block::Paragraph(p) => out.push(&p.text),
            Block::List(l) => l.items.iter().for_each(|i| texts(&i.blocks, out)),
            Block::Table(t) => {
                for row in t.header.iter().chain(&t.body) {
                    out.extend(row.cells.iter().map(|c| &c.text));
                }
                out.extend(&t.caption);
            }
            Block::Indent(inner) | Block::Landscape(inner) => texts(inner, out),
            Block::Signature(s) => out.extend(s.before.iter().chain(&s.after)),
            Block::SignatureRow(row) => {
                out.extend(row.iter().flat_map(|s| s.before.iter().chain(&s.after)));
            }
            Block::Contents(c) => out.extend(c.entries.iter().map(|e| &e.text)),
            Block::Figure(fig) => out.extend(&fig.caption),
            Block::Cover(c) => out.extend(c.title.iter().chain(&c.subtitle).chain(&c.foot)),
            Block::PageBreak(_) => {}
        }
    }
}
