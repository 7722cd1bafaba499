#!/usr/bin/env bash
# Checks of lapkin's PDFs that need programs besides the Rust toolchain:
# poppler-utils (pdftotext, pdffonts, pdfinfo) and qpdf. Installs what is
# missing (Debian/Ubuntu, as root or with sudo), then runs the tests that
# `cargo test` ignores for want of them.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export INSTA_UPDATE=no
cargo test -p lapkin-tests --locked -- --ignored
