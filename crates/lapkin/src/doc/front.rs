//! The order of a whole LKj: the front matter on pages of its own
//! numbered i, ii …, the chapters from page 1, each on a new page, the
//! appendices "Lampiran I" …; each section's heading, its anchor and the
//! label a cross-reference prints for it; the subsections' numbers under
//! their chapter.

use super::build::{bold, emboldened, inline};
use super::lkj::{Finish, ListKind, SUBBAB_SLOT, text_of};
use super::wording::standard_title;
use super::{Block, Bookmark, Heading, Origin, PageBreak};
use crate::frame::{NumberStyle, PageNumbering};
use crate::model::{Bagian, JenisBagian, PenomoranBagian, Report, Susunan};
use crate::text::{Span, SpanStyle};

/// Where a section is: front matter (its place there), a chapter, an
/// appendix (its place among them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Front(usize),
    Chapter,
    Appendix(usize),
}

/// The builder's state of the document's order.
#[derive(Debug, Default)]
pub(super) struct Order {
    /// The report is a whole LKj (front matter or appendices).
    pub lkj: bool,
    /// It has front matter: the chapters start on new pages, numbered
    /// from 1.
    front: bool,
    /// The numbering of the pages has turned arabic.
    arabic: bool,
    /// The section before was the cover: the roman numbering starts.
    after_cover: bool,
    /// The sections numbered so far.
    pub number: u32,
    /// Anchors made so far for targets without an id.
    anchors: usize,
    /// The number of the chapter the sections are in, if it has one.
    chapter: Option<u32>,
    /// The numbers of its last subsection, level by level.
    counters: Vec<u32>,
    /// What the last step needs: labels, lists, appendices.
    pub finish: Finish,
}

impl Order {
    /// The order of `report`.
    pub(super) fn new(report: &Report) -> Self {
        let lkj = report.is_lkj();
        Order {
            lkj,
            front: !report.front_matter().is_empty(),
            finish: Finish {
                numbered: lkj,
                ..Finish::default()
            },
            ..Order::default()
        }
    }

    /// A new anchor for a target without an id.
    fn anchor(&mut self) -> String {
        self.anchors += 1;
        format!("_bagian{}", self.anchors)
    }

    /// The page break before a section at `place`, if it starts a page:
    /// every part of the front matter but the closing block (the first
    /// starting the roman numbering), every chapter when there is front
    /// matter (the first starting the arabic numbering), every appendix,
    /// and any section that asks for one.
    pub(super) fn page_break(&mut self, place: Place, bagian: &Bagian) -> Option<Block> {
        let cover = bagian.jenis == Some(JenisBagian::Sampul);
        let numbering = match place {
            // The cover has no number; the front matter is i, ii … after it.
            Place::Front(_) if cover => Some(PageNumbering::new(NumberStyle::Unnumbered, 1)),
            Place::Front(k) if k == 0 || self.after_cover => {
                self.after_cover = false;
                Some(PageNumbering::new(NumberStyle::LowerRoman, 1))
            }
            Place::Chapter | Place::Appendix(_) if self.front && !self.arabic => {
                self.arabic = true;
                Some(PageNumbering::new(NumberStyle::Arabic, 1))
            }
            _ => None,
        };
        let breaks = match place {
            Place::Front(_) => bagian.jenis != Some(JenisBagian::Penutup),
            Place::Chapter if bagian.subbab => bagian.halaman_baru,
            Place::Chapter => self.front || bagian.halaman_baru,
            Place::Appendix(_) => true,
        };
        self.after_cover = cover;
        (breaks || numbering.is_some()).then(|| Block::PageBreak(PageBreak::new(numbering)))
    }

    /// Whether the section is a generated list.
    pub(super) fn is_list(&self, bagian: &Bagian) -> bool {
        matches!(
            bagian.jenis,
            Some(
                JenisBagian::DaftarIsi
                    | JenisBagian::DaftarTabel
                    | JenisBagian::DaftarGambar
                    | JenisBagian::DaftarLampiran
            )
        )
    }

