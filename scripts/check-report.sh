#!/usr/bin/env bash
# Renders a reproduce report in headless Chromium and fails on a blank or broken page.
# Usage: scripts/check-report.sh [RESULTS_DIR]   (default results/); installs chromium if missing.
set -euo pipefail
dir="${1:-results}"
report="$dir/report.html"
[ -s "$report" ] || { echo "error: $report is missing or empty" >&2; exit 1; }
[ -s "$dir/summary.json" ] || { echo "error: $dir/summary.json is missing: the run did not complete" >&2; exit 1; }
if ! command -v chromium >/dev/null; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars)
dom=$(timeout 120 chromium "${flags[@]}" --dump-dom "$url" 2>/dev/null)
fail() { echo "error: report check failed: $1" >&2; exit 1; }
rows=$(grep -o '<tr class="' <<<"$dom" | wc -l)
svgs=$(grep -o '<svg' <<<"$dom" | wc -l)
figures=$(ls "$dir"/figures/*.svg 2>/dev/null | wc -l)
[ "$rows" -ge 8 ] || fail "the prediction-vs-measurement table has $rows rows (expected ≥ 8)"
[ "$svgs" -ge 6 ] || fail "only $svgs inline SVG figures rendered (expected ≥ 6)"
[ "$svgs" -ge "$figures" ] || fail "$figures figure files but only $svgs inline figures"
grep -q 'NaN' <<<"$dom" && fail "the page contains NaN"
grep -q '<polyline\|<path\|<circle' <<<"$dom" || fail "the figures contain no drawn data"
shot=$(mktemp --suffix=.png)
timeout 120 chromium "${flags[@]}" --window-size=1280,2400 --screenshot="$shot" "$url" >/dev/null 2>&1
size=$(stat -c %s "$shot")
# A blank 1280×2400 page compresses to a few kB; the report with its table and figures is far larger.
[ "$size" -gt 60000 ] || fail "the screenshot is nearly blank ($size bytes)"
echo "report OK: $rows table rows, $svgs inline figures, screenshot $shot ($size bytes)"
