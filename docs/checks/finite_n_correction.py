"""Check of the second-order finite-N correction of docs/theory.md §6.2 against a Monte Carlo over W.

For one fixed sparse training set (A = X_S X_Sᵀ, eigenvalues s_j, teacher weights g_j, unfittable mass
U = T + G₀) and N < r, the exact object is E_W E_w*[L | data] of the readout fitted on N Gaussian
features. This script compares, per N, the Monte Carlo mean (with its SE) against:
  - c = ½: [bias + U](N − ½)/(N − ½ − df₂)   (an empirical shift)
  - c = 0: the plain deterministic equivalent
  - "1/N": the deterministic equivalent plus its real-Gaussian 1/N correction (docs/theory.md §6.2).
Run: python3 docs/checks/finite_n_correction.py   (NumPy only; a few minutes; output in finite_n_correction.out)
"""
import numpy as np


def sparse_training_set(alpha, beta, d, m, rng):
    """A on the observed coordinates, λ_S, and the tail mass T for one sparse training set (finite M)."""
    i = np.arange(1, m + 1, dtype=float)
    p = np.minimum(1.0, i ** -beta)
    amp = i ** (-(1 + alpha) / 2)
    lam = i ** -(1 + alpha + beta)
    active = rng.random((d, m)) < p
    x = np.where(active, amp * rng.standard_normal((d, m)), 0.0)
    seen = active.any(axis=0)
    xs = x[:, seen]
    return xs.T @ xs, lam[seen], lam[~seen].sum()


def spectrum(a, lam_s, tail):
    """s_j > 0, g_j on range A, and U = T + G₀."""
    s, u = np.linalg.eigh(a)
    keep = s > s.max() * 1e-12
    g = (u ** 2 * lam_s[:, None]).sum(axis=0)
    return s[keep], g[keep], tail + g[~keep].sum()


def effective_ridge(s, n):
    """κ with Σ s/(s + κ) = N, by bisection in ln κ."""
    lo, hi = np.log(s.min() * (len(s) - n) / n * 1e-3), np.log(s.sum() / n * 10)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if (s / (s + np.exp(mid))).sum() > n:
            lo = mid
        else:
            hi = mid
    return np.exp(0.5 * (lo + hi))


def predictions(s, g, unfit, n):
    """The c = ½ and c = 0 shifts and the second-order formula of docs/theory.md §6.2 at model size N."""
    kappa = effective_ridge(s, n)
    x = s / (s + kappa)
    y = 1 - x
    m2, m3, m4 = (x ** 2).sum(), (x ** 3).sum(), (x ** 4).sum()
    b = n - m2
    a = m2 - m3
    v = m2 / b
    bias = (g * y ** 2).sum()
    out = {}
    for name, c in (("c=1/2", 0.5), ("c=0", 0.0)):
        out[name] = (bias + unfit) * (n - c) / (n - c - m2)
    dv = (-2 * m3 + 3 * m4 + v * (2 * m2 - 5 * m3 + 3 * m4) + a * v) / b ** 2 - 4 * a * (m3 - v * a) / b ** 3
    c1 = -2 * (1 + v) * a / b ** 2 - 2 * (m2 * (a + b) / b - m3) / b ** 2
    c2 = 3 * (1 + v) / b
    fitted = (g * y ** 2 * ((1 + v) + dv + c1 * x + c2 * x ** 2)).sum()
    out["1/N"] = fitted + unfit * (1 + v + dv)
    return out


