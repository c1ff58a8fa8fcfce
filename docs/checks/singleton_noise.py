#!/usr/bin/env python3
"""Numerical checks of docs/theory.md §7.4 (label noise carried by coordinates seen once).

Model (docs/theory.md §2): coordinate i is active with probability p_i = min(1, i^-β), independently
across coordinates and samples; an active coordinate has value i^-(1+α)/2 · Z, Z ~ N(0, 1).

Part 1. The scale s(D) = S1², S1 = Σ_{i seen exactly once} √p_i. S1 is a sum of independent terms
        (coordinates are independent), so its mean and variance are exact sums:
            E S1   = Σ_i √p_i · P1_i,          P1_i = D p_i (1 − p_i)^(D−1)
            Var S1 = Σ_i p_i · P1_i (1 − P1_i)
        They are compared with the asymptote  E S1 → Γ(3/2 − 1/β)/β · D^(1/β − 1/2).
Part 2. Monte Carlo of the realized S1 (binomial counts per coordinate): its spread across data sets.
Part 3. The singleton part of the ε-averaged noise excess, Σ_{k_i = 1} λ_i (A⁺)_ii with A = X Xᵀ,
        computed exactly (SVD of X) on sampled data sets, against the decoupled value Σ p_i/Z_i² of
        the same data sets (each singleton fitted by its one sample), against that value's law
        Lévy(S1²) mixed over the data sets, and against Lévy at the Γ-formula scale.
Part 4. Realized noise: Σ_{k_i = 1} p_i (ε_i/Z_i)² against Lévy((2/π)·s).

Runs in about three minutes on one idle core (numpy, scipy); its output is docs/checks/singleton_noise.out. Usage: python3 docs/checks/singleton_noise.py
"""
import math
import numpy as np
from scipy.special import erfcinv, gammaln
from scipy.integrate import quad

QUANTILES = (0.10, 0.25, 0.50, 0.75, 0.90)


def levy_quantile(q, scale):
    """q-quantile of the Lévy (one-sided stable, index ½) law of scale c: c / (2 erfc⁻¹(q)²)."""
    return scale / (2.0 * erfcinv(q) ** 2)


def asymptotic_s1(beta, d):
    return math.exp(gammaln(1.5 - 1.0 / beta) - math.log(beta) + (1.0 / beta - 0.5) * math.log(d))


def exact_s1_moments(beta, d, head=2_000_000):
    """E S1 and Var S1 as exact sums over i ≥ 2 (coordinate 1 is active in every sample, so it is
    never a singleton for D ≥ 2), the terms beyond `head` by the midpoint rule in log x (the summand
    is smooth and slowly varying there)."""
    peak = d ** (1.0 / beta)
    last = int(min(head, max(1000.0, 1e4 * peak)))
    mean = var = 0.0
    for lo in range(2, last + 1, 1_000_000):
        i = np.arange(lo, min(last, lo + 999_999) + 1, dtype=np.float64)
        p = i ** (-beta)
        p1 = d * p * np.exp((d - 1) * np.log1p(-p))
        mean += np.sum(np.sqrt(p) * p1)
        var += np.sum(p * p1 * (1 - p1))

    def tail(f):
        # Σ_{i > last} f(i) ≈ ∫_{last+½}^∞ f(x) dx, integrated in t = ln x
        g = lambda t: f(math.exp(t)) * math.exp(t)
        return quad(g, math.log(last + 0.5), math.log(last + 0.5) + 200.0 / beta, limit=400)[0]

    def p1_of(x):
        p = x ** (-beta)
        return d * p * math.exp((d - 1) * math.log1p(-p))

    mean += tail(lambda x: math.sqrt(x ** (-beta)) * p1_of(x))
    var += tail(lambda x: x ** (-beta) * p1_of(x) * (1 - p1_of(x)))
    return mean, var


