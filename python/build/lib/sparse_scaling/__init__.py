"""sparse_scaling: the sparse-scaling command line from Python, as cmdstanpy is CmdStan from Python.

Every function runs the compiled ``sparse-scaling`` binary once and parses what it writes: keyword
arguments are the command's flags with underscores (``n_per_d=4`` is ``--n-per-d 4``), results come back
as pandas DataFrames (one row per point, the sidecar's column meanings in ``df.attrs["columns"]``) or dicts.
"""

from .binary import BinaryNotFoundError, find_binary
from .cli import SparseScalingError, command_line, run
from .commands import (
    ExperimentResult,
    calibrate,
    calibrate_coverage,
    experiment,
    export,
    has_command,
    point,
    reproduce,
    results,
    sweep,
    theory,
)

__all__ = [
    "BinaryNotFoundError",
    "ExperimentResult",
    "SparseScalingError",
    "calibrate",
    "calibrate_coverage",
    "command_line",
    "experiment",
    "export",
    "find_binary",
    "has_command",
    "point",
    "reproduce",
    "results",
    "run",
    "sweep",
    "theory",
]
