#!/usr/bin/env python3
"""Recompute an exported instance in NumPy: v = y F⁺ with F = W_S X_S and the exported labels y
(y.npy: w_S X_S plus σε when exported with --noise σ; w_S X_S for older exports without y.npy), the
observed part of the population loss, Σ λ_S ((W_Sᵀ v) − w_S)², λ_S = S^−(1+α+β), and (expected tail)
the tail (‖v‖²/N + 1)·Σ_{i∉S} λ_i (Riemann zeta for M = ∞, a direct sum for finite M). Checks that
y − w_S X_S is zero for σ = 0 and has the size of σ·√D otherwise. Exits non-zero when any of them
differs from the export (v.npy, lambda_S.npy, summary.json's loss_observed, loss_tail,
loss = loss_observed + loss_tail) by more than the tolerance."""
import json
import os
import sys

import numpy as np


def main(folder: str, tolerance: float = 1e-8) -> int:
    load = lambda name: np.load(os.path.join(folder, name))
    X, W, w, lam, observed, v_tool = load("X_S.npy"), load("W_S.npy"), load("w_S.npy"), load("lambda_S.npy"), load("observed.npy"), load("v.npy")
    summary = json.load(open(os.path.join(folder, "summary.json")))
    N, D = summary["n"], summary["d"]
    sigma = summary.get("noise", 0.0) or 0.0
    F = W @ X
    clean = w @ X
    y = load("y.npy") if os.path.exists(os.path.join(folder, "y.npy")) else clean
    noise = y - clean
    noise_ok = True
    if sigma == 0:
        noise_ok = np.max(np.abs(noise)) <= 1e-12 * max(1.0, np.max(np.abs(clean)))
    else:
        # ‖y − wX‖²/σ² ~ χ²_D: within 6 standard deviations of D.
        chi2 = float(np.sum(noise ** 2) / sigma ** 2)
        noise_ok = abs(chi2 - D) <= 6 * np.sqrt(2 * D) + 6
        print(f"noise σ = {sigma}: ‖y − w_S X_S‖²/σ² = {chi2:.1f} (expected {D} ± {np.sqrt(2 * D):.1f})")
    rtol = summary["tolerance"] if summary["tolerance"] is not None else max(N, D) * np.finfo(float).eps
    if summary["ridge"] > 0:
        v = np.linalg.solve(F @ F.T + summary["ridge"] * D * np.eye(N), F @ y)
    else:
        v = y @ np.linalg.pinv(F, rtol=rtol)
    loss = float(np.sum(lam * (W.T @ v - w) ** 2))
    dv = np.max(np.abs(v - v_tool)) / max(np.max(np.abs(v)), 1e-300)
    total = summary["loss"]
    dl = abs(loss - summary["loss_observed"]) / total
    print(f"K = {len(observed)}, N = {N}, D = {D}: |v − v_tool|/|v| = {dv:.2e}, "
          f"loss_observed numpy = {loss:.12e}, tool = {summary['loss_observed']:.12e} (difference {dl:.2e} of the loss)")
    ok = dv < tolerance and dl < tolerance
    # λ_S from the exponents, and the tail.
    s = 1 + summary["alpha"] + summary["beta"]
    indices = observed.astype(float)
    dlam = np.max(np.abs(lam - indices ** -s) / indices ** -s)
    ok = ok and dlam < 1e-12
    dsum = abs(summary["loss_observed"] + summary["loss_tail"] - total) / total
    ok = ok and dsum < 1e-12
    print(f"λ_S vs S^−(1+α+β): {dlam:.2e}; loss − (observed + tail): {dsum:.2e} of the loss")
    if summary["tail"] == "expected":
        m = summary.get("m")
        if m is None or m == "inf":  # M = ∞ (null in summary.json today, "inf" as everywhere else once point writes it so)
            from scipy.special import zeta
            total_variance = float(zeta(s, 1))
        else:
            total_variance = float(np.sum(np.arange(1, m + 1, dtype=float) ** -s))
        unobserved = total_variance - float(np.sum(indices ** -s))
        tail = (float(v_tool @ v_tool) / N + 1) * unobserved
        dt = abs(tail - summary["loss_tail"]) / total
        ok = ok and dt < tolerance
        print(f"expected tail numpy = {tail:.12e}, tool = {summary['loss_tail']:.12e} (difference {dt:.2e} of the loss)")
    else:
        print("realized tail: not recomputed (it needs the unobserved W columns, which are not exported)")
    sparse_ok = True
    npz = os.path.join(folder, "X_S.npz")
    if os.path.exists(npz):
        try:
            import scipy.sparse
        except ImportError:
            print("X_S.npz present; scipy is not installed, so it was not checked")
        else:
            Xs = scipy.sparse.load_npz(npz)
            sparse_ok = Xs.format == "csr" and Xs.shape == X.shape and np.array_equal(Xs.toarray(), X)
            print(f"X_S.npz: {Xs.format}, shape {Xs.shape}, {Xs.nnz} nonzeros, equal to X_S.npy: {sparse_ok}")
    assert observed.min() >= 1, "observed.npy holds 1-based coordinate indices"
    return 0 if ok and sparse_ok and noise_ok else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: check_export.py FOLDER", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
