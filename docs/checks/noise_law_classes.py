#!/usr/bin/env python3
"""The label-noise law's noise part by coordinate class, exact against OUR law (docs/theory-label-noise.md).

`exact`: data sets drawn exactly (k_i ~ Binomial(D, p_i) distinct uniform rows for i <= I, Poisson singletons
beyond), the model-rich N = inf fit w_hat = pinv(X_S) (X_S w* + sigma eps). Rows whose active coordinates all lie
among the first H = 20 observed ones are replaced by the R factor of their QR and a fresh N(0, I) noise (Q^T eps):
the normal equations, hence the pseudoinverse fit, are unchanged, and a D = 10^4 draw costs ~0.1 s instead of a
dense D x K pseudoinverse. The noise part sum lam (e^2 - e0^2) is split by how often each coordinate was seen.
`law`: a NumPy replica of the Swift law (coupled_noise_law.py's law_draw, keeping each coordinate's term).
`alpha-pair A2`: the exact noise part of the same draws at ALPHA and A2 (same seed): equal where X_S has full rank.
Usage: python3 docs/checks/noise_law_classes.py ALPHA BETA D SIGMA DRAWS {exact|law|alpha-pair A2} [SEED] [--against BINARY]
Prints q10/q25/q50/q75/q90 of each class (k = 1, 2-4, >= 5) and of the total; with --against, `exact` also prints the
fraction of exact excess losses (noise part + clean part + unobserved mass, N = inf) below the quantiles of
`BINARY theory --n 1e15` (the Swift law) and z = (fraction - q)/sqrt(q(1 - q)/DRAWS). Output quoted in the note is in
noise_law_classes.out.
"""
import json, math, subprocess, sys, time
import numpy as np
from scipy.special import zeta
from coupled_noise_law import params, far_index, sum_pow

LEVELS = [0.1, 0.25, 0.5, 0.75, 0.9]
HUBS = 20


def draw_incidence(beta, D, I, rng):
    """(index, rows) of every observed coordinate: exact counts and rows for i <= I, Poisson singletons beyond."""
    p, _ = params(0.0, beta, I)
    k = rng.binomial(D, p)
    cols = [(j + 1, rng.choice(D, size=k[j], replace=False) if k[j] < D else np.arange(D)) for j in np.nonzero(k)[0]]
    for _ in range(rng.poisson(D * sum_pow(beta, I))):
        cols.append((int(far_index(beta, I, rng.uniform())), np.array([rng.integers(D)])))
    return cols


def exact_terms(alphas, beta, D, sigma, cols, rng):
    """Per-coordinate noise terms lam_i (e_i^2 - e0_i^2) of the exact N = inf fit and its clean excess (null directions
    and unobserved mass), one pair per alpha, same draws."""
    K = len(cols)
    hard = np.zeros(D, bool)
    for c, (_, rows) in enumerate(cols):
        if c >= HUBS:
            hard[rows] = True
    hard_rows = np.nonzero(hard)[0]
    pos = -np.ones(D, int)
    pos[hard_rows] = np.arange(len(hard_rows))
    z = [rng.standard_normal(len(rows)) for _, rows in cols]
    w = rng.standard_normal(K)
    hubs = min(HUBS, K)
    eps = rng.standard_normal(len(hard_rows) + hubs)
    out = []
    for alpha in alphas:
        X_hard = np.zeros((len(hard_rows), K))
        X_soft = np.zeros((D, hubs))
        lam = np.zeros(K)
        for c, (i, rows) in enumerate(cols):
            i = float(i)
            x = i ** (-(1 + alpha) / 2) * z[c]
            h = hard[rows]
            X_hard[pos[rows[h]], c] = x[h]
            if c < hubs:
                X_soft[rows[~h], c] = x[~h]
            lam[c] = min(1.0, i ** -beta) * i ** -(1 + alpha)
        R_soft = np.linalg.qr(X_soft, mode='r')
        X = np.vstack([X_hard, np.hstack([R_soft, np.zeros((R_soft.shape[0], K - hubs))])])
        Q, R = np.linalg.qr(X)
        U, s, Vt = np.linalg.svd(R, full_matrices=False)
        keep = s > 1e-15 * s[0]
        pinv = lambda b: Vt[keep].T @ ((U[:, keep].T @ (Q.T @ b)) / s[keep])
        e0 = pinv(X @ w) - w
        e = e0 + sigma * pinv(eps[:X.shape[0]])
        clean = (lam * e0 * e0).sum() + zeta(1 + alpha + beta) - lam.sum()
        out.append((lam * (e * e - e0 * e0), clean))
    counts = np.array([len(rows) for _, rows in cols])
    return counts, out


