#!/usr/bin/env python3
"""Five independent PDF readers read lapkin's PDFs alike.

Poppler (pdftotext, pdftoppm), MuPDF (PyMuPDF), Ghostscript (txtwrite,
pnggray), PDFium (pypdfium2) and pdf.js (pdfjs-dist under node) read every
PDF that `cargo run -p lapkin-tests --example readers` wrote (the reference
report, the minimal one, the many-glyph one, every layout fixture), the
reference report signed with pyHanko into its field, and the reference report
signed with iText 5.5.13 at its tag as BSrE signs (itext-signed.pdf, written
there by itext.py --readers, when present). For each file, each
reader must give:

- the file's number of pages;
- on every page exactly the characters the layout drew there (the
  example's NAME.json), white space aside (spacing and reading order are
  each reader's own) and but for the marks a reader gives a hyphen that
  only breaks a line: U+00AD SOFT HYPHEN, which lapkin draws for the hyphens
  its line breaker adds and which pdf.js leaves out, and PDFium's U+0002;
- every word hyphenated across lines whole, once: its two parts joined
  where the reader marks the hyphen as a line-end one (U+00AD or PDFium's
  mark, with the line break after it) or the word's own hyphen ends a line.
  pdf.js is the exception: it ignores /ActualText and drops the soft hyphen
  (it skips every format character), so it gives the two parts on two lines
  with nothing between them, and the check there is that they follow each
  other;

and the page images of the five must agree (see `compare_images`).

Each reader runs once over all files: PyMuPDF and pypdfium2 in a Python
process each, pdf.js in one node process, poppler and Ghostscript as their
programs per file; two at a time.

Usage: readers.py DIR PDFJS_DIR
  DIR: the example's output; PDFJS_DIR: where `npm ci` installed pdfjs-dist
  (tests/external/pdfjs/package.json) and readers.mjs.
Internal: readers.py --reader mupdf|pdfium IMAGE_DIR DPI FILE...
"""

import concurrent.futures
import glob
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

DPI = 150
READERS = ["poppler", "mupdf", "ghostscript", "pdfium", "pdf.js"]
# What readers give for a hyphen that only breaks a line: U+00AD (poppler,
# MuPDF, Ghostscript) or PDFium's mark of a line-end hyphen (U+0002 in the
# text it returns, U+FFFE inside it).
LINE_END_HYPHENS = "\u00ad\u0002\ufffe"
SOFT_HYPHEN = "\u00ad"


# --- The readers -----------------------------------------------------------

def mupdf(image_dir, dpi, files):
    import pymupdf
    out = {}
    for f in files:
        doc = pymupdf.open(f)
        pages = []
        for n, page in enumerate(doc, start=1):
            pages.append(page.get_text())
            if image_dir != "-":
                pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, annots=True)
                pix.save(f"{image_dir}/{Path(f).stem}-{n}.png")
        out[f] = pages
    return out


def pdfium(image_dir, dpi, files):
    import pypdfium2
    out = {}
    for f in files:
        doc = pypdfium2.PdfDocument(f)
        doc.init_forms()
        pages = []
        for n, page in enumerate(doc, start=1):
            pages.append(page.get_textpage().get_text_bounded())
            if image_dir != "-":
                image = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True).to_pil()
                image.save(f"{image_dir}/{Path(f).stem}-{n}.png")
        out[f] = pages
        doc.close()
    return out


def run_module_reader(name, image_dir, files):
    """MuPDF or PDFium in a Python process of its own."""
    r = subprocess.run([sys.executable, __file__, "--reader", name, str(image_dir), str(DPI), *map(str, files)],
                       capture_output=True, check=True)
    return json.loads(r.stdout)


def poppler(image_dir, files):
    out = {}
    for f in files:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(f), "-"], capture_output=True, check=True).stdout
        pages = text.decode("utf-8").split("\f")
        out[str(f)] = pages[:-1] if pages[-1] == "" else pages
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(f), f"{image_dir}/{f.stem}"], check=True)
        # pdftoppm numbers pages with as many digits as the last one has.
        for p in Path(image_dir).glob(f"{f.stem}-*.png"):
            m = re.fullmatch(re.escape(f.stem) + r"-0*(\d+)\.png", p.name)
            if m:
                p.rename(p.with_name(f"{f.stem}-{int(m.group(1))}.png"))
    return out


def ghostscript(image_dir, files):
    out = {}
    for f in files:
        with tempfile.TemporaryDirectory() as d:
            subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite",
                            f"-sOutputFile={d}/%d.txt", str(f)], check=True)
            texts = sorted(Path(d).glob("*.txt"), key=lambda p: int(p.stem))
            out[str(f)] = [p.read_text(encoding="utf-8", errors="replace") for p in texts]
        subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pnggray", f"-r{DPI}",
                        "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4",
                        f"-sOutputFile={image_dir}/{f.stem}-%d.png", str(f)], check=True)
    return out


