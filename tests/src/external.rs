//! Checks of the PDF with outside programs: poppler's pdftotext, pdffonts
//! and pdfinfo, and qpdf. They are ignored by `cargo test`; run them with
//! `tests/external/run.sh`, which installs the programs first.

use std::path::{Path, PathBuf};
use std::process::Command;

use lapkin::RenderOptions;
use lapkin_tests::{REFERENCE, fixture, load_report};

/// Renders a fixture to a PDF file in a fresh temporary directory.
fn render(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let report = load_report(name);
    let pdf = lapkin::render(&report, &RenderOptions::default())
        .unwrap()
        .pdf;
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, pdf).unwrap();
    (dir, path)
}

/// Runs a program, panicking with its output unless it succeeds.
fn run(program: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(pdf)
        .args(if program == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{program} is needed (tests/external/run.sh installs it): {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text without its soft hyphens (U+00AD): lapkin draws a hyphen its line
/// breaker adds as one, and poppler gives the word with it inside
/// ("Tri\u{ad}wulan"), where the page shows "Tri-" / "wulan". It marks
/// where the word was broken; it is not a character of the word.
fn without_soft_hyphens(text: &str) -> String {
    text.replace('\u{ad}', "")
}

fn pages(pdf: &Path) -> usize {
    run("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn every_page_ends_with_the_legal_note_and_its_number() {
    for name in [REFERENCE, "layout/table-over-three-pages.json"] {
        let (_dir, pdf) = render(name);
        let n = pages(&pdf);
        for p in 1..=n {
            let text = run(
                "pdftotext",
                &["-f", &p.to_string(), "-l", &p.to_string()],
                &pdf,
            );
            let tail: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for needle in [
                "Catatan :",
                &format!("Halaman {p} dari {n}"),
                "1. UU ITE No.11 Tahun 2008 Pasal 5 Ayat 1 \u{201c}Informasi Elektronik dan/atau hasil cetakannya merupakan alat bukti yang sah\u{201d}",
                "2. Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh BSrE",
            ] {
                assert!(
                    tail.contains(needle),
                    "{name} page {p} lacks {needle:?}:\n{text}"
                );
            }
        }
    }
}

/// The source dump's text, repaired as `fixtures/README.md` records: page
/// footers out, `\leq` as ≤, markup signs out. Returns its words.
fn source_words() -> Vec<String> {
    let dump = std::fs::read_to_string(fixture("source/bpmp-bengkulu-2024-tw2.txt")).unwrap();
    let mut kept = Vec::new();
    let mut in_footer = false;
    for line in dump.lines() {
        let t = line.trim();
        if t == "Catatan :" {
            in_footer = true;
            continue;
        }
        if in_footer {
            let footer_item = t.is_empty()
                || t.contains("UU ITE No.11")
                || t.contains("Dokumen ini telah ditandatangani");
            if footer_item {
                continue;
            }
            in_footer = false;
        }
        kept.push(t.to_owned());
    }
    let text = kept
        .join("\n")
        .replace("\\leq", "\u{2264}")
        .replace("](#)", "")
        .replace("Link Berita: [", "Link Berita: ")
        .replace(['*', '<', '>'], "")
        // "AKS PAUD >75%" keeps its ">": put back what the autolink rule took.
        .replace("AKS PAUD 75%", "AKS PAUD >75%");
    text.split_whitespace()
        // The dump's "- " before lettered items only shows nesting.
        .filter(|w| *w != "-")
        .map(str::to_owned)
        .collect()
}

#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn every_word_of_the_source_document_comes_out_of_pdftotext() {
    let (_dir, pdf) = render(REFERENCE);
    // Content order; poppler's default mode also drops the hyphen of a word
    // broken after one ("zoom-" / "meeting" gives "zoommeeting").
    let text = without_soft_hyphens(&run("pdftotext", &["-raw"], &pdf));
    // Words wrapped across lines (a code broken at a dot, a hyphenated
    // word) are whole again without the whitespace.
    let joined: String = text.split_whitespace().collect();
    let words: Vec<String> = source_words()
        .into_iter()
        // Table A's figures are printed the Indonesian way: 3.92 as 3,92.
        .map(|w| {
            let is_decimal = w.split_once('.').is_some_and(|(i, f)| {
                !i.is_empty()
                    && i.bytes().all(|b| b.is_ascii_digit())
                    && f.len() == 2
                    && f.bytes().all(|b| b.is_ascii_digit())
            });
            if is_decimal { w.replace('.', ",") } else { w }
        })
        .collect();
    assert!(words.len() > 4000, "{}", words.len());
    let missing: Vec<&String> = words
        .iter()
        .filter(|w| !joined.contains(w.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "missing from the PDF's text: {missing:?}"
    );
    for special in ["\u{2264}", "\u{201c}", "\u{201d}", "\u{2013}"] {
        assert!(text.contains(special), "{special}");
    }
}

#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn the_text_comes_out_in_reading_order() {
    // In content order (-raw), the words of the report's text appear in the
    // order the document gives them: every block of the fixture, in turn.
    let (_dir, pdf) = render(REFERENCE);
    // Each page's body, without its footer, in content order.
    let mut joined = String::new();
    for p in 1..=pages(&pdf) {
        let page = p.to_string();
        let text =
            without_soft_hyphens(&run("pdftotext", &["-raw", "-f", &page, "-l", &page], &pdf));
        let body = &text[..text.rfind("Catatan :").unwrap()];
        joined.extend(body.split_whitespace());
    }
    let report = load_report(REFERENCE);
    let fonts = lapkin::text::FontSet::liberation_sans();
    let doc = lapkin::document::build_document(&lapkin::validate(&report, &fonts).unwrap());
    let mut at = 0;
    let mut count = 0;
    fn walk(blocks: &[lapkin::document::Block], out: &mut Vec<String>) {
        use lapkin::document::Block;
        for b in blocks {
            let text =
                |t: &lapkin::document::Text| t.iter().map(|s| s.text.as_str()).collect::<String>();
            match b {
                Block::Title(t) => out.push(text(t)),
                Block::Heading(h) => out.push(text(&h.text)),
                Block::Paragraph(p) => out.push(text(&p.text)),
                Block::List(l) => {
                    for item in &l.items {
                        out.push(item.marker.clone());
                        walk(&item.blocks, out);
                    }
                }
                Block::Table(t) => {
                    for row in t.header.iter().chain(&t.body) {
                        for cell in &row.cells {
                            out.push(text(&cell.text));
                        }
                    }
                }
                Block::Indent(inner) | Block::Landscape(inner) => walk(inner, out),
                Block::Signature(s) => {
                    for line in s.before.iter().chain(&s.after) {
                        out.push(text(line));
                    }
                }
                other => panic!("a block this test does not know: {other:?}"),
            }
        }
    }
    let mut pieces = Vec::new();
    walk(&doc.blocks, &mut pieces);
    for piece in pieces {
        let squeezed: String = piece.split_whitespace().collect();
        match joined[at..].find(&squeezed) {
            Some(i) => {
                at += i + squeezed.len();
                count += 1;
            }
            None => panic!("{piece:?} is not in reading order after byte {at}"),
        }
    }
    assert!(count > 300, "{count}");
}

#[test]
#[ignore = "needs qpdf: run tests/external/run.sh"]
fn qpdf_finds_no_problem() {
    for name in [
        REFERENCE,
        "minimal.json",
        "layout/row-taller-than-a-page.json",
    ] {
        let (_dir, pdf) = render(name);
        let out = Command::new("qpdf")
            .arg("--check")
            .arg(&pdf)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{name}: {report}");
        assert!(
            report.contains("No syntax or stream encoding errors found"),
            "{report}"
        );
        assert!(!report.to_lowercase().contains("warning"), "{report}");
    }
}

#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn every_font_is_embedded_and_subset_with_unicode() {
    let (_dir, pdf) = render(REFERENCE);
    let out = run("pdffonts", &[], &pdf);
    let fonts: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(fonts.len(), 3, "regular, bold and italic are used:\n{out}");
    for line in fonts {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name, type (2 words), encoding, emb, sub, uni, object, generation
        assert!(cols[0].contains("+LiberationSans"), "{line}");
        assert_eq!(
            &cols[cols.len() - 5..cols.len() - 2],
            ["yes", "yes", "yes"],
            "{line}"
        );
    }
}

#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn document_information_and_links() {
    let (_dir, pdf) = render(REFERENCE);
    let info = run("pdfinfo", &[], &pdf);
    for needle in [
        "Title:           Laporan Kinerja Triwulan 2 BPMP Provinsi Bengkulu Tahun 2024",
        "Author:          Balai Penjaminan Mutu Pendidikan Provinsi Bengkulu",
        &format!("Creator:         lapkin {}", env!("CARGO_PKG_VERSION")),
        "Page size:       595.276 x 841.89 pts (A4)",
        "Encrypted:       no",
        "PDF version:     1.7",
    ] {
        assert!(info.contains(needle), "{needle}\n{info}");
    }
    assert!(
        !info.contains("PDF subtype"),
        "no false PDF/X claim:\n{info}"
    );
    let urls = run("pdfinfo", &["-url"], &pdf);
    assert!(urls.contains("https://bit.ly/3U2g3j7"), "{urls}");
    assert!(urls.contains("https://s.id/SosialisasiCapaian"), "{urls}");
}

/// The tables of `blocks`, in reading order, lists and indents included.
fn tables(blocks: &[lapkin::document::Block], out: &mut Vec<lapkin::document::Table>) {
    for b in blocks {
        match b {
            lapkin::document::Block::Table(t) => out.push(t.clone()),
            lapkin::document::Block::List(l) => l.items.iter().for_each(|i| tables(&i.blocks, out)),
            lapkin::document::Block::Indent(inner) | lapkin::document::Block::Landscape(inner) => {
                tables(inner, out)
            }
            _ => {}
        }
    }
}

/// Text with its runs of white space (no-break spaces included) as one space.
fn squeeze(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// If `lines[at..]` begin with the cells of a row, each cell on lines of
/// its own (no two cells share a line), the index of the line after them.
fn row_at(lines: &[String], at: usize, cells: &[String]) -> Option<usize> {
    let mut i = at;
    for cell in cells {
        let mut got = String::new();
        // Each turn takes one line; a cell is at most as long as the text.
        while got.len() < cell.len() {
            let line = lines.get(i)?;
            if !got.is_empty() {
                got.push(' ');
            }
            got.push_str(line);
            i += 1;
        }
        if &got != cell {
            return None;
        }
    }
    Some(i)
}

/// The texts a row is read as: its cells', squeezed, except that a cell
/// right before a cell spanning rows is read with it, as one text (table
/// A's number and sasaran: the layout sets them close, so that poppler
/// takes them for one block; see docs/pdf.md, "What the PDF looks like").
fn row_texts(row: &lapkin::document::Row) -> Vec<String> {
    let text = |c: &lapkin::document::Cell| {
        squeeze(&c.text.iter().map(|s| s.text.as_str()).collect::<String>())
    };
    let mut out: Vec<String> = Vec::new();
    let mut with_next = false;
    for (k, c) in row.cells.iter().enumerate() {
        let t = text(c);
        match out.last_mut() {
            Some(last) if with_next => {
                last.push(' ');
                last.push_str(&t);
            }
            _ => out.push(t),
        }
        with_next = row.cells.get(k + 1).is_some_and(|n| n.rowspan > 1);
    }
    out
}

/// With poppler's default `pdftotext` (its layout analysis, no `-layout`),
/// the reference report's tables read row by row: each cell of a row on
/// lines of its own, the cells of a row one after the other, in order,
/// and the rows in order, the header first.
///
/// Checked for table A (its sasaran cells span rows: each is read with the
/// number of its first row, on the same line), the AKS table (section B)
/// and table C.
#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn pdftotext_reads_the_tables_row_by_row() {
    let (_dir, pdf) = render(REFERENCE);
    let text = run("pdftotext", &[], &pdf);
    let lines: Vec<String> = text
        .lines()
        .map(squeeze)
        .filter(|l| !l.is_empty())
        .collect();
    let report = load_report(REFERENCE);
    let fonts = lapkin::text::FontSet::default();
    let doc = lapkin::document::build_document(&lapkin::validate(&report, &fonts).unwrap());
    let mut all = Vec::new();
    tables(&doc.blocks, &mut all);
    let checked: Vec<&lapkin::document::Table> = all
        .iter()
        .filter(|t| {
            let path = t.origin.path().map(|p| p.to_string()).unwrap_or_default();
            path == "kinerja.sasaran" || path == "anggaran.rincian" || path.ends_with(".tabel")
        })
        .collect();
    assert_eq!(checked.len(), 3, "table A, the AKS table and table C");
    for t in checked {
        // The line after the last row found: the next row comes after it.
        let mut from = 0;
        for (r, row) in t.header.iter().chain(&t.body).enumerate() {
            let cells = row_texts(row);
            from = (from..lines.len())
                .find_map(|i| row_at(&lines, i, &cells))
                .unwrap_or_else(|| {
                    panic!(
                        "{}: row {r} {cells:?} does not come out cell by cell after line \
                         {from}; pdftotext gave:\n{}",
                        t.origin.path().map(|p| p.to_string()).unwrap_or_default(),
                        lines[from.min(lines.len())..].join("\n")
                    )
                });
        }
    }
}

/// The reference report's tag tree as poppler reads it, with the text of
/// each element (`pdfinfo -struct-text`): a snapshot to review when the
/// structure changes. Poppler also says whether the file is tagged.
#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn the_tag_tree_as_poppler_reads_it() {
    let (_dir, pdf) = render(REFERENCE);
    let info = run("pdfinfo", &[], &pdf);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let tree = run("pdfinfo", &["-struct-text"], &pdf);
    // Object numbers change with anything else in the file: name the
    // link annotations without them.
    let tree: Vec<String> = tree
        .lines()
        .map(|l| {
            let t = l.trim_start();
            match t.strip_prefix("Object ") {
                Some(rest) if rest.split(' ').all(|w| w.parse::<u32>().is_ok()) => {
                    format!("{}Object (an annotation)", &l[..l.len() - t.len()])
                }
                _ => l.to_owned(),
            }
        })
        .collect();
    insta::assert_snapshot!(tree.join("\n"));
}

