//! The checks of the unit's own wording and shape of its document: the
//! sections, the columns of tables A and C, the analyses' parts, the
//! signers, the page number's wording. Each problem at its JSON path, as
//! the walk meets it.

use super::Checker;
use crate::model::walk::Node;
use crate::model::{
    Analisis, Anggaran, IsiAnggaran, IsiKinerja, JenisBagian, MAX_SIGNERS, PenandaTangan, Penutup,
    Report, Susunan,
};
use crate::problem::{Arg, JsonPath, Kind, Problem};

impl<'r> Checker<'r, '_> {
    /// The rules of the nodes of the unit's own shape; whether `node` was
    /// one of them.
    pub(super) fn unit_node(&mut self, path: &JsonPath, node: Node<'r>) -> bool {
        match node {
            Node::Susunan(s) => self.susunan(path, s),
            Node::Kinerja => self.kinerja(path),
            Node::Indikator(_, ind, _) => {
                if ind.no.is_none() && self.numbered.0 > 0 {
                    let p = Problem::new(path.child("no"), Kind::IndicatorNumberMissing)
                        .with("numbered", self.numbered.0)
                        .with("all", self.numbered.1);
                    self.push(p);
                }
            }
            Node::Analisis(a) => self.analysis(path, a),
            Node::KolomKinerja(k) => {
                if k.isi != IsiKinerja::Persen {
                    for (field, given) in [
                        ("dari", k.dari.is_some()),
                        ("terhadap", k.terhadap.is_some()),
                        ("desimal", k.desimal.is_some()),
                    ] {
                        if given {
                            let p = Problem::new(path.child(field), Kind::OnlyForPercent)
                                .with("field", field);
                            self.push(p);
                        }
                    }
                }
                self.desimal(path, k.desimal);
            }
            Node::KolomAnggaran(k) => {
                let percent =
                    matches!(k.isi, IsiAnggaran::RpdPersen | IsiAnggaran::RealisasiPersen);
                if k.desimal.is_some() && !percent {
                    self.problem(&path.child("desimal"), Kind::OnlyForBudgetPercent);
                }
                self.desimal(path, k.desimal);
            }
            Node::Anggaran(a) => {
                self.budget_columns(path, a);
                return false;
            }
            Node::Penutup(p) => self.penutup(path, p),
            Node::Signer(s) => self.signer(path, s),
            _ => return false,
        }
        true
    }

    /// The sections: a standard part at most once, a free one with a
    /// heading and blocks, the closing block without a heading; every part
    /// that has content placed (the closing block goes last otherwise).
    fn susunan(&mut self, path: &JsonPath, s: &'r Susunan) {
        let mut placed: Vec<(JenisBagian, JsonPath)> = Vec::new();
        for (key, list) in [
            ("awal", &s.awal),
            ("bagian", &s.bagian),
            ("lampiran", &s.lampiran),
        ] {
            for (k, b) in list.iter().flatten().enumerate() {
                let at = path.child(key).index(k);
                match b.jenis {
                    Some(j) if key == "lampiran" => {
                        let p = Problem::new(at.child("jenis"), Kind::AppendixPart)
                            .with("part", j.field());
                        self.push(p);
                    }
                    Some(j) => self.placed(&mut placed, (j, at), b),
                    None if b.judul.is_none() => {
                        self.problem(&at.child("judul"), Kind::SectionTitleMissing)
                    }
                    None if b.isi.is_empty() => self.problem(&at.child("isi"), Kind::SectionEmpty),
                    None => {}
                }
            }
        }
        let Some(r) = self.report else { return };
        let cover = r
            .front_matter()
            .iter()
            .any(|b| b.jenis == Some(JenisBagian::Sampul));
        for (field, given) in [
            ("pengantar", r.pengantar.is_some()),
            ("periode", r.periode.is_some()),
        ] {
            if cover && given {
                self.problem(&JsonPath::root().key(field), Kind::NotPrintedWithCover);
            }
        }
        if s.bagian.is_none() {
            return;
        }
        for j in &JenisBagian::ALL[..4] {
            if has_content(r, *j) && !placed.iter().any(|(done, _)| done == j) {
                let p = Problem::new(JsonPath::root().key(j.field()), Kind::PartNotPlaced)
                    .with("part", j.field());
                self.push(p);
            }
        }
    }

    /// A standard part placed at `at`: once, the closing block without a
    /// heading or blocks of its own.
    fn placed(
        &mut self,
        placed: &mut Vec<(JenisBagian, JsonPath)>,
        (j, at): (JenisBagian, JsonPath),
        b: &crate::model::Bagian,
    ) {
        if let Some((_, first)) = placed.iter().find(|(done, _)| *done == j) {
            let p = Problem::new(at.child("jenis"), Kind::PartPlacedTwice)
                .with("part", j.field())
                .with("first", first);
            self.push(p);
        }
        let own = b.judul.is_some() || !b.isi.is_empty();
        if own && j == JenisBagian::Penutup {
            self.problem(&at, Kind::ClosingBlockContent);
        } else if own && j == JenisBagian::Sampul {
            let part = crate::problem::Arg::both("cover", "sampul");
            self.push(Problem::new(&at, Kind::PartWithoutContent).with("part", part));
        }
        placed.push((j, at));
    }

    /// Table A's columns, at least one; and how many indicators have their
    /// own number, for the rule that all or none have.
    fn kinerja(&mut self, path: &JsonPath) {
        let Some(r) = self.report else { return };
        let all = r.indikator().count();
        let numbered = r.indikator().filter(|(_, i)| i.no.is_some()).count();
        self.numbered = (numbered, all);
        if r.kinerja.kolom.as_ref().is_some_and(Vec::is_empty) {
            self.problem(&path.child("kolom"), Kind::ColumnsEmpty);
        }
    }

    /// An analysis names its indicator or has its own heading; it has
    /// its own parts or the three standard ones, not both.
    fn analysis(&mut self, path: &JsonPath, a: &'r Analisis) {
        if a.indikator.is_none() && a.judul.is_none() {
            self.problem(&path.child("indikator"), Kind::AnalysisWithoutIndicator);
        }
        for (_, field, part) in Analisis::default_parts() {
            let given = part(a).is_some();
            if a.bagian.is_some() && given {
                self.problem(&path.child(field), Kind::PartsTwice);
            } else if a.bagian.is_none() && !given {
                let p = Problem::new(path.child(field), Kind::PartMissing).with("field", field);
                self.push(p);
            }
        }
        if a.bagian.as_ref().is_some_and(Vec::is_empty) {
            self.problem(&path.child("bagian"), Kind::NoBlocks);
        }
    }

    /// The budget table's columns, at least one; without columns of its
    /// own, its rows without sub-rows all have a volume (by rincian output)
    /// or none has (by type of spending).
    fn budget_columns(&mut self, path: &JsonPath, a: &'r Anggaran) {
        match &a.kolom {
            Some(k) if k.is_empty() => self.problem(&path.child("kolom"), Kind::ColumnsEmpty),
            Some(_) => {}
            None => {
                let mut leaves = Vec::new();
                leaf_rows(path.child("rincian"), &a.rincian, &mut leaves);
                if leaves.iter().any(|(_, r)| r.volume.is_some()) {
                    for (at, r) in leaves {
                        if r.volume.is_none() {
                            self.problem(&at.child("volume"), Kind::VolumeOfSomeRows);
                        }
                    }
                }
            }
        }
    }

    /// The closing block: one signer written in it, or several in
    /// `penanda_tangan` (not both), at most [`MAX_SIGNERS`].
    fn penutup(&mut self, path: &JsonPath, p: &'r Penutup) {
        if p.penanda_tangan.is_empty() {
            if p.jabatan.is_none() {
                self.problem(&path.child("jabatan"), Kind::SignerPositionMissing);
            }
            if p.nama.is_none() {
                self.problem(&path.child("nama"), Kind::SignerNameMissing);
            }
            return;
        }
        for (field, given) in [
            ("jabatan", p.jabatan.is_some()),
            ("keterangan", p.keterangan.is_some()),
            ("nama", p.nama.is_some()),
            ("nip", p.nip.is_some()),
            ("label_nip", p.label_nip.is_some()),
        ] {
            if given {
                let p = Problem::new(path.child(field), Kind::SignerFieldHere).with("field", field);
                self.push(p);
            }
        }
        if p.penanda_tangan.len() > MAX_SIGNERS {
            let pr = Problem::new(path.child("penanda_tangan"), Kind::TooManySigners)
                .with("count", p.penanda_tangan.len())
                .with("max", MAX_SIGNERS);
            self.push(pr);
        }
    }

    /// One of several signers: its box's size; its tag no other signer's.
    fn signer(&mut self, path: &JsonPath, s: &'r PenandaTangan) {
        for (field, v) in [("lebar_mm", s.lebar_mm), ("tinggi_mm", s.tinggi_mm)] {
            if let Some(v) = v
                && !(10.0..=80.0).contains(&v)
            {
                let p = Problem::new(path.child(field), Kind::BoxSizeOutOfRange)
                    .with("found", v.to_string());
                self.push(p);
            }
        }
        let own = s.tag.as_deref().and_then(|t| t.chars().next());
        if let Some(tag) = own
            && self.tags.iter().filter(|(t, _)| *t == tag).count() > 1
        {
            let p = Problem::new(path.child("tag"), Kind::TagOfTwoSigners)
                .with("tag", Arg::quoted(tag.to_string()));
            self.push(p);
        }
    }

    /// The digits after the comma: 0 to 6.
    fn desimal(&mut self, path: &JsonPath, desimal: Option<u8>) {
        if let Some(d) = desimal
            && d > 6
        {
            let p = Problem::new(path.child("desimal"), Kind::DecimalsOutOfRange).with("found", d);
            self.push(p);
        }
    }

    /// The page number's wording: `""` for none, else one line whose only
    /// placeholders are `{halaman}` and `{jumlah}`.
    pub(super) fn page_number(&mut self, path: &JsonPath, text: &str) {
        if text.is_empty() {
            return;
        }
        self.line(path, text);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let name = after.split('}').next().unwrap_or_default();
            if !matches!(name, "halaman" | "jumlah") || !after.contains('}') {
                let p = Problem::new(path, Kind::PagePlaceholder)
                    .with("name", Arg::quoted(format!("{{{name}}}")))
                    .with("halaman", "{halaman}")
                    .with("jumlah", "{jumlah}");
                self.push(p);
                return;
            }
            rest = &after[name.len() + 1..];
        }
    }
}

/// The rows without sub-rows of a budget table, each with its path.
fn leaf_rows<'r>(
    path: JsonPath,
    rows: &'r [crate::model::Rincian],
    out: &mut Vec<(JsonPath, &'r crate::model::Rincian)>,
) {
    for (i, r) in rows.iter().enumerate() {
        let at = path.clone().index(i);
        if r.rincian.is_empty() {
            out.push((at, r));
        } else {
            leaf_rows(at.child("rincian"), &r.rincian, out);
        }
    }
}

/// Whether the standard part `j` of the report has content to print.
fn has_content(r: &Report, j: JenisBagian) -> bool {
    match j {
        JenisBagian::Kinerja => !r.kinerja.sasaran.is_empty(),
        JenisBagian::Analisis => !r.analisis.is_empty(),
        JenisBagian::Anggaran => r.anggaran.is_some(),
        JenisBagian::Rekomendasi => !r.rekomendasi.is_empty(),
        JenisBagian::Penutup => r.penutup.is_some(),
        _ => true,
    }
}
