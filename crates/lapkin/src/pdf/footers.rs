//! The legal note drawn once per page size: which pages share which form
//! (a landscape page's note is laid out for its own width), and the forms'
//! resource names.

use super::content::footer_run;
use crate::frame::Page;

/// The resource name of the first shared footer (a form XObject).
pub(crate) const FOOTER: &[u8] = b"LKFOOT";

/// The resource name of shared footer `k`: [`FOOTER`], then `LKFOOT2` …
/// (one per page size).
pub(crate) fn footer_name(k: usize) -> Vec<u8> {
    match k {
        0 => FOOTER.to_vec(),
        k => format!("LKFOOT{}", k + 1).into_bytes(),
    }
}

/// Which shared form draws each page's footer, and the first page of
/// each form: the pages of one size whose [`footer_run`] is that of the
/// size's first page with one share a form, if two pages or more do (for
/// one, a form saves nothing); forms in the order of their first pages,
/// at most 8 sizes.
pub(crate) fn shared_footers(pages: &[Page]) -> (Vec<Option<usize>>, Vec<usize>) {
    let mut firsts: Vec<usize> = Vec::new();
    let of: Vec<Option<usize>> = (pages.iter().enumerate())
        .map(|(p, page)| {
            // A page without a note to share (the last, a cover) starts
            // no form; else its size's first page with one, or this page.
            let run = Some(footer_run(page)).filter(|r| !r.is_empty())?;
            let k = (firsts.iter().position(|&f| pages[f].size == page.size))
                .or_else(|| (firsts.len() < 8).then(|| (firsts.len(), firsts.push(p)).0))?;
            (run == footer_run(&pages[firsts[k]])).then_some(k)
        })
        .collect();
    let kept: Vec<usize> = (0..firsts.len())
        .filter(|&k| of.iter().filter(|o| **o == Some(k)).count() >= 2)
        .collect();
    let of = of
        .into_iter()
        .map(|o| o.and_then(|k| kept.iter().position(|&j| j == k)));
    (of.collect(), kept.iter().map(|&k| firsts[k]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::{Item, Rule};
    use crate::units::{Pt, Size};

    /// One form per page size, shared by the pages of that size that have
    /// the note; a page without one (a cover, the last page) starts none.
    #[test]
    fn the_note_is_shared_once_per_page_size() {
        let page = |size: Size, x: f64| {
            let mut p = Page::new(size);
            if x > 0.0 {
                p.footer.note = vec![Item::Rule(Rule::new(
                    Pt(x),
                    Pt(0.0),
                    Pt(9.0),
                    Pt(0.0),
                    Pt(1.0),
                ))];
            }
            p
        };
        let wide = Size::new(Size::A4.height, Size::A4.width);
        let pages = [
            page(Size::A4, 0.0),
            page(Size::A4, 1.0),
            page(wide, 2.0),
            page(Size::A4, 1.0),
            page(wide, 2.0),
            page(Size::A4, 1.0),
            page(Size::A4, 0.0),
        ];
        let (of, firsts) = shared_footers(&pages);
        let (p, l) = (Some(0), Some(1));
        assert_eq!(of, [None, p, l, p, l, p, None]);
        assert_eq!(firsts, [1, 2]);
        // A size with one page of it gets no form: the others are numbered on.
        let (of, firsts) = shared_footers(&pages[..4]);
        assert_eq!((of, firsts), (vec![None, Some(0), None, Some(0)], vec![1]));
    }
}
