#!/usr/bin/env bash
# Scores plantab's table finder on the ICDAR 2013 EU set.
#   bench/icdar.sh [DATA_DIR]
# DATA_DIR defaults to ../shared/corpus/external/icdar2013-eu (kept out of
# the repository). Builds crates/plantab-pdf/examples/icdar_pred.rs in
# release, writes one <stem>.json per PDF into a temp dir and runs the
# scorer (../shared/tools/icdar/icdar_score.py) with default rules, then
# --strict, both --per-doc.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${1:-$ROOT/../shared/corpus/external/icdar2013-eu}"
SCORER="${ICDAR_SCORER:-$ROOT/../shared/tools/icdar/icdar_score.py}"
[ -d "$DATA" ] || { echo "no ICDAR data at $DATA" >&2; exit 1; }
[ -f "$SCORER" ] || { echo "no scorer at $SCORER" >&2; exit 1; }
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
cd "$ROOT"
cargo build --release -q -p plantab-pdf --example icdar_pred
"$ROOT/target/release/examples/icdar_pred" "$DATA" "$OUT"
python3 "$SCORER" "$OUT" "$DATA" --per-doc --label "plantab (default rules)"
echo
python3 "$SCORER" "$OUT" "$DATA" --per-doc --strict --label "plantab (--strict)"
