#!/usr/bin/env bash
# Daily overdue check for cron: keeps a dated CSV snapshot of late, missing and rejected
# agencies and prints it (cron mails stdout) only when someone is overdue; beside it, the same
# list for the officer to open in Excel (UTF-8 BOM, ';', headers and states in BDG_LANG).
#
#   BDG_PLAN=/srv/bdg/plans/ninh-thuan-2021.yaml PERIOD=2021-H1 \
#   REPORTS=/srv/bdg/reports/2021-H1 SNAPSHOTS=/srv/bdg/overdue bdg-overdue-daily.sh
#
# cron runs with PATH=/usr/bin:/bin: bdg is found from BDG (its full path), else PATH, else
# ~/.cargo/bin, else the folder of this script.
set -u
: "${BDG_PLAN:?set BDG_PLAN to the plan file}"
: "${PERIOD:?set PERIOD, e.g. 2021-H1}"
: "${REPORTS:?set REPORTS to the folder of report files}"
SNAPSHOTS=${SNAPSHOTS:-./overdue}
BDG_LANG=${BDG_LANG:-vi}
here=$(cd "$(dirname "$0")" && pwd)
find_bdg() {
  if [ -n "${BDG:-}" ]; then
    [ -x "$BDG" ] && { echo "$BDG"; return; }
    command -v "$BDG" 2>/dev/null && return
    return 1
  fi
  command -v bdg 2>/dev/null && return
  for c in "${HOME:-/nonexistent}/.cargo/bin/bdg" "$here/bdg"; do
    [ -x "$c" ] && { echo "$c"; return; }
  done
  return 1
}
if ! bdg=$(find_bdg); then
  echo "bdg-overdue-daily: không tìm thấy bdg (${BDG:-PATH, ~/.cargo/bin, $here}); đặt BDG=/đường/dẫn/tới/bdg trong crontab" >&2
  echo "bdg-overdue-daily: bdg not found (${BDG:-PATH, ~/.cargo/bin, $here}); set BDG=/path/to/bdg in the crontab" >&2
  exit 2
fi
export BDG_PLAN
mkdir -p "$SNAPSHOTS"
today=$(date +%F)
out="$SNAPSHOTS/overdue-$PERIOD-$today.csv"
excel="$SNAPSHOTS/tre-han-$PERIOD-$today-excel.csv"
tmp=$(mktemp "$SNAPSHOTS/.overdue.XXXXXX")
"$bdg" -q overdue --period "$PERIOD" --reports "$REPORTS" --as-of "$today" --format csv >"$tmp"
code=$?
case $code in
  0) rm -f "$tmp" ;;                          # nobody overdue: nothing to mail
  1) mv "$tmp" "$out"; cat "$out"             # overdue agencies: keep and mail the list,
     xtmp=$(mktemp "$SNAPSHOTS/.overdue.XXXXXX")  # and leave the officer's copy beside it
     if "$bdg" -q --lang "$BDG_LANG" overdue --period "$PERIOD" --reports "$REPORTS" \
          --as-of "$today" --format csv --excel >"$xtmp"; [ $? -le 1 ]; then
       mv "$xtmp" "$excel"
     else
       rm -f "$xtmp"
     fi ;;
  *) rm -f "$tmp"; echo "bdg overdue could not run (exit $code)" >&2 ;;
esac
exit "$code"
