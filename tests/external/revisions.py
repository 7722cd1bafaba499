#!/usr/bin/env python3
"""What `lapkin verify` and `lapkin extract` allow after lapkin's revision,
checked against real signers (issue 17).

With a throwaway self-signed certificate, on the reference report rendered
with --attach-source:
1. accepted: pyHanko signing into lapkin's field; a BSrE-style signature
   (as iText 5 appends it: a new field `sig_<epoch-ms>` at the tag, /F 132,
   a DeviceRGB image in its appearance, the XMP packet and the document
   information updated), then a DSS added in one more revision; `extract`
   gives the same report from every one of them;
2. refused, each naming what it changed: edits made after the signature
   as incremental updates (the shared footer emptied, an opaque
   annotation over a figure, page content, page boxes, the title in the
   information or the XMP, an action on opening, the outline, the tag
   tree, a font's widths, a second signature outside the reserved box, the
   attached report replaced); `extract` refuses the replaced report,
   naming the revision.

Usage: revisions.py LAPKIN_BINARY FIXTURES_DIR WORK_DIR
(itext.py imports EDITS and write to edit files iText 5 signed.)
"""

import io
import json
import sys
import time
from pathlib import Path

from PIL import Image
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.stamp import TextStampStyle

import signing
from signing import check, find_tag, finish, make_certificate

N, G, S = generic.NameObject, generic.IndirectObject, generic.pdf_string


def run(*args):
    return signing.run(*args, text=False)


def verify(pdf):
    r = run(LAPKIN, "verify", pdf)
    return r.returncode, (r.stdout + r.stderr).decode()


def slug(label):
    return "".join(c if c.isalnum() else "-" for c in label)


def write(src, dst, change):
    """An incremental update of `src`, made by `change(writer)`, into `dst`."""
    with open(src, "rb") as f:
        w = IncrementalPdfFileWriter(f)
        change(w)
        out = io.BytesIO()
        w.write(out)
    dst.write_bytes(out.getvalue())
    return dst


def bsre_sign(pdf, out, signer, stamp, page):
    """Signs as BSrE's service (iText 5.5.13) does: a new field
    sig_<epoch-ms> at the tag, its appearance a DeviceRGB image."""
    img = Image.new("RGB", (250, 250), (255, 255, 255))
    for x in range(0, 250, 10):
        for y in range(0, 250, 10):
            if (x + y) % 20 == 0:
                img.paste((0, 0, 0), (x, y, x + 10, y + 10))
    style = TextStampStyle(stamp_text="", background=PdfImage(img), border_width=0,
                           background_opacity=1)
    name = f"sig_{int(time.time() * 1000)}"
    spec = fields.SigFieldSpec(sig_field_name=name, on_page=page - 1, box=stamp)
    meta = signers.PdfSignatureMetadata(field_name=name)
    with open(pdf, "rb") as f:
        w = IncrementalPdfFileWriter(f)
        signed = signers.PdfSigner(meta, signer, stamp_style=style,
                                   new_field_spec=spec).sign_pdf(w)
    out.write_bytes(signed.getvalue())


def add_dss(pdf, out, cert):
    """A DSS (certificates, VRI) in one more revision, as LTV tools add it."""
    data = pdf.read_bytes()
    sig = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    buf = io.BytesIO(data)
    DocumentSecurityStore.add_dss(buf, sig.pkcs7_content, certs=[load_cert_from_pemder(cert)])
    out.write_bytes(buf.getvalue())


def set_stream(w, ref, data):
    """Object `ref` (a stream) gets the bytes `data`, unfiltered."""
    stream = ref.get_object()
    stream.strip_filters()
    stream._data = stream._encoded_data = data
    w.mark_update(ref)


def pages(w):
    """The page dictionaries' references, in order."""
    out, stack = [], [w.root.raw_get("/Pages")]
    while stack:
        ref = stack.pop()
        node = ref.get_object()
        if "/Kids" in node:
            stack.extend(reversed(list(node.raw_get("/Kids"))))
        else:
            out.append(ref)
    return out


def footer(w):
    """The shared footer: page 1's form XObject."""
    xobjects = pages(w)[0].get_object()["/Resources"]["/XObject"]
    return next(xobjects.raw_get(k) for k in xobjects)


def add_annotation(w, n, annot):
    """Adds an annotation to page `n`."""
    ref = pages(w)[n - 1]
    page = ref.get_object()
    annots = page.get("/Annots", generic.ArrayObject())
    annots.append(w.add_object(annot))
    page["/Annots"] = annots
    w.mark_update(ref)
    if isinstance(page.raw_get("/Annots"), generic.IndirectObject):
        w.mark_update(page.raw_get("/Annots"))


def set_key(w, ref, key, value):
    ref.get_object()[N(key)] = value
    w.mark_update(ref)


def square(w):
    add_annotation(w, 2, generic.DictionaryObject({
        N("/Type"): N("/Annot"), N("/Subtype"): N("/Square"), N("/F"): generic.NumberObject(4),
        N("/Rect"): generic.ArrayObject([generic.NumberObject(v) for v in (60, 400, 540, 700)]),
        N("/IC"): generic.ArrayObject([generic.NumberObject(1)] * 3),
        N("/C"): generic.ArrayObject([generic.NumberObject(1)] * 3),
    }))


def info_title(w):
    info = w.trailer_view.raw_get("/Info")
    set_key(w, info, "/Title", S("Laporan lain"))


