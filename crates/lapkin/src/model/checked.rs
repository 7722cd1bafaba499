//! A report that passed validation: what the document stage takes.

use super::{Analisis, BarisAnggaran, Indikator, Report, Sasaran, Totals};
use crate::problem::{Arg, JsonPath, Kind, Problem};

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
/// [`crate::layout::layout_document`] checks a document's glyphs against the fonts
/// it is given.
#[derive(Debug, Clone)]
pub struct CheckedReport<'r> {
    report: &'r Report,
    /// For each entry of `analisis`, its sasaran and indicator (`None` for
    /// one with its own heading and no indicator).
    analysed: Vec<Option<(&'r Sasaran, &'r Indikator)>>,
    /// The rows of section C with their figures, in print order.
    rows: Vec<BarisAnggaran<'r>>,
    /// The Total row of section C.
    totals: Totals,
    /// The images the report names, decoded.
    media: crate::media::Loaded,
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
            .map(|(i, a)| match &a.indikator {
                None => Ok(None),
                Some(kode) => report.find_indikator(kode).map(Some).ok_or_else(|| {
                    let path = JsonPath::root().key("analisis").index(i).key("indikator");
                    Problem::new(path, Kind::UnknownIndicator)
                        .with("code", Arg::quoted(kode))
                        .with("suggestion", Arg::none())
                }),
            })
            .collect::<Result<_, _>>()?;
        let (rows, totals) = match &report.anggaran {
            Some(a) => {
                let computed = super::anggaran::compute(a);
                if let Some(problem) = computed.all_problems().next() {
                    return Err(problem.clone());
                }
                (computed.rows, computed.totals)
            }
            None => (Vec::new(), Totals::default()),
        };
        Ok(CheckedReport {
            report,
            analysed,
            rows,
            totals,
            media: crate::media::Loaded::new(),
        })
    }

    /// This report with the images it names, decoded.
    pub(crate) fn with_media(mut self, media: crate::media::Loaded) -> Self {
        self.media = media;
        self
    }

    /// The image of the file `name`, decoded.
    pub(crate) fn image(&self, name: &str) -> Option<&std::sync::Arc<crate::media::Image>> {
        self.media.get(name)
    }

    /// The report.
    ///
    /// ```
    /// use lapkin::model::{Penutup, Report, Tanggal, Unit};
    ///
    /// let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10)?, "Kepala,", "Nama", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup);
    /// let opts = lapkin::RenderOptions::default();
    /// let checked = lapkin::validate(&report, &opts.fonts)?;
    /// assert_eq!(checked.report().tahun, 2025);
    /// # Ok::<(), lapkin::Error>(())
    /// ```
    pub fn report(&self) -> &'r Report {
        self.report
    }

    /// Each entry of `analisis` with its sasaran and indicator, if it
    /// names one.
    pub(crate) fn analyses(
        &self,
    ) -> impl Iterator<Item = (&'r Analisis, Option<(&'r Sasaran, &'r Indikator)>)> + '_ {
        self.report
            .analisis
            .iter()
            .zip(self.analysed.iter().copied())
    }

    /// The rows of section C in print order (each before its sub-rows),
    /// with their figures.
    pub(crate) fn rincian(&self) -> &[BarisAnggaran<'r>] {
        &self.rows
    }

    /// The Total row of section C.
    pub(crate) fn totals(&self) -> Totals {
        self.totals
    }
}
