#!/usr/bin/env python3
"""Proof that the report attached with --attach-source survives signing.

With a throwaway self-signed certificate:
1. the reference report is rendered with --attach-source;
2. pyHanko signs it as BSrE's service would: a new visible field at the tag
   `#` (found with `pdftotext -bbox`), appended as an incremental update;
3. `lapkin extract` gives the same JSON from the signed file as from the
   unsigned one, and that JSON is the report (it checks and parses equal);
4. `lapkin verify` exits 0 on both;
5. a file whose attached report has one figure changed (rewritten with
   pikepdf; its checksum no longer matches), and one whose page 2 was
   changed, make `verify` exit 1 naming what changed; a PDF without an
   attachment makes `extract` exit 1;
6. pikepdf's PDF/A-3b validator passes on the unsigned file.

Usage: attach.py LAPKIN_BINARY FIXTURES_DIR WORK_DIR
"""

import json
import sys
from pathlib import Path

import pikepdf
from pyhanko.sign import signers

import signing
from signing import check, find_tag, finish, make_certificate, sign

LAPKIN, FIXTURES, WORK = (Path(a) for a in sys.argv[1:4])
WORK.mkdir(parents=True, exist_ok=True)


def run(*args):
    """A program's run, its output as bytes (the attached JSON is compared byte for byte)."""
    return signing.run(*args, text=False)


def tag_box(pdf, box):
    """The stamp's rectangle at the tag, as BSrE's service places it."""
    for page, xmin, _, _, ymax in find_tag(pdf, "#"):
        y1 = 841.89 - ymax
        return page, (xmin, y1, xmin + box["bsre_v1"]["width"], y1 + box["bsre_v1"]["height"])
    raise AssertionError("no tag in the text")


def main():
    key, cert = make_certificate(WORK, "attach-")
    signer = signers.SimpleSigner.load(str(key), str(cert))
    pdf, box = WORK / "attached.pdf", WORK / "attached.box.json"
    r = run(LAPKIN, "render", FIXTURES / "bpmp-bengkulu-2024-tw2.json", "-o", pdf,
            "--signature-box", box, "--attach-source")
    check(r.returncode == 0, f"render --attach-source ({r.stderr.decode().strip()})")
    box = json.loads(box.read_text())

    report = pikepdf.pdfa.validate_written(str(pdf), "3b")
    violations = [f for f in report.findings if f.kind == "violation"]
    check(not violations, f"pikepdf: PDF/A-3b ({violations[:3]})")

    # Signed as BSrE's service would: a new visible field at the tag, appended.
    page, stamp = tag_box(pdf, box)
    signed = WORK / "attached.signed.pdf"
    sign(pdf, signed, signer, "sig_bsre", new_box=stamp, page=page)
    o, s = pdf.read_bytes(), signed.read_bytes()
    check(s.startswith(o) and len(s) > len(o), "the signature is an incremental update")

    plain = run(LAPKIN, "extract", pdf)
    after = run(LAPKIN, "extract", signed)
    check(plain.returncode == 0 and after.returncode == 0, "extract exits 0 before and after signing")
    check(plain.stdout == after.stdout and len(plain.stdout) > 1000,
          "extract gives the same JSON from the signed file")
    (WORK / "attached.json").write_bytes(after.stdout)
    r = run(LAPKIN, "check", WORK / "attached.json")
    check(r.returncode == 0, "the extracted JSON is a valid report")
    original = json.loads((FIXTURES / "bpmp-bengkulu-2024-tw2.json").read_text())
    check(json.loads(after.stdout)["anggaran"] == original["anggaran"], "it holds the report's figures")

    for f, label in [(pdf, "unsigned"), (signed, "signed")]:
        r = run(LAPKIN, "verify", f)
        check(r.returncode == 0 and b"exactly lapkin's rendering" in r.stdout,
              f"verify exits 0 on the {label} file ({r.stdout.decode().strip()}{r.stderr.decode().strip()})")

    # One figure of the attached report changed.
    edited = WORK / "attached.edited-figure.pdf"
    with pikepdf.open(signed) as doc:
        tree = doc.Root.Names.EmbeddedFiles.Names
        spec = next(tree[i + 1] for i in range(0, len(tree), 2)
                    if str(tree[i]) == "laporan-kinerja.json")
        stream = spec.EF.F
        text = stream.read_bytes().decode()
        changed = text.replace('"capaian": 62.05', '"capaian": 72.05', 1)
        check(changed != text, "the figure 62.05 is in the attachment")
        stream.write(changed.encode())
        doc.save(edited)
    r = run(LAPKIN, "verify", edited)
    err = r.stderr.decode()
    # pikepdf keeps the old /Params, whose checksum now marks the bytes.
    check(r.returncode == 1 and "laporan-kinerja.json" in err and "checksum" in err,
          f"verify exits 1 on an edited figure ({err.strip()})")

    # Page 2's content changed.
    edited = WORK / "attached.edited-page.pdf"
    with pikepdf.open(pdf) as doc:
        page2 = doc.pages[1]
        data = page2.Contents.read_bytes()
        page2.Contents.write(data.replace(b" Td", b" Td 1 0 Td", 1))
        doc.save(edited)
    r = run(LAPKIN, "verify", edited)
    err = r.stderr.decode()
    check(r.returncode == 1 and "page 2's content" in err,
          f"verify exits 1 on an edited page ({err.strip()})")

    # No attachment.
    bare = WORK / "bare.pdf"
    run(LAPKIN, "render", FIXTURES / "minimal.json", "-o", bare)
    r = run(LAPKIN, "extract", bare)
    check(r.returncode == 1 and b"no attached report" in r.stderr,
          "extract exits 1 on a PDF without an attachment")

    finish("attachment")


main()
