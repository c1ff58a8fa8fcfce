#!/usr/bin/env python3
"""Independent NumPy/SciPy checks of closed forms in docs/theory.md (§4, §6.1, §7.1, §7.3).

The Swift tests check the code; this script checks the formulas themselves, from scratch:
  A. §4   E[K(D)] = Σ[1 − (1 − p_i)^D] against Γ(1 − 1/β)·D^(1/β) − ½.
  B. §4   L_over(D) = Σ λ_i (1 − p_i)^D against Γ((α+β)/β)/β · D^(−(α+β)/β).
  C. §7.3 the decoupled one-pass SGD law Σ λ_i (1 − p_i(2ηa_i − 3η²a_i²))^t against
          Γ(1 − 1/s)/s · (2ηt)^(−(α+β)/s), s = 1 + α + β.
  D. §6.1 and §7.1 on one sampled sparse training set: Monte Carlo over W and w* (and the reduced
          noise z) of the exact readout against (T + G₀)(1 + (r + σ² tr A⁺)/(N − r − 1)) + σ² Σ λ_i (A⁺)_ii,
          and the quantiles of ‖v‖²/N against χ²_r/χ²_{N−r+1} (σ = 0).
Exact sums: terms up to m = 100·D^(1/β) directly, beyond by the binomial series through Hurwitz ζ.
Usage: python3 docs/checks/closed_forms.py   (about half a minute on one core)
"""
import math
import numpy as np
from scipy.special import zeta, gammaln, comb
from scipy.stats import f as fisher

def head_and_tail(beta, d, weight_exp, observed):
    """Σ_i i^-weight_exp·g_i with g_i = 1 − (1 − p_i)^D (observed) or (1 − p_i)^D (not)."""
    m = int(100 * d ** (1 / beta)) + 1
    i = np.arange(1, m + 1, dtype=np.float64)
    p = np.minimum(1.0, i ** -beta)
    un = np.exp(d * np.log1p(-np.where(p < 1, p, 0.5))) * (p < 1)
    g = (1 - un) if observed else un
    total = math.fsum(i ** -weight_exp * g)
    # beyond m: 1 − (1 − p)^D = Σ_{k≥1} (−1)^(k+1) C(D, k) p^k; (1 − p)^D = 1 − that
    series = sum((-1) ** (k + 1) * comb(d, k) * zeta(weight_exp + k * beta, m + 1) for k in range(1, 8))
    return total + (series if observed else zeta(weight_exp, m + 1) - series)

print("A/B. E[K(D)] and L_over(D): exact sum / asymptote")
print(f"{'α':>5} {'β':>4} {'D':>7} {'E[K]':>12} {'Γ(1−1/β)D^(1/β)−½':>18} {'ratio':>9} {'L_over':>12} {'asymptote':>12} {'ratio':>9}")
for alpha, beta in ((0.0, 2.0), (0.5, 3.0), (-0.5, 1.5)):
    for d in (1e2, 1e4, 1e6):
        k = head_and_tail(beta, d, 0.0, True)
        ka = math.exp(gammaln(1 - 1 / beta)) * d ** (1 / beta) - 0.5
        lo = head_and_tail(beta, d, 1 + alpha + beta, False)
        la = math.exp(gammaln((alpha + beta) / beta) - math.log(beta)) * d ** (-(alpha + beta) / beta)
        print(f"{alpha:5.1f} {beta:4.1f} {d:7.0e} {k:12.6g} {ka:18.6g} {k / ka:9.6f} {lo:12.6g} {la:12.6g} {lo / la:9.6f}")
print()

