//! Hostile PDFs for `extract` and `verify`, one per class of issue 17
//! (item 5): parser differentials, decompression bombs, hostile trees,
//! limits. Built here, from bytes, so that each is exactly the attack it
//! names; `tests/src/read_hostile.rs` checks what lapkin does with each,
//! and `examples/hostile.rs` writes the heavy ones for
//! `tests/external/resource.sh` to run under its memory and time limits.

use std::io::Write;

/// Deflates `data` (zlib).
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).expect("in memory");
    e.finish().expect("in memory")
}

/// `n` zero bytes deflated, made without holding them.
pub fn zeros(n: usize) -> Vec<u8> {
    padded(b"", 0, n)
}

/// `prefix` and then `fill` bytes up to `n` in all, deflated, made
/// without holding them.
pub fn padded(prefix: &[u8], fill: u8, n: usize) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(prefix).expect("in memory");
    let chunk = vec![fill; 1 << 20];
    let mut left = n.saturating_sub(prefix.len());
    while left > 0 {
        let k = left.min(chunk.len());
        e.write_all(&chunk[..k]).expect("in memory");
        left -= k;
    }
    e.finish().expect("in memory")
}

/// The heavy hostile PDFs, for the resource test (sizes divided by
/// `scale`): several file specifications on a 1 GiB bomb, an object
/// stream of 1 GiB holding the catalog and one nobody refers to, a name
/// tree node listing itself a million times, 400,000 name tree entries,
/// a 100 MB attached report, arrays nested a million deep.
pub fn heavy(scale: usize) -> Vec<(&'static str, Vec<u8>)> {
    let s = scale.max(1);
    vec![
        ("bomb-specs.pdf", bomb_specs(8, (1 << 30) / s)),
        ("objstm-bomb.pdf", object_stream_bomb(true, (1 << 30) / s)),
        (
            "objstm-bomb-unused.pdf",
            object_stream_bomb(false, (1 << 30) / s),
        ),
        (
            "self-listing-tree.pdf",
            self_listing_name_tree(1_000_000 / s),
        ),
        ("many-names.pdf", many_names(400_000 / s)),
        ("huge-report.pdf", huge_report((100 << 20) / s)),
        ("deep-nesting.pdf", deep_nesting(1_000_000 / s)),
        ("wide-array.pdf", wide_array(20_000_000 / s)),
    ]
}

/// An indirect object's body: a dictionary, or a stream (dictionary
/// entries without `/Length`, and the data).
pub enum Body {
    /// Any object, as text.
    Text(String),
    /// A stream: its dictionary's entries and its bytes.
    Stream(String, Vec<u8>),
}

/// A text body.
pub fn text(s: impl Into<String>) -> Body {
    Body::Text(s.into())
}

/// Writes `N 0 obj ... endobj` at the end of `out`; returns its offset.
fn write_object(out: &mut Vec<u8>, number: u32, body: &Body) -> usize {
    let at = out.len();
    match body {
        Body::Text(t) => out.extend_from_slice(format!("{number} 0 obj\n{t}\nendobj\n").as_bytes()),
        Body::Stream(d, data) => {
            out.extend_from_slice(
                format!("{number} 0 obj\n<< {d} /Length {} >>\nstream\n", data.len()).as_bytes(),
            );
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream\nendobj\n");
        }
    }
    at
}

/// A classic cross-reference table of `entries` (number, offset).
fn table(entries: &[(u32, usize)], with_zero: bool) -> String {
    let mut s = String::from("xref\n");
    if with_zero {
        s.push_str("0 1\n0000000000 65535 f \n");
    }
    for (n, at) in entries {
        s.push_str(&format!("{n} 1\n{at:010} 00000 n \n"));
    }
    s
}

/// A whole PDF: `objects`, a table, and a trailer with `trailer`'s
/// entries (and `/Size`).
pub fn build(objects: &[(u32, Body)], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let entries: Vec<(u32, usize)> = objects
        .iter()
        .map(|(n, b)| (*n, write_object(&mut out, *n, b)))
        .collect();
    let size = objects.iter().map(|o| o.0).max().unwrap_or(0) + 1;
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "{}trailer\n<< /Size {size} {trailer} >>\nstartxref\n{xref}\n%%EOF\n",
            table(&entries, true)
        )
        .as_bytes(),
    );
    out
}