/// Every word of the report's text outside tables, as the document holds
/// it.
fn document_words() -> Vec<String> {
    fn walk(blocks: &[lapkin::document::Block], out: &mut Vec<String>) {
        use lapkin::document::Block;
        fn text(t: &lapkin::document::Text, out: &mut Vec<String>) {
            let s: String = t.iter().map(|s| s.text.as_str()).collect();
            out.extend(s.split_whitespace().map(str::to_owned));
        }
        for b in blocks {
            match b {
                Block::Title(t) => text(t, out),
                Block::Heading(h) => text(&h.text, out),
                Block::Paragraph(p) => text(&p.text, out),
                Block::List(l) => {
                    for item in &l.items {
                        walk(&item.blocks, out);
                    }
                }
                // Table cells are ragged and break greedily: the codes of
                // section C are still broken at their dots there (kept whole
                // by the identifiers work of issue 10, not by this test).
                Block::Indent(inner) | Block::Landscape(inner) => walk(inner, out),
                Block::Signature(s) => {
                    for line in s.before.iter().chain(&s.after) {
                        text(line, out);
                    }
                }
                _ => {}
            }
        }
    }
    let report = load_report(REFERENCE);
    let fonts = lapkin::text::FontSet::liberation_sans();
    let doc = lapkin::document::build_document(&lapkin::validate(&report, &fonts).unwrap());
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    out
}