def law_terms(alpha, beta, D, sigma, I, rng, k0=4):
    """The Swift law's draw (coupled_noise_law.law_draw) keeping (times seen, noise term) per coordinate."""
    p, a = params(alpha, beta, I)
    lam = p * a
    k = rng.binomial(D, p)
    common = np.nonzero(k > k0)[0]
    ec = sigma * rng.standard_normal(len(common)) / np.sqrt(a[common] * rng.chisquare(k[common]))
    counts, terms = list(k[common]), list(lam[common] * ec * ec)
    rare = [(float(j + 1), k[j]) for j in np.nonzero((k > 0) & (k <= k0))[0]]
    for _ in range(rng.poisson(D * sum_pow(beta, I))):
        rare.append((float(far_index(beta, I, rng.uniform())), 1))
    rows_of = [rng.choice(D, size=kk, replace=False) for _, kk in rare]
    parent = list(range(len(rare)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    owner = {}
    for c, rows in enumerate(rows_of):
        for r in rows:
            if r in owner:
                parent[find(c)] = find(owner[r])
            else:
                owner[r] = c
    row_pos = {r: j for j, r in enumerate(sorted(owner))}
    residual = sigma * rng.standard_normal(len(row_pos))
    for jj, j in enumerate(common):
        hit = rng.binomial(len(row_pos), p[j])
        if hit:
            sel = rng.choice(len(row_pos), size=hit, replace=False)
            residual[sel] -= np.sqrt(a[j]) * rng.standard_normal(hit) * ec[jj]
    components = {}
    for c in range(len(rare)):
        components.setdefault(find(c), []).append(c)
    for cs in components.values():
        rows = sorted({row_pos[r] for c in cs for r in rows_of[c]})
        local = {r: j for j, r in enumerate(rows)}
        X = np.zeros((len(rows), len(cs)))
        lam_c = np.zeros(len(cs))
        for jc, c in enumerate(cs):
            i, kk = rare[c]
            X[[local[row_pos[r]] for r in rows_of[c]], jc] = np.sqrt(i ** -(1 + alpha)) * rng.standard_normal(kk)
            lam_c[jc] = min(1, i ** -beta) * i ** -(1 + alpha)
            counts.append(kk)
        e = np.linalg.pinv(X, rcond=1e-13) @ residual[rows]
        terms += list(lam_c * e * e)
    return np.array(counts), np.array(terms)


def by_class(counts, terms):
    return [terms[counts == 1].sum(), terms[(counts >= 2) & (counts <= 4)].sum(), terms[counts >= 5].sum(), terms.sum()]


def show(name, rows):
    rows = np.array(rows)
    for j, label in enumerate(["k=1", "k=2-4", "k>=5", "total"]):
        print(f"{name} {label:6s} " + " ".join(f"{x:.3e}" for x in np.quantile(rows[:, j], LEVELS)), flush=True)


def law_quantiles(binary, alpha, beta, D, sigma):
    """The Swift law's q10..q90 of the excess loss at N = inf (`theory --n 1e15`)."""
    out = subprocess.run([binary, "theory", "--alpha", str(alpha), "--beta", str(beta), "--n", "1e15", "--d", str(D),
                          "--noise", str(sigma), "--format", "json"], capture_output=True, text=True, check=True)
    law = json.loads(out.stdout)["loss_quantiles"]
    return [law[k] for k in ("q10", "q25", "q50", "q75", "q90")]


if __name__ == "__main__":
    against = None
    if "--against" in sys.argv:
        at = sys.argv.index("--against")
        against = sys.argv[at + 1]
        del sys.argv[at:at + 2]
    alpha, beta, D, sigma, draws = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    which = sys.argv[6]
    pair = which == "alpha-pair"
    alpha2 = float(sys.argv[7]) if pair else None
    rng = np.random.default_rng(int(sys.argv[8 if pair else 7]) if len(sys.argv) > (8 if pair else 7) else 2)
    I = int((1e3 * D) ** (1 / beta))
    t = time.time()
    if which == "law":
        show(f"law {draws}", [by_class(*law_terms(alpha, beta, D, sigma, I, rng)) for _ in range(draws)])
    else:
        alphas = [alpha, alpha2] if pair else [alpha]
        rows, excess = [[], []], []
        for _ in range(draws):
            counts, terms = exact_terms(alphas, beta, D, sigma, draw_incidence(beta, D, I, rng), rng)
            for j, (t_alpha, clean) in enumerate(terms):
                rows[j].append(by_class(counts, t_alpha))
            excess.append(rows[0][-1][3] + terms[0][1])
        show(f"exact {draws} alpha={alpha}", rows[0])
        if against:
            excess = np.array(excess)
            cells = []
            for q, value in zip(LEVELS, law_quantiles(against, alpha, beta, D, sigma)):
                fraction = np.mean(excess < value)
                cells.append(f"{fraction:.3f} ({(fraction - q) / math.sqrt(q * (1 - q) / draws):+.2f})")
            print(f"exact excess below the law's q10..q90 (z): " + " ".join(cells))
        if pair:
            show(f"exact {draws} alpha={alpha2}", rows[1])
            ratio = np.array(rows[1])[:, 3] / np.array(rows[0])[:, 3]
            print(f"per-draw total ratio: equal to 1e-6 in {np.mean(abs(ratio - 1) < 1e-6):.3f} of draws, "
                  f"range {ratio.min():.4f}..{ratio.max():.4f}")
    print(f"{time.time() - t:.1f}s", flush=True)