def part1():
    print("Part 1. E S1 (exact sum) against Γ(3/2 − 1/β)/β · D^(1/β − 1/2); E s = E S1² = (E S1)² + Var S1")
    print(f"{'β':>5} {'D':>8} {'E S1 exact':>12} {'asymptote':>12} {'ratio':>8} {'E s/asym²':>10} {'sd S1/E S1':>11}")
    for beta in (1.5, 2.0, 2.5, 3.0, 4.0):
        for d in (1e3, 1e4, 1e5, 1e6, 1e8):
            m, v = exact_s1_moments(beta, d)
            a = asymptotic_s1(beta, d)
            print(f"{beta:5.1f} {d:8.0e} {m:12.6g} {a:12.6g} {m / a:8.5f} {(m * m + v) / (a * a):10.4f} {math.sqrt(v) / m:11.3f}")
    print()


def singleton_cutoff(beta, d):
    """Last coordinate drawn where only singletons matter: 50·D^(1/β). Beyond it E S1 gains
    Σ_{i>m} D p_i^(3/2) ≈ D m^(1−3β/2)/(3β/2 − 1), below 1e-3 of E S1 for β ≥ 2."""
    return int(50 * d ** (1.0 / beta)) + 1


def cutoff(beta, d, entries=0.01):
    """Last coordinate drawn: expected active entries of the D samples beyond it below `entries`
    (Σ_{i>m} D i^-β ≈ D m^(1−β)/(β − 1))."""
    return int((d / ((beta - 1) * entries)) ** (1.0 / (beta - 1))) + 1


def part2(rng):
    print("Part 2. Realized S1 over 2000 data sets: quantiles of S1 / asymptote")
    print(f"{'β':>5} {'D':>7} {'mean':>7} {'q10':>7} {'q50':>7} {'q90':>7} {'E #singletons':>14}")
    for beta, d in ((2.0, 1000), (2.0, 100000), (3.0, 10000), (3.0, 1000000)):
        last = singleton_cutoff(beta, d)
        vals, n1 = [], []
        ip = np.arange(1, last + 1, dtype=np.float64) ** (-beta)
        for _ in range(2000):
            k = rng.binomial(d, ip)
            one = k == 1
            vals.append(np.sum(np.sqrt(ip[one])))
            n1.append(one.sum())
        r = np.array(vals) / asymptotic_s1(beta, d)
        q = np.quantile(r, (0.1, 0.5, 0.9))
        print(f"{beta:5.1f} {d:7d} {r.mean():7.3f} {q[0]:7.3f} {q[1]:7.3f} {q[2]:7.3f} {np.mean(n1):14.1f}")
    print()


def sample_design(rng, alpha, beta, d, last):
    """One data set: the observed coordinates, their counts, and X_S (K × D, dense)."""
    ip = np.arange(1, last + 1, dtype=np.float64)
    p = np.minimum(1.0, ip ** (-beta))
    k = rng.binomial(d, p)
    obs = np.nonzero(k)[0]
    x = np.zeros((obs.size, d))
    for row, j in enumerate(obs):
        cols = np.arange(d) if k[j] == d else rng.choice(d, size=k[j], replace=False)
        x[row, cols] = (j + 1.0) ** (-(1 + alpha) / 2) * rng.standard_normal(k[j])
    return obs + 1, k[obs], x


