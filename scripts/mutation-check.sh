#!/usr/bin/env bash
# Mutation check of the simulation tests: applies each small source mutation below in turn, rebuilds
# (debug, incremental), runs only the tests that should see it, restores the source, and reports
# per mutation whether it was caught (the filtered tests failed) or survived (they passed).
# Exits 0 only when every mutation was caught and the unmutated baseline passed.
#
#   scripts/mutation-check.sh            all mutations (one incremental build each: long)
#   scripts/mutation-check.sh NAME...    only the named mutations
#   SKIP_BASELINE=1 scripts/mutation-check.sh ...   skip the unmutated run of all filters
#
# The source is restored after each mutation and on exit, Ctrl-C or kill (trap). Run it in a
# worktree of its own: it edits files under Sources/ while it runs.
set -u
cd "$(dirname "$0")/.."

NICE="nice -n 10"
LOG_DIR="${TMPDIR:-/tmp}/mutation-check.$$"
mkdir -p "$LOG_DIR"

# name | file | exact text (must occur exactly once… or `all` in the count column) | replacement | test filter
# Fields are separated by a tab-free "|||"; texts are Python string literals (so quotes and \n work).
MUTATIONS=$(cat <<'EOF'
sampler-accept-half-beyond-table|||Sources/SparseScaling/Model/SparseSampler.swift|||"(k < size ? table.activation[k] : pow(Double(k), -beta)) / q"|||"(k < size ? table.activation[k] : 0.5 * pow(Double(k), -beta)) / q"|||SamplerPowerBranchTests
sampler-amplitude-power-beyond-table|||Sources/SparseScaling/Model/SparseSampler.swift|||"table.amplitude[k] : pow(Double(k), amplitudeExponent)"|||"table.amplitude[k] : pow(Double(k), 2 * amplitudeExponent)"|||SamplerPowerBranchTests
relu-loss-drops-unseen-coordinates|||Sources/SparseScaling/Loss/MonteCarloTestLoss.swift|||"for k in 0..<n { pre[k] += x * column[k] }"|||"_ = column"|||ReLUBruteForceLossTests
relu-loss-observed-lookup-off-by-one|||Sources/SparseScaling/Loss/MonteCarloTestLoss.swift|||"for (p, i) in observed.enumerated() { position[i] = p }"|||"for (p, i) in observed.enumerated() { position[i + 1] = p }"|||ReLUBruteForceLossTests
relu-loss-standard-error-over-t|||Sources/SparseScaling/Loss/MonteCarloTestLoss.swift|||"(ss / (t - 1) / t).squareRoot()"|||"(ss / (t - 1)).squareRoot() / t"|||ReLUFeatureTests
unobserved-variance-off-by-one|||Sources/SparseScaling/Loss/UnobservedVariance.swift|||"if k < observed.count, observed[k] == i {"|||"if k < observed.count, observed[k] == i + 1 {"|||TailEstimatorTests
expected-tail-sign|||Sources/SparseScaling/Loss/PopulationLoss.swift|||"(normSquared / Double(v.count) + 1)"|||"(normSquared / Double(v.count) - 1)"|||TailEstimatorTests
expected-tail-n-minus-one|||Sources/SparseScaling/Loss/PopulationLoss.swift|||"(normSquared / Double(v.count) + 1)"|||"(normSquared / Double(v.count - 1) + 1)"|||TailEstimatorTests
marginal-variance-power|||Sources/ScalingTheory/DataParameters.swift|||"pow(Double(i), -varianceExponent)"|||"pow(Double(i), -(alpha + beta))"|||TailEstimatorTests
reduced-solver-drops-ridge|||Sources/SparseScaling/Solvers/Exact/ReducedMinimumNormSolver.swift|||ALL:"sampleCount: sampleCount, ridge: ridge,"|||"sampleCount: sampleCount, ridge: 0,"|||SparseFactorTests
nesterov-no-momentum|||Sources/SparseScaling/Solvers/Iterative/NesterovAcceleratedGradient.swift|||"let momentum = (theta - 1) / thetaNext"|||"let momentum = 0.0 * (theta - 1) / thetaNext"|||ReLUBruteForceLossTests
bartlett-degrees-of-freedom|||Sources/SparseScaling/GDFailure/BartlettFactor.swift|||"degreesOfFreedom: Double(n - i)"|||"degreesOfFreedom: Double(n - i + 1)"|||GDFailureImportanceTests
importance-weight-biased-20-percent|||Sources/SparseScaling/GDFailure/GDFailureProposal.swift|||"logWeightConstant = d * c"|||"logWeightConstant = d * c + log(1.2)"|||GDFailureImportanceTests
importance-weight-drops-amplitude-ratio|||Sources/SparseScaling/GDFailure/GDFailureReplicate.swift|||"logWeight += perActivation + tilted.logAmplitudeRatio(xi, variance: variance)"|||"logWeight += perActivation"|||GDFailureImportanceTests
gd-failure-importance-se|||Sources/SparseScaling/GDFailure/GDFailureExperiment.swift|||"se = (variance / r).squareRoot()"|||"se = variance.squareRoot() / r"|||GDFailureImportanceTests
fit-t-quantile-1.96|||Sources/ScalingAnalysis/PowerLawFit.swift|||"let t = StudentT.quantile((1 + confidenceLevel) / 2, degreesOfFreedom: Double(n - 2))"|||"let t = 1.96"|||FrontierFitTests
frontier-fit-tail|||Sources/SparseScaling/Experiments/Scaling/FrontierExperiment.swift|||"tail: max(3, scaling.count * 2 / 3)"|||"tail: max(3, scaling.count / 2)"|||FrontierFitTests
frontier-bootstrap-no-resampling|||Sources/SparseScaling/Experiments/Scaling/FrontierExperiment.swift|||"let draw = (0..<seeds).map { _ in min(seeds - 1, Int(stream.uniform() * Double(seeds))) }"|||"let draw = (0..<seeds).map { s in min(seeds - 1, s + 0 * Int(stream.uniform())) }"|||FrontierFitTests
EOF
)

