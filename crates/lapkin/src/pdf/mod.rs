//! Laid-out pages into PDF bytes: the only module that knows printpdf.
//!
//! printpdf turns the pages' drawing operations and the subset fonts into a
//! lopdf document; this module then finishes it with lopdf: document
//! information, a nested outline, a document ID and dates that depend only
//! on the input (printpdf draws ids from a process-wide counter), and
//! compression. The y axis is flipped from top-down to PDF's bottom-up in
//! one place, [`PageGeometry::y`].

mod finish;
mod fonts;

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Actions, BorderArray, Color, FontId, Greyscale, Line, LineCapStyle, LinePoint, LinkAnnotation,
    Mm, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Rect as PdfRect, TextItem, TextMatrix, TextRenderingMode,
};

use crate::doc::Meta;
use crate::error::{Error, Result};
use crate::frame::{Face, Item, Layout, Page};
use crate::text::FontSet;
use crate::units::Pt;

/// Options of the PDF writer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// The document's creation and modification time, in seconds since the
    /// Unix epoch (e.g. from `SOURCE_DATE_EPOCH`). Without it, the date of
    /// the report's closing block at 00:00 WIB is used, so that the same
    /// report always gives the same bytes.
    pub timestamp: Option<i64>,
}

/// The resource name of each face in the PDF: fixed, so that the bytes do
/// not depend on what ran before in the process.
fn font_id(face: Face) -> FontId {
    FontId(
        match face {
            Face::Regular => "LKREGU",
            Face::Bold => "LKBOLD",
            Face::Italic => "LKITAL",
            Face::BoldItalic => "LKBOIT",
        }
        .to_owned(),
    )
}

/// Page geometry: converts lapkin's top-down points to PDF's bottom-up.
struct PageGeometry {
    height: Pt,
}

impl PageGeometry {
    /// PDF y of a top-down y.
    fn y(&self, y: Pt) -> printpdf::Pt {
        printpdf::Pt((self.height - y).0 as f32)
    }
}

fn pt(p: Pt) -> printpdf::Pt {
    printpdf::Pt(p.0 as f32)
}

/// Writes the layout as PDF bytes.
pub fn write_pdf(
    layout: &Layout,
    meta: &Meta,
    fonts: &FontSet,
    opts: &PdfOptions,
) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&meta.title);

    // Subset each face to the characters it draws.
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text(t) = item {
                used.entry(t.face).or_default().extend(t.text.chars());
            }
        }
    }
    for (face, chars) in &used {
        let subset = fonts::subset_face(fonts.face(*face), chars)?;
        doc.resources
            .fonts
            .map
            .insert(font_id(*face), PdfFont::new(subset.font));
    }

    doc.pages = layout.pages.iter().map(page_ops).collect();

    let save = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let lopdf_doc = doc.to_lopdf_document(&save, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(Error::Pdf(w.msg.clone()));
    }
    finish::finish(lopdf_doc, layout, meta, opts)
}

/// The drawing operations of one page.
fn page_ops(page: &Page) -> PdfPage {
    let g = PageGeometry {
        height: page.size.height,
    };
    let mut ops = Vec::with_capacity(page.items.len() * 3);
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::SetOutlineColor {
        col: Color::Greyscale(Greyscale::new(0.0, None)),
    });
    ops.push(Op::SetLineCapStyle {
        cap: LineCapStyle::ProjectingSquare,
    });
    let mut in_text = false;
    let mut font: Option<(Face, Pt)> = None;
    let mut stroke: Option<Pt> = None;
    let mut invisible = false;
    for item in &page.items {
        if !matches!(item, Item::Text(_)) && in_text {
            ops.push(Op::EndTextSection);
            in_text = false;
        }
        match item {
            Item::Text(t) => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    font = None;
                    if invisible {
                        invisible = false;
                    }
                }
                if font != Some((t.face, t.size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(t.face)),
                        size: pt(t.size),
                    });
                    font = Some((t.face, t.size));
                }
                if t.invisible != invisible {
                    ops.push(Op::SetTextRenderingMode {
                        mode: if t.invisible {
                            TextRenderingMode::Invisible
                        } else {
                            TextRenderingMode::Fill
                        },
                    });
                    invisible = t.invisible;
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(pt(t.x), g.y(t.y)),
                });
                ops.push(Op::ShowText {
                    items: text_items(&t.text, t.word_spacing, t.size),
                });
            }
            Item::Line(l) => {
                if stroke != Some(l.width) {
                    ops.push(Op::SetOutlineThickness { pt: pt(l.width) });
                    stroke = Some(l.width);
                }
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: pt(l.x1),
                                    y: g.y(l.y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: pt(l.x2),
                                    y: g.y(l.y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Item::Rect(b) => {
                if let Some(grey) = b.fill {
                    ops.push(Op::SetFillColor {
                        col: Color::Greyscale(Greyscale::new(grey, None)),
                    });
                }
                if let Some(w) = b.stroke
                    && stroke != Some(w)
                {
                    ops.push(Op::SetOutlineThickness { pt: pt(w) });
                    stroke = Some(w);
                }
                let mode = match (b.fill.is_some(), b.stroke.is_some()) {
                    (true, true) => Some(PaintMode::FillStroke),
                    (true, false) => Some(PaintMode::Fill),
                    (false, true) => Some(PaintMode::Stroke),
                    (false, false) => None,
                };
                if let Some(mode) = mode {
                    ops.push(Op::DrawRectangle {
                        rectangle: PdfRect {
                            x: pt(b.rect.x),
                            y: g.y(b.rect.bottom()),
                            width: pt(b.rect.width),
                            height: pt(b.rect.height),
                            mode: Some(mode),
                            winding_order: None,
                        },
                    });
                }
                if b.fill.is_some() {
                    // Text is black.
                    ops.push(Op::SetFillColor {
                        col: Color::Greyscale(Greyscale::new(0.0, None)),
                    });
                }
            }
            Item::Link(l) => {
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        PdfRect::from_xywh(
                            pt(l.rect.x),
                            g.y(l.rect.bottom()),
                            pt(l.rect.width),
                            pt(l.rect.height),
                        ),
                        Actions::Uri(l.uri.clone()),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        None,
                        None,
                    ),
                });
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops.push(Op::RestoreGraphicsState);
    PdfPage::new(
        Mm(page.size.width.to_mm() as f32),
        Mm(page.size.height.to_mm() as f32),
        ops,
    )
}

/// The text as `TJ` items: each space followed by a negative offset that
/// widens it by `word_spacing` (embedded fonts ignore `Tw`, ISO 32000-1
/// 9.3.3).
fn text_items(text: &str, word_spacing: Pt, size: Pt) -> Vec<TextItem> {
    if word_spacing == Pt::ZERO || !text.contains(' ') {
        return vec![TextItem::Text(text.to_owned())];
    }
    let offset = -(word_spacing.0 * 1000.0 / size.0) as f32;
    let mut items = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(' ') {
        items.push(TextItem::Text(rest[..=i].to_owned()));
        items.push(TextItem::Offset(offset));
        rest = &rest[i + 1..];
    }
    if !rest.is_empty() {
        items.push(TextItem::Text(rest.to_owned()));
    }
    items
}
