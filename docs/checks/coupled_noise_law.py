#!/usr/bin/env python3
"""Independent NumPy check of OUR coupled label-noise law (docs/theory-label-noise.md).

`exact`: data sets drawn sample by sample (coordinate i <= I active in each of D samples with probability p_i;
beyond I, Poisson singletons), the model-rich N = inf excess loss sum_S lam_i (w_hat - w*)_i^2 + T with
w_hat = pinv(X_S) (X_S w* + sigma eps) by a dense pseudoinverse.
`K` (an integer k0): the law as implemented in Swift -- coordinates seen <= k0 times fitted exactly per
connected component of shared samples, the others decoupled (sigma^2 p_i g^2/chi^2_k) with their errors
entering the shared samples. `dec`: the decoupled law (every coordinate fitted from its own samples alone).
Usage: python3 docs/checks/coupled_noise_law.py ALPHA BETA D SIGMA DRAWS {exact|dec|K} [SEED]
Prints q10/q25/q50/q75/q90 of the excess loss; the outputs quoted in the note are in coupled_noise_law.out.
"""
import numpy as np, math, sys, time

def params(alpha, beta, I):
    i = np.arange(1, I+1, dtype=float)
    p = np.minimum(1, i**-beta); a = i**-(1+alpha)
    return p, a

def far_index(beta, I, u):
    # i > I with prob ∝ i^-beta (continuous inverse CDF on [I+.5, inf))
    a = I + 0.5; e = 1 - beta
    return np.maximum(I+1, np.rint((a**e * (1-u))**(1/e)).astype(np.int64))

def draw_data(alpha, beta, D, I, rng):
    """Exact incidence: coordinate i<=I count ~ Bin(D,p_i), rows uniform distinct; far: Poisson singletons."""
    p, a = params(alpha, beta, I)
    cols = []  # (index, rows)
    for lo in range(0, I, 2048):
        B = rng.random((D, min(I, lo+2048) - lo)) < p[lo:lo+2048]
        for c in np.nonzero(B.any(axis=0))[0]:
            cols.append((lo+c+1, np.nonzero(B[:, c])[0]))
    mu = D * sum_pow(beta, I)
    for _ in range(rng.poisson(mu)):
        cols.append((int(far_index(beta, I, rng.uniform())), np.array([rng.integers(D)])))
    return cols

def sum_pow(g, I):
    # sum_{i>I} i^-g ~ integral from I+.5
    return (I+0.5)**(1-g)/(g-1)

def total_var(alpha, beta):
    from scipy.special import zeta
    return zeta(1+alpha+beta)

def exact(alpha, beta, D, sigma, cols, rng):
    """N = inf: excess = sum_S lam (w_hat - w*)^2 + T, w_hat = pinv(X) y. Returns (excess, noise part)."""
    K = len(cols)
    X = np.zeros((D, K)); lam = np.zeros(K); idx = np.zeros(K, int)
    for c, (i, rows) in enumerate(cols):
        ai = i**-(1+alpha); pi = min(1, i**-beta)
        X[rows, c] = np.sqrt(ai) * rng.standard_normal(len(rows))
        lam[c] = pi*ai; idx[c] = i
    w = rng.standard_normal(K); eps = rng.standard_normal(D)
    P = np.linalg.pinv(X)
    e0 = P @ (X @ w) - w
    e1 = e0 + sigma * (P @ eps)
    T = total_var(alpha, beta) - lam.sum()
    return (lam*e1*e1).sum() + T, (lam*e1*e1).sum() - (lam*e0*e0).sum()


def law_draw(alpha, beta, D, sigma, I, k0, rng, coupled=True):
    p, a = params(alpha, beta, I)
    lam = p*a
    k = rng.binomial(D, p)
    T = total_var(alpha, beta) - lam[k > 0].sum()
    noise = 0.0
    common = np.nonzero(k > k0)[0] if coupled else np.nonzero(k > 0)[0]
    g = rng.standard_normal(len(common)); chi = rng.chisquare(k[common])
    ec = sigma * g / np.sqrt(a[common] * chi)          # common coordinates' errors (decoupled)
    noise += (lam[common] * ec * ec).sum()
    if not coupled:
        return noise + T
    rare = [(i+1, k[i]) for i in np.nonzero((k > 0) & (k <= k0))[0]]
    for _ in range(rng.poisson(D * sum_pow(beta, I))):
        i = int(far_index(beta, I, rng.uniform())); rare.append((i, 1)); T -= min(1, i**-beta)*i**-(1+alpha)
    # rows of the rare coordinates
    rowsof = [rng.choice(D, size=kk, replace=False) for (_, kk) in rare]
    # union-find over rare coordinates via rows
    parent = list(range(len(rare)))
    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]; x = parent[x]
        return x
    owner = {}
    for c, rows in enumerate(rowsof):
        for r in rows:
            if r in owner: parent[find(c)] = find(owner[r])
            else: owner[r] = c
    T_rows = np.array(sorted(owner.keys()))
    rowpos = {r: j for j, r in enumerate(T_rows)}
    # residual on rare rows: sigma*eps - sum_common x_nj e_j
    m = len(T_rows)
    u = sigma * rng.standard_normal(m)
    for jj, j in enumerate(common):
        cnt = rng.binomial(m, p[j])
        if cnt:
            sel = rng.choice(m, size=cnt, replace=False)
            u[sel] -= np.sqrt(a[j]) * rng.standard_normal(cnt) * ec[jj]
    comps = {}
    for c in range(len(rare)): comps.setdefault(find(c), []).append(c)
    for cs in comps.values():
        rows = sorted({rowpos[r] for c in cs for r in rowsof[c]})
        rp = {r: j for j, r in enumerate(rows)}
        X = np.zeros((len(rows), len(cs)))
        lamc = np.zeros(len(cs))
        for jc, c in enumerate(cs):
            i, kk = rare[c]
            ai = i**-(1+alpha); pi = min(1, i**-beta)
            X[[rp[rowpos[r]] for r in rowsof[c]], jc] = np.sqrt(ai) * rng.standard_normal(kk)
            lamc[jc] = pi*ai
        w = rng.standard_normal(len(cs))
        Pm = np.linalg.pinv(X)
        e = Pm @ (X @ w + u[rows]) - w
        noise += (lamc * e * e).sum()
    return noise + T

if __name__ == "__main__":
    alpha, beta, D, sigma, reps = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    which = sys.argv[6]
    rng = np.random.default_rng(int(sys.argv[7]) if len(sys.argv) > 7 else 2)
    I = int((1e3*D)**(1/beta))
    q = [0.1, 0.25, 0.5, 0.75, 0.9]
    t = time.time()
    if which == "exact":
        res = np.array([exact(alpha, beta, D, sigma, draw_data(alpha, beta, D, I, rng), rng)[0] for _ in range(reps)])
    elif which == "dec":
        res = np.array([law_draw(alpha, beta, D, sigma, I, 0, rng, coupled=False) for _ in range(reps)])
    else:
        res = np.array([law_draw(alpha, beta, D, sigma, I, int(which), rng) for _ in range(reps)])
    np.save(f"res_{alpha}_{beta}_{D}_{sigma}_{which}.npy", res)
    print(which, reps, " ".join(f"{x:.4g}" for x in np.quantile(res, q)), f"{time.time()-t:.1f}s", flush=True)
