#!/usr/bin/env python3
"""lapkin's PDFs through the library BSrE's signing service runs: iText
5.5.13 (tests/external/itext/Bsre.java, in one JVM for every file).

For the reference report, the minimal one, the many-glyph one, the
several-signers report, the units' reports (fixtures/units/) and the landscape
pages fixture (a signer on an 842 x 595 page), those that
exist, each rendered plain and with
--attach-source:
1. iText's PdfReader opens the file without rebuilding it (a file that needs
   a rebuild fails at BSrE with "InvalidPdfException: Rebuild failed");
2. iText's content parser finds each signer's tag, as a text-location
   service does: once, on the signer's page, inside the reserved box (within
   2 pt), with the rectangle pdftotext gives it (within 1 pt); and iText's
   PdfTextExtractor gives every page the words pdftotext gives (spacing and
   line-end hyphens aside);
3. each signer signs in turn as BSrE does (PdfStamper.createSignature in
   append mode, a new visible field sig_<epoch-ms> at the tag with the box's
   size, a 250x250 RGB image as the stamp, SHA-256 adbe.pkcs7.detached, a
   throwaway self-signed key), and every signed file is checked: the unsigned
   bytes are a prefix of it; pdfsig says every signature is valid and the
   last covers the total document; pyHanko says every signature is intact and
   valid, the last covering the entire file with nothing modified after it;
   iText says each is intact and the last covers the whole document;
   qpdf --check passes; and for the --attach-source files `lapkin verify`
   accepts the signed file and `lapkin extract` gives the report;
4. after iText's signature of the reference report (--attach-source), each
   edit of revisions.py made as one more incremental update (the footer
   emptied, an annotation over a figure, page content, the title, an action,
   the outline, the tag tree, a font's widths, the attached report ...) is
   refused by `lapkin verify`, naming what it changed;
5. iText also signs into lapkin's empty field (--signature-field), as other
   iText-based signers do, and verify accepts that too.

What iText wrote in its update of the reference report is printed, object by
object. With --readers DIR, the readers example's reference.pdf in DIR is
signed as BSrE does into DIR/itext-signed.pdf (with reference.json's
expectations as itext-signed.json), for readers.py to read.

Usage: itext.py LAPKIN_BINARY FIXTURES_DIR WORK_DIR [--readers DIR]
"""

import io
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from PIL import Image
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from revisions import EDITS, slug, write
from signing import check, find_tag, finish, make_certificate, run

HERE = Path(__file__).resolve().parent
JARS = ["itext5.jar", "bcprov.jar", "bcpkix.jar", "bcutil.jar"]
CLASSPATH = ":".join(f"/usr/share/java/{j}" for j in JARS)
# How far the tag may lie outside the reserved box (lapkin verify's slack),
# and how far iText's rectangle of it may be from pdftotext's.
SLACK, SAME_PLACE = 2.0, 1.0

args = sys.argv[1:]
READERS = None
if "--readers" in args:
    i = args.index("--readers")
    READERS = Path(args[i + 1])
    del args[i:i + 2]
LAPKIN, FIXTURES, WORK = (Path(a) for a in args[:3])
WORK.mkdir(parents=True, exist_ok=True)


def cases():
    """(name, fixture) for every report checked: those that exist."""
    out = [("reference", FIXTURES / "bpmp-bengkulu-2024-tw2.json"),
           ("minimal", FIXTURES.parent / "crates/lapkin/tests-data/minimal.json"),
           ("many-glyphs", FIXTURES / "many-glyphs.json"),
           ("several-signers", FIXTURES / "several-signers.json")]
    out += [("unit-" + f.stem, f) for f in sorted((FIXTURES / "units").glob("*.json"))]
    # A signer on a landscape page (842 x 595): its tag and box found there.
    out += [("landscape-pages", FIXTURES / "layout/landscape-pages.json")]
    return [(n, f) for n, f in out if f.exists()]


def render(fixture, name, *extra):
    """Renders `fixture`: (pdf, the boxes of its electronic signers)."""
    pdf, box = WORK / f"{name}.pdf", WORK / f"{name}.box.json"
    r = run(LAPKIN, "render", fixture, "-o", pdf, "--signature-box", box, *extra)
    assert r.returncode == 0, r.stderr
    first = json.loads(box.read_text())
    return pdf, [] if first is None else first.get("signers", [first])


