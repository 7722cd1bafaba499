#!/usr/bin/env python3
"""Proof that lapkin's PDFs are ready for electronic signature.

With a throwaway self-signed certificate, for each report:
1. field mode: pyHanko signs into lapkin's empty field;
2. tag mode, as BSrE's service does: the tag is found with `pdftotext -bbox`
   (once, inside the reserved box, on the right page), and pyHanko adds and
   signs a new visible field at that place;
and every signed file is checked: pdfsig says the signature is valid and
covers the total document, pyHanko says it is intact, covers the entire file
and nothing was modified after it, the unsigned bytes are a prefix of the
signed ones, qpdf --check passes, and the pages are unchanged outside the
box. A report whose text holds the tag elsewhere is refused.

Usage: sign.py LAPKIN_BINARY FIXTURES_DIR WORK_DIR
"""

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from signing import check, find_tag, finish, make_certificate, run, sign

LAPKIN, FIXTURES, WORK = (Path(a) for a in sys.argv[1:4])
WORK.mkdir(parents=True, exist_ok=True)


def render(fixture, name, *extra):
    pdf, box = WORK / f"{name}.pdf", WORK / f"{name}.box.json"
    r = run(LAPKIN, "render", FIXTURES / fixture, "-o", pdf, "--signature-box", box, *extra)
    assert r.returncode == 0, r.stderr
    return pdf, json.loads(box.read_text())


def pixels(pdf, page):
    """Page `page` at 50 dpi as (width, height, RGB bytes), from pdftoppm's PPM."""
    r = subprocess.run(["pdftoppm", "-r", "50", "-f", str(page), "-l", str(page), str(pdf)],
                       capture_output=True, check=True)
    data = r.stdout
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6", parts[0]
    w, h = int(parts[1]), int(parts[2])
    return w, h, data[len(data) - w * h * 3:]