BACKUP_DIR="$LOG_DIR/backup"
mkdir -p "$BACKUP_DIR"
CURRENT_FILE=""

restore() {
    if [ -n "$CURRENT_FILE" ] && [ -f "$BACKUP_DIR/current" ]; then
        cp "$BACKUP_DIR/current" "$CURRENT_FILE"
        rm -f "$BACKUP_DIR/current"
        CURRENT_FILE=""
    fi
}
trap 'restore' EXIT
trap 'restore; echo "interrupted: source restored" >&2; exit 130' INT TERM

# apply FILE OLD NEW: replaces the Python literal OLD (prefix ALL: for every occurrence, else exactly one) by NEW.
apply() {
    python3 - "$1" "$2" "$3" <<'PY'
import ast, sys
path, old, new = sys.argv[1], sys.argv[2], sys.argv[3]
every = old.startswith("ALL:")
old = ast.literal_eval(old[4:] if every else old)
new = ast.literal_eval(new)
text = open(path, encoding="utf-8").read()
count = text.count(old)
if count == 0 or (count > 1 and not every):
    sys.exit(f"mutation text occurs {count} times in {path}")
open(path, "w", encoding="utf-8").write(text.replace(old, new))
PY
}

selected=("$@")
is_selected() {
    [ ${#selected[@]} -eq 0 ] && return 0
    local n
    for n in "${selected[@]}"; do [ "$n" = "$1" ] && return 0; done
    return 1
}

status=0
if [ "${SKIP_BASELINE:-0}" != "1" ]; then
    filters=$(printf '%s\n' "$MUTATIONS" | awk -F'\\|\\|\\|' '{print $5}' | sort -u | paste -sd'|')
    echo "baseline: building and running ($filters) unmutated…"
    if ! $NICE swift build --build-tests >"$LOG_DIR/baseline-build.log" 2>&1 \
        || ! $NICE swift test --skip-build --filter "$filters" >"$LOG_DIR/baseline.log" 2>&1; then
        echo "baseline FAILED (see $LOG_DIR/baseline.log): fix the tests before checking mutations" >&2
        exit 2
    fi
fi

printf '%-40s %-10s %s\n' "mutation" "result" "tests"
while IFS= read -r line; do
    [ -z "$line" ] && continue
    name=$(printf '%s' "$line" | awk -F'\\|\\|\\|' '{print $1}')
    file=$(printf '%s' "$line" | awk -F'\\|\\|\\|' '{print $2}')
    old=$(printf '%s' "$line" | awk -F'\\|\\|\\|' '{print $3}')
    new=$(printf '%s' "$line" | awk -F'\\|\\|\\|' '{print $4}')
    filter=$(printf '%s' "$line" | awk -F'\\|\\|\\|' '{print $5}')
    is_selected "$name" || continue
    cp "$file" "$BACKUP_DIR/current"
    CURRENT_FILE="$file"
    if ! apply "$file" "$old" "$new" 2>"$LOG_DIR/$name.apply.log"; then
        restore
        printf '%-40s %-10s %s\n' "$name" "NOT-APPLIED" "$(cat "$LOG_DIR/$name.apply.log")"
        status=1
        continue
    fi
    if ! $NICE swift build --build-tests >"$LOG_DIR/$name.build.log" 2>&1; then
        result="BUILD-FAILED"
        status=1
    elif $NICE swift test --skip-build --filter "$filter" >"$LOG_DIR/$name.test.log" 2>&1; then
        result="SURVIVED"
        status=1
    else
        result="caught"
    fi
    restore
    failing=$(grep -o '✘ Test [A-Za-z0-9_]*(' "$LOG_DIR/$name.test.log" 2>/dev/null | sort -u | sed 's/^✘ Test //; s/($//' | paste -sd, -)
    printf '%-40s %-10s %s %s\n' "$name" "$result" "$filter" "${failing:+[failed: $failing]}"
done <<<"$MUTATIONS"

echo "logs: $LOG_DIR"
exit $status