/// The offset the last `startxref` of `pdf` gives.
pub fn startxref(pdf: &[u8]) -> usize {
    let at = pdf
        .windows(9)
        .rposition(|w| w == b"startxref")
        .expect("a startxref");
    String::from_utf8_lossy(&pdf[at + 9..])
        .split_whitespace()
        .next()
        .and_then(|s| s.parse().ok())
        .expect("an offset")
}

/// An incremental update of `pdf`: `objects` appended (new or replacing
/// old ones), with a table and a trailer that keeps `/Root` and `/Info`
/// and adds `extra`.
pub fn update(pdf: &[u8], objects: &[(u32, Body)], extra: &str) -> Vec<u8> {
    let doc = lopdf::Document::load_mem(pdf).expect("lopdf reads the original");
    let reference = |key: &[u8]| {
        doc.trailer
            .get(key)
            .and_then(lopdf::Object::as_reference)
            .map(|(n, g)| format!("/{} {n} {g} R ", String::from_utf8_lossy(key)))
            .unwrap_or_default()
    };
    let (root, info) = (reference(b"Root"), reference(b"Info"));
    let size = objects
        .iter()
        .map(|o| o.0 + 1)
        .max()
        .unwrap_or(0)
        .max(doc.max_id + 1);
    let prev = startxref(pdf);
    let mut out = pdf.to_vec();
    out.push(b'\n');
    let entries: Vec<(u32, usize)> = objects
        .iter()
        .map(|(n, b)| (*n, write_object(&mut out, *n, b)))
        .collect();
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "{}trailer\n<< /Size {size} {root}{info}/Prev {prev} {extra} >>\nstartxref\n{xref}\n%%EOF\n",
            table(&entries, false)
        )
        .as_bytes(),
    );
    out
}

/// The next free object number of `pdf`.
pub fn next_number(pdf: &[u8]) -> u32 {
    lopdf::Document::load_mem(pdf).expect("readable").max_id + 1
}

/// A catalog and a page tree of one empty page (objects 1 to 3), for the
/// files made from scratch; the catalog takes `extra` entries.
fn skeleton(extra: &str) -> Vec<(u32, Body)> {
    vec![
        (
            1,
            text(format!("<< /Type /Catalog /Pages 2 0 R {extra} >>")),
        ),
        (2, text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")),
        (
            3,
            text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
        ),
    ]
}

/// Several file specifications (`specs`) on one stream of `size` zero
/// bytes, compressed to about a thousandth: each decoding of it counts.
pub fn bomb_specs(specs: usize, size: usize) -> Vec<u8> {
    let mut names = String::new();
    let mut objects = skeleton("/Names << /EmbeddedFiles << /Names [NAMES] >> >>");
    for i in 0..specs {
        let name = if i == 0 {
            "laporan-kinerja.json".to_owned()
        } else {
            format!("f{i}.json")
        };
        names.push_str(&format!("({name}) {} 0 R ", 10 + i));
        objects.push((
            10 + i as u32,
            text(format!(
                "<< /Type /Filespec /F ({name}) /EF << /F 5 0 R >> >>"
            )),
        ));
    }
    objects.push((
        5,
        Body::Stream(
            "/Type /EmbeddedFile /Filter /FlateDecode".into(),
            zeros(size),
        ),
    ));
    if let (_, Body::Text(t)) = &mut objects[0] {
        *t = t.replace("NAMES", &names);
    }
    build(&objects, "/Root 1 0 R")
}

/// A file whose objects (the catalog among them, if `referenced`) are in
/// an object stream that expands to `size` bytes. The catalog is found
/// through a hybrid section: its table leaves object 1 out, and its
/// `/XRefStm` stream puts it at index 0 of object stream 8.
pub fn object_stream_bomb(referenced: bool, size: usize) -> Vec<u8> {
    let first = b"1 0 ".len();
    let data = padded(b"1 0 << /Type /Catalog /Pages 2 0 R >>", b' ', size);
    let objstm = Body::Stream(
        format!("/Type /ObjStm /N 1 /First {first} /Filter /FlateDecode"),
        data,
    );
    let mut objects = skeleton("");
    if referenced {
        objects.remove(0);
    }
    objects.push((8, objstm));
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut entries: Vec<(u32, usize)> = objects
        .iter()
        .map(|(n, b)| (*n, write_object(&mut out, *n, b)))
        .collect();
    let rows = vec![2, 0, 0, 0, 8, 0, 0];
    let stm = write_object(
        &mut out,
        20,
        &Body::Stream("/Type /XRef /Size 21 /W [1 4 2] /Index [1 1]".into(), rows),
    );
    entries.push((20, stm));
    let hybrid = if referenced {
        format!("/XRefStm {stm}")
    } else {
        String::new()
    };
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "{}trailer\n<< /Size 21 /Root 1 0 R {hybrid} >>\nstartxref\n{xref}\n%%EOF\n",
            table(&entries, true)
        )
        .as_bytes(),
    );
    out
}