#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn hyphenated_words_extract_whole_in_both_modes() {
    // A word hyphenated across lines is one /ActualText span: poppler's
    // default and -layout modes give the whole word (with a soft hyphen
    // where it was broken), never its parts with a hyphen.
    let (_dir, pdf) = render(REFERENCE);
    let report = load_report(REFERENCE);
    let layout = lapkin_tests::layout_report(&report, &RenderOptions::default()).unwrap();
    let broken: Vec<(String, String)> = layout
        .pages
        .iter()
        .flat_map(|p| p.all_items())
        .filter_map(|i| match i {
            lapkin::layout::Item::Text(t) => t
                .actual_text
                .as_ref()
                .filter(|a| !a.is_empty())
                .map(|a| (a.clone(), t.text.clone())),
            _ => None,
        })
        .collect();
    assert!(broken.len() > 20, "{}", broken.len());
    let words = document_words();
    assert!(words.len() > 3000, "{}", words.len());
    for mode in [&[][..], &["-layout"][..]] {
        let raw = run("pdftotext", mode, &pdf);
        // The added hyphens are soft hyphens, inside the words they broke,
        // one each (a word's own hyphen stays a hyphen).
        let added = broken
            .iter()
            .filter(|(whole, head)| !whole.starts_with(head.as_str()))
            .count();
        assert!(added > 20, "{added}");
        assert_eq!(raw.matches('\u{ad}').count(), added, "{mode:?}");
        let text = without_soft_hyphens(&raw);
        let tokens: std::collections::HashSet<&str> = text.split_whitespace().collect();
        // Table cells in -layout mode may sit next to each other without
        // a space; every word is still found within the text.
        let missing: Vec<&String> = words
            .iter()
            .filter(|w| !tokens.contains(w.as_str()) && !text.contains(w.as_str()))
            .collect();
        assert!(missing.is_empty(), "{mode:?}: lost or changed: {missing:?}");
        for (whole, head) in &broken {
            assert!(
                tokens.iter().any(|t| t.contains(whole.as_str())),
                "{mode:?}: {whole}"
            );
            assert!(
                !tokens.contains(head.as_str()),
                "{mode:?}: {head} of {whole}"
            );
        }
    }
}

