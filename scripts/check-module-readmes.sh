#!/usr/bin/env bash
# Fails when a source file of a module is missing from the file table of its README.
#
# Every folder Sources/<Module> with a README.md is checked; its source files are the *.swift, *.c and *.h
# files below it. A README's file table is the first Markdown table whose header has a column named
# "file" (any case). Two layouts are understood:
#   | file | concept |                  cells name files: `Matrix.swift`, `BLAS+Level1.swift`, `PlotRenderer*.swift`
#   | folder | file | concept |         cells name types: `SparseSampler`, `RandomStream` (+`Normal`, +`Binomial`),
#                                       the folder cell (`Model/Sublinear/`) is carried down while left empty
# A file is listed when a name in the file column equals its name, its name without the extension, or its path
# in the module (`Curve/DataSpectrum.swift`), or is a glob that matches its name; a `+Facet` anywhere in a row
# lists the facet file of the first name in the row. In the folder layout the row's folder must be the file's own.
#
# Usage: scripts/check-module-readmes.sh [Sources]   (exit 0: every file listed; 1: some missing; 2: usage)
set -euo pipefail
cd "$(dirname "$0")/.."
sources="${1:-Sources}"
[ -d "$sources" ] || { echo "usage: $0 [Sources folder]" >&2; exit 2; }

# Prints "folder<TAB>name" for every name in the README's file table (folder is "-" in the file layout).
table_entries() {
  awk '
    function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
    /^\|/ {
      line = $0
      gsub(/\\\|/, "\001", line)                     # escaped pipes inside a cell
      n = split(line, cell, "|")
      if (!inTable) {
        if (done) next
        fileColumn = 0; folderColumn = 0
        for (i = 2; i < n; i++) {
          h = tolower(trim(cell[i]))
          if (h == "folder") folderColumn = i
          else if (h ~ /file/ && !fileColumn) fileColumn = i
        }
        if (fileColumn) { inTable = 1; folder = "-" }
        next
      }
      if (trim(cell[2]) ~ /^:?-+/) next             # the separator row
      if (folderColumn) {
        f = trim(cell[folderColumn])
        if (f != "") { gsub(/`/, "", f); folder = (f == "(top level)") ? "./" : f }
      }
      text = cell[fileColumn]; base = ""; first = ""
      while (match(text, /`[^`]+`/)) {
        name = substr(text, RSTART + 1, RLENGTH - 2)
        facet = RSTART > 1 && substr(text, RSTART - 1, 1) == "+"
        text = substr(text, RSTART + RLENGTH)
        if (facet && base != "") name = base "+" name; else base = name
        if (first == "") first = name
        print folder "\t" name
      }
      # `+Facet` anywhere in the row (e.g. "`ResultsStore.swift` | …; `+Merge`, `+Export`") names a facet
      # file of the first name in the row.
      rest = line; sub(/\.[a-z]+$/, "", first)
      while (first != "" && match(rest, /`\+[A-Za-z0-9]+`/)) {
        print folder "\t" first substr(rest, RSTART + 1, RLENGTH - 2)
        rest = substr(rest, RSTART + RLENGTH)
      }
      next
    }
    { if (inTable) { inTable = 0; done = 1 } }
  ' "$1"
}

missing=0
for readme in "$sources"/*/README.md; do
  module_dir="$(dirname "$readme")"
  entries="$(table_entries "$readme")"
  if [ -z "$entries" ]; then
    echo "$readme: no file table (a header with a 'file' column)"
    missing=1
    continue
  fi
  while IFS= read -r file; do
    relative="${file#"$module_dir"/}"
    name="$(basename "$relative")"
    stem="${name%.*}"
    folder="$(dirname "$relative")/"
    [ "$folder" = "./" ] && folder=""
    found=0
    while IFS=$'\t' read -r entry_folder entry; do
      if [ "$entry_folder" != "-" ] && [ "$entry_folder" != "${folder:-./}" ]; then continue; fi
      # shellcheck disable=SC2053  # the entry may be a glob such as PlotRenderer*.swift
      if [ "$entry" = "$name" ] || [ "$entry" = "$stem" ] || [ "$entry" = "$relative" ] || [[ "$name" == $entry ]]; then
        found=1
        break
      fi
    done <<< "$entries"
    if [ "$found" -eq 0 ]; then
      echo "$readme: ${folder:-(top level) }$name is not in the file table"
      missing=1
    fi
  done < <(find "$module_dir" -type f \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) | sort)
done
if [ "$missing" -eq 0 ]; then echo "every source file is listed in its module README"; fi
exit "$missing"
