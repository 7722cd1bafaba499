#!/usr/bin/env bash
# Checks of lapkin's PDFs that need programs besides the Rust toolchain:
# poppler-utils (pdftotext, pdffonts, pdfinfo, pdfsig, pdftoppm), qpdf,
# openssl, Ghostscript, node, pyHanko, pikepdf, PyMuPDF, pypdfium2, pdf.js,
# and iText 5.5.13 (Debian's libitext5-java, with Bouncy Castle and a JDK).
# Installs what is missing (Debian/Ubuntu packages as root or with sudo; the
# Python packages with pip; pdf.js with npm into target/pdfjs), then runs the
# tests that `cargo test` ignores for want of them, the five readers
# (readers.py), the signing proof (sign.py), BSrE's signing with the real
# iText 5 (itext.py), the PDF/A-2b validation (pdfa.py), the attached report
# through a signature (attach.py) and the resource test of the release
# binary (resource.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ -x /usr/bin/time ] || missing+=(time)
command -v gs >/dev/null 2>&1 || missing+=(ghostscript)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# Families by role (--font regular=FILE ...): URW Bookman (Light/Demi) and DejaVu.
[ -d /usr/share/fonts/opentype/urw-base35 ] || missing+=(fonts-urw-base35)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
# BSrE's signing library (itext.py): iText 5.5.13 and Bouncy Castle, as
# Debian packages them, and a JDK to compile tests/external/itext/*.java.
command -v javac >/dev/null 2>&1 || missing+=(default-jdk-headless)
[ -f /usr/share/java/itext5.jar ] || missing+=(libitext5-java)
[ -f /usr/share/java/bcprov.jar ] || missing+=(libbcprov-java)
[ -f /usr/share/java/bcpkix.jar ] && [ -f /usr/share/java/bcutil.jar ] || missing+=(libbcpkix-java)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -c "import pyhanko.sign" 2>/dev/null || python3 -m pip install -q "pyhanko==0.38.0"
# Images in a signature's appearance (revisions.py signs as BSrE does).
python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q pillow
# PDF/A validation (pikepdf.pdfa, an allowlist validator from veraPDF's rules).
python3 -m pip install --break-system-packages -q "pikepdf[pdfa]>=10.18"
# PDF/UA-1 and semantic checks of the tag tree (outloud).
command -v outloud >/dev/null 2>&1 || python3 -m pip install -q "outloud==0.2.1"
# Readers besides poppler (readers.py): MuPDF 1.28.5 (PyMuPDF), PDFium
# (pypdfium2), and numpy and Pillow to compare their page images.
python3 -m pip install --break-system-packages -q "pymupdf==2.0" "pypdfium2==5.15.2" "numpy>=1.26" "pillow>=10"
# pdf.js (pdfjs-dist 5.6.205, pinned with its lock file), under node >= 20.19.
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
  { echo "pdf.js 5.6 needs node >= 20.19 (found $(node --version))" >&2; exit 1; }
mkdir -p target/pdfjs
cp tests/external/pdfjs/package.json tests/external/pdfjs/package-lock.json tests/external/pdfjs/readers.mjs target/pdfjs/
(cd target/pdfjs && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

export INSTA_UPDATE=no
cargo test -p lapkin-tests --locked -- --ignored
cargo test -p lapkin-cli --locked -- --ignored

# Signing: pyHanko into the field, and at the tag as BSrE's service does.
cargo build -p lapkin-cli --locked
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tests/external/sign.py target/debug/lapkin fixtures "$work"

# Five readers (poppler, MuPDF, Ghostscript, PDFium, pdf.js) read the same
# characters and hyphenated words, and draw the same pages, in the reference,
# minimal, many-glyph and layout reports and two signed ones (pyHanko into
# the field, iText 5 at the tag).
cargo run -q -p lapkin-tests --example readers --locked -- fixtures "$work/readers" >/dev/null
# BSrE's library itself: iText 5.5.13 opens every report without a rebuild,
# finds each signer's tag in its box and the words pdftotext finds, and signs
# as BSrE does (pdfsig, pyHanko, iText, qpdf and lapkin verify accept the
# result); its signed reference joins the readers' files.
python3 tests/external/itext.py target/debug/lapkin fixtures "$work/itext" --readers "$work/readers"
python3 tests/external/readers.py "$work/readers" target/pdfjs

# PDF/A-2b: the reference report, the minimal one and every layout fixture.
python3 tests/external/pdfa.py target/debug/lapkin fixtures "$work/pdfa"
# The attached report (--attach-source) through a signature: extract and verify
# on the signed file, verify refusing edited files, and pikepdf's PDF/A-3b check.
python3 tests/external/attach.py target/debug/lapkin fixtures "$work"
# What verify and extract allow after lapkin's revision: pyHanko into the
# field, a BSrE-style signature and a DSS accepted; edits after signing
# refused, each named.
python3 tests/external/revisions.py target/debug/lapkin fixtures "$work/revisions"

# The example that builds a report in code (crates/lapkin/examples/build_report.rs):
# its PDF holds the texts it was given, markup read or printed as is.
cargo run -q -p lapkin --example build_report --locked -- "$work/build_report.pdf"
pdftotext "$work/build_report.pdf" "$work/build_report.txt"
for words in \
  "Laporan Kinerja Triwulan 1 BPMP Provinsi Contoh Tahun 2025" \
  "Bimbingan teknis Kurikulum Merdeka." \
  "SMA/SMK [negeri & swasta]" \
  "(rumus: terfasilitasi / sasaran * 100)" \
  "aplikasi_pemantauan <v2>]." \
  "3.527.249.500" \
  "Kota Contoh, 10 April 2025" \
  "NIP 197001012000031001"; do
  grep -qF -- "$words" "$work/build_report.txt" ||
    { echo "build_report's PDF lacks \"$words\"" >&2; exit 1; }
done

# The tag tree by PDF/UA-1 rules (outloud): no error but DOC-012, the
# pdfuaid claim lapkin does not make (BSrE's signature widget is untagged,
# so a signed file could not keep it).
# The same for the other units' reports (grouped table headings, free
# sections, several signers, a running header and footer). Karawang's and
# PPPOMN's tables have headings spanning the header's rows in their last
# columns, which outloud 0.2.1 counts wrongly (its row_widths forgets a
# row's last spanned columns: TBL-004); the suite's
# units::every_table_grid_closes checks those grids instead.
for report in bpmp-bengkulu-2024-tw2 units/kantor-bahasa-ntb-2023-tw2 units/bluppb-karawang-2020-tw3 \
  units/pppomn-2021-tw2 several-signers lkj/pppomn-2021-tw2; do
  allowed=DOC-012
  case $report in units/bluppb-* | units/pppomn-* | lkj/*) allowed="DOC-012 TBL-004" ;; esac
  target/debug/lapkin render "fixtures/$report.json" -o "$work/tagged.pdf"
  outloud --json "$work/outloud.json" "$work/tagged.pdf" >/dev/null || true
  echo "outloud: $report"
  python3 tests/external/outloud_check.py "$work/outloud.json" $allowed
done
# Three signature fields, each a Form element in its signer's Div.
target/debug/lapkin render fixtures/several-signers.json -o "$work/tagged.pdf" --signature-field
outloud --json "$work/outloud.json" "$work/tagged.pdf" >/dev/null || true
echo "outloud: several-signers with three signature fields"
python3 tests/external/outloud_check.py "$work/outloud.json" DOC-012

# Resources: the release binary on the largest generated report and the
# hostile inputs, under a memory and a time limit.
bash tests/external/resource.sh