def stamp_image():
    """A 250x250 RGB PNG like BSrE's QR stamp."""
    img = Image.new("RGB", (250, 250), (255, 255, 255))
    for x in range(0, 250, 10):
        for y in range(0, 250, 10):
            if (x * 7 + y * 3) % 20 < 10:
                img.paste((0, 0, 120), (x, y, x + 10, y + 10))
    path = WORK / "stamp.png"
    img.save(path)
    return path


def java(jobs):
    """Compiles Bsre.java and runs the jobs in one JVM: one result a job."""
    classes = WORK / "classes"
    r = run("javac", "-d", classes, "-cp", CLASSPATH, *sorted(HERE.glob("itext/*.java")))
    assert r.returncode == 0, r.stderr
    listing = WORK / "jobs.tsv"
    listing.write_text("".join("\t".join(map(str, j)) + "\n" for j in jobs), encoding="utf-8")
    r = run("java", "-cp", f"{classes}:{CLASSPATH}", "Bsre", listing)
    assert r.returncode == 0, r.stderr
    results = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(results) == len(jobs), r.stdout[-2000:] + r.stderr
    return results


def words(text):
    """A page's words, spacing aside: a word ending its line in a soft
    hyphen, a hyphen or a slash joins the next line (pdftotext joins them
    so)."""
    return Counter(re.sub(r"(?<=\S)([\u00ad/-])\n", r"\1", text).split())


def inside(rect, box):
    x1, y1, x2, y2 = box["pdf_rect"]
    return (rect[0] >= x1 - SLACK and rect[1] >= y1 - SLACK
            and rect[2] <= x2 + SLACK and rect[3] <= y2 + SLACK)


def check_read(name, pdf, boxes, result):
    """What iText read in `pdf`: the tags and the words."""
    if "error" in result:
        check(False, f"{name}: iText reads the file ({result['error'][:500]})")
        return
    check(result["rebuilt"] is False, f"{name}: iText's PdfReader opens it without a rebuild")
    for box in boxes:
        # The page's height (842 on an A4 portrait page, 595 on a landscape
        # one): the box's PDF top plus its distance from the page's top.
        height = box["pdf_rect"][3] + box["rect"]["y"]
        found = [t for t in result["tags"] if t["char"] == box["tag"]]
        check(len(found) == 1, f"{name}: iText finds {box['signer']}'s tag {box['tag']} once ({len(found)})")
        if len(found) != 1:
            continue
        t = found[0]
        check(t["page"] == box["page"], f"{name}: the tag {box['tag']} is on page {box['page']} ({t['page']})")
        check(inside(t["rect"], box), f"{name}: the tag {box['tag']} at {t['rect']} lies in the box {box['pdf_rect']}")
        poppler = [f for f in find_tag(pdf, box["tag"]) if f[0] == t["page"]]
        if len(poppler) == 1:
            # The same glyph: its left and right edges within 1 pt, its
            # bottom and top within 2 pt (iText scales the font's ascent and
            # descent to one em, poppler takes them as they are).
            _, x1, top, x2, bottom = poppler[0]
            theirs = (x1, height - bottom, x2, height - top)
            near = (SAME_PLACE, SLACK, SAME_PLACE, SLACK)
            check(all(abs(a - b) <= d for a, b, d in zip(t["rect"], theirs, near)),
                  f"{name}: iText's rectangle of the tag {t['rect']} is pdftotext's "
                  f"[{', '.join(f'{v:.3f}' for v in theirs)}]")
    bad = []
    for n, text in enumerate(result["pages"], start=1):
        r = run("pdftotext", "-f", n, "-l", n, pdf, "-")
        a, b = words(text), words(r.stdout)
        if a != b:
            bad.append(f"page {n}: iText only {list((a - b).elements())[:8]}, "
                       f"pdftotext only {list((b - a).elements())[:8]}")
    check(not bad, f"{name}: iText extracts the words pdftotext does on all "
          f"{len(result['pages'])} pages" + "".join(f"\n         {b}" for b in bad[:4]))


