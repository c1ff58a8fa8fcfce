"""Where the compiled ``sparse-scaling`` binary is: the environment, the repository's build folder, or PATH."""

import os
import shutil
from pathlib import Path
from typing import Optional

#: Environment variables naming the binary, read in this order (the first that is set wins).
ENVIRONMENT_VARIABLES = ("SPARSE_SCALING_BIN", "SPARSE_SCALING_BINARY")

#: The release build of the repository this package sits in (``python/`` is beside ``.build/``).
REPOSITORY_BUILD = Path(__file__).resolve().parents[2] / ".build" / "release" / "sparse-scaling"


class BinaryNotFoundError(FileNotFoundError):
    """No ``sparse-scaling`` binary was found; the message lists every place that was looked at."""


def find_binary(explicit: Optional[str] = None) -> Path:
    """The binary to run: ``explicit`` if given, else ``$SPARSE_SCALING_BIN`` (or ``$SPARSE_SCALING_BINARY``),
    else the repository's ``.build/release/sparse-scaling``, else ``sparse-scaling`` on PATH."""
    if explicit is not None:
        return _checked(Path(explicit), f"the path given ({explicit})")
    for variable in ENVIRONMENT_VARIABLES:
        value = os.environ.get(variable)
        if value:
            return _checked(Path(value), f"${variable} ({value})")
    if _is_executable(REPOSITORY_BUILD):
        return REPOSITORY_BUILD
    on_path = shutil.which("sparse-scaling")
    if on_path:
        return Path(on_path)
    raise BinaryNotFoundError(
        "no sparse-scaling binary found: set SPARSE_SCALING_BIN to its path, build it with "
        "`swift build -c release --product sparse-scaling` (looked for "
        f"{REPOSITORY_BUILD}), or put sparse-scaling on PATH"
    )


def _checked(path: Path, origin: str) -> Path:
    """``path`` when it is an executable file, else a ``BinaryNotFoundError`` naming where it came from."""
    if not _is_executable(path):
        raise BinaryNotFoundError(f"no executable sparse-scaling binary at {origin}")
    return path


def _is_executable(path: Path) -> bool:
    """Whether ``path`` is a file this process may execute."""
    return path.is_file() and os.access(path, os.X_OK)
