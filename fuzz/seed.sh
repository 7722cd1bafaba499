#!/usr/bin/env bash
# Fills the fuzz corpora from fixtures/: every JSON fixture (valid and
# invalid) for parse_check, and the fixtures' texts (one string a file)
# for linebreak. render_structured, table_layout and arbitrary_values take generator bytes,
# so any bytes do: the fixtures serve as a start for them too.
set -euo pipefail
cd "$(dirname "$0")"
for target in parse_check render_structured table_layout arbitrary_values unit_shapes; do
  mkdir -p "corpus/$target"
  find ../fixtures -name '*.json' -print0 | while IFS= read -r -d '' f; do
    cp "$f" "corpus/$target/$(echo "$f" | tr '/' '_' | sed 's/^\.\._//')"
  done
done
mkdir -p corpus/linebreak
python3 - <<'PY'
import json, glob, hashlib
for f in glob.glob("../fixtures/**/*.json", recursive=True):
    try:
        data = json.load(open(f, encoding="utf-8"))
    except Exception:
        continue
    def walk(v):
        if isinstance(v, str):
            yield v
        elif isinstance(v, list):
            for x in v:
                yield from walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                yield from walk(x)
    for s in walk(data):
        if len(s) > 20:
            name = hashlib.sha1(s.encode()).hexdigest()[:16]
            open(f"corpus/linebreak/{name}", "wb").write(s.encode())
PY
echo "corpora: $(for d in corpus/*; do echo -n "$(basename "$d")=$(ls "$d" | wc -l) "; done)"
