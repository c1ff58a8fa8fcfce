"""Running the binary: keyword arguments as flags, and the CLI's one-line ``error:`` as a Python exception."""

import math
import os
import subprocess
from numbers import Integral, Real
from pathlib import Path
from typing import Any, List, Optional, Sequence

from .binary import find_binary


class SparseScalingError(RuntimeError):
    """The command failed: ``message`` is its one-line ``error:`` text, ``status`` its exit status
    (2 for a usage error, 1 for a runtime failure), ``arguments`` the command line that was run."""

    def __init__(self, message: str, status: int, arguments: Sequence[str], stderr: str = ""):
        super().__init__(message)
        self.message = message
        self.status = status
        self.arguments = list(arguments)
        self.stderr = stderr


def flag_value(value: Any) -> str:
    """One flag value as the CLI's grammar reads it: integral floats as integers (``1e6`` → ``1000000``),
    infinity as ``inf``, lists and ranges comma-joined, everything else as ``str``."""
    if isinstance(value, (list, tuple, range)) or _is_array(value):
        return ",".join(flag_value(v) for v in value)
    if isinstance(value, bool):
        raise TypeError("a bool is a switch, not a flag value")
    if isinstance(value, Integral):
        return str(int(value))
    if isinstance(value, Real):
        x = float(value)
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        if x.is_integer() and abs(x) < 1e15:
            return str(int(x))
        return repr(x)
    return str(value)


def command_line(command: Sequence[str], flags: dict) -> List[str]:
    """The arguments after the binary: ``command`` then one ``--flag value`` per keyword (underscores become
    dashes; ``True`` gives the bare switch, ``None`` and ``False`` leave the flag out)."""
    arguments = list(command)
    for name, value in flags.items():
        if value is None or value is False:
            continue
        flag = "--" + name.replace("_", "-")
        if value is True:
            arguments.append(flag)
        else:
            arguments += [flag, flag_value(value)]
    return arguments


def run(command: Sequence[str], flags: Optional[dict] = None, binary: Optional[str] = None) -> subprocess.CompletedProcess:
    """Runs ``sparse-scaling COMMAND --flags…`` and returns the finished process (text standard output and
    error); raises ``SparseScalingError`` with the CLI's ``error:`` line when the exit status is not 0."""
    arguments = command_line(command, flags or {})
    executable = find_binary(binary)
    completed = subprocess.run(
        [str(executable)] + arguments, capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_COLOR": "1"},
    )
    if completed.returncode != 0:
        raise SparseScalingError(
            _error_line(completed.stderr, completed.returncode), completed.returncode, arguments, completed.stderr)
    return completed


def _error_line(stderr: str, status: int) -> str:
    """The last ``error:`` line of ``stderr`` without its prefix, or a line saying the status when there is none."""
    for line in reversed(stderr.splitlines()):
        if line.startswith("error:"):
            return line[len("error:"):].strip()
    tail = stderr.strip().splitlines()[-1:] or ["no message"]
    return f"sparse-scaling exited with status {status}: {tail[0]}"


def _is_array(value: Any) -> bool:
    """Whether ``value`` is a NumPy array or a pandas Series (iterable values given as one flag)."""
    return type(value).__name__ in ("ndarray", "Series", "Index")


def as_path(value: Any) -> Path:
    """``value`` as a ``Path``."""
    return value if isinstance(value, Path) else Path(str(value))