def part3(rng):
    print("Part 3. Singleton part Σ_{k_i=1} λ_i (A⁺)_ii (exact, SVD of X, cutoff 1e-12 on singular values)")
    print("        against the decoupled Σ p_i/Z_i² of the same data, its law Lévy(S1²) mixed over the data sets,\n"
          "        and Lévy(asymptote²); quantiles q10/q25/q50/q75/q90")
    for alpha, beta, d, sets in ((0.0, 2.0, 1000, 300), (0.0, 2.5, 10000, 200), (0.5, 2.0, 3000, 200)):
        last = cutoff(beta, d)
        single, paired, rest, s_levy, ratios = [], [], [], [], []
        for _ in range(sets):
            idx, k, x = sample_design(rng, alpha, beta, d, last)
            u, sv, _ = np.linalg.svd(x, full_matrices=False)
            keep = sv > 1e-12 * sv[0]
            ainv_diag = np.sum(u[:, keep] ** 2 / sv[keep] ** 2, axis=1)  # (A⁺)_ii, A = U diag(sv²) Uᵀ
            lam = idx ** (-(1.0 + alpha + beta))
            term = lam * ainv_diag
            one = k == 1
            single.append(term[one].sum())
            rest.append(term[~one].sum())
            # per singleton, λ_i (A⁺)_ii against the decoupled p_i / Z_i² = λ_i / x_i²
            xi = np.abs(x[one]).max(axis=1)
            decoupled = lam[one] / xi ** 2  # λ_i/x_i² = p_i/Z_i², the one-equation fit
            ratios.extend(term[one] / decoupled)
            paired.append(decoupled.sum())
            s1 = np.sum(np.sqrt(idx[one] ** (-beta)))
            # the decoupled law given this data set's singletons, Lévy(S1²) = S1²/Z², 1000 draws
            s_levy.append(s1 ** 2 / rng.standard_normal(1000) ** 2)
        single, paired, rest = map(np.array, (single, paired, rest))
        s_levy = np.concatenate(s_levy)
        a2 = asymptotic_s1(beta, d) ** 2
        fmt = lambda v: "/".join(f"{t:.3g}" for t in v)
        print(f"  α = {alpha}, β = {beta}, D = {d}, {sets} data sets, asymptotic scale s = {a2:.4g}")
        print(f"    exact singleton part         {fmt(np.quantile(single, QUANTILES))}")
        print(f"    Σ p_i/Z_i², same data sets   {fmt(np.quantile(paired, QUANTILES))}")
        print(f"    Lévy(S1²) mixed over the sets {fmt(np.quantile(s_levy, QUANTILES))}")
        print(f"    Lévy(asymptote²)             {fmt([levy_quantile(q, a2) for q in QUANTILES])}")
        print(f"    rest (k_i ≥ 2)               {fmt(np.quantile(rest, QUANTILES))}")
        print(f"    whole noise term             {fmt(np.quantile(single + rest, QUANTILES))}")
        r = np.array(ratios)
        print(f"    per singleton, λ_i(A⁺)_ii / (p_i/Z_i²): median {np.median(r):.4f}, q90 {np.quantile(r, 0.9):.4f}, "
              f"max {r.max():.3g}, below 1 (shares its sample with another singleton): {np.mean(r < 1 - 1e-9):.3f} of {r.size}")
        per_set = single / paired
        print(f"    per data set, exact / decoupled: median {np.median(per_set):.4f}, q90 {np.quantile(per_set, 0.9):.4f}, "
              f"max {per_set.max():.3g}; sets above 1.1: {np.mean(per_set > 1.1):.3f}")
    print()


def part4(rng):
    print("Part 4. Realized noise: Σ_{k_i=1} p_i (ε_i/Z_i)² against Lévy((2/π)·S1²); 20000 draws at fixed S1")
    for beta, d in ((2.0, 1000), (2.0, 100000), (3.0, 100000)):
        last = singleton_cutoff(beta, d)
        ip = np.arange(1, last + 1, dtype=np.float64) ** (-beta)
        k = rng.binomial(d, ip)
        p = ip[k == 1]
        s = np.sum(np.sqrt(p)) ** 2
        draws = np.array([np.sum(p * (rng.standard_normal(p.size) / rng.standard_normal(p.size)) ** 2)
                          for _ in range(20000)])
        emp = np.quantile(draws, QUANTILES) / s
        lev = [levy_quantile(q, 2 / math.pi) for q in QUANTILES]
        print(f"  β = {beta}, D = {d}: {p.size} singletons; quantiles / s: "
              + "/".join(f"{t:.3g}" for t in emp) + "  vs Lévy(2/π): " + "/".join(f"{t:.3g}" for t in lev))
    print()


if __name__ == "__main__":
    print(f"Lévy(1) quantiles q10/q25/q50/q75/q90: " + "/".join(f"{levy_quantile(q, 1):.4g}" for q in QUANTILES))
    print()
    part1()
    rng = np.random.default_rng(20261207)
    part2(rng)
    part3(rng)
    part4(rng)
