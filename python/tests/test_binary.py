"""Finding the binary: the environment first, then the repository's build, then PATH; a clear error otherwise."""

from pathlib import Path

import pytest

from sparse_scaling import BinaryNotFoundError, find_binary
from sparse_scaling import binary as binary_module


def test_environment_variable_wins(binary, monkeypatch):
    monkeypatch.setenv("SPARSE_SCALING_BIN", str(binary))
    assert find_binary() == Path(str(binary))


def test_environment_variable_that_is_not_a_binary_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("SPARSE_SCALING_BIN", str(tmp_path / "missing"))
    with pytest.raises(BinaryNotFoundError, match=r"\$SPARSE_SCALING_BIN"):
        find_binary()


def test_nothing_found_says_where_it_looked(tmp_path, monkeypatch):
    for variable in binary_module.ENVIRONMENT_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(binary_module, "REPOSITORY_BUILD", tmp_path / "sparse-scaling")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BinaryNotFoundError) as caught:
        find_binary()
    message = str(caught.value)
    assert "SPARSE_SCALING_BIN" in message and "swift build -c release" in message and "PATH" in message


def test_path_is_the_last_resort(binary, tmp_path, monkeypatch):
    for variable in binary_module.ENVIRONMENT_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(binary_module, "REPOSITORY_BUILD", tmp_path / "none")
    link = tmp_path / "sparse-scaling"
    link.symlink_to(binary)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_binary() == link