/// A name tree whose root lists itself `times` times as a kid.
pub fn self_listing_name_tree(times: usize) -> Vec<u8> {
    let kids = "4 0 R ".repeat(times);
    let mut objects = skeleton("/Names << /EmbeddedFiles 4 0 R >>");
    objects.push((4, text(format!("<< /Kids [{kids}] >>"))));
    build(&objects, "/Root 1 0 R")
}

/// A name tree of `entries` file specifications, none the report.
pub fn many_names(entries: usize) -> Vec<u8> {
    let mut names = String::with_capacity(entries * 60);
    for i in 0..entries {
        names.push_str(&format!("(n{i:07}) << /Type /Filespec /F (n{i:07}) >> "));
    }
    let mut objects = skeleton("/Names << /EmbeddedFiles 4 0 R >>");
    objects.push((4, text(format!("<< /Names [{names}] >>"))));
    build(&objects, "/Root 1 0 R")
}

/// An attached report of `size` bytes of spaces (compressed to almost
/// nothing), without `/Params`.
pub fn huge_report(size: usize) -> Vec<u8> {
    let mut objects =
        skeleton("/Names << /EmbeddedFiles << /Names [(laporan-kinerja.json) 4 0 R] >> >>");
    objects.push((
        4,
        text("<< /Type /Filespec /F (laporan-kinerja.json) /EF << /F 5 0 R >> >>"),
    ));
    objects.push((
        5,
        Body::Stream(
            "/Type /EmbeddedFile /Filter /FlateDecode".into(),
            padded(b"", b' ', size),
        ),
    ));
    build(&objects, "/Root 1 0 R")
}

/// Arrays nested `depth` deep in the catalog.
pub fn deep_nesting(depth: usize) -> Vec<u8> {
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    build(&skeleton(&format!("/X {nested}")), "/Root 1 0 R")
}

/// An array of `n` zeros in the catalog (two bytes each in the file,
/// fifty in memory).
pub fn wide_array(n: usize) -> Vec<u8> {
    build(
        &skeleton(&format!("/X [{}]", "0 ".repeat(n))),
        "/Root 1 0 R",
    )
}

/// A cross-reference section whose `/Prev` is itself.
pub fn prev_loop() -> Vec<u8> {
    let pdf = build(&skeleton(""), "/Root 1 0 R");
    let at = startxref(&pdf);
    replace(
        &pdf,
        b"/Root 1 0 R",
        format!("/Root 1 0 R /Prev {at}").as_bytes(),
    )
}

/// `pdf` with the first `from` replaced by `to`.
pub fn replace(pdf: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = pdf
        .windows(from.len())
        .position(|w| w == from)
        .expect("the bytes to replace");
    [&pdf[..at], to, &pdf[at + from.len()..]].concat()
}

/// An object read with lopdf, written back as PDF text (strings in
/// hexadecimal), for updates that replace an object with an edited copy.
pub fn object_text(o: &lopdf::Object) -> String {
    use lopdf::Object as O;
    match o {
        O::Null => "null".into(),
        O::Boolean(b) => b.to_string(),
        O::Integer(i) => i.to_string(),
        O::Real(r) => format!("{r}"),
        O::Name(n) => format!("/{}", String::from_utf8_lossy(n)),
        O::String(s, _) => format!(
            "<{}>",
            s.iter().map(|b| format!("{b:02x}")).collect::<String>()
        ),
        O::Array(a) => format!(
            "[{}]",
            a.iter().map(object_text).collect::<Vec<_>>().join(" ")
        ),
        O::Dictionary(d) => dict_text(d),
        O::Reference((n, g)) => format!("{n} {g} R"),
        O::Stream(_) => panic!("a stream is not written back here"),
    }
}

/// A dictionary read with lopdf, written back as PDF text.
pub fn dict_text(d: &lopdf::Dictionary) -> String {
    let entries: Vec<String> = d
        .iter()
        .map(|(k, v)| format!("/{} {}", String::from_utf8_lossy(k), object_text(v)))
        .collect();
    format!("<< {} >>", entries.join(" "))
}
