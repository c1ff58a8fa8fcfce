"""Reading what the CLI writes: data CSVs with their ``.columns.json`` sidecars, and JSON with ``"inf"`` strings."""

import json
import math
from pathlib import Path
from typing import Any, Dict, Iterable, List

import pandas as pd

#: Strings the CLI writes for non-finite numbers in JSON (M = ∞, an infinite predicted mean).
NON_FINITE = {"inf": math.inf, "-inf": -math.inf, "nan": math.nan}


def sidecar_path(csv_path: Path) -> Path:
    """The sidecar of a data CSV (``collapse.csv`` → ``collapse.columns.json``)."""
    return csv_path.with_name(csv_path.name[: -len(".csv")] + ".columns.json")


def read_table(csv_path: Path) -> pd.DataFrame:
    """A data CSV as a DataFrame; when its sidecar exists, ``df.attrs`` holds ``columns`` (name → meaning),
    ``experiment``, ``alpha`` and ``beta``."""
    frame = pd.read_csv(csv_path)
    sidecar = sidecar_path(csv_path)
    if sidecar.exists():
        described = json.loads(sidecar.read_text())
        frame.attrs["columns"] = {c["name"]: c["meaning"] for c in described.get("columns", [])}
        for key in ("experiment", "alpha", "beta"):
            frame.attrs[key] = described.get(key)
    return frame


def numeric_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every column that holds only numbers, None and the strings ``inf``/``-inf``/``nan``
    converted to floats (so ``m = "inf"`` compares as ``math.inf``)."""
    for name in frame.columns:
        column = frame[name]
        if column.dtype == object and column.map(_is_number_like).all() and column.map(lambda v: isinstance(v, str)).any():
            frame[name] = column.map(lambda v: NON_FINITE[v] if isinstance(v, str) else (math.nan if v is None else v)).astype(float)
    return frame


def records_frame(records: Iterable[Dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame of JSON records (one row each), non-finite strings converted to floats."""
    return numeric_strings(pd.DataFrame(list(records)))


def finite_or_inf(value: Any) -> Any:
    """``value`` with the CLI's non-finite strings as floats, recursively through dicts and lists."""
    if isinstance(value, str) and value in NON_FINITE:
        return NON_FINITE[value]
    if isinstance(value, dict):
        return {k: finite_or_inf(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite_or_inf(v) for v in value]
    return value


def data_files(stderr: str) -> List[Path]:
    """The files an experiment listed on its ``data: a, b, …`` line of standard error (empty when quiet)."""
    for line in stderr.splitlines():
        if line.startswith("data: "):
            return [Path(p) for p in line[len("data: "):].split(", ")]
    return []


def _is_number_like(value: Any) -> bool:
    """Whether ``value`` is a number, None, or one of the non-finite strings."""
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)) or (
        isinstance(value, str) and value in NON_FINITE)
