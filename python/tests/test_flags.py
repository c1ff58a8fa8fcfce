"""Keyword arguments as flags: the CLI's grammar, without running it."""

import math

import numpy as np

from sparse_scaling import command_line
from sparse_scaling.cli import flag_value


def test_keywords_become_flags():
    arguments = command_line(["sweep"], dict(n_per_d=4, d=[64, 128], yes=True, quiet=False, tag=None))
    assert arguments == ["sweep", "--n-per-d", "4", "--d", "64,128", "--yes"]


def test_numbers_follow_the_cli_grammar():
    assert flag_value(1e6) == "1000000"
    assert flag_value(0.25) == "0.25"
    assert flag_value(1e-5) == "1e-05"
    assert flag_value(math.inf) == "inf"
    assert flag_value(np.array([8, 16])) == "8,16"
    assert flag_value(range(1, 4)) == "1,2,3"
    assert flag_value("8...64x2") == "8...64x2"