def monte_carlo(a, lam_s, tail, n, draws, rng):
    """E_w* L for each draw of W (entries N(0, 1/N)); returns mean and SE over draws."""
    k = a.shape[0]
    vals = np.empty(draws)
    for t in range(draws):
        w = rng.standard_normal((n, k)) / np.sqrt(n)
        wa = w @ a
        gram = wa @ w.T
        sol = np.linalg.solve(gram, wa)          # G⁻¹ W A  (N×K)
        p = w.T @ sol                            # P = Wᵀ G⁻¹ W A  (K×K)
        r = np.eye(k) - p
        fit = np.einsum("ij,i,ij->", r, lam_s, r)  # tr(Λ (I − P)(I − P)ᵀ)
        vnorm = np.einsum("ij,ij->", sol, sol)    # E_w* ‖v‖² = tr(A Wᵀ G⁻² W A)
        vals[t] = fit + tail * (1 + vnorm / n)
    return vals.mean(), vals.std(ddof=1) / np.sqrt(draws)


def complex_sketch_check(rng, draws=3000):
    """The derivation's premise: for a COMPLEX Gaussian sketch the plain equivalent (c = 0) is exact up to
    O(1/N²), so the real sketch's 1/N term is the extra variance of real quadratic forms alone."""
    a, lam_s, tail = sparse_training_set(0.0, 2.0, 300, 4000, rng)
    s, g, unfit = spectrum(a, lam_s, tail)
    ev, u = np.linalg.eigh(a)
    lam_eig = u.T @ np.diag(lam_s) @ u
    diag = np.where(ev > ev.max() * 1e-12, ev, 0.0)
    k = len(diag)
    print(f"complex vs real sketch, (α, β, D) = (0, 2, 300): r = {len(s)}")
    print("   N   real MC ± SE          2nd/real   complex MC ± SE       c=0/complex")
    for n in (4, 8, 16):
        row = []
        for kind in ("real", "complex"):
            vals = np.empty(draws)
            for t in range(draws):
                z = rng.standard_normal((n, k))
                if kind == "complex":
                    z = (z + 1j * rng.standard_normal((n, k))) / np.sqrt(2)
                sol = np.linalg.solve((z * diag) @ z.conj().T, z * diag)   # M⁻¹ Z S
                r = np.eye(k) - z.conj().T @ sol
                vals[t] = np.real(np.trace(lam_eig @ r @ r.conj().T)) + tail * (1 + np.sum(np.abs(sol) ** 2))
            row.append((vals.mean(), vals.std(ddof=1) / np.sqrt(draws)))
        pr = predictions(s, g, unfit, n)
        (rm, rs), (cm, cs) = row
        print(f"{n:4d}   {rm:.5g} ± {rs / rm * 100:.2f}%   {pr['1/N'] / rm:6.3f}    "
              f"{cm:.5g} ± {cs / cm * 100:.2f}%   {pr['c=0'] / cm:6.3f}")


def main():
    rng = np.random.default_rng(20261207)
    cases = [(0.0, 2.0, 300, 4000), (0.5, 3.0, 2000, 4000), (-0.3, 2.5, 300, 4000), (0.0, 1.5, 60, 4000),
             (0.3, 2.0, 120, 4000), (0.0, 1.5, 300, 4000)]
    for alpha, beta, d, m in cases:
        a, lam_s, tail = sparse_training_set(alpha, beta, d, m, rng)
        s, g, unfit = spectrum(a, lam_s, tail)
        r = len(s)
        print(f"(α, β, D) = ({alpha}, {beta}, {d}), M = {m}: K = {a.shape[0]}, r = {r}")
        print("   N   MC mean ± SE        c=½/MC  c=0/MC  1/N/MC")
        for n in sorted({4, 8, 12, 16, 24, r // 2, r - 6, r - 3}):
            if n < 2 or n > r - 3:
                continue
            mean, se = monte_carlo(a, lam_s, tail, n, 4000, rng)
            pr = predictions(s, g, unfit, n)
            print(f"{n:4d}   {mean:.5g} ± {se / mean * 100:.2f}%   "
                  + "  ".join(f"{pr[key] / mean:6.3f}" for key in ("c=1/2", "c=0", "1/N")))


if __name__ == "__main__":
    main()
    complex_sketch_check(np.random.default_rng(5))
