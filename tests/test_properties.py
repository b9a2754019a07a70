"""Property tests: generated plan sets, valid and broken, never break ragplan."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from strategies import PlanSpec, broken_plan_sets, plan_sets

from ragplan.validate import load_valid, validate

PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def write_spec(spec: PlanSpec) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="ragplan-prop-")) / "plans"
    folder.mkdir()
    for name, text in spec.files.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    return folder


@PROPERTY_SETTINGS
@given(plan_sets())
def test_generated_plan_sets_are_valid_and_counted_exactly(spec: PlanSpec) -> None:
    folder = write_spec(spec)
    result = validate([folder])
    assert [p for p in result.problems if p.level == "error"] == []
    plan_set = load_valid(folder)
    assert Counter(a.rag for a in plan_set.actions()) == Counter(spec.actions.values())
    assert result.actions == len(spec.actions)


@PROPERTY_SETTINGS
@given(broken_plan_sets())
def test_a_broken_file_is_named_with_a_line(case: tuple[PlanSpec, str, str]) -> None:
    spec, name, rule = case
    folder = write_spec(spec)
    run = run_cli("validate", "--format", "json", folder)
    assert run.code == 1, run.out
    problems = json.loads(run.out)["problems"]
    in_file = [p for p in problems if p["file"].endswith(name) and p["level"] == "error"]
    assert in_file and all(p["line"] >= 1 and p["column"] >= 1 for p in in_file)
    assert rule in {p["rule"] for p in in_file}
