#!/usr/bin/env bash
# End-to-end benchmark: generates N units × 60 rows and times `bdg check` and `bdg consolidate`
# as whole processes, with peak memory (/usr/bin/time), median of RUNS runs; at 5,000 units it
# also runs the pandas peer (../shared/bench/peer_pandas.py) in the same run, for ratios.
#
#   benches/e2e.sh                       # sizes 500 5000 50000, 5 runs (LARGE_RUNS=1 at 50,000)
#   SIZES="5000" RUNS=3 benches/e2e.sh
#   PEER_PYTHON=/tmp/peer/bin/python benches/e2e.sh   # a Python with pandas, openpyxl, xlsxwriter
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"500 5000 50000"}
RUNS=${RUNS:-5}
ROWS=${ROWS:-60}
DATA=${DATA:-/tmp/bdg-bench}
PEER=${PEER:-../shared/bench/peer_pandas.py}
PEER_PYTHON=${PEER_PYTHON:-/tmp/peer/bin/python}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

cargo build --release --quiet --bin bdg --example generate
BDG=target/release/bdg

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
echo "bdg $(git rev-parse --short HEAD 2>/dev/null || echo '?'), rows per file: $ROWS"
echo
echo "| what | runs | median time | median peak memory |"
echo "|---|---|---|---|"
mkdir -p "$DATA"
for n in $SIZES; do
  dir="$DATA/$n"
  if [ ! -f "$dir/plan.yaml" ]; then
    target/release/examples/generate --units "$n" --rows "$ROWS" --out "$dir" --missing 0 2>/dev/null
  fi
  runs=$RUNS
  [ "$n" -ge 50000 ] && runs=${LARGE_RUNS:-1}
  measure "bdg check, $n files" "$runs" "$BDG" -q check --plan "$dir/plan.yaml" "$dir/reports"
  measure "bdg consolidate, $n files" "$runs" "$BDG" -q consolidate --plan "$dir/plan.yaml" --period 2025-Y \
    --reports "$dir/reports" --out "$dir/out" --as-of 2025-12-31
  bdg_s=$(cat "$DATA/last-seconds")
  if [ "$n" = 5000 ] && [ -f "$PEER" ] && "$PEER_PYTHON" -c "import pandas, xlsxwriter" 2>/dev/null; then
    measure "pandas peer (xlsxwriter), $n files" "$(( RUNS < 3 ? RUNS : 3 ))" "$PEER_PYTHON" "$PEER" "$dir/reports" "$dir/peer.xlsx" xlsxwriter 2025-12-10
    peer_s=$(cat "$DATA/last-seconds")
    awk -v p="$peer_s" -v b="$bdg_s" 'BEGIN {printf "\nconsolidate is %.1f× faster than the pandas peer on the same files, in this run.\n\n", p / b}'
  fi
done
