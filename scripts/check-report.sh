#!/usr/bin/env bash
# Renders a reproduce report in headless Chromium and fails on a blank or broken page, on an id that
# repeats in the rendered DOM, or on a figure whose drawn data in the page does not reach the extent
# it has in its standalone SVG (figures/*.svg): e.g. clipped by another figure's clip path.
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

# Every id in the rendered DOM is unique (a repeated clip-path id clips later figures to the first's frame).
duplicates=$(grep -o ' id="[^"]*"' <<<"$dom" | sort | uniq -d | head -5 | tr '\n' ' ')
[ -z "$duplicates" ] || fail "ids repeat in the rendered page: $duplicates"

# The visible extent of the drawn data of each clipped panel, in the panel's own user units: the union
# of the bounding boxes of the clipped group's children, cut to the clip rectangle the browser actually
# resolves for url(#id) (getElementById: the first element with that id in the document).
# The script removes itself and spells its markers by concatenation, so neither its source nor the
# markers leak into the dumped page text read below: only the <pre> it appends carries them.
extent_js='<script>
(function () {
  document.currentScript.remove();
  var begin = "EXTENTS" + "-BEGIN", end = "EXTENTS" + "-END";
  function extents(svg) {
    var out = [];
    svg.querySelectorAll("g[clip-path]").forEach(function (g) {
      var m = /url\(#([^)]+)\)/.exec(g.getAttribute("clip-path"));
      var clip = m && document.getElementById(m[1]);
      var r = clip && clip.querySelector("rect");
      if (!r) { out.push("unresolved"); return; }
      var cx = +r.getAttribute("x"), cy = +r.getAttribute("y"), cw = +r.getAttribute("width"), ch = +r.getAttribute("height");
      var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      Array.prototype.forEach.call(g.children, function (el) {
        var b; try { b = el.getBBox(); } catch (e) { return; }
        if (b.width === 0 && b.height === 0) return;
        var a = Math.max(b.x, cx), c = Math.min(b.x + b.width, cx + cw), d = Math.max(b.y, cy), e = Math.min(b.y + b.height, cy + ch);
        if (c < a || e < d) return;
        x0 = Math.min(x0, a); x1 = Math.max(x1, c); y0 = Math.min(y0, d); y1 = Math.max(y1, e);
      });
      out.push(isFinite(x0) ? [x0, x1, y0, y1].map(function (v) { return Math.round(v); }).join(",") : "empty");
    });
    return out.join(" ");
  }
  var lines = [];
  var figures = document.querySelectorAll("figure[data-file]");
  if (figures.length) {
    figures.forEach(function (f) { var s = f.querySelector("svg"); lines.push(f.getAttribute("data-file") + "|" + (s ? extents(s) : "missing")); });
  } else {
    document.querySelectorAll("svg").forEach(function (s) { lines.push("standalone|" + extents(s)); });
  }
  var pre = document.createElement("pre");
  pre.id = "extent-check";
  pre.textContent = begin + "\n" + lines.join("\n") + "\n" + end;
  document.body.appendChild(pre);
})();
</script>'
extract() { sed -n '/<pre id="extent-check">EXTENTS-BEGIN$/,/^EXTENTS-END<\/pre>/p' | sed '1d;$d'; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{ sed 's#</body></html>##' "$report"; echo "$extent_js</body></html>"; } > "$work/report.html"
page=$(timeout 120 chromium "${flags[@]}" --dump-dom "file://$work/report.html" 2>/dev/null | extract)
[ -n "$page" ] || fail "could not measure the figures' extents in the page"
checked=0
while IFS='|' read -r file inline; do
  [ -s "$dir/$file" ] || fail "the page shows $file, which is missing"
  { echo "<!DOCTYPE html><html><body>"; sed '1{/^<?xml/d}' "$dir/$file"; echo "$extent_js</body></html>"; } > "$work/alone.html"
  alone=$(timeout 120 chromium "${flags[@]}" --dump-dom "file://$work/alone.html" 2>/dev/null | extract | sed 's/^standalone|//')
  [ "$inline" = "$alone" ] || fail "$file: drawn data in the page reaches [$inline], alone [$alone] (x0,x1,y0,y1 per panel)"
  checked=$((checked + 1))
done <<<"$page"
[ "$checked" -ge "$figures" ] || fail "compared $checked figures with their standalone SVG, expected $figures"

shot=$(mktemp --suffix=.png)
timeout 120 chromium "${flags[@]}" --window-size=1280,2400 --screenshot="$shot" "$url" >/dev/null 2>&1
size=$(stat -c %s "$shot")
# A blank 1280×2400 page compresses to a few kB; the report with its table and figures is far larger.
[ "$size" -gt 60000 ] || fail "the screenshot is nearly blank ($size bytes)"
echo "report OK: $rows table rows, $svgs inline figures, no repeated id, $checked figures reach their standalone extent, screenshot $shot ($size bytes)"
