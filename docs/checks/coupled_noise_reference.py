import numpy as np, math, sys, time
rng = np.random.default_rng(1)

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

if __name__ == "__main__":
    alpha, beta, D, sigma, reps = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    I = int((1e3*D)**(1/beta))
    t = time.time()
    res = np.array([exact(alpha, beta, D, sigma, draw_data(alpha, beta, D, I, rng), rng) for _ in range(reps)])
    q = [0.1, 0.25, 0.5, 0.75, 0.9]
    print("exact excess", np.quantile(res[:,0], q), "noise", np.quantile(res[:,1], q), time.time()-t)