def xmp_title(w):
    ref = w.root.raw_get("/Metadata")
    data = ref.get_object().data.replace(b'">Laporan Kinerja Triwulan 2', b'">Laporan Kinerja Triwulan 3', 1)
    set_stream(w, ref, data)


def open_action(w):
    w.root[N("/OpenAction")] = generic.DictionaryObject({
        N("/S"): N("/JavaScript"), N("/JS"): S("app.alert('x')")})
    w.update_root()


def outline(w):
    first = w.root["/Outlines"].raw_get("/First")
    set_key(w, first, "/Title", S("Bab lain"))


def tag_tree(w):
    set_key(w, w.root.raw_get("/StructTreeRoot"), "/K", generic.ArrayObject())


def widths(w):
    """The default width of page 1's first font's descendant changed."""
    fonts = pages(w)[0].get_object()["/Resources"]["/Font"]
    font = fonts.raw_get(next(iter(fonts)))
    descendants = font.get_object()["/DescendantFonts"]
    first = descendants.raw_get(0)
    first.get_object()[N("/DW")] = generic.NumberObject(2000)
    w.mark_update(first if isinstance(first, generic.IndirectObject) else font)


def media_box(w):
    set_key(w, pages(w)[0], "/MediaBox", generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, 300, 300)]))


def page_content(w):
    ref = pages(w)[2].get_object().raw_get("/Contents")
    set_stream(w, ref, b"BT /F1 12 Tf 72 720 Td (palsu) Tj ET")


def attachment(w):
    names = w.root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = next(names[i + 1] for i in range(0, len(names), 2) if str(names[i]) == "laporan-kinerja.json")
    ref = spec["/EF"].raw_get("/F")
    set_stream(w, ref, b'{"unit": "palsu"}\n')


EDITS = [
    ("the shared footer emptied", lambda w: set_stream(w, footer(w), b""), "/Subtype /Form)): its "),
    ("an opaque annotation over a figure", square, "page 2's /Annots: an added annotation of /Subtype /Square"),
    ("page 3's content replaced", page_content, "its "),
    ("page 1's /MediaBox", media_box, "page 1's /MediaBox"),
    ("the title in the information", info_title, "the document information's /Title"),
    ("the title in the XMP", xmp_title, "the XMP metadata: its property "),
    ("an action on opening", open_action, "the catalog's /OpenAction"),
    ("the outline", outline, "its /Title"),
    ("the tag tree", tag_tree, "(/Type /StructTreeRoot)): its /K"),
    ("a font's widths", widths, "/Type /Font"),
    ("the attached report replaced", attachment, "/Type /EmbeddedFile"),
]


def main():
    key, cert = make_certificate(WORK, "revisions-")
    signer = signers.SimpleSigner.load(str(key), str(cert))
    pdf, box = WORK / "rev.pdf", WORK / "rev.box.json"
    r = run(LAPKIN, "render", FIXTURES / "bpmp-bengkulu-2024-tw2.json", "-o", pdf,
            "--signature-box", box, "--attach-source", "--signature-field")
    check(r.returncode == 0, f"render --attach-source --signature-field ({r.stderr.decode().strip()})")
    box = json.loads(box.read_text())
    report = run(LAPKIN, "extract", pdf).stdout

    # 1. What signers append is accepted.
    field = WORK / "rev.field.pdf"
    signing.sign(pdf, field, signer, box["field"])
    for page, xmin, _, _, ymax in find_tag(pdf, "#"):
        y1 = 841.89 - ymax
        stamp = (xmin, y1, xmin + box["bsre_v1"]["width"], y1 + box["bsre_v1"]["height"])
    bsre = WORK / "rev.bsre.pdf"
    bsre_sign(pdf, bsre, signer, stamp, page)
    dss = WORK / "rev.bsre-dss.pdf"
    add_dss(bsre, dss, cert)
    both = WORK / "rev.field-bsre.pdf"
    bsre_sign(field, both, signer, stamp, page)
    for f in (pdf, field, bsre, dss, both):
        rc, out = verify(f)
        check(rc == 0 and "exactly lapkin's rendering" in out, f"verify accepts {f.name} ({out.strip()})")
        r = run(LAPKIN, "extract", f)
        check(r.returncode == 0 and r.stdout == report, f"extract gives the report from {f.name}")

    # 2. Edits after signing are refused, each named.
    for label, change, expected in EDITS:
        edited = write(bsre, WORK / f"rev.edit-{slug(label)}.pdf", change)
        rc, out = verify(edited)
        check(rc == 1 and "revision 3" in out and expected in out,
              f"verify refuses {label} ({out.strip()[:300]})")
    # A second signature outside the reserved box.
    outside = WORK / "rev.outside.pdf"
    bsre_sign(bsre, outside, signer, (50, 50, 135, 135), 1)
    rc, out = verify(outside)
    check(rc == 1 and "outside the reserved signature box" in out,
          f"verify refuses a signature outside the box ({out.strip()[:300]})")
    # extract refuses the report replaced after signing, naming the revision.
    r = run(LAPKIN, "extract", WORK / f"rev.edit-{slug('the attached report replaced')}.pdf")
    err = r.stderr.decode()
    check(r.returncode == 1 and "revision 3" in err and "laporan-kinerja.json" in err,
          f"extract refuses the replaced report ({err.strip()})")
    finish("revision")


if __name__ == "__main__":
    LAPKIN, FIXTURES, WORK = (Path(a) for a in sys.argv[1:4])
    WORK.mkdir(parents=True, exist_ok=True)
    main()
