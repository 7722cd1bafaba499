#!/usr/bin/env bash
# Resource test: the release binary on the largest generated report and on
# the hostile cases of issue 7, and `extract` and `verify` on the hostile
# PDFs of issue 17 (bombs, hostile trees, a huge attached report, /dev/zero,
# FIFOs as the PDF and as --font) (a 2-million-letter word, a 20 MB paragraph,
# a header taller than a page, tables of 80 and 40 columns), each under a
# memory limit (address space, prlimit --as) and a time limit (timeout).
# Every case must end by itself with exit 0 (rendered) or 1 (refused with a
# message): never killed, never a panic (101), an abort (134) or a kill
# (137, 124 for the timeout).
#
# LAPKIN_MEM (bytes, default 1 GiB) and LAPKIN_TIME (seconds, default 60)
# set the limits; the first argument, if any, divides the case sizes.
# LAPKIN_PROFILE=dev tries the script on a debug build (quick to build,
# slow to run: use a SCALE of 20 or so).
set -uo pipefail
cd "$(dirname "$0")/../.."

mem=${LAPKIN_MEM:-$((1 << 30))}
secs=${LAPKIN_TIME:-60}
scale=${1:-1}

profile=${LAPKIN_PROFILE:-release}
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
# One build of both, so that the dependencies are built once, with one set
# of features.
cargo build --profile "$profile" -p lapkin-cli -p lapkin-tests --example hostile --bin lapkin --locked || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/out"
"target/$dir/examples/hostile" "$work" "$scale" >/dev/null || exit 2

if command -v prlimit >/dev/null 2>&1; then
  limit=(prlimit "--as=$mem" --)
else
  limit=(bash -c 'ulimit -v $(( '"$mem"' / 1024 )) && exec "$@"' limit)
fi
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f '%e s, peak %M KB' -o "$work/time")

failed=0
for input in "$work"/*.json; do
  name=$(basename "$input" .json)
  start=$(date +%s.%N)
  "${timer[@]}" timeout --kill-after=5 "$secs" "${limit[@]}" \
    "target/$dir/lapkin" render "$input" -o "$work/out/$name.pdf" >/dev/null 2>"$work/$name.err"
  rc=$?
  end=$(date +%s.%N)
  usage=$( [ -s "$work/time" ] && tail -1 "$work/time" || printf '%.2f s' "$(echo "$end - $start" | bc)")
  message=$(head -c 160 "$work/$name.err" | tr '\n' ' ')
  case $rc in
    0|1) verdict=ok ;;
    *) verdict=FAIL; failed=1 ;;
  esac
  printf '%-4s %-14s %9d bytes  exit %-3s %s  %s\n' \
    "$verdict" "$name" "$(stat -c %s "$input")" "$rc" "$usage" "$message"
  rm -f "$work/time"
done

# extract and verify on the hostile PDFs of issue 17, and on inputs that
# are no files (/dev/zero; a FIFO nobody writes to, as the PDF and as
# --font): each must end by itself within LAPKIN_READ_TIME (default 10 s)
# and the memory limit, with exit 0, 1 (refused) or 3 (a file refused).
read_secs=${LAPKIN_READ_TIME:-10}
mkfifo "$work/fifo.ttf"
target/$dir/lapkin render fixtures/minimal.json --attach-source -o "$work/attached.pdf" >/dev/null 2>&1
read_case() {
  local label=$1; shift
  rm -f "$work/time"
  "${timer[@]}" timeout --kill-after=5 "$read_secs" "${limit[@]}" \
    "target/$dir/lapkin" "$@" >/dev/null 2>"$work/read.err"
  local rc=$?
  local usage
  usage=$( [ -s "$work/time" ] && tail -1 "$work/time" || echo "?")
  local message
  message=$(head -c 160 "$work/read.err" | tr '\n' ' ')
  local verdict=ok
  case $rc in 0|1|3) ;; *) verdict=FAIL; failed=1 ;; esac
  printf '%-4s %-32s exit %-3s %s  %s\n' "$verdict" "$label" "$rc" "$usage" "$message"
}
for input in "$work"/*.pdf; do
  name=$(basename "$input" .pdf)
  case $name in attached) continue ;; esac
  read_case "extract $name" extract "$input"
  read_case "verify $name" verify "$input"
done
read_case "extract /dev/zero" extract /dev/zero
read_case "verify a FIFO" verify "$work/fifo.ttf"
read_case "verify --font a FIFO" verify "$work/attached.pdf" --font "$work/fifo.ttf"

if [ $failed -ne 0 ]; then
  echo "resource test failed: limits ${mem} bytes of address space, ${secs} s (${read_secs} s to read a PDF)" >&2
fi
exit $failed