def check_signed(label, before, signed, count, cert, attached, report, itext):
    """A file after its `count`-th signature."""
    o, s = before.read_bytes(), signed.read_bytes()
    check(s.startswith(o) and len(s) > len(o), f"{label}: the file before is a prefix of the signed one")
    r = run("pdfsig", signed)
    check(r.stdout.count("Signature is Valid.") == count,
          f"{label}: pdfsig says the {count} signature(s) are valid")
    check(r.stdout.rstrip().split("Signature #")[-1].count("Total document signed") == 1,
          f"{label}: pdfsig says the last signature covers the total document")
    reader = PdfFileReader(io.BytesIO(s))
    sigs = reader.embedded_signatures
    check(len(sigs) == count, f"{label}: pyHanko finds {count} signature(s) ({len(sigs)})")
    context = ValidationContext(trust_roots=[load_cert_from_pemder(cert)])
    statuses = [validate_pdf_signature(sig, context) for sig in sigs]
    check(all(st.intact and st.valid for st in statuses), f"{label}: pyHanko: every signature intact and valid")
    if statuses:
        last = statuses[-1]
        check(last.coverage == SignatureCoverageLevel.ENTIRE_FILE
              and last.modification_level == ModificationLevel.NONE,
              f"{label}: pyHanko: the last covers the entire file, nothing modified after it")
    if "error" in itext:
        check(False, f"{label}: iText validates it ({itext['error'][:500]})")
    else:
        ok = (itext["rebuilt"] is False and len(itext["signatures"]) == count
              and all(x["intact"] and x["sub_filter"] == "adbe.pkcs7.detached" and x["digest"] == "SHA256"
                      for x in itext["signatures"])
              and max(itext["signatures"], key=lambda x: x["revision"])["covers_whole_document"])
        check(ok, f"{label}: iText: every signature intact, SHA-256 adbe.pkcs7.detached, "
              f"the last covering the whole document ({itext['signatures']})")
    r = run("qpdf", "--check", signed)
    check(r.returncode == 0 and "warning" not in (r.stdout + r.stderr).lower(), f"{label}: qpdf --check")
    if attached:
        r = run(LAPKIN, "verify", signed)
        check(r.returncode == 0 and "exactly lapkin's rendering" in r.stdout,
              f"{label}: lapkin verify accepts it ({(r.stdout + r.stderr).strip()[:400]})")
        r = run(LAPKIN, "extract", signed, text=False)
        check(r.returncode == 0 and r.stdout == report, f"{label}: lapkin extract gives the report")


def check_edits(signed):
    """Each edit of revisions.py, made after iText's signature (revision 2)
    as revision 3, is refused by `lapkin verify` with what it changed."""
    for label, change, expected in EDITS:
        edited = write(signed, WORK / f"itext.edit-{slug(label)}.pdf", change)
        r = run(LAPKIN, "verify", edited)
        out = r.stdout + r.stderr
        check(r.returncode == 1 and "revision 3" in out and expected in out,
              f"after iText's signature, verify refuses {label} ({out.strip()[:300]})")


def describe_update(before, signed):
    """The objects a signed file's last revision holds, one line each."""
    size = len(before.read_bytes())
    xref = run("qpdf", "--show-xref", signed).stdout
    stream_of = {}
    new = []
    for line in xref.splitlines():
        m = re.match(r"(\d+)/(\d+): uncompressed; offset = (\d+)", line)
        if m and int(m.group(3)) >= size:
            new.append(int(m.group(1)))
        m = re.match(r"(\d+)/0: compressed; stream = (\d+)", line)
        if m:
            stream_of[int(m.group(1))] = int(m.group(2))
    new += [n for n, s in stream_of.items() if s in new]
    lines = []
    for n in sorted(set(new)):
        shown = run("qpdf", f"--show-object={n}", signed, text=False).stdout.decode("latin-1").strip()
        shown = re.sub(r"/Contents <[0-9a-f]+>", "/Contents <…>", shown)
        where = f"in object stream {stream_of[n]}" if n in stream_of else "at top level"
        lines.append(f"    {n} 0 ({where}): {shown[:400]}")
    return "\n".join(lines)


