"""The benchmark's plan sets are valid plans with the intended size and status mix."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from conftest import REPO

from ragplan.plansets import load_valid, validate

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate  # noqa: E402


def test_a_generated_plan_set_is_valid_and_has_what_was_asked(tmp_path: Path) -> None:
    plans = generate(tmp_path / "plans", 1000, files=7)
    result = validate([plans])
    assert result.problems == []
    assert (result.files, result.actions) == (8, 1000)  # seven themes and ragplan.yaml
    rags = Counter(a.rag for a in load_valid(plans).actions())
    assert rags["green"] > rags["amber"] > rags["red"] > 0


def test_the_same_arguments_give_the_same_files(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 162)
    second = generate(tmp_path / "b", 162)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)
