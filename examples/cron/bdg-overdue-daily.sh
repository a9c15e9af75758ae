#!/usr/bin/env bash
# Daily overdue check for cron: keeps a dated CSV snapshot of late, missing and rejected
# agencies and prints it (cron mails stdout) only when someone is overdue; beside it, the same
# list for the officer to open in Excel (UTF-8 BOM, ';', headers and states in BDG_LANG).
#
#   BDG_PLAN=/srv/bdg/plans/ninh-thuan-2021.yaml PERIOD=2021-H1 \
#   REPORTS=/srv/bdg/reports/2021-H1 SNAPSHOTS=/srv/bdg/overdue bdg-overdue-daily.sh
#
# Exit: 0 nobody overdue; 1 someone overdue (the list mailed, both snapshots kept); 2 could not
# run or could not keep a snapshot (bdg not found, SNAPSHOTS not writable, bdg failed), with its
# own line on stderr.
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
# Could not run, or could not keep what it found: its own line in both languages, exit 2 (never
# 1, which says someone is overdue).
cannot() {
  echo "bdg-overdue-daily: $1" >&2
  echo "bdg-overdue-daily: $2" >&2
  exit 2
}
# Snapshots are ordinary files, readable as the umask allows (mktemp's are private, 0600), so
# that an officer logged in as another user can open the Excel copy.
mode=$(printf '%o' $(( 0666 & ~0$(umask) )))
# A private file in SNAPSHOTS, then opened as descriptor 3, given the usual mode; or exit 2.
snapshot_tmp() {
  tmp=$(mktemp "$SNAPSHOTS/.overdue.XXXXXX" 2>/dev/null) && { exec 3>"$tmp"; } 2>/dev/null \
    && chmod "$mode" "$tmp" 2>/dev/null \
    || { [ -n "${tmp:-}" ] && rm -f "$tmp"; cannot \
      "không ghi được vào thư mục $SNAPSHOTS; bdg overdue chưa chạy" \
      "cannot write into the folder $SNAPSHOTS; bdg overdue did not run"; }
}
# Puts the snapshot $1 in place as $2, or removes it and exits 2.
keep() {
  mv -f "$1" "$2" 2>/dev/null || { rm -f "$1"; cannot \
    "không lưu được $2; danh sách trễ hạn không được giữ lại" \
    "cannot keep $2; the overdue list was not kept"; }
}
mkdir -p "$SNAPSHOTS" 2>/dev/null || cannot \
  "không tạo được thư mục $SNAPSHOTS; bdg overdue chưa chạy" \
  "cannot create the folder $SNAPSHOTS; bdg overdue did not run"
today=$(date +%F)
out="$SNAPSHOTS/overdue-$PERIOD-$today.csv"
excel="$SNAPSHOTS/tre-han-$PERIOD-$today-excel.csv"
snapshot_tmp
"$bdg" -q overdue --period "$PERIOD" --reports "$REPORTS" --as-of "$today" --format csv >&3
code=$?
exec 3>&-
case $code in
  0) rm -f "$tmp" ;;                          # nobody overdue: nothing to mail
  1) keep "$tmp" "$out"; cat "$out"           # overdue agencies: keep and mail the list,
     snapshot_tmp                             # and leave the officer's copy beside it
     "$bdg" -q --lang "$BDG_LANG" overdue --period "$PERIOD" --reports "$REPORTS" \
       --as-of "$today" --format csv --excel >&3
     xcode=$?
     exec 3>&-
     if [ "$xcode" -le 1 ]; then
       keep "$tmp" "$excel"
     else
       rm -f "$tmp"
       cannot "bdg overdue --excel không chạy được (mã thoát $xcode)" \
         "bdg overdue --excel could not run (exit $xcode)"
     fi ;;
  *) rm -f "$tmp"; cannot "bdg overdue không chạy được (mã thoát $code)" \
       "bdg overdue could not run (exit $code)" ;;
esac
exit "$code"