def main():
    key, cert = make_certificate(WORK, "itext-")
    p12 = WORK / "itext-key.p12"
    r = run("openssl", "pkcs12", "-export", "-inkey", key, "-in", cert, "-out", p12, "-passout", "pass:lapkin")
    assert r.returncode == 0, r.stderr
    jobs = [("key", p12, "lapkin"), ("image", stamp_image())]
    reads, chains, checks = [], [], []
    for name, fixture in cases():
        for variant, extra in (("plain", ()), ("attached", ("--attach-source",))):
            label = f"{name} ({variant})"
            pdf, boxes = render(fixture, f"{name}-{variant}", *extra)
            tags = "".join(b["tag"] for b in boxes if b.get("tag"))
            reads.append((label, pdf, boxes, len(jobs)))
            jobs.append(("read", pdf, tags or "#"))
            current, steps = pdf, []
            for k, box in enumerate(b for b in boxes if b.get("tag")):
                out = WORK / f"{name}-{variant}.signed-{k + 1}.pdf"
                steps.append((current, out, box, len(jobs)))
                jobs.append(("sign", current, out, box["tag"], box["bsre_v1"]["width"], box["bsre_v1"]["height"]))
                checks.append((out, len(jobs)))
                jobs.append(("check", out))
                current = out
            chains.append((label, variant == "attached", pdf, steps))
    # iText into lapkin's empty field, as other iText-based signers sign.
    field_pdf, field_boxes = render(FIXTURES / "bpmp-bengkulu-2024-tw2.json", "reference-field",
                                    "--attach-source", "--signature-field")
    field_out = WORK / "reference-field.signed.pdf"
    field_job = len(jobs)
    jobs.append(("signfield", field_pdf, field_out, field_boxes[0]["field"]))
    checks.append((field_out, len(jobs)))
    jobs.append(("check", field_out))
    readers_job = None
    if READERS is not None:
        readers_job = len(jobs)
        ref_box = next(r for r in reads if r[0] == "reference (plain)")[2][0]
        jobs.append(("sign", READERS / "reference.pdf", READERS / "itext-signed.pdf", ref_box["tag"],
                     ref_box["bsre_v1"]["width"], ref_box["bsre_v1"]["height"]))
        checks.append((READERS / "itext-signed.pdf", len(jobs)))
        jobs.append(("check", READERS / "itext-signed.pdf"))

    results = java(jobs)
    itext = {str(path): results[i] for path, i in checks}

    for label, pdf, boxes, i in reads:
        print(label)
        check_read(label, pdf, boxes, results[i])
    for label, attached, pdf, steps in chains:
        print(f"{label}, signed as BSrE does")
        report = run(LAPKIN, "extract", pdf, text=False).stdout if attached else None
        for k, (before, out, box, i) in enumerate(steps, start=1):
            res = results[i]
            step = f"{label}, signature {k} ({box['signer']})"
            if "error" in res:
                check(False, f"{step}: iText signs ({res['error'][:600]})")
                break
            check(re.fullmatch(r"sig_\d{13}", res["field"]) is not None, f"{step}: a new field {res['field']}")
            check(res["page"] == box["page"] and inside(res["rect"], box),
                  f"{step}: its widget {res['rect']} on page {res['page']} lies in the box {box['pdf_rect']}")
            check_signed(step, before, out, k, cert, attached, report, itext[str(out)])
        if label == "reference (attached)" and steps and "error" not in results[steps[0][3]]:
            print("  what iText 5.5.13 appended (object by object):")
            print(describe_update(steps[0][0], steps[0][1]))
            print("reference (attached), edited after iText's signature")
            check_edits(steps[0][1])

    print("reference, iText signing into lapkin's field")
    res = results[field_job]
    if "error" in res:
        check(False, f"iText signs into the field ({res['error'][:600]})")
    else:
        report = run(LAPKIN, "extract", field_pdf, text=False).stdout
        check_signed("reference, field mode", field_pdf, field_out, 1, cert, True, report, itext[str(field_out)])

    if readers_job is not None:
        res = results[readers_job]
        check("error" not in res, f"readers: iText signs reference.pdf ({res.get('error', '')[:600]})")
        if "error" not in res:
            shutil.copy(READERS / "reference.json", READERS / "itext-signed.json")
            check_signed("readers: itext-signed.pdf", READERS / "reference.pdf", READERS / "itext-signed.pdf",
                         1, cert, False, None, itext[str(READERS / "itext-signed.pdf")])
    finish("iText 5")


main()
