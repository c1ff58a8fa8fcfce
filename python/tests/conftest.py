"""Shared fixtures: the binary under test (skipping every test with the reason when none is built) and a
folder per test."""

import pytest

import sparse_scaling
from sparse_scaling import BinaryNotFoundError


@pytest.fixture(scope="session")
def binary():
    """The sparse-scaling binary the package finds; every test that runs it is skipped when there is none."""
    try:
        return sparse_scaling.find_binary()
    except BinaryNotFoundError as error:
        pytest.skip(str(error))


@pytest.fixture
def store(tmp_path):
    """A results store path in a fresh folder."""
    return tmp_path / "store.sqlite"