def verify(original, signed, cert, box, label):
    o, s = original.read_bytes(), signed.read_bytes()
    check(s.startswith(o) and len(s) > len(o), f"{label}: the unsigned file is a prefix of the signed one")
    r = run("pdfsig", signed)
    check("Signature is Valid." in r.stdout, f"{label}: pdfsig says the signature is valid")
    check("Total document signed" in r.stdout, f"{label}: pdfsig says the total document is signed")
    reader = PdfFileReader(io.BytesIO(s))
    check(len(reader.embedded_signatures) == 1, f"{label}: one signature")
    status = validate_pdf_signature(reader.embedded_signatures[0],
                                    ValidationContext(trust_roots=[load_cert_from_pemder(cert)]))
    check(status.intact and status.valid, f"{label}: pyHanko: intact and valid")
    check(status.coverage == SignatureCoverageLevel.ENTIRE_FILE, f"{label}: pyHanko: covers the entire file")
    check(status.modification_level == ModificationLevel.NONE, f"{label}: pyHanko: no modification after signing")
    for f in (original, signed):
        r = run("qpdf", "--check", f)
        check(r.returncode == 0 and "warning" not in r.stdout.lower() + r.stderr.lower(),
              f"{label}: qpdf --check {f.name}")
    # The pages look the same outside the signature box.
    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", original).stdout).group(1))
    scale = 50 / 72
    x1, y1 = box["rect"]["x"], box["rect"]["y"]
    x2, y2 = x1 + box["rect"]["width"], y1 + box["rect"]["height"]
    changed_outside = 0
    changed_inside = 0
    for p in range(1, pages + 1):
        w, h, a = pixels(original, p)
        _, _, b = pixels(signed, p)
        if a == b:
            continue
        for i in range(0, len(a), 3):
            if a[i:i + 3] != b[i:i + 3]:
                px, py = (i // 3) % w, (i // 3) // w
                inside = (p == box["page"] and x1 * scale - 2 <= px <= x2 * scale + 2
                          and y1 * scale - 2 <= py <= y2 * scale + 2)
                if inside:
                    changed_inside += 1
                else:
                    changed_outside += 1
    check(changed_outside == 0, f"{label}: pages unchanged outside the box ({changed_outside} pixels differ)")
    check(changed_inside > 0, f"{label}: the visible signature is drawn in the box")


def several_signers(signer, cert):
    """Three signers side by side: each box has its own tag, found once and
    inside it, and its own field; the three sign one after another, each
    into its field as an incremental update, and every signature is valid
    and intact, the last covering the whole file."""
    name = "several-signers"
    print(f"{name} (several-signers.json)")
    pdf, box = render("several-signers.json", name, "--signature-field")
    boxes = box["signers"]
    check(len(boxes) == 3, f"{name}: three boxes ({len(boxes)})")
    check(box["field"] == boxes[0]["field"], f"{name}: the first box is also given at the top")
    fields = [b["field"] for b in boxes]
    check(fields == ["ttd_kepala_dinas", "ttd_kasubbag", "ttd_kepala"], f"{name}: own fields {fields}")
    tags = [b["tag"] for b in boxes]
    check(len(set(tags)) == 3, f"{name}: a tag of its own each {tags}")
    for b in boxes:
        found = find_tag(pdf, b["tag"])
        check(len(found) == 1, f"{name}: the tag {b['tag']} occurs once ({len(found)})")
        page, xmin, ymin, xmax, ymax = found[0]
        r = b["rect"]
        check(page == b["page"] and r["x"] - 0.5 <= xmin and xmax <= r["x"] + r["width"] + 0.5
              and r["y"] - 0.5 <= ymin and ymax <= r["y"] + r["height"] + 0.5,
              f"{name}: the tag {b['tag']} lies inside {b['signer']}'s box")
    current = pdf
    for k, field in enumerate(fields, start=1):
        signed = WORK / f"{name}.signed-{k}.pdf"
        sign(current, signed, signer, field)
        check(signed.read_bytes().startswith(current.read_bytes()),
              f"{name}: signature {k} is an incremental update")
        current = signed
    r = run("pdfsig", current)
    check(r.stdout.count("Signature is Valid.") == 3, f"{name}: pdfsig finds three valid signatures")
    reader = PdfFileReader(io.BytesIO(current.read_bytes()))
    check(len(reader.embedded_signatures) == 3, f"{name}: three signatures")
    context = ValidationContext(trust_roots=[load_cert_from_pemder(cert)])
    for k, sig in enumerate(reader.embedded_signatures, start=1):
        status = validate_pdf_signature(sig, context)
        check(status.intact and status.valid, f"{name}: signature {k} intact and valid")
    last = validate_pdf_signature(reader.embedded_signatures[-1], context)
    check(last.coverage == SignatureCoverageLevel.ENTIRE_FILE, f"{name}: the last covers the entire file")
    r = run("qpdf", "--check", current)
    check(r.returncode == 0, f"{name}: qpdf --check of the thrice-signed file")


def main():
    key, cert = make_certificate(WORK)
    signer = signers.SimpleSigner.load(str(key), str(cert))
    cases = [
        ("bpmp-bengkulu-2024-tw2.json", "reference"),
        ("layout/signature-at-page-end.json", "signature-on-a-new-page"),
        ("signature-field-without-tag.json", "tag-off"),
        # The signer on a landscape page (842 x 595).
        ("layout/landscape-pages.json", "landscape"),
    ]
    for fixture, name in cases:
        print(f"{name} ({fixture})")
        pdf, box = render(fixture, name, "--signature-field")
        print(f"  box: page {box['page']}, v1 {box['bsre_v1']}, v2 {box['bsre_v2']}")

        # 1. Field mode.
        signed = WORK / f"{name}.field-signed.pdf"
        sign(pdf, signed, signer, box["field"])
        verify(pdf, signed, cert, box, f"{name}, field mode")

        # 2. Tag mode, as BSrE's service does.
        tags = find_tag(pdf, "#")
        if box["tag"] is None:
            check(tags == [], f"{name}: no tag in the text when it is switched off")
            continue
        check(len(tags) == 1, f"{name}: the tag occurs once ({len(tags)})")
        page, xmin, ymin, xmax, ymax = tags[0]
        r = box["rect"]
        check(page == box["page"], f"{name}: the tag is on the box's page ({page})")
        check(r["x"] - 0.5 <= xmin and xmax <= r["x"] + r["width"] + 0.5
              and r["y"] - 0.5 <= ymin and ymax <= r["y"] + r["height"] + 0.5,
              f"{name}: the tag lies inside the box")
        # The stamp, anchored at the tag's lower-left, with the box's size.
        # The page's height (595 on a landscape page): the box's PDF top
        # plus its distance from the page's top.
        height = box["pdf_rect"][3] + r["y"]
        x1, y1 = xmin, height - ymax
        stamp = (x1, y1, x1 + box["bsre_v1"]["width"], y1 + box["bsre_v1"]["height"])
        check(all(abs(a - b) < 1.0 for a, b in zip(stamp, box["pdf_rect"])),
              f"{name}: a stamp at the tag covers the box {stamp} ~ {box['pdf_rect']}")
        tag_pdf, _ = render(fixture, name + "-tag")
        signed = WORK / f"{name}.tag-signed.pdf"
        sign(tag_pdf, signed, signer, "sig_bsre", new_box=stamp, page=page)
        verify(tag_pdf, signed, cert, box, f"{name}, tag mode")

    several_signers(signer, cert)

    print("refused: a report whose text holds the tag")
    r = run(LAPKIN, "render", FIXTURES / "invalid/tag-character-in-text.json", "-o", WORK / "refused.pdf")
    check(r.returncode == 1, "exit code 1")
    for path in ["analisis[0].progress[0]", "analisis[0].progress[1].daftar.butir[0]", "penutup.jabatan"]:
        check(f"{path}: contains the signature tag" in r.stderr, f"names {path}")
    check(not (WORK / "refused.pdf").exists(), "no PDF is written")

    finish("signing")


main()