/// The words of the tag tree's text as `pdfinfo -struct-text` prints it:
/// each element's strings joined, an inline element's (a link's) into its
/// parent's text, block elements apart.
fn struct_text_words(tree: &str) -> std::collections::BTreeSet<String> {
    let mut text = String::new();
    for line in tree.lines() {
        let t = line.trim();
        if let Some(s) = t.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            text.push_str(s);
        } else if !t.starts_with('/') && !t.starts_with("Object ") && !t.contains("(inline)") {
            // A block element, or an attribute dictionary's head.
            text.push(' ');
        }
    }
    without_soft_hyphens(&text)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// A screen reader reads the words a reader of the page reads: the tag
/// tree's text (`pdfinfo -struct-text`) has the words of `pdftotext`, word
/// boundaries at line ends and after a heading's number included, and
/// nothing else; only artifacts are missing from it: the page numbers
/// ("Halaman 3 dari 11", whose words a report need not hold elsewhere) and
/// the invisible signature tag.
#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn the_tag_tree_reads_the_words_pdftotext_reads() {
    for name in [
        REFERENCE,
        "layout/table-over-three-pages.json",
        "many-glyphs.json",
    ] {
        let (_dir, pdf) = render(name);
        let tree = struct_text_words(&run("pdfinfo", &["-struct-text"], &pdf));
        let text: std::collections::BTreeSet<String> =
            without_soft_hyphens(&run("pdftotext", &[], &pdf))
                .split_whitespace()
                .map(str::to_owned)
                .collect();
        assert!(tree.len() > 50, "{name}: {} words", tree.len());
        let extra: Vec<&String> = tree.difference(&text).collect();
        assert!(extra.is_empty(), "{name}: the tag tree reads {extra:?}");
        let artifact = |w: &str| {
            matches!(w, "Halaman" | "dari" | "#") || w.bytes().all(|b| b.is_ascii_digit())
        };
        let missing: Vec<&String> = text.difference(&tree).filter(|w| !artifact(w)).collect();
        assert!(missing.is_empty(), "{name}: the tag tree lacks {missing:?}");
    }
}
