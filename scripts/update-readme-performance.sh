#!/usr/bin/env bash
# Regenerates the README's performance table from a bench run. With no argument it runs the full
# `sparse-scaling bench --format json` (release build; about an hour, run it on an otherwise idle
# machine), saves the run as docs/bench/latest.json, and writes the run's Markdown table
# (`bench --render`) between the bench markers of README.md. With --from FILE it uses a saved run.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/release/sparse-scaling
run=docs/bench/latest.json
from=""
case "${1:-}" in
  --from) from=${2:?"--from needs a file"} ;;
  "") ;;
  *) echo "error: unknown argument '$1' (usage: $0 [--from FILE])" >&2; exit 2 ;;
esac
swift build -c release --product sparse-scaling >&2
if [ -n "$from" ]; then
  "$binary" bench --render "$from" > /dev/null   # refuses a file that is not a bench run, before anything changes
  [ "$from" -ef "$run" ] || cp "$from" "$run"
else
  "$binary" bench --format json > "$run.partial"
  mv "$run.partial" "$run"
fi
table=$(mktemp)
"$binary" bench --render "$run" > "$table"
python3 - "$table" <<'PY'
import sys
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
readme = open("README.md", encoding="utf-8").read()
head, rest = readme.split(begin, 1)
_, tail = rest.split(end, 1)
table = open(sys.argv[1], encoding="utf-8").read().strip()
open("README.md", "w", encoding="utf-8").write(f"{head}{begin}\n{table}\n{end}{tail}")
PY
rm -f "$table"
echo "README.md: performance table written from $run" >&2
