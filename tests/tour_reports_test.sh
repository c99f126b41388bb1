#!/usr/bin/env bash
# examples/TOUR.md links the pages scripts/tour_reports.sh writes: every link must name a page the
# script writes, and every page must be a report of the right verdict-bearing kind (an HTML page
# with its data). Usage: tour_reports_test.sh PERMEQ SOURCE_DIR OUT_DIR
set -uo pipefail
permeq=$1 src=$2 out=$3
rm -rf "$out"
"$src/scripts/tour_reports.sh" "$permeq" "$out" >/dev/null || { echo "FAIL: scripts/tour_reports.sh failed"; exit 1; }
failures=0 links=0
for page in $(grep -o '(\.\./build/tour/[^)]*\.html)' "$src/examples/TOUR.md" | sed 's/^(\.\.\/build\/tour\///; s/)$//'); do
  links=$((links + 1))
  if [ -f "$out/$page" ] && grep -q '<script id="permeq-data"' "$out/$page"; then echo "ok: $page"
  else echo "FAIL: TOUR.md links $page, which scripts/tour_reports.sh does not write"; failures=$((failures + 1)); fi
done
written=$(ls "$out"/*.html | wc -l)
[ "$links" -eq "$written" ] || { echo "FAIL: the script writes $written pages, TOUR.md links $links"; failures=$((failures + 1)); }
[ "$links" -ge 9 ] || { echo "FAIL: only $links links in TOUR.md"; failures=$((failures + 1)); }
if [ "$failures" -ne 0 ]; then echo "$failures tour checks failed"; exit 1; fi
echo "all $links tour pages written and linked"