def pdfjs(pdfjs_dir, image_dir, files):
    r = subprocess.run(["node", str(Path(pdfjs_dir) / "readers.mjs"), str(image_dir), str(DPI), *map(str, files)],
                       capture_output=True, check=True, cwd=pdfjs_dir)
    return json.loads(r.stdout)


def read_all(files, images, pdfjs_dir):
    """Each reader's page texts, {reader: {file: [text, ...]}}; page images
    in images/READER/NAME-PAGE.png."""
    jobs = {
        "poppler": lambda d: poppler(d, files),
        "mupdf": lambda d: run_module_reader("mupdf", d, files),
        "ghostscript": lambda d: ghostscript(d, files),
        "pdfium": lambda d: run_module_reader("pdfium", d, files),
        "pdf.js": lambda d: pdfjs(pdfjs_dir, d, files),
    }
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = {}
        for name, job in jobs.items():
            d = images / name
            d.mkdir(parents=True, exist_ok=True)
            futures[name] = pool.submit(job, d.resolve())
        return {name: {str(Path(k)): v for k, v in f.result().items()} for name, f in futures.items()}


# --- The checks ------------------------------------------------------------

FAILURES = []


def fail(what):
    FAILURES.append(what)
    print("  FAIL " + what)


def characters(text):
    """The characters of a text that must agree: not white space, not a
    line-end hyphen mark."""
    return Counter(c for c in text if not c.isspace() and c not in LINE_END_HYPHENS)


def joined(text):
    """The text with words joined where a line ends with a line-end hyphen
    mark or a hyphen: the mark and the line break go, a hyphen stays."""
    text = re.sub(r"([" + LINE_END_HYPHENS + r"-])\s*\n\s*", r"\1", text)
    return "".join(c for c in text if c not in LINE_END_HYPHENS)


def check_words(reader, where, text, words):
    """Each word broken across lines is read whole (see the module's doc);
    a word broken after its own `/` (kabupaten/kota), like one broken at a
    hyphen in pdf.js, has its two parts on consecutive lines in the readers
    that ignore /ActualText."""
    flat = joined(text)
    for first, last in words:
        whole = (first + last).replace(SOFT_HYPHEN, "")
        if whole in flat:
            continue
        stem = first.removesuffix(SOFT_HYPHEN)
        if (reader == "pdf.js" or not first.endswith(SOFT_HYPHEN)) and \
                re.search(re.escape(stem) + r"[ \t]*\n\s*" + re.escape(last), text):
            continue
        fail(f"{reader}: {where}: the word {whole!r} broken across lines is not whole")


def check_text(path, expected, texts):
    pages, name = expected["pages"], path.stem
    for reader in READERS:
        got = texts[reader][str(path)]
        if len(got) != len(pages):
            fail(f"{reader}: {name}: {len(got)} pages, not {len(pages)}")
            continue
        for n, (page, text) in enumerate(zip(pages, got), start=1):
            want, have = characters(page["text"]), characters(text)
            if want != have:
                missing, extra = dict(want - have), dict(have - want)
                fail(f"{reader}: {name} page {n}: missing {show(missing)}, extra {show(extra)}")
            check_words(reader, f"{name} page {n}", text, page["words"])


def show(counts):
    items = sorted(counts.items(), key=lambda kv: -kv[1])[:12]
    return "{" + ", ".join(f"{c!r}{' ' + unicodedata.name(c, '?') if not c.isalnum() else ''}: {k}"
                           for c, k in items) + ("…}" if len(counts) > 12 else "}")


def load_grey(path):
    from PIL import Image
    import numpy
    image = Image.open(path)
    if image.mode in ("RGBA", "LA"):
        white = Image.new(image.mode, image.size, "white")
        image = Image.alpha_composite(white.convert("RGBA"), image.convert("RGBA"))
    return numpy.asarray(image.convert("L"), dtype=numpy.float32)


def shifts(a, r, axis, combine):
    """`combine` (numpy.maximum or numpy.add) of `a` shifted by -r..r
    along `axis`, its edges repeated."""
    import numpy
    n = a.shape[axis]
    pad = [(0, 0), (0, 0)]
    pad[axis] = (r, r)
    p = numpy.pad(a, pad, mode="edge")
    out = None
    for k in range(2 * r + 1):
        s = p[k:k + n, :] if axis == 0 else p[:, k:k + n]
        out = s.copy() if out is None else combine(out, s)
    return out