print("C. One-pass SGD, decoupled N = ∞ law / its asymptote (η = 0.25)")
for alpha, beta in ((0.0, 2.0), (0.5, 2.5)):
    s = 1 + alpha + beta
    eta = 0.25
    for t in (1e3, 1e4, 1e5, 1e6):
        m = int((2 * eta * t * 1e6) ** (1 / s)) + 10
        i = np.arange(1, m + 1, dtype=np.float64)
        a, p = i ** -(1 + alpha), np.minimum(1, i ** -beta)
        lam = p * a
        law = math.fsum(lam * np.exp(t * np.log1p(-p * (2 * eta * a - 3 * eta ** 2 * a ** 2)))) + zeta(s, m + 1)
        asym = math.exp(gammaln(1 - 1 / s) - math.log(s)) * (2 * eta * t) ** (-(alpha + beta) / s)
        print(f"  α = {alpha}, β = {beta}, t = {t:7.0e}: law {law:.6g}, asymptote {asym:.6g}, ratio {law / asym:.4f}")
print()

print("D. §6.1/§7.1 on one training set (α = 0, β = 1.5, D = 40, M = 400, the first draw with r < K),")
print("   Monte Carlo over W, w* and z")
rng = np.random.default_rng(7)
alpha, beta, d, mdim = 0.0, 1.5, 40, 400
idx = np.arange(1, mdim + 1, dtype=np.float64)
p = np.minimum(1, idx ** -beta)
lam = idx ** -(1 + alpha + beta)
while True:  # a training set with null directions (G₀ > 0): two coordinates seen only in one sample
    act = rng.random((mdim, d)) < p[:, None]
    x = act * idx[:, None] ** (-(1 + alpha) / 2) * rng.standard_normal((mdim, d))
    obs = act.any(axis=1)
    xs, lam_s = x[obs], lam[obs]
    kk = xs.shape[0]
    u, sv, _ = np.linalg.svd(xs, full_matrices=False)
    keep = sv > 1e-10 * sv[0]
    r = int(keep.sum())
    if r < kk:
        break
R = u[:, keep] * sv[keep]                      # R Rᵀ = A
proj = u[:, keep] @ u[:, keep].T               # projector onto range A
g0 = float(np.sum(lam_s * (1 - np.diag(proj))))
t_mass = float(lam[~obs].sum())
ainv = (u[:, keep] / sv[keep] ** 2) @ u[:, keep].T
tr_ainv, w_ainv = float(np.trace(ainv)), float(np.sum(lam_s * np.diag(ainv)))
print(f"  K = {kk}, r = {r}, T = {t_mass:.4g}, G₀ = {g0:.4g}")
for n, sigma in ((r + 6, 0.0), (r + 12, 0.0), (r + 12, 0.3), (2 * r, 1.0)):
    draws, q = 40000, []
    losses = np.empty(draws)
    for j in range(draws):
        w = rng.standard_normal((n, kk)) / math.sqrt(n)
        wstar = rng.standard_normal(kk)
        c = R.T @ wstar + sigma * rng.standard_normal(r)
        v = c @ np.linalg.pinv(w @ R)           # v = c B⁺, B = W_S R (§3)
        vn = float(v @ v) / n
        err = w.T @ v - wstar
        # observed part exact (null directions included); tail at its mean given v
        losses[j] = float(np.sum(lam_s * err ** 2)) + (vn + 1) * t_mass
        q.append(vn)
    pred = (t_mass + g0) * (1 + (r + sigma ** 2 * tr_ainv) / (n - r - 1)) + sigma ** 2 * w_ainv
    se = losses.std() / math.sqrt(draws)
    line = f"  N = {n:3d}, σ = {sigma}: MC mean {losses.mean():.5g} ± {se:.2g}, formula {pred:.5g}, z = {(losses.mean() - pred) / se:+.2f}"
    if sigma == 0:
        qs = np.quantile(q, (0.1, 0.5, 0.9))
        fq = fisher.ppf((0.1, 0.5, 0.9), r, n - r + 1) * r / (n - r + 1)
        line += "; ‖v‖²/N q10/q50/q90 " + "/".join(f"{a:.3g}" for a in qs) + " vs χ²_r/χ²_{N−r+1} " + "/".join(f"{a:.3g}" for a in fq)
    print(line)
