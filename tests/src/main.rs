//! lapkin's integration tests, one binary (as in typst and krilla): each
//! module tests one stage against the fixtures.

/// JSON → model: the fixtures' round trip, every invalid fixture's message,
/// the schema kept in sync.
mod model;

/// Document → pages: the page dumps of the fixtures as snapshots, and the
/// layout rules (header repetition, splitting, keeps, indents) as properties.
mod layout;

/// The layout's rules, one small document built in code each, as page
/// dumps a reviewer can read.
mod rules;

/// Pages → PDF bytes: determinism, structure read back with lopdf.
mod pdf;

/// Glyph strings read by a strict reader of content streams: every page's
/// characters as laid out, in the many-glyph report too.
mod glyph_strings;

/// Figures, charts and the cover: placement, sizes, bars proportional to
/// the figures, the files refused with their paths, verify with images.
mod media;

/// PDF/A-2b: XMP metadata, output intent, annotations, byte-level syntax.
mod pdfa;
/// The tag tree read back: nesting rules, marked content reachable from
/// the parent tree, artifacts.
mod tags;

/// Landscape pages: a section or a table on wide pages of their own, their
/// furniture, their MediaBox, a signer on one, the hint to turn a table.
mod landscape;

/// Ready for electronic signature: the tag, the box in the signers'
/// conventions, the empty signature field.
mod signing;

/// Pages → PDF, seen by poppler and qpdf (ignored here: run
/// `tests/external/run.sh`).
mod external;

/// Generated reports (`lapkin_tests::generate`): no panic, no hang, `check` ok
/// implies `render` ok, no word lost, nothing outside the text area,
/// pages linear in the input.
mod props;

/// The library's module graph: the stages import one way.
mod architecture;

/// Values a caller can build (arbitrary layouts, documents and styles) fed
/// to `write_pdf` and `layout_document`: errors, never panics.
mod arbitrary_values;

/// The report inside the document: the canonical JSON, the associated
/// files, `extract_source` and `verify`.
mod attach;

// extract and verify on hostile files and edits after signing.
mod read_hostile;
/// Justified text measured from the layout: the inter-word gaps of the
/// reference report against the targets of issue 10.
mod typography;

/// The README's and docs/' links: each names a file and, with an anchor, a
/// heading of it; every page of docs/ is linked from the README.
mod docs;

/// Other units' reports (`fixtures/units/`) in their own words: title,
/// intro period, headings, table A's header, signers and page furniture,
/// on the layout and (ignored here) as pdftotext reads them.
mod units;

/// A whole LKj (`fixtures/lkj/`): front matter on roman pages, chapters
/// and numbered subsections, numbered tables, cross-references, the
/// generated lists, and the Daftar Isi read back from the PDF against the
/// outline and the page labels.
mod lkj;
