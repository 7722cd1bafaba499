"""What sign.py and attach.py share: recording checks, running programs, a
throwaway self-signed certificate, signing with pyHanko as an incremental
update, and finding the signature tag in the text as BSrE's service does.
"""

import re
import subprocess
import sys

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

FAILURES = []


def check(ok, what):
    print(("  ok   " if ok else "  FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def finish(what):
    """Exits 1 if a check failed, else says that all `what` checks passed."""
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        sys.exit(1)
    print(f"all {what} checks passed")


def run(*args, text=True, **kw):
    return subprocess.run([str(a) for a in args], capture_output=True, text=text, **kw)


def make_certificate(work, prefix=""):
    """A throwaway self-signed certificate: (key file, certificate file)."""
    key, cert = work / f"{prefix}key.pem", work / f"{prefix}cert.pem"
    r = run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
            "-keyout", key, "-out", cert, "-days", "2",
            "-subj", "/CN=lapkin test signer/O=lapkin CI",
            "-addext", "keyUsage=critical,digitalSignature,nonRepudiation")
    assert r.returncode == 0, r.stderr
    return key, cert


def sign(pdf, out, signer, field, new_box=None, page=None):
    """Signs `pdf` into `out` as an incremental update: into the field
    `field`, or into a new visible field of that name at `new_box` on `page`
    (from 1)."""
    meta = signers.PdfSignatureMetadata(field_name=field)
    spec = None
    if new_box is not None:
        spec = fields.SigFieldSpec(sig_field_name=field, on_page=page - 1, box=tuple(new_box))
    with open(pdf, "rb") as f:
        w = IncrementalPdfFileWriter(f)
        signed = signers.sign_pdf(w, meta, signer=signer, new_field_spec=spec)
    out.write_bytes(signed.getvalue())


def find_tag(pdf, tag):
    """The tag's occurrences as found in the text: (page, xMin, yMin, xMax, yMax), top-left origin."""
    r = run("pdftotext", "-bbox", pdf, "-")
    found = []
    for page, html in enumerate(r.stdout.split("<page ")[1:], start=1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', html):
            if tag in m.group(5):
                found.append((page, *map(float, m.groups()[:4])))
    return found
