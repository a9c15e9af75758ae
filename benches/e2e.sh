#!/usr/bin/env bash
# End-to-end benchmark: generates N units × 60 rows and times `bdg check` and `bdg consolidate`
# as whole processes, with peak memory (/usr/bin/time), median of RUNS runs, beside the floor
# (examples/floor.rs: the csv crate and one constant-memory rust_xlsxwriter sheet, one thread;
# `--parse-only` for the floor of `check`), and prints the ratios. At 5,000 units it also runs
# the pandas peer (`benches/peer_pandas.py`: what a desk officer who knows Python would script instead) when PEER
# names it.
#
#   benches/e2e.sh                       # sizes 500 5000 50000, 5 runs (LARGE_RUNS=1 at 50,000)
#   SIZES="5000" RUNS=3 benches/e2e.sh
#   PEER=benches/peer_pandas.py PEER_PYTHON=/tmp/peer/bin/python benches/e2e.sh
#   BDG=/tmp/old/bdg benches/e2e.sh      # another build of bdg (e.g. before a change)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"500 5000 50000"}
RUNS=${RUNS:-5}
ROWS=${ROWS:-60}
DATA=${DATA:-/tmp/bdg-bench}
PEER=${PEER:-}
PEER_PYTHON=${PEER_PYTHON:-/tmp/peer/bin/python}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

cargo build --release --quiet --bin bdg --example generate --example floor
BDG=${BDG:-target/release/bdg}
FLOOR=target/release/examples/floor

# median of the first column / of the second, over lines "seconds kilobytes"
median() { sort -n -k"$1" | awk -v k="$1" '{v[NR]=$k} END {print v[int((NR+1)/2)]}'; }

measure() { # label runs command...
  local label=$1 runs=$2; shift 2
  local out; out=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out.t" "$@" >/dev/null 2>&1 || true
    grep -E "^[0-9.]+ [0-9]+$" "$out.t" >>"$out"
  done
  local s kb
  s=$(median 1 <"$out"); kb=$(median 2 <"$out")
  printf '| %s | %s | %s s | %s MB |\n' "$label" "$runs" "$s" "$((kb / 1024))"
  rm -f "$out" "$out.t"
  echo "$s" >"$DATA/last-seconds"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "bdg: $BDG ($(git rev-parse --short HEAD 2>/dev/null || echo '?') is this tree), rows per file: $ROWS"
echo
echo "| what | runs | median time | median peak memory |"
echo "|---|---|---|---|"
mkdir -p "$DATA"
ratios=""
for n in $SIZES; do
  dir="$DATA/$n"
  if [ ! -f "$dir/plan.yaml" ]; then
    target/release/examples/generate --units "$n" --rows "$ROWS" --out "$dir" --missing 0 --seed 7 2>/dev/null
  fi
  runs=$RUNS
  [ "$n" -ge 50000 ] && runs=${LARGE_RUNS:-1}
  measure "bdg check, $n files" "$runs" "$BDG" -q check --plan "$dir/plan.yaml" "$dir/reports"
  check_s=$(cat "$DATA/last-seconds")
  measure "floor: parse only, $n files" "$runs" "$FLOOR" --parse-only "$dir/reports"
  parse_s=$(cat "$DATA/last-seconds")
  measure "bdg consolidate, $n files" "$runs" "$BDG" -q consolidate --plan "$dir/plan.yaml" --period 2025-Y \
    --reports "$dir/reports" --out "$dir/out" --as-of 2025-12-31
  bdg_s=$(cat "$DATA/last-seconds")
  measure "floor: parse and write one sheet, $n files" "$runs" "$FLOOR" "$dir/reports" "$dir/floor.xlsx"
  floor_s=$(cat "$DATA/last-seconds")
  ratios="$ratios$(awk -v n="$n" -v c="$check_s" -v p="$parse_s" -v b="$bdg_s" -v f="$floor_s" \
    'BEGIN {printf "%s files: consolidate/floor %.2f×, check/parse %.2f×\n", n, b / f, c / p}')"$'\n'
  if [ "$n" = 5000 ] && [ -n "$PEER" ] && [ -f "$PEER" ] && "$PEER_PYTHON" -c "import pandas, xlsxwriter" 2>/dev/null; then
    measure "pandas peer (xlsxwriter), $n files" "$(( RUNS < 3 ? RUNS : 3 ))" "$PEER_PYTHON" "$PEER" "$dir/reports" "$dir/peer.xlsx" xlsxwriter 2025-12-10
    peer_s=$(cat "$DATA/last-seconds")
    ratios="$ratios$(awk -v p="$peer_s" -v b="$bdg_s" 'BEGIN {printf "5000 files: consolidate is %.1f× faster than the pandas peer", p / b}')"$'\n'
  fi
done
echo
printf '%s' "$ratios"