def ink(grey, r):
    """Ink (255 - grey) averaged over (2r+1) x (2r+1) pixels."""
    import numpy
    a = 255 - grey
    return shifts(shifts(a, r, 0, numpy.add), r, 1, numpy.add) / (2 * r + 1) ** 2


def spread(a, r):
    """The most ink within r pixels, across and down."""
    import numpy
    return shifts(shifts(a, r, 0, numpy.maximum), r, 1, numpy.maximum)


# The image check, measured at 150 dpi in grey on these files, each reader
# against poppler: anti-aliasing, the weight of thin rules (poppler snaps a
# 0.5 pt rule to one black pixel, MuPDF draws two grey ones) and the place
# of each glyph (Ghostscript rounds glyph positions to whole pixels) differ,
# so ink is averaged over 5 x 5 pixels and compared with the most ink of the
# other image within 2 pixels. Pixels where one image has more than 80 of
# 255 more ink than the other has anywhere that near: 0 to 24 on a page
# between the five readers; 2,037 on the first page of the reference report
# as Ghostscript drew it with the glyph strings of before issue 17 (its
# wrong digits), so one wrong glyph makes a few hundred.
IMAGE_BLUR, IMAGE_REACH, IMAGE_LEVEL, IMAGE_PIXELS = 2, 2, 80, 100


def compare_images(name, pages, images):
    """The page images of poppler, MuPDF, Ghostscript, PDFium and pdf.js
    agree: each reader's against poppler's (see IMAGE_LEVEL). Returns the
    most differing pixels on a page, by reader."""
    worst = {}
    for n in range(1, pages + 1):
        grey = {r: load_grey(images / r / f"{name}-{n}.png") for r in READERS}
        # Readers round the page's size differently, by a pixel.
        h = min(g.shape[0] for g in grey.values())
        w = min(g.shape[1] for g in grey.values())
        base = ink(grey["poppler"][:h, :w], IMAGE_BLUR)
        base_spread = spread(base, IMAGE_REACH)
        for r in READERS[1:]:
            other = ink(grey[r][:h, :w], IMAGE_BLUR)
            bad = int(((other - base_spread) > IMAGE_LEVEL).sum()
                      + ((base - spread(other, IMAGE_REACH)) > IMAGE_LEVEL).sum())
            worst[r] = max(worst.get(r, 0), bad)
            if bad > IMAGE_PIXELS:
                fail(f"{r}: {name} page {n}: the image differs from poppler's in {bad} pixels")
    return worst


def sign(directory):
    """The reference report signed with pyHanko into its field, as
    signed.pdf, with the expectations of the unsigned file."""
    sys.path.insert(0, str(Path(__file__).parent))
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.stamp import TextStampStyle
    from signing import make_certificate
    key, cert = make_certificate(directory, "readers-")
    signer = signers.SimpleSigner.load(str(key), str(cert))
    # A stamp of a frame without text, like BSrE's QR image: the readers
    # that draw annotations into the page's text (poppler, MuPDF,
    # Ghostscript) would read a text stamp, the others not.
    pdf_signer = signers.PdfSigner(signers.PdfSignatureMetadata(field_name="Tanda_Tangan"), signer,
                                   stamp_style=TextStampStyle(stamp_text=""))
    with open(directory / "signed.unsigned.pdf", "rb") as f:
        signed = pdf_signer.sign_pdf(IncrementalPdfFileWriter(f))
    (directory / "signed.pdf").write_bytes(signed.getvalue())
    shutil.copy(directory / "signed.unsigned.json", directory / "signed.json")
    (directory / "signed.unsigned.pdf").unlink()
    (directory / "signed.unsigned.json").unlink()


def main():
    directory, pdfjs_dir = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    if (directory / "signed.unsigned.pdf").exists():
        sign(directory)
    files = sorted(directory.glob("*.pdf"))
    images = directory / "images"
    texts = read_all(files, images, pdfjs_dir)
    worst = Counter()
    for f in files:
        expected = json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))
        print(f"{f.stem}: {len(expected['pages'])} pages, "
              f"{sum(len(p['words']) for p in expected['pages'])} words broken across lines")
        check_text(f, expected, texts)
        for r, bad in compare_images(f.stem, len(expected["pages"]), images).items():
            worst[r] = max(worst[r], bad)
    print("most differing pixels on a page, against poppler: "
          + ", ".join(f"{r} {worst[r]}" for r in READERS[1:]))
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        sys.exit(1)
    print(f"{len(files)} files: the five readers read the same characters, the hyphenated words whole, "
          "and draw the same pages")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--reader"]:
        reader = {"mupdf": mupdf, "pdfium": pdfium}[sys.argv[2]]
        json.dump(reader(sys.argv[3], int(sys.argv[4]), sys.argv[5:]), sys.stdout)
    else:
        main()
