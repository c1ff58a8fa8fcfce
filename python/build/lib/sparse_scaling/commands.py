"""One function per command: the keywords are the command's flags, the result a DataFrame or a dict."""

import io
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

import numpy as np
import pandas as pd

from .binary import find_binary
from .cli import SparseScalingError, as_path, flag_value, run
from .tables import data_files, finite_or_inf, read_table, records_frame

PathLike = Union[str, Path]


def theory(*, binary: Optional[str] = None, **flags: Any) -> Union[Dict[str, Any], pd.DataFrame]:
    """``sparse-scaling theory``: a dict of the closed forms (with ``predicted_loss`` when both ``n`` and ``d``
    are single sizes), or, when ``n`` or ``d`` is a list or range, the predicted loss curve as a DataFrame."""
    if _is_grid(flags.get("n")) or _is_grid(flags.get("d")):
        text = run(["theory"], {**flags, "format": "csv"}, binary).stdout
        return pd.read_csv(_text_io(text))
    return finite_or_inf(json.loads(run(["theory"], {**flags, "format": "json"}, binary).stdout))


def point(*, binary: Optional[str] = None, **flags: Any) -> Dict[str, Any]:
    """``sparse-scaling point``: one trained model's loss and its whole configuration, as a dict."""
    return finite_or_inf(json.loads(run(["point"], {**flags, "format": "json"}, binary).stdout))


def sweep(*, binary: Optional[str] = None, **flags: Any) -> pd.DataFrame:
    """``sparse-scaling sweep``: one row per point (mean ± SE, median, quantiles over seeds); ``df.attrs`` holds
    the ``fit``, the ``theory`` verdict, the ``configuration``, ``local_exponents`` and the ``rows`` counts."""
    document = finite_or_inf(json.loads(run(["sweep"], {**flags, "format": "json"}, binary).stdout))
    frame = records_frame(document.pop("points"))
    frame.attrs.update(document)
    return frame


def results(store: PathLike, *, binary: Optional[str] = None, **flags: Any) -> pd.DataFrame:
    """``sparse-scaling results``: every stored (configuration, seed) row of ``store`` (``m`` = inf for M = ∞)."""
    text = run(["results"], {"store": str(store), **flags, "format": "csv"}, binary).stdout
    return pd.read_csv(_text_io(text))


@dataclass
class ExperimentResult:
    """What ``experiment`` wrote: its JSON document, each data table as a DataFrame (sidecar meanings in
    ``attrs``), the folder and every file, and its SVG figures (two for ``relu-sweeps``, one per solver)."""

    name: str
    document: Dict[str, Any]
    tables: Dict[str, pd.DataFrame]
    folder: Path
    files: List[Path] = field(default_factory=list)
    figures: List[Path] = field(default_factory=list)

    @property
    def figure(self) -> Optional[Path]:
        """The first SVG figure (by the order the CLI listed them), or None."""
        return self.figures[0] if self.figures else None

    @property
    def table(self) -> pd.DataFrame:
        """The main data table (``<name>.csv``, else the first one by file name)."""
        main = f"{self.name}.csv"
        return self.tables[main] if main in self.tables else self.tables[sorted(self.tables)[0]]


def experiment(name: str, *, out: Optional[PathLike] = None, binary: Optional[str] = None, **flags: Any) -> ExperimentResult:
    """``sparse-scaling experiment NAME``: runs it into ``out`` (a new temporary folder when not given) and
    reads back every file it wrote."""
    folder = as_path(out) if out is not None else Path(tempfile.mkdtemp(prefix=f"sparse-scaling-{name}-"))
    completed = run(["experiment", name], {**flags, "out": str(folder), "format": "json"}, binary)
    files = data_files(completed.stderr) or sorted(p for p in folder.iterdir() if p.is_file())
    tables = {p.name: read_table(p) for p in files if p.suffix == ".csv"}
    return ExperimentResult(
        name=name, document=finite_or_inf(json.loads(completed.stdout)), tables=tables, folder=folder, files=files,
        figures=[p for p in files if p.suffix == ".svg"])


