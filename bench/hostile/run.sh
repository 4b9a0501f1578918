#!/usr/bin/env bash
# Runs every hostile case of make_hostile.py through a plantab binary, one
# process per file, each under an address-space cap and a wall-clock guard,
# and prints outcome, seconds and peak RSS. Fails (exit 1) when any case
# ends by signal, by the guard, over the RSS cap, or without a named error
# or a bounded success.
#
#   bench/hostile/run.sh [BINARY] [--cap-mb N] [--as-gb N] [--guard-secs N] [--dir DIR] [--only NAME...]
#
# Defaults: target/release/plantab (built if missing), RSS cap 512 MB,
# address-space cap 4 GiB (prlimit --as), guard 60 s, inputs made afresh in
# a temporary folder. The JSON output goes to a file whose size is shown:
# output must stay proportional to what the input prints.
set -uo pipefail
cd "$(dirname "$0")/../.."

BIN=""
CAP_MB=512
AS_GB=4
GUARD=60
DIR=""
ONLY=()
while [ $# -gt 0 ]; do
  case "$1" in
    --cap-mb) CAP_MB="$2"; shift 2 ;;
    --as-gb) AS_GB="$2"; shift 2 ;;
    --guard-secs) GUARD="$2"; shift 2 ;;
    --dir) DIR="$2"; shift 2 ;;
    --only) shift; while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do ONLY+=("$1"); shift; done ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) BIN="$1"; shift ;;
  esac
done
if [ -z "$BIN" ]; then
  BIN=target/release/plantab
  [ -x "$BIN" ] || cargo build --release -q -p plantab-cli || exit 2
fi
[ -x "$BIN" ] || { echo "no binary at $BIN" >&2; exit 2; }
for tool in prlimit timeout /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool (util-linux, coreutils, time)" >&2; exit 2; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -z "$DIR" ]; then
  DIR="$WORK/in"
  python3 bench/hostile/make_hostile.py "$DIR" ${ONLY[@]+--only "${ONLY[@]}"} >/dev/null || exit 2
fi

printf '%-18s %-14s %8s %9s %10s  %s\n' case outcome seconds "peak MB" "out bytes" "error / note"
fail=0
while read -r name file _; do
  if [ ${#ONLY[@]} -gt 0 ] && ! printf '%s\n' "${ONLY[@]}" | grep -qx "$name"; then continue; fi
  in="$DIR/$file"
  [ -f "$in" ] || { echo "$name: missing $in" >&2; fail=1; continue; }
  out="$WORK/out.json"; err="$WORK/err.txt"; tv="$WORK/time.txt"
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$tv" timeout -k 5 "$GUARD" \
    prlimit --as=$((AS_GB << 30)) -- "$BIN" extract -q --jobs 1 --timeout-secs 0 "$in" >"$out" 2>"$err"
  rc=$?
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tv")
  mb=$(( ${kb:-0} / 1024 ))
  bytes=$(stat -c %s "$out")
  code=$(grep -o 'plantab: [^:]*: [a-z_]*' "$err" | head -1 | awk '{ print $3 }')
  note=$(grep -v '^$' "$err" | grep -v '^Command' | head -1 | cut -c1-110)
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    outcome="guard(${GUARD}s)"; fail=1
  elif [ $rc -ge 128 ]; then
    outcome="killed($rc)"; fail=1
  elif [ $rc -eq 0 ]; then
    outcome=ok
  elif [ $rc -eq 1 ] && [ -n "$code" ]; then
    outcome="$code"
  else
    outcome="exit $rc"; fail=1
  fi
  over=""
  if [ "$mb" -gt "$CAP_MB" ]; then over=" [over ${CAP_MB} MB]"; fail=1; fi
  printf '%-18s %-14s %8s %9s %10s  %s\n' "$name" "$outcome" "$secs" "$mb$over" "$bytes" "$note"
done < <(python3 bench/hostile/make_hostile.py --list)
exit $fail
