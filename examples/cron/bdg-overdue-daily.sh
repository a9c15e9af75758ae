#!/usr/bin/env bash
# Daily overdue check for cron: keeps a dated CSV snapshot of late and missing agencies and
# prints it (cron mails stdout) only when someone is overdue.
#
#   BDG_PLAN=/srv/bdg/plans/ninh-thuan-2021.yaml PERIOD=2021-H1 \
#   REPORTS=/srv/bdg/reports/2021-H1 SNAPSHOTS=/srv/bdg/overdue bdg-overdue-daily.sh
set -u
: "${BDG_PLAN:?set BDG_PLAN to the plan file}"
: "${PERIOD:?set PERIOD, e.g. 2021-H1}"
: "${REPORTS:?set REPORTS to the folder of report files}"
SNAPSHOTS=${SNAPSHOTS:-./overdue}
BDG=${BDG:-bdg}
export BDG_PLAN
mkdir -p "$SNAPSHOTS"
today=$(date +%F)
out="$SNAPSHOTS/overdue-$PERIOD-$today.csv"
tmp=$(mktemp "$SNAPSHOTS/.overdue.XXXXXX")
"$BDG" -q overdue --period "$PERIOD" --reports "$REPORTS" --as-of "$today" --format csv >"$tmp"
code=$?
case $code in
  0) rm -f "$tmp" ;;                          # nobody overdue: nothing to mail
  1) mv "$tmp" "$out"; cat "$out" ;;          # overdue agencies: keep and mail the list
  *) rm -f "$tmp"; echo "bdg overdue could not run (exit $code)" >&2 ;;
esac
exit "$code"
