#!/usr/bin/env python3
"""Fraction of measured seeds below each predicted quantile of OUR label-noise law (docs/theory-label-noise.md).

Reads the per-seed rows of a results store exported with
    sparse-scaling results --store STORE --format csv > results.csv
(rows measured by `sparse-scaling sweep --noise σ --seeds S`), groups them by (α, β, N, D, σ), asks
    sparse-scaling theory --alpha α --beta β --n N --d D --noise σ --format json
for the predicted q10…q90 of the excess loss (`loss_quantiles`), and prints per setting the measured
quantiles, the fraction of seeds below each predicted quantile, z = (fraction − q)/√(q(1 − q)/S), and the
experiment's median row: the order-statistic 95% CI of the median (the project's SampleQuantiles rule) and
whether the predicted median lies in it.
Usage: python3 docs/checks/label_noise_fractions.py BINARY results.csv
"""
import csv, json, math, subprocess, sys
from collections import defaultdict

LEVELS = (0.10, 0.25, 0.50, 0.75, 0.90)


def quantile(sorted_values, q):
    """Linear interpolation between order statistics (the project's SampleQuantiles rule)."""
    h = (len(sorted_values) - 1) * q
    lo = math.floor(h)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (h - lo) * (sorted_values[hi] - sorted_values[lo])


def main(binary, path):
    groups = defaultdict(list)
    with open(path) as f:
        for row in csv.DictReader(f):
            key = (row["alpha"], row["beta"], row["n"], row["d"], row["noise"])
            groups[key].append(float(row["loss"]))
    for (alpha, beta, n, d, sigma), losses in sorted(groups.items(), key=lambda kv: float(kv[0][1])):
        out = subprocess.run([binary, "theory", "--alpha", alpha, "--beta", beta, "--n", n, "--d", d,
                              "--noise", sigma, "--format", "json"], capture_output=True, text=True, check=True)
        law = json.loads(out.stdout)["loss_quantiles"]
        predicted = [law[k] for k in ("q10", "q25", "q50", "q75", "q90")]
        s = sorted(losses)
        count = len(s)
        print(f"(α, β, N, D, σ) = ({alpha}, {beta}, {n}, {d}, {sigma}), {count} seeds")
        print("  predicted  " + " ".join(f"{x:.4g}" for x in predicted))
        print("  measured   " + " ".join(f"{quantile(s, q):.4g}" for q in LEVELS))
        cells = []
        for q, p in zip(LEVELS, predicted):
            frac = sum(1 for x in s if x < p) / count
            z = (frac - q) / math.sqrt(q * (1 - q) / count)
            cells.append(f"{frac:.3f} ({z:+.2f})")
        print("  below (z)  " + " ".join(cells))
        lo, hi = median_interval(s)
        verdict = "agree" if lo <= predicted[2] <= hi else "disagree"
        print(f"  median row: predicted {predicted[2]:.4g}, 95% CI [{lo:.4g}, {hi:.4g}] -> {verdict}", flush=True)


def median_interval(sorted_values):
    """[x_(j), x_(n+1-j)] with the largest j whose coverage 1 - 2 P(Bin(n, 1/2) <= j - 1) is >= 0.95."""
    n = len(sorted_values)
    best, cdf = 1, 0.0
    for j in range(1, max(1, n // 2) + 1):
        cdf += math.comb(n, j - 1) / (1 << n)  # exact integers: 2.0 ** n overflows beyond n = 1023
        if 1 - 2 * cdf >= 0.95:
            best = j
        else:
            break
    return sorted_values[best - 1], sorted_values[n - best]


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
