#!/usr/bin/env python3
"""PDF/A-2b proof: pikepdf's validator (built from veraPDF's rule texts)
passes lapkin's default output for the reference report, the minimal report
every layout fixture, the other units' reports and several signers, and for the reference with a UTC timestamp
(SOURCE_DATE_EPOCH). pikepdf answers "not checked" for files with forms, so
the field-free rendering is the one validated; with --signature-field it must
find no violation and leave only the AcroForm unchecked. It checks objects, not bytes:
the byte-level rules are Rust tests (tests/src/pdfa.rs). As a control, the
plain PDF (--pdf-standard none) must not pass.

Usage: pdfa.py LAPKIN_BINARY FIXTURES_DIR WORK_DIR
"""

import os
import subprocess
import sys
from pathlib import Path

import pikepdf.pdfa

LAPKIN, FIXTURES, WORK = (Path(a) for a in sys.argv[1:4])
WORK.mkdir(parents=True, exist_ok=True)
FAILURES = []


def render(fixture, name, *extra, env=None):
    pdf = WORK / f"{name}.pdf"
    r = subprocess.run([str(LAPKIN), "render", str(FIXTURES / fixture), "-o", str(pdf), *extra],
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"lapkin render {fixture} failed: {r.stderr}")
    return pdf


def validate(pdf, label, want_pass=True):
    report = pikepdf.pdfa.validate_written(str(pdf), "2b")
    ok = report.passed == want_pass
    print(("  ok   " if ok else "  FAIL ") + f"{label}: {report.verdict}")
    if not ok:
        print(report.summary())
        FAILURES.append(label)


fixtures = ["bpmp-bengkulu-2024-tw2.json", "minimal.json"] + sorted(
    f"layout/{p.name}" for p in (FIXTURES / "layout").glob("*.json")) + sorted(
    f"units/{p.name}" for p in (FIXTURES / "units").glob("*.json")) + sorted(
    f"lkj/{p.name}" for p in (FIXTURES / "lkj").glob("*.json"))
fixtures.append("media.json")  # images (its files beside it), charts, a cover
for fixture in fixtures:
    validate(render(fixture, fixture.replace("/", "-")), f"PDF/A-2b {fixture}")

env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
validate(render(fixtures[0], "utc", env=env), "PDF/A-2b, a UTC timestamp")
# With empty signature fields (one, or one per signer of several.json):
# pikepdf does not check forms, but it must find no violation and nothing
# else it cannot check.
for name, fixture in [("a signature field", fixtures[0]), ("three signature fields", "several-signers.json")]:
    field = pikepdf.pdfa.validate_written(
        str(render(fixture, name.replace(" ", "-"), "--signature-field")), "2b")
    unchecked = [f.rule for f in field.unsupported]
    ok = not field.violations and unchecked == ["pikepdf:schema-Catalog"]
    print(("  ok   " if ok else "  FAIL ") + f"PDF/A-2b with {name}: {field.verdict} "
          f"(only the AcroForm unchecked)")
    if not ok:
        print(field.summary())
        FAILURES.append(name)
validate(render(fixtures[0], "plain", "--pdf-standard", "none"),
         "the plain PDF is not PDF/A", want_pass=False)

if FAILURES:
    sys.exit(f"{len(FAILURES)} PDF/A check(s) failed: {', '.join(FAILURES)}")
print(f"PDF/A-2b: {len(fixtures) + 1} files pass, and two with signature fields")
