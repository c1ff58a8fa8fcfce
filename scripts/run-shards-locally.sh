#!/usr/bin/env bash
# Simulates the Slurm job array of docs/cluster.md on one machine: n shard processes, each with its
# own store, then one merge, then the unsharded command on the merged store (which finds nothing
# missing and prints the fit). With --check, also runs the sweep unsharded and compares the rows.
#
#   scripts/run-shards-locally.sh [--shards n] [--work folder] [--check] -- <sweep arguments>
#   scripts/run-shards-locally.sh --shards 4 --check -- --n 4...256x2 --d 4096 --seeds 8
set -euo pipefail
cd "$(dirname "$0")/.."

shards=4
work=results/shards
check=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --shards) shards="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --check) check=1; shift ;;
    --) shift; break ;;
    *) echo "error: unknown option $1 (expected --shards n, --work folder, --check, then -- and the sweep arguments)" >&2; exit 2 ;;
  esac
done
[[ $# -gt 0 ]] || set -- --n 4...256x2 --d 4096 --seeds 8
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "error: --shards must be an integer ≥ 1, got '$shards'" >&2; exit 2; }

binary="${SPARSE_SCALING_BINARY:-}"
if [[ -z "$binary" ]]; then
  swift build -c release --product sparse-scaling >&2
  binary="$(swift build -c release --show-bin-path)/sparse-scaling"
fi
mkdir -p "$work"

# The "array job": one process per shard, one thread each, each writing its own store.
pids=()
for k in $(seq 1 "$shards"); do
  "$binary" sweep "$@" --shard "$k/$shards" --threads 1 --store "$work/shard-$k.sqlite" \
    > "$work/shard-$k.out" 2> "$work/shard-$k.err" &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
[[ $status -eq 0 ]] || { echo "error: a shard failed; see $work/shard-*.err (re-running resumes it)" >&2; exit 1; }

# The "merge job" (afterok): combine the shards, then print the result from the merged store.
stores=()
for k in $(seq 1 "$shards"); do stores+=("$work/shard-$k.sqlite"); done
"$binary" merge "${stores[@]}" --into "$work/merged.sqlite"
"$binary" sweep "$@" --store "$work/merged.sqlite"

if [[ $check -eq 1 ]]; then
  rm -f "$work/unsharded.sqlite"
  "$binary" sweep "$@" --store "$work/unsharded.sqlite" > /dev/null
  strip() { "$binary" results --store "$1" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin)); keep = [i for i, c in enumerate(rows[0]) if c not in ("seconds", "tool_version", "created_at")]
print("\n".join(sorted(",".join(r[i] for i in keep) for r in rows[1:])))'; }
  if diff <(strip "$work/merged.sqlite") <(strip "$work/unsharded.sqlite") > /dev/null; then
    echo "check: the merged shards equal the unsharded run bit for bit ($("$binary" results --store "$work/merged.sqlite" | tail -n +2 | wc -l) rows)"
  else
    echo "error: the merged shards differ from the unsharded run" >&2; exit 1
  fi
fi
