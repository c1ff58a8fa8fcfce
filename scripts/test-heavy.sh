#!/usr/bin/env bash
# The heavy test tier: every suite with a heavy variant (a test carrying the `.heavy` trait or sized by
# `TestTier`), found in Tests/ so that a new heavy test is never left out, run with SPARSE_SCALING_HEAVY_TESTS=1.
# Extra arguments go to `swift test` (e.g. --skip-build).
set -euo pipefail
cd "$(dirname "$0")/.."
suites=$(grep -rlE 'TestTier\.(size|isHeavy)|[(,] *\.heavy\b' Tests --include='*.swift' \
  | grep -v '^Tests/TestSupport/' | xargs -n1 basename | sed 's/\.swift$//' | sort -u | paste -sd'|' -)
[ -n "$suites" ] || { echo "error: no heavy suites found under Tests/" >&2; exit 1; }
echo "heavy tier suites: $suites"
exec env SPARSE_SCALING_HEAVY_TESTS=1 swift test "$@" --filter "$suites"
