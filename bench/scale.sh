#!/usr/bin/env bash
# Scale check for `plantab extract` (not a unit test; run by hand):
#
#   bash bench/scale.sh [N]        # N inputs, default 2000 (at least 2000 for the check)
#   PLANTAB_BIN=/path/to/plantab bash bench/scale.sh [N]   # another build, not rebuilt
#
# Builds a batch of N text inputs in a temporary folder from fixtures/text and
# simple mutations of them (truncated at several points, lines shuffled with a
# fixed seed, both), then runs the release binary over it:
#   --jobs 1 and --jobs 2 over all N inputs (per-file JSON into -o DIR),
#   --jobs 2 over the first 500 and 1000 (to compare peak RSS at 500 vs N),
#   --jobs 2 --incremental over all N again (nothing changed: all skipped),
#   --jobs 2 --format ndjson to /dev/null over all N (the streamed path).
# For each it prints files/s and peak RSS (from GNU time's "Maximum resident
# set size", else VmHWM polled from /proc). Peak RSS must not grow with the
# batch: the CLI holds only the documents in flight, never the whole batch.
set -euo pipefail

N="${1:-2000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

# PLANTAB_BIN=path: measure that binary instead of building this tree's (to
# compare two builds on the same machine and load, run one after the other).
if [ -n "${PLANTAB_BIN:-}" ]; then
  BIN="$PLANTAB_BIN"
else
  cargo build --release -q -p plantab-cli
  BIN="$ROOT/target/release/plantab"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/plantab-scale.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
IN="$WORK/in"
mkdir -p "$IN"

# --- the batch -------------------------------------------------------------
mapfile -t SOURCES < <(find fixtures/text -type f -name '*.txt' | sort)
if [ "${#SOURCES[@]}" -eq 0 ]; then
  echo "no fixtures under fixtures/text" >&2
  exit 2
fi
i=0
round=0
while [ "$i" -lt "$N" ]; do
  for src in "${SOURCES[@]}"; do
    [ "$i" -lt "$N" ] || break
    base="$(basename "$src" .txt)"
    name="$(printf '%05d_%s' "$i" "$base")"
    lines=$(wc -l < "$src")
    case $((round % 4)) in
      0) # a copy with a unique trailing line (a different file each time)
         { cat "$src"; printf '\nBatch copy %d\n' "$i"; } > "$IN/$name.txt" ;;
      1) # truncated at 30..90% of its lines
         keep=$(( lines * (30 + (i * 7) % 61) / 100 + 1 ))
         head -n "$keep" "$src" > "$IN/$name.txt" ;;
      2) # lines shuffled with a fixed seed
         awk -v seed="$i" 'BEGIN{srand(seed)} {print rand() "\t" $0}' "$src" \
           | sort -k1,1 | cut -f2- > "$IN/$name.txt" ;;
      3) # truncated, then the kept lines' order partly shuffled
         keep=$(( lines * (50 + (i * 11) % 51) / 100 + 1 ))
         head -n "$keep" "$src" \
           | awk -v seed="$i" 'BEGIN{srand(seed)} {k = (rand() < 0.2) ? rand() : NR/1e6; print k "\t" $0}' \
           | sort -k1,1g | cut -f2- > "$IN/$name.txt" ;;
    esac
    i=$((i + 1))
  done
  round=$((round + 1))
done
find "$IN" -type f -name '*.txt' | sort > "$WORK/all.list"
head -n 500 "$WORK/all.list" > "$WORK/500.list"
head -n 1000 "$WORK/all.list" > "$WORK/1000.list"
echo "batch: $(wc -l < "$WORK/all.list") inputs, $(du -sh "$IN" | cut -f1) in $IN"

# --- measuring -------------------------------------------------------------
# run LABEL LIST -- ARGS...: prints LABEL, files, seconds, files/s, peak RSS.
run() {
  local label="$1" list="$2"
  shift 3
  local files
  files=$(wc -l < "$list")
  local start end secs rss_kb
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$WORK/time.txt" "$BIN" extract --quiet --files-from "$list" "$@" \
      > /dev/null 2> "$WORK/stderr.txt" || true
    rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$WORK/time.txt")
  else
    "$BIN" extract --quiet --files-from "$list" "$@" > /dev/null 2> "$WORK/stderr.txt" &
    local pid=$! hwm=0 v
    while kill -0 "$pid" 2> /dev/null; do
      v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)
      [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
      sleep 0.05
    done
    wait "$pid" || true
    rss_kb=$hwm
  fi
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", b - a}')
  awk -v l="$label" -v f="$files" -v s="$secs" -v r="$rss_kb" \
    'BEGIN{printf "%-34s %6d files %8.2f s %9.1f files/s   peak RSS %7.1f MiB\n", l, f, s, f / s, r / 1024}'
  if [ -s "$WORK/stderr.txt" ]; then
    echo "  (stderr: $(wc -l < "$WORK/stderr.txt") lines, first: $(head -n 1 "$WORK/stderr.txt"))"
  fi
}

echo
run "--jobs 1, json -o DIR" "$WORK/all.list" -- --jobs 1 -o "$WORK/out-j1"
run "--jobs 2, json -o DIR" "$WORK/all.list" -- --jobs 2 -o "$WORK/out-j2"
run "--jobs 2, json -o DIR (first 500)" "$WORK/500.list" -- --jobs 2 -o "$WORK/out-500"
run "--jobs 2, json -o DIR (first 1000)" "$WORK/1000.list" -- --jobs 2 -o "$WORK/out-1000"
run "--jobs 2, --incremental (unchanged)" "$WORK/all.list" -- --jobs 2 --incremental -o "$WORK/out-j2"
run "--jobs 2, ndjson to stdout" "$WORK/all.list" -- --jobs 2 --format ndjson
run "--jobs 2, ndjson to stdout (500)" "$WORK/500.list" -- --jobs 2 --format ndjson

if diff -rq -x manifest.json "$WORK/out-j1" "$WORK/out-j2" > /dev/null; then
  echo "outputs of --jobs 1 and --jobs 2: identical"
else
  echo "outputs of --jobs 1 and --jobs 2: DIFFER" >&2
  exit 1
fi
awk '/"failed"/ {print "manifest failed count (--jobs 2):" $2; exit}' "$WORK/out-j2/manifest.json"