    /// The placeholder of the generated list `jenis`, recorded for the
    /// last step; `None` for another part.
    pub(super) fn list(&mut self, jenis: JenisBagian) -> Option<Block> {
        let kind = match jenis {
            JenisBagian::DaftarIsi => ListKind::Headings,
            JenisBagian::DaftarTabel => ListKind::Tables,
            JenisBagian::DaftarGambar => ListKind::Figures,
            JenisBagian::DaftarLampiran => ListKind::Appendices,
            _ => return None,
        };
        self.finish.lists.push(kind);
        Some(Block::Contents(super::Contents::default()))
    }

    /// The heading of a section at `place` (numbered `number` if it is),
    /// its anchor (its id, or one of lapkin's in a whole LKj) and the
    /// label a cross-reference prints for it; none for a section without
    /// a title or a number. Centred in a whole LKj.
    pub(super) fn heading(
        &mut self,
        report: &Report,
        (bagian, place): (&Bagian, Place),
        number: Option<u32>,
        origin: Origin,
    ) -> Vec<Block> {
        let susunan = report.susunan.clone().unwrap_or_default();
        let mut text = match (&bagian.judul, bagian.jenis) {
            (Some(own), _) => emboldened(inline(own)),
            (None, Some(j)) => bold(standard_title(j, &report.quarter())),
            (None, None) => Vec::new(),
        };
        let (prefix, label) = self.number_of(&susunan, place, number);
        if let Some(prefix) = prefix {
            text.insert(0, span(prefix, SpanStyle::BOLD));
        }
        if susunan.huruf_besar {
            for s in &mut text {
                s.text = s.text.to_uppercase();
            }
        }
        let title = text_of(&text).trim_end().replace('\n', " ");
        if title.trim().is_empty() {
            return Vec::new();
        }
        let anchor = bagian
            .id
            .clone()
            .or_else(|| self.lkj.then(|| self.anchor()));
        if let Some(a) = &anchor {
            let label = label.unwrap_or_else(|| title.trim().to_owned());
            self.finish.labels.insert(a.clone(), label);
            if let Place::Appendix(_) = place {
                self.finish.appendices.push(a.clone());
            }
        }
        vec![Block::Heading(Heading {
            bookmark: Some(Bookmark::new(title, 0)),
            origin,
            anchor,
            centered: self.lkj,
            ..Heading::new(1, text)
        })]
    }

    /// The number printed before a section's heading ("BAB I " or, in a
    /// whole LKj, "BAB I" over the title; "Lampiran II" over an
    /// appendix's title) and the label a cross-reference prints for it.
    fn number_of(
        &self,
        susunan: &Susunan,
        place: Place,
        number: Option<u32>,
    ) -> (Option<String>, Option<String>) {
        match (place, number) {
            (Place::Appendix(k), _) => {
                let label = format!("Lampiran {}", crate::format::roman(k as u32 + 1));
                (Some(format!("{label}\n")), Some(label))
            }
            (Place::Chapter, Some(n)) => {
                let prefix = susunan.penomoran.prefix(n);
                let short = prefix.trim().trim_end_matches('.').to_owned();
                let label = match susunan.penomoran {
                    PenomoranBagian::Bab => short,
                    PenomoranBagian::Tanpa => return (None, None),
                    _ => format!("Bagian {short}"),
                };
                let prefix = match susunan.penomoran {
                    PenomoranBagian::Bab if self.lkj => format!("{}\n", prefix.trim_end()),
                    _ => prefix,
                };
                (Some(prefix), Some(label))
            }
            _ => (None, None),
        }
    }
}

fn span(text: impl Into<String>, style: SpanStyle) -> Span {
    Span {
        text: text.into(),
        style,
        link: None,
    }
}

/// Numbers the subsections of a section's blocks, in print order, under
/// the chapter `chapter` ("3.2", "3.2.1"); unnumbered in a section without
/// a number. Records each one's label ("Subbab 3.2", or its title) under
/// its anchor (its id, or one of lapkin's in a whole LKj).
/// A section that is a subsection of its chapter (`"subbab": true`)
/// continues its numbers.
pub(super) fn number_subsections(blocks: &mut [Block], chapter: Option<u32>, order: &mut Order) {
    let mut counters = std::mem::take(&mut order.counters);
    number_in(blocks, chapter, &mut counters, order);
    order.counters = counters;
}

