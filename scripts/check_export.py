#!/usr/bin/env python3
"""Recompute an exported instance in NumPy: v = y F⁺ with F = W_S X_S, y = w_S X_S, and the
observed part of the population loss, Σ λ_S ((W_Sᵀ v) − w_S)². Exits non-zero when they differ
from v.npy and summary.json's loss_observed by more than the tolerance."""
import json
import os
import sys

import numpy as np


def main(folder: str, tolerance: float = 1e-8) -> int:
    load = lambda name: np.load(os.path.join(folder, name))
    X, W, w, lam, observed, v_tool = load("X_S.npy"), load("W_S.npy"), load("w_S.npy"), load("lambda_S.npy"), load("observed.npy"), load("v.npy")
    summary = json.load(open(os.path.join(folder, "summary.json")))
    N, D = summary["n"], summary["d"]
    F = W @ X
    y = w @ X
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
    return 0 if dv < tolerance and dl < tolerance and sparse_ok else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: check_export.py FOLDER", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
