//! The one walk over a report: every part of it, with its JSON path, in
//! document order.
//!
//! Validation, the glyph check, the signature tag's check and the document
//! builder all visit the report through [`walk`], so that the report's
//! shape and the spelling of its paths live here only. A new field of the
//! report is visited here once (a text with its [`Role`], which says which
//! rules it obeys and in which faces it is printed; or a node of its own),
//! and every check and the document pick it up.
//!
//! The walk calls [`Visit::enter`] for each node before the nodes inside
//! it and [`Visit::leave`] after them, with the node's path. Nodes come in
//! the order of the fields in the model (the order of its JSON), so that
//! problems found at each node are already in document order.

use super::{
    Analisis, Anggaran, Bagian, BagianAnalisis, Baris, Blok, Butir, Daftar, Halaman, Indikator,
    Inline, KolomAnggaran, KolomKinerja, Nilai, PenandaTangan, Penutup, Report, Rincian, Sasaran,
    Sel, Subbab, Susunan, Tabel, TandaTangan, TanggalPenutup, Total, Unit,
    validate::{MAX_LIST_DEPTH, MAX_SUBBAB_DEPTH},
};
use super::{Gambar, Grafik, Sampul};
use crate::problem::JsonPath;

/// A part of the report, as the walk meets it. Each node carries what a
/// visitor may need of it, whether or not one reads it yet.
#[derive(Debug, Clone, Copy)]
#[allow(dead_code, reason = "a node carries its part for any visitor")]
pub(crate) enum Node<'r> {
    /// The whole report (the root).
    Report(&'r Report),
    /// `unit`.
    Unit(&'r Unit),
    /// `triwulan`.
    Triwulan(u8),
    /// `tahun`.
    Tahun(u16),
    /// `pengantar`: the report's own intro.
    Pengantar(&'r [Blok]),
    /// `susunan`: the sections' order, headings and numbering.
    Susunan(&'r Susunan),
    /// `susunan.bagian[k]` (or `susunan.awal[k]`, `susunan.lampiran[k]`):
    /// a section, and its place among all of them (the front matter's
    /// first, then the chapters', then the appendices').
    Bagian(&'r Bagian, usize),
    /// `...[k].subbab`: a numbered subsection, before its heading and
    /// blocks, and how many subsections it is in.
    Subbab(&'r Subbab, usize),
    /// `kinerja`: section A.
    Kinerja,
    /// `kinerja.kolom[j]`: a column of table A.
    KolomKinerja(&'r KolomKinerja),
    /// `anggaran.kolom[j]`: a column of the budget table.
    KolomAnggaran(&'r KolomAnggaran),
    /// `kinerja.sasaran[i]`.
    Sasaran(&'r Sasaran),
    /// `kinerja.sasaran[i].indikator[j]`, with its sasaran and its place
    /// among the sasaran's indicators.
    Indikator(&'r Sasaran, &'r Indikator, usize),
    /// `analisis`: section B.
    Analyses(&'r [Analisis]),
    /// `analisis[i]`.
    Analisis(&'r Analisis),
    /// `analisis[i].indikator`: the code of the indicator analysed.
    Reference(&'r str),
    /// A named part of an analysis (`analisis[i].kendala`), its field and
    /// its blocks.
    Part(&'static str, &'r [Blok]),
    /// A part of an analysis of its own (`analisis[i].bagian[j]`), whose
    /// blocks are at `isi`.
    OwnPart(&'r BagianAnalisis),
    /// A list (`...[k].daftar`), nested `depth` lists deep (0 for a list
    /// that is in no other).
    List(&'r Daftar, usize),
    /// An item of a list (`...daftar.butir[k]`), its number from the first
    /// (`mulai`).
    Item(&'r Butir, u32),
    /// A table (`...[k].tabel`).
    Table(&'r Tabel),
    /// A row of a table (`...tabel.baris[j]`).
    Row(&'r [Sel]),
    /// A cell that is a number (`...tabel.baris[j][k]`).
    Number(&'r rust_decimal::Decimal),
    /// `anggaran`: section C.
    Anggaran(&'r Anggaran),
    /// A row of the budget table (`anggaran.rincian[i]`, a sub-row
    /// `...rincian[i].rincian[j]`), `depth` levels below the top, before
    /// its texts and its sub-rows.
    Rincian(&'r Rincian, usize),
    /// A row's figures, between its unit (`satuan`) and its remark, where
    /// they are in its JSON.
    Figures(&'r Rincian),
    /// `anggaran.total`, the Total row as stated (if it is).
    Total(Option<&'r Total>),
    /// `rekomendasi`: section D.
    Rekomendasi(&'r [Blok]),
    /// `penutup`: the closing block.
    Penutup(&'r Penutup),
    /// `penutup.tanggal`.
    Tanggal(TanggalPenutup),
    /// `penutup.penanda_tangan[k]`: one of several signers.
    Signer(&'r PenandaTangan),
    /// `halaman`: what every page carries.
    Halaman(&'r Halaman),
    /// `catatan`: the report's own legal note, or `None` for the standard
    /// one (printed only when someone signs electronically).
    Catatan(Option<&'r [Inline]>),
    /// `tanda_tangan`.
    TandaTangan(&'r TandaTangan),
    /// `tanda_tangan.tag` or a signer's `tag`: the signature tag, if one
    /// is drawn.
    Tag(Option<&'r str>),
    /// `tanda_tangan.field` or a signer's `field`: the signature field's
    /// name, if one is made.
    Field(Option<&'r str>),
    /// An image (`...[k].gambar`), before its caption and alt text.
    Gambar(&'r Gambar),
    /// A chart (`...[k].grafik`), before its caption.
    Grafik(&'r Grafik),
    /// `sampul`: the cover's content, before its lines.
    Sampul(&'r Sampul),
    /// A text of the report.
    Text(Text<'r>),
}

/// A text of the report: its source and its role.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text<'r> {
    /// The text as written.
    pub source: Source<'r>,
    /// Where it is and what it is.
    pub role: Role,
}

/// A text as written: plain, or with inline markup.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source<'r> {
    /// Printed as it is.
    Plain(&'r str),
    /// Inline markup.
    Markup(&'r Inline),
}

/// Where a text is in the report: which rules it obeys, and in which faces
/// it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// `unit.nama`: in the title (bold) and the intro (regular).
    UnitName,
    /// `unit.nama_lengkap`, `unit.provinsi`: the PDF's metadata only.
    UnitDetail,
    /// A code: of a sasaran, an indicator or a rincian output.
    Code(CodeOf),
    /// The text of a sasaran or an indicator: in table A, and bold in the
    /// headings of section B.
    Uraian,
    /// The text of a rincian output, in table C.
    RincianUraian,
    /// A unit of measure (`satuan`), in table A or C.
    Satuan,
    /// An indicator's value written as text.
    Nilai,
    /// A paragraph.
    Paragraph,
    /// The text of a list item.
    ItemText,
    /// A column's title, printed bold.
    ColumnTitle,
    /// A table cell's text (it may be empty).
    Cell,
    /// A table's caption.
    Caption,
    /// A line of the closing block (`tempat`, `jabatan`, `keterangan`).
    ClosingLine,
    /// The signer's name, printed bold.
    SignerName,
    /// The signer's NIP.
    Nip,
    /// An item of the report's legal note.
    Note,
    /// A line of the title, printed bold.
    TitleLine,
    /// The period in the standard intro.
    Periode,
    /// A heading of the report's own (a section's, an analysis's, a
    /// part's), printed bold.
    Heading,
    /// A sub-heading among body blocks (`{"judul": ...}`), printed bold.
    SubHeading,
    /// A subsection's heading (`{"subbab": {"judul": ...}}`), printed bold.
    SubbabHeading,
    /// A table's title above it, printed bold.
    TableTitle,
    /// A section heading printed in capitals (`susunan.huruf_besar`).
    HeadingCaps,
    /// A label of grouped columns, printed bold.
    ColumnGroup,
    /// The unit's own heading of a column of table A or C, printed bold.
    OwnColumnTitle,
    /// An indicator's own row number.
    RowNumber,
    /// A remark (`keterangan`) of an indicator or a budget row.
    Remark,
    /// The label before a NIP ("NIP.").
    NipLabel,
    /// A line that may be empty to print none (a signer's `keterangan`).
    OptionalLine,
    /// The page number's wording, with `{halaman}` and `{jumlah}`.
    PageNumber,
    /// A running header or footer text.
    PageText,
    /// The legal note's label, printed bold; empty for none.
    NoteTitle,
    /// An item of the standard legal note (lapkin's own text, printed in
    /// every report that gives none).
    StandardNote,
    /// A figure's caption (`judul` of an image or a chart).
    FigureCaption,
    /// An alternative text (an image's `alt`): not printed, read by screen
    /// readers.
    AltText,
    /// A line of the cover (agencies, title, unit, year), printed bold.
    CoverLine,
}

/// What a code names, for the rule that each is used once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CodeOf {
    /// A sasaran.
    Sasaran,
    /// An indicator.
    Indikator,
    /// A rincian output.
    Rincian,
}

/// The faces a text is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Faces {
    /// In its own styles (regular for plain text, as marked up for
    /// markup).
    pub own: bool,
    /// Emboldened.
    pub bold: bool,
}

impl Role {
    /// The faces a text of this role is printed in; neither for a text
    /// that is not printed.
    pub(crate) fn faces(self) -> Faces {
        let (own, bold) = match self {
            Role::UnitDetail | Role::AltText => (false, false),
            // A budget row with sub-rows is printed bold: its texts may be
            // either.
            Role::UnitName
            | Role::Code(_)
            | Role::Uraian
            | Role::RincianUraian
            | Role::Satuan
            | Role::Remark => (true, true),
            Role::ColumnTitle
            | Role::SignerName
            | Role::TitleLine
            | Role::Heading
            | Role::SubHeading
            | Role::SubbabHeading
            | Role::TableTitle
            | Role::HeadingCaps
            | Role::ColumnGroup
            | Role::OwnColumnTitle
            | Role::CoverLine
            | Role::NoteTitle => (false, true),
            _ => (true, false),
        };
        Faces { own, bold }
    }

    /// Whether the text is printed at all.
    pub(crate) fn printed(self) -> bool {
        let f = self.faces();
        f.own || f.bold
    }
}

/// What visits the report.
pub(crate) trait Visit<'r> {
    /// Called for `node` at `path`, before the nodes inside it.
    fn enter(&mut self, path: &JsonPath, node: Node<'r>);

    /// Called for `node` at `path`, after the nodes inside it.
    fn leave(&mut self, _path: &JsonPath, _node: Node<'r>) {}
}

/// Walks the report: every node, in document order, with its path.
pub(crate) fn walk<'r>(report: &'r Report, v: &mut impl Visit<'r>) {
    let mut w = Walker {
        path: JsonPath::root(),
        v,
        subbab: 0,
    };
    w.report(report);
}

/// The walk's state: the path of the node being visited.
struct Walker<'v, V> {
    path: JsonPath,
    v: &'v mut V,
    /// How many subsections the node being visited is in.
    subbab: usize,
}

impl<'r, V: Visit<'r>> Walker<'_, V> {
    /// Visits `node`, with `inside` between entering and leaving it.
    fn node(&mut self, node: Node<'r>, inside: impl FnOnce(&mut Self)) {
        self.v.enter(&self.path, node);
        inside(self);
        self.v.leave(&self.path, node);
    }

    /// Visits what is at the key `key`.
    fn at(&mut self, key: &'static str, f: impl FnOnce(&mut Self)) {
        self.path.push_key(key);
        f(self);
        self.path.pop();
    }

    /// Visits what is at the index `i`.
    fn at_index(&mut self, i: usize, f: impl FnOnce(&mut Self)) {
        self.path.push_index(i);
        f(self);
        self.path.pop();
    }

    fn text(&mut self, key: &'static str, source: Source<'r>, role: Role) {
        self.at(key, |w| w.here(source, role));
    }

    /// A text at the current path.
    fn here(&mut self, source: Source<'r>, role: Role) {
        let node = Node::Text(Text { source, role });
        self.v.enter(&self.path, node);
    }

    fn report(&mut self, r: &'r Report) {
        self.node(Node::Report(r), |w| {
            w.at("unit", |w| {
                w.node(Node::Unit(&r.unit), |w| {
                    w.text("nama", Source::Plain(&r.unit.nama), Role::UnitName);
                    w.text(
                        "nama_lengkap",
                        Source::Plain(&r.unit.nama_lengkap),
                        Role::UnitDetail,
                    );
                    w.text(
                        "provinsi",
                        Source::Plain(&r.unit.provinsi),
                        Role::UnitDetail,
                    );
                })
            });
            w.at("triwulan", |w| w.node(Node::Triwulan(r.triwulan), |_| {}));
            w.at("tahun", |w| w.node(Node::Tahun(r.tahun), |_| {}));
            w.wording(r);
            w.at("kinerja", |w| w.node(Node::Kinerja, |w| w.kinerja(r)));
            w.at("analisis", |w| w.analyses(&r.analisis));
            if let Some(a) = &r.anggaran {
                w.at("anggaran", |w| w.anggaran(a));
            }
            w.at("rekomendasi", |w| {
                w.node(Node::Rekomendasi(&r.rekomendasi), |w| {
                    w.blocks(&r.rekomendasi, 0)
                })
            });
            if let Some(p) = &r.penutup {
                w.at("penutup", |w| w.penutup(p));
            }
            w.catatan(r.catatan.as_deref(), r.signed_electronically());
            w.at("halaman", |w| w.halaman(&r.halaman));
            w.at("tanda_tangan", |w| {
                let t = &r.tanda_tangan;
                w.node(Node::TandaTangan(t), |w| {
                    w.at("tag", |w| w.node(Node::Tag(t.tag.as_deref()), |_| {}));
                    w.at("field", |w| w.node(Node::Field(t.field.as_deref()), |_| {}));
                })
            });
        });
    }

    /// Lines of text at `key`: the key itself for one line, `key[i]` for
    /// several.
    fn lines(&mut self, key: &'static str, lines: &'r Baris, role: Role) {
        self.at(key, |w| match lines.lines() {
            [one] => w.here(Source::Plain(one), role),
            many => {
                for (i, line) in many.iter().enumerate() {
                    w.at_index(i, |w| w.here(Source::Plain(line), role));
                }
            }
        });
    }

    /// The title, the intro or its period, the sections.
    fn wording(&mut self, r: &'r Report) {
        if let Some(judul) = &r.judul {
            self.lines("judul", judul, Role::TitleLine);
        }
        if let Some(p) = &r.pengantar {
            self.at("pengantar", |w| {
                w.node(Node::Pengantar(p), |w| w.blocks(p, 0))
            });
        }
        if let Some(p) = &r.periode {
            self.text("periode", Source::Plain(p), Role::Periode);
        }
        if let Some(s) = &r.susunan {
            self.at("susunan", |w| w.node(Node::Susunan(s), |w| w.susunan(s)));
        }
        if let Some(s) = &r.sampul {
            self.at("sampul", |w| w.node(Node::Sampul(s), |w| w.sampul(s)));
        }
    }

    /// The cover's lines and the logo's alternative text.
    fn sampul(&mut self, s: &'r Sampul) {
        if let Some(alt) = &s.alt_logo {
            self.text("alt_logo", Source::Plain(alt), Role::AltText);
        }
        let lines = [
            ("instansi", &s.instansi),
            ("judul", &s.judul),
            ("unit", &s.unit),
            ("tahun", &s.tahun),
        ];
        for (key, lines) in lines {
            if let Some(l) = lines {
                self.lines(key, l, Role::CoverLine);
            }
        }
    }

    /// An image: its caption and its alternative text.
    fn gambar(&mut self, g: &'r Gambar) {
        self.node(Node::Gambar(g), |w| {
            if let Some(j) = &g.judul {
                w.text("judul", Source::Markup(j), Role::FigureCaption);
            }
            w.text("alt", Source::Plain(&g.alt), Role::AltText);
        });
    }

    /// The sections: each one's heading and blocks.
    fn susunan(&mut self, s: &'r Susunan) {
        let role = if s.huruf_besar {
            Role::HeadingCaps
        } else {
            Role::Heading
        };
        let mut k = 0;
        for (key, list) in [
            ("awal", &s.awal),
            ("bagian", &s.bagian),
            ("lampiran", &s.lampiran),
        ] {
            let Some(list) = list else { continue };
            self.at(key, |w| {
                for (i, b) in list.iter().enumerate() {
                    w.at_index(i, |w| {
                        w.node(Node::Bagian(b, k), |w| {
                            if let Some(judul) = &b.judul {
                                w.text("judul", Source::Markup(judul), role);
                            }
                            w.at("isi", |w| w.blocks(&b.isi, 0));
                        })
                    });
                    k += 1;
                }
            });
        }
    }

    /// Section A: its columns, the sasaran and their indicators.
    fn kinerja(&mut self, r: &'r Report) {
        if let Some(kolom) = &r.kinerja.kolom {
            self.at("kolom", |w| {
                for (j, k) in kolom.iter().enumerate() {
                    w.at_index(j, |w| {
                        w.node(Node::KolomKinerja(k), |w| {
                            w.column(k.judul.as_ref(), k.grup.as_ref())
                        })
                    });
                }
            });
        }
        self.at("sasaran", |w| {
            for (i, s) in r.kinerja.sasaran.iter().enumerate() {
                w.at_index(i, |w| w.node(Node::Sasaran(s), |w| w.sasaran(s)));
            }
        });
    }

    /// A column's own heading and its groups.
    fn column(&mut self, judul: Option<&'r Inline>, grup: Option<&'r Baris>) {
        if let Some(judul) = judul {
            self.text("judul", Source::Markup(judul), Role::OwnColumnTitle);
        }
        if let Some(grup) = grup {
            self.lines("grup", grup, Role::ColumnGroup);
        }
    }

    fn sasaran(&mut self, s: &'r Sasaran) {
        if let Some(kode) = &s.kode {
            self.text("kode", Source::Plain(kode), Role::Code(CodeOf::Sasaran));
        }
        self.text("uraian", Source::Markup(&s.uraian), Role::Uraian);
        self.at("indikator", |w| {
            for (j, ind) in s.indikator.iter().enumerate() {
                w.at_index(j, |w| {
                    w.node(Node::Indikator(s, ind, j), |w| w.indikator(ind))
                });
            }
        });
    }

    fn indikator(&mut self, ind: &'r Indikator) {
        if let Some(no) = &ind.no {
            self.text("no", Source::Plain(&no.0), Role::RowNumber);
        }
        if let Some(kode) = &ind.kode {
            self.text("kode", Source::Plain(kode), Role::Code(CodeOf::Indikator));
        }
        self.text("uraian", Source::Markup(&ind.uraian), Role::Uraian);
        self.nilai("target_pk", &ind.target_pk);
        if let Some(satuan) = &ind.satuan {
            self.text("satuan", Source::Plain(satuan), Role::Satuan);
        }
        self.nilai("target", &ind.target);
        self.nilai("capaian", &ind.capaian);
        self.nilai("target_renaksi", &ind.target_renaksi);
        self.nilai("realisasi", &ind.realisasi);
        self.nilai("tw1", &ind.tw1);
        self.nilai("tw2", &ind.tw2);
        self.nilai("tw3", &ind.tw3);
        self.nilai("tw4", &ind.tw4);
        if let Some(k) = &ind.keterangan {
            self.text("keterangan", Source::Markup(k), Role::Remark);
        }
    }

    /// A value of table A: a text is visited, a number or null is not.
    fn nilai(&mut self, key: &'static str, v: &'r Nilai) {
        if let Nilai::Teks(t) = v {
            self.text(key, Source::Plain(t), Role::Nilai);
        }
    }

    /// Section B: each analysis and its parts.
    fn analyses(&mut self, analyses: &'r [Analisis]) {
        self.node(Node::Analyses(analyses), |w| {
            for (i, a) in analyses.iter().enumerate() {
                w.at_index(i, |w| w.node(Node::Analisis(a), |w| w.analysis(a)));
            }
        });
    }

    /// An analysis: its indicator, its own heading, its parts.
    fn analysis(&mut self, a: &'r Analisis) {
        if let Some(code) = &a.indikator {
            self.at("indikator", |w| w.node(Node::Reference(code), |_| {}));
        }
        if let Some(judul) = &a.judul {
            self.text("judul", Source::Markup(judul), Role::Heading);
        }
        for (key, blocks) in [
            ("progress", &a.progress),
            ("kendala", &a.kendala),
            ("strategi", &a.strategi),
        ] {
            if let Some(blocks) = blocks {
                self.at(key, |w| {
                    w.node(Node::Part(key, blocks), |w| w.blocks(blocks, 0))
                });
            }
        }
        if let Some(parts) = &a.bagian {
            self.at("bagian", |w| {
                for (j, part) in parts.iter().enumerate() {
                    w.at_index(j, |w| {
                        w.node(Node::OwnPart(part), |w| {
                            w.text("judul", Source::Markup(&part.judul), Role::Heading);
                            w.at("isi", |w| w.blocks(&part.isi, 0));
                        })
                    });
                }
            });
        }
    }

    /// Body blocks, in lists nested `depth` deep. A list deeper than
    /// [`MAX_LIST_DEPTH`] is entered and left, but what it holds is not
    /// walked (validation refuses it), so the walk's depth is bounded
    /// whatever the report.
    fn blocks(&mut self, blocks: &'r [Blok], depth: usize) {
        for (i, block) in blocks.iter().enumerate() {
            self.at_index(i, |w| match block {
                Blok::Paragraf(text) => w.here(Source::Markup(text), Role::Paragraph),
                Blok::Daftar(d) => w.at("daftar", |w| {
                    w.node(Node::List(d, depth), |w| {
                        if depth < MAX_LIST_DEPTH {
                            w.items(d, depth);
                        }
                    })
                }),
                Blok::Tabel(t) => w.at("tabel", |w| w.node(Node::Table(t), |w| w.table(t))),
                Blok::Judul(text) => w.text("judul", Source::Markup(text), Role::SubHeading),
                Blok::Gambar(g) => w.at("gambar", |w| w.gambar(g)),
                Blok::Grafik(g) => w.at("grafik", |w| {
                    w.node(Node::Grafik(g), |w| {
                        if let Some(j) = &g.judul {
                            w.text("judul", Source::Markup(j), Role::FigureCaption);
                        }
                    })
                }),
                Blok::Subbab(sub) => w.at("subbab", |w| w.subbab(sub, depth)),
            });
        }
    }

    /// A subsection: its heading and its blocks. One nested deeper than
    /// [`MAX_SUBBAB_DEPTH`] is entered and left, but what it holds is not
    /// walked (validation refuses it).
    fn subbab(&mut self, sub: &'r Subbab, depth: usize) {
        self.node(Node::Subbab(sub, self.subbab), |w| {
            w.text("judul", Source::Markup(&sub.judul), Role::SubbabHeading);
            if w.subbab < MAX_SUBBAB_DEPTH {
                w.subbab += 1;
                w.at("isi", |w| w.blocks(&sub.isi, depth));
                w.subbab -= 1;
            }
        });
    }

    fn items(&mut self, d: &'r Daftar, depth: usize) {
        self.at("butir", |w| {
            for (k, item) in d.butir.iter().enumerate() {
                let number = d.mulai.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
                w.at_index(k, |w| {
                    w.node(Node::Item(item, number), |w| {
                        if item.isi.is_empty() {
                            w.here(Source::Markup(&item.teks), Role::ItemText);
                        } else {
                            w.text("teks", Source::Markup(&item.teks), Role::ItemText);
                            w.at("isi", |w| w.blocks(&item.isi, depth + 1));
                        }
                    })
                });
            }
        });
    }

    fn table(&mut self, t: &'r Tabel) {
        if let Some(judul) = &t.judul {
            self.text("judul", Source::Markup(judul), Role::TableTitle);
        }
        self.at("kolom", |w| {
            for (j, k) in t.kolom.iter().enumerate() {
                w.at_index(j, |w| {
                    w.text("judul", Source::Markup(&k.judul), Role::ColumnTitle);
                    if let Some(grup) = &k.grup {
                        w.lines("grup", grup, Role::ColumnGroup);
                    }
                });
            }
        });
        self.at("baris", |w| {
            for (j, row) in t.baris.iter().enumerate() {
                w.at_index(j, |w| w.node(Node::Row(row), |w| w.cells(row)));
            }
        });
        if let Some(c) = &t.keterangan {
            self.text("keterangan", Source::Markup(c), Role::Caption);
        }
    }

    fn cells(&mut self, row: &'r [Sel]) {
        for (k, cell) in row.iter().enumerate() {
            self.at_index(k, |w| match cell {
                Sel::Teks(text) => w.here(Source::Markup(text), Role::Cell),
                Sel::Angka(d) => w.node(Node::Number(d), |_| {}),
            });
        }
    }

    /// Section C: the columns, the rows (each before its sub-rows), then
    /// the Total.
    fn anggaran(&mut self, a: &'r Anggaran) {
        self.node(Node::Anggaran(a), |w| {
            if let Some(kolom) = &a.kolom {
                w.at("kolom", |w| {
                    for (j, k) in kolom.iter().enumerate() {
                        w.at_index(j, |w| {
                            w.node(Node::KolomAnggaran(k), |w| {
                                w.column(k.judul.as_ref(), k.grup.as_ref())
                            })
                        });
                    }
                });
            }
            w.at("rincian", |w| w.rincian(&a.rincian, 0));
            w.at("total", |w| w.node(Node::Total(a.total.as_ref()), |_| {}));
        });
    }

    /// Rows of the budget table `depth` levels below the top, each with its
    /// sub-rows (at most [`super::MAX_DEPTH`] levels are walked).
    fn rincian(&mut self, rows: &'r [Rincian], depth: usize) {
        for (i, r) in rows.iter().enumerate() {
            self.at_index(i, |w| {
                w.node(Node::Rincian(r, depth), |w| {
                    if let Some(kode) = &r.kode {
                        w.text("kode", Source::Plain(kode), Role::Code(CodeOf::Rincian));
                    }
                    w.text("uraian", Source::Markup(&r.uraian), Role::RincianUraian);
                    if let Some(satuan) = &r.satuan {
                        w.text("satuan", Source::Plain(satuan), Role::Satuan);
                    }
                    w.node(Node::Figures(r), |_| {});
                    if let Some(k) = &r.keterangan {
                        w.text("keterangan", Source::Markup(k), Role::Remark);
                    }
                    if depth + 1 < super::MAX_DEPTH && !r.rincian.is_empty() {
                        w.at("rincian", |w| w.rincian(&r.rincian, depth + 1));
                    }
                })
            });
        }
    }

    fn penutup(&mut self, p: &'r Penutup) {
        self.node(Node::Penutup(p), |w| {
            w.text("tempat", Source::Plain(&p.tempat), Role::ClosingLine);
            w.at("tanggal", |w| w.node(Node::Tanggal(p.tanggal), |_| {}));
            if let Some(j) = &p.jabatan {
                w.lines("jabatan", j, Role::ClosingLine);
            }
            if let Some(k) = &p.keterangan {
                w.text("keterangan", Source::Plain(k), Role::OptionalLine);
            }
            if let Some(nama) = &p.nama {
                w.text("nama", Source::Plain(nama), Role::SignerName);
            }
            if let Some(nip) = &p.nip {
                w.text("nip", Source::Plain(nip), Role::Nip);
            }
            if let Some(label) = &p.label_nip {
                w.text("label_nip", Source::Plain(label), Role::NipLabel);
            }
            w.at("penanda_tangan", |w| {
                for (k, s) in p.penanda_tangan.iter().enumerate() {
                    w.at_index(k, |w| w.node(Node::Signer(s), |w| w.signer(s)));
                }
            });
        });
    }

    /// One of several signers.
    fn signer(&mut self, s: &'r PenandaTangan) {
        self.lines("jabatan", &s.jabatan, Role::ClosingLine);
        self.text("nama", Source::Plain(&s.nama), Role::SignerName);
        if let Some(nip) = &s.nip {
            self.text("nip", Source::Plain(nip), Role::Nip);
        }
        if let Some(label) = &s.label_nip {
            self.text("label_nip", Source::Plain(label), Role::NipLabel);
        }
        if let Some(k) = &s.keterangan {
            self.text("keterangan", Source::Plain(k), Role::OptionalLine);
        }
        if s.tag.is_some() {
            self.at("tag", |w| w.node(Node::Tag(s.tag.as_deref()), |_| {}));
        }
        if s.field.is_some() {
            self.at("field", |w| w.node(Node::Field(s.field.as_deref()), |_| {}));
        }
    }

    /// The legal note: the report's items, or the standard ones (at the
    /// path `catatan`, where the report would give its own) when someone
    /// signs electronically.
    fn catatan(&mut self, items: Option<&'r [Inline]>, electronic: bool) {
        self.at("catatan", |w| {
            w.node(Node::Catatan(items), |w| match items {
                Some(items) => {
                    for (i, item) in items.iter().enumerate() {
                        w.at_index(i, |w| w.here(Source::Markup(item), Role::Note));
                    }
                }
                None if electronic => {
                    for item in super::default_catatan() {
                        w.here(Source::Markup(item), Role::StandardNote);
                    }
                }
                None => {}
            })
        });
    }

    /// What every page carries: the page number's wording, the running
    /// header and footer, the note's label.
    fn halaman(&mut self, h: &'r Halaman) {
        self.node(Node::Halaman(h), |w| {
            if let Some(n) = &h.nomor {
                w.text("nomor", Source::Plain(n), Role::PageNumber);
            }
            if let Some(t) = &h.kepala {
                w.text("kepala", Source::Plain(t), Role::PageText);
            }
            if let Some(t) = &h.kaki {
                w.text("kaki", Source::Plain(t), Role::PageText);
            }
            if let Some(t) = &h.judul_catatan {
                w.text("judul_catatan", Source::Plain(t), Role::NoteTitle);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects every text's path and role.
    struct Texts(Vec<(String, Role)>);

    impl<'r> Visit<'r> for Texts {
        fn enter(&mut self, path: &JsonPath, node: Node<'r>) {
            if let Node::Text(t) = node {
                self.0.push((path.to_string(), t.role));
            }
        }
    }

    #[test]
    fn texts_of_the_minimal_report_with_their_paths() {
        let r = crate::parse_report(include_bytes!("../../tests-data/minimal.json")).unwrap();
        let mut texts = Texts(Vec::new());
        walk(&r, &mut texts);
        let paths: Vec<&str> = texts.0.iter().map(|(p, _)| p.as_str()).collect();
        for (path, role) in [
            ("unit.nama", Role::UnitName),
            (
                "kinerja.sasaran[0].indikator[0].kode",
                Role::Code(CodeOf::Indikator),
            ),
            ("analisis[0].progress[0]", Role::Paragraph),
            ("penutup.nip", Role::Nip),
            ("catatan", Role::StandardNote),
        ] {
            assert!(
                texts.0.iter().any(|(p, r)| p == path && *r == role),
                "{path}: {paths:?}"
            );
        }
        // In document order: each path after the one before it.
        let position = |p: &str| paths.iter().position(|q| *q == p).unwrap();
        assert!(position("unit.nama") < position("kinerja.sasaran[0].kode"));
        assert!(position("analisis[0].progress[0]") < position("penutup.tempat"));
    }

    /// The walk does not go into lists nested deeper than validation
    /// allows, whatever the depth of a report built in code.
    #[test]
    fn the_walk_stops_below_the_deepest_list() {
        let mut r = crate::parse_report(include_bytes!("../../tests-data/minimal.json")).unwrap();
        let mut block = Blok::Paragraf(Inline::new("dalam"));
        for _ in 0..1_000 {
            let item = Butir::new("butir").with_isi(block);
            block = Blok::Daftar(Daftar::new(super::super::GayaDaftar::Strip).with_butir(item));
        }
        r.rekomendasi = vec![block];
        let mut texts = Texts(Vec::new());
        walk(&r, &mut texts);
        let deepest = texts.0.iter().map(|(p, _)| p.len()).max().unwrap();
        assert!(deepest < 200, "{deepest}");
    }
}