impl Order {
    /// The chapter a section at `place` numbers its subsections under:
    /// its own number (a new chapter), or the chapter before's for a
    /// section that is a subsection of it.
    pub(super) fn chapter(
        &mut self,
        (bagian, place): (&Bagian, Place),
        own: Option<u32>,
    ) -> Option<u32> {
        if place == Place::Chapter && bagian.subbab {
            return self.chapter;
        }
        self.counters.clear();
        self.chapter = own.filter(|_| place == Place::Chapter);
        self.chapter
    }

    /// The heading of a section that is a subsection of its chapter: a
    /// subsection's heading at the top level (numbered with the others),
    /// its blocks' headings one level deeper.
    pub(super) fn subsection(&mut self, report: &Report, bagian: &Bagian, blocks: &mut Vec<Block>) {
        deepen(blocks);
        let text = match (&bagian.judul, bagian.jenis) {
            (Some(own), _) => emboldened(inline(own)),
            (None, Some(j)) => bold(standard_title(j, &report.quarter())),
            (None, None) => return,
        };
        let title = text_of(&text);
        blocks.insert(
            0,
            Block::Heading(Heading {
                marker: Some(format!("{SUBBAB_SLOT}0")),
                bookmark: Some(Bookmark::new(title, 1)),
                anchor: bagian.id.clone(),
                ..Heading::new(2, text)
            }),
        );
    }
}

/// Every heading of `blocks` one level deeper (a subsection's one more).
fn deepen(blocks: &mut [Block]) {
    for block in blocks {
        match block {
            Block::Heading(h) => {
                h.level = h.level.saturating_add(1);
                if let Some(b) = &mut h.bookmark {
                    b.level = b.level.saturating_add(1);
                }
                let depth = h
                    .marker
                    .as_deref()
                    .and_then(|m| m.strip_prefix(SUBBAB_SLOT));
                if let Some(d) = depth.and_then(|d| d.parse::<usize>().ok()) {
                    h.marker = Some(format!("{SUBBAB_SLOT}{}", d + 1));
                }
            }
            Block::Indent(inner) | Block::Landscape(inner) => deepen(inner),
            Block::List(l) => l.items.iter_mut().for_each(|i| deepen(&mut i.blocks)),
            _ => {}
        }
    }
}

fn number_in(blocks: &mut [Block], chapter: Option<u32>, counters: &mut Vec<u32>, o: &mut Order) {
    for block in blocks {
        match block {
            Block::Heading(h) => {
                let Some(depth) = h
                    .marker
                    .as_deref()
                    .and_then(|m| m.strip_prefix(SUBBAB_SLOT))
                    .and_then(|d| d.parse::<usize>().ok())
                else {
                    continue;
                };
                counters.resize(depth + 1, 0);
                counters[depth] += 1;
                let numbers: Vec<String> = counters.iter().map(u32::to_string).collect();
                h.marker = chapter.map(|n| format!("{n}.{}", numbers.join(".")));
                let label = match &h.marker {
                    Some(m) => format!("Subbab {m}"),
                    None => text_of(&h.text),
                };
                if let (Some(m), Some(b)) = (&h.marker, &mut h.bookmark) {
                    b.title = format!("{m} {}", b.title);
                }
                if h.anchor.is_none() && o.lkj {
                    h.anchor = Some(o.anchor());
                }
                if let Some(a) = &h.anchor {
                    o.finish.labels.insert(a.clone(), label);
                }
            }
            Block::Indent(inner) | Block::Landscape(inner) => {
                number_in(inner, chapter, counters, o)
            }
            Block::List(l) => {
                for item in &mut l.items {
                    number_in(&mut item.blocks, chapter, counters, o);
                }
            }
            _ => {}
        }
    }
}
