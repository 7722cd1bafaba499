//! A report that passed validation: what the document stage takes.

use super::{Analisis, Indikator, Report, Rincian, Sasaran, Sisa, Totals};
use crate::problem::{Arg, JsonPath, Kind, Phrase, Problem};

/// A report that passed every check that can be made before layout: the
/// model's rules (references, sums, the NIP, markup, limits, the signature
/// tag) and, for the fonts it is to be printed in, a glyph for every
/// character of its texts. Only [`crate::validate`] makes one.
///
/// It borrows the report, so the report cannot change while it is checked;
/// a report edited afterwards must be validated again. It also keeps what
/// validation resolved and the later stages need: the indicator each
/// analysis is about and the computed figures of section C. (Each text's
/// markup is parsed once and kept with the text, see
/// [`Inline`](super::Inline).) The fonts are not kept: [`crate::render`]
/// lays out in the fonts it validated for, and
/// [`crate::layout_document`] checks a document's glyphs against the fonts
/// it is given.
#[derive(Debug, Clone)]
pub struct CheckedReport<'r> {
    report: &'r Report,
    /// For each entry of `analisis`, its sasaran and indicator.
    analysed: Vec<(&'r Sasaran, &'r Indikator)>,
    /// The remainders of each row of section C.
    sisa: Vec<Sisa>,
    /// The Total row of section C.
    totals: Totals,
}

impl<'r> CheckedReport<'r> {
    /// Resolves what the document stage needs of a report whose problems
    /// were all reported (there were none): a reference or a sum that does
    /// not resolve is a problem with its path, which validation reports
    /// first.
    pub(crate) fn new(report: &'r Report) -> Result<Self, Problem> {
        let analysed = report
            .analisis
            .iter()
            .enumerate()
            .map(|(i, a)| {
                report.find_indikator(&a.indikator).ok_or_else(|| {
                    let path = JsonPath::root().key("analisis").index(i).key("indikator");
                    Problem::new(path, Kind::UnknownIndicator)
                        .with("code", Arg::quoted(&a.indikator))
                        .with("suggestion", Arg::none())
                })
            })
            .collect::<Result<_, _>>()?;
        let out_of_range = || {
            let path = JsonPath::root().key("anggaran").key("rincian");
            Problem::new(path, Kind::FiguresOutOfRange).with("what", Phrase::Sums)
        };
        let sisa = report
            .anggaran
            .rincian
            .iter()
            .map(|r| r.sisa().ok_or_else(out_of_range))
            .collect::<Result<_, _>>()?;
        let totals = report.anggaran.totals().ok_or_else(out_of_range)?;
        Ok(CheckedReport {
            report,
            analysed,
            sisa,
            totals,
        })
    }

    /// The report.
    pub fn report(&self) -> &'r Report {
        self.report
    }

    /// Each entry of `analisis` with its sasaran and indicator.
    pub(crate) fn analyses(
        &self,
    ) -> impl Iterator<Item = (&'r Analisis, &'r Sasaran, &'r Indikator)> + '_ {
        self.report
            .analisis
            .iter()
            .zip(&self.analysed)
            .map(|(a, (s, i))| (a, *s, *i))
    }

    /// Each row of section C with its remainders.
    pub(crate) fn rincian(&self) -> impl Iterator<Item = (&'r Rincian, Sisa)> + '_ {
        self.report
            .anggaran
            .rincian
            .iter()
            .zip(self.sisa.iter().copied())
    }

    /// The Total row of section C.
    pub(crate) fn totals(&self) -> Totals {
        self.totals
    }
}