def export(*, out: Optional[PathLike] = None, binary: Optional[str] = None, **flags: Any) -> Dict[str, Any]:
    """``sparse-scaling export``: the realized instance's NumPy arrays by name (``X_S``, ``W_S``, ``w_S``,
    ``lambda_S``, ``observed``, ``y``, ``v``), ``summary`` (a dict) and, with ``sparse=True``, ``X_S_csr``
    (the CSR parts ``data``, ``indices``, ``indptr``, ``shape`` of ``X_S.npz``)."""
    folder = as_path(out) if out is not None else Path(tempfile.mkdtemp(prefix="sparse-scaling-export-"))
    run(["export"], {**flags, "out": str(folder)}, binary)
    arrays: Dict[str, Any] = {p.stem: np.load(p) for p in sorted(folder.glob("*.npy"))}
    arrays["summary"] = finite_or_inf(json.loads((folder / "summary.json").read_text()))
    npz = folder / "X_S.npz"
    if npz.exists():
        with np.load(npz) as archive:
            arrays["X_S_csr"] = {key: archive[key] for key in archive.files}
    arrays["folder"] = folder
    return arrays


def calibrate(data: pd.DataFrame, *, binary: Optional[str] = None, **flags: Any) -> Dict[str, Any]:
    """``sparse-scaling calibrate``: writes ``data`` as a CSV and runs ``calibrate --data FILE`` with the other
    keywords as flags (``n_column``, ``flop_column``, ``loss_column``, …); returns its JSON as a dict."""
    with tempfile.TemporaryDirectory(prefix="sparse-scaling-calibrate-") as folder:
        path = Path(folder) / "data.csv"
        data.to_csv(path, index=False)
        try:
            completed = run(["calibrate"], {"data": str(path), **flags, "format": "json"}, binary)
        except SparseScalingError as error:
            if error.status == 2 and not has_command("calibrate", binary):
                raise SparseScalingError(
                    f"this sparse-scaling binary ({find_binary(binary)}) has no calibrate command; build one that has it",
                    error.status, error.arguments, error.stderr) from error
            raise
    return finite_or_inf(json.loads(completed.stdout))


def calibrate_coverage(*, binary: Optional[str] = None, **flags: Any) -> pd.DataFrame:
    """``sparse-scaling calibrate-coverage``: one row per checked quantity (a, b, alpha, beta) with its truth,
    covered tables, fraction, exact binomial p-values, median estimate and CI width, and verdict."""
    text = run(["calibrate-coverage"], {**flags, "format": "csv"}, binary).stdout
    return pd.read_csv(_text_io(text))


def has_command(name: str, binary: Optional[str] = None) -> bool:
    """Whether the binary's ``--help`` lists the subcommand ``name``."""
    listed = run(["--help"], {}, binary).stdout
    return any(line.split()[:1] == [name] for line in listed.splitlines())


def reproduce(*, out: Optional[PathLike] = None, binary: Optional[str] = None, **flags: Any) -> Dict[str, Any]:
    """``sparse-scaling reproduce``: every experiment and the report into ``out`` (a new temporary folder when
    not given); returns ``summary.json`` as a dict, with ``folder`` added."""
    folder = as_path(out) if out is not None else Path(tempfile.mkdtemp(prefix="sparse-scaling-reproduce-"))
    run(["reproduce"], {**flags, "out": str(folder)}, binary)
    summary = finite_or_inf(json.loads((folder / "summary.json").read_text()))
    summary["folder"] = folder
    return summary


def _is_grid(value: Any) -> bool:
    """Whether a size flag's value is a list or a range rather than one size."""
    if value is None:
        return False
    text = flag_value(value)
    return "," in text or "..." in text


def _text_io(text: str) -> io.StringIO:
    """``text`` as a file for ``pandas.read_csv``."""
    return io.StringIO(text)
