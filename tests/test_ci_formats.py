"""validate's results for CI systems other than GitHub Actions: JUnit XML and SARIF 2.1.0."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_tree

FILES = {
    "ragplan.yaml": "title: Plan\n",
    "1.yaml": 'id: "1"\nactions:\n  - id: "1.1"\n    summary: S\n    rag: purple\n'
    '  - id: "1.2"\n    summary: S & <more>\n    rag: red\n',
    "2.yaml": 'id: "2"\nactions:\n  - {id: "2.1", summary: S, rag: green}\n',
    "my plan 3.yaml": 'id: "3"\nactions:\n  - {id: "3.1", summary: S, rag: amber}\n',
}


@pytest.fixture
def plans(in_tmp: Path) -> Path:
    return write_tree(in_tmp / "plans", FILES)


def test_junit_has_a_test_case_per_file_and_a_failure_per_failing_file(plans: Path) -> None:
    run = run_cli("validate", "-f", "junit", "plans")
    assert run.code == 1
    suite = ET.fromstring(run.out).find("testsuite")
    assert suite is not None
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert list(cases) == [
        "plans/ragplan.yaml",
        "plans/1.yaml",
        "plans/2.yaml",
        "plans/my plan 3.yaml",
    ]
    assert (suite.get("tests"), suite.get("failures")) == ("4", "1")
    failure = cases["plans/1.yaml"].find("failure")
    assert failure is not None and failure.get("type") == "unknown-status"
    assert "plans/1.yaml:5:10: [error] action 1.1: status 'purple'" in (failure.text or "")
    # Warnings do not fail the build unless --strict; they are still shown.
    out = cases["plans/1.yaml"].find("system-out")
    assert out is not None and "missing-notes" in (out.text or "")
    assert cases["plans/2.yaml"].find("failure") is None
    strict = ET.fromstring(run_cli("validate", "--strict", "-f", "junit", "plans").out)
    assert strict.find("testsuite").get("failures") == "2"  # type: ignore[union-attr]


def _sarif_schema() -> dict[str, object] | None:
    """The SARIF 2.1.0 JSON Schema, from the npm package the browser tests install."""
    candidates = [
        os.environ.get("RAGPLAN_SARIF_SCHEMA", ""),
        str(
            REPO
            / "tests/a11y/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
        ),
    ]
    for path in candidates:
        if path and Path(path).is_file():
            return json.loads(Path(path).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    return None


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(plans: Path) -> None:
    schema = _sarif_schema()
    if schema is None:
        if os.environ.get("RAGPLAN_REQUIRE_TOOLS"):
            pytest.fail("the SARIF schema is missing: run npm ci in tests/a11y")
        pytest.skip("the SARIF schema comes with `npm ci` in tests/a11y")
    import jsonschema

    run = run_cli("validate", "-f", "sarif", "plans")
    assert run.code == 1
    log = json.loads(run.out)
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("unknown-status", "error"),
        ("missing-notes", "warning"),
        ("missing-notes", "warning"),
    ]
    first = results[0]["locations"][0]["physicalLocation"]
    assert first == {
        "artifactLocation": {"uri": "plans/1.yaml"},
        "region": {"startLine": 5, "startColumn": 10},
    }
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert "plans/my%20plan%203.yaml" in uris  # a path is a URI reference


def test_sarif_of_valid_plans_has_no_results(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"2.yaml": FILES["2.yaml"]})
    run = run_cli("validate", "-f", "sarif", "plans")
    assert run.code == 0
    assert json.loads(run.out)["runs"][0]["results"] == []


def test_csv_written_to_a_file_opens_right_in_excel(in_tmp: Path) -> None:
    """Excel on Windows takes UTF-8 without a byte-order mark for another encoding."""
    import csv
    import io

    write_tree(
        in_tmp / "plans",
        {
            "1.yaml": 'id: "1"\nactions:\n  - {id: "1.1", '
            'summary: "Budget £2m for the trust’s plan", rag: red, notes: "Not started"}\n'
        },
    )
    assert run_cli("outstanding", "plans", "-f", "csv", "-o", "out.csv").code == 0
    data = (in_tmp / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0])[0] == "id"  # no stray BOM in the first header
    assert rows[0]["summary"] == "Budget £2m for the trust’s plan"
    piped = run_cli("outstanding", "plans", "-f", "csv").out
    assert piped.startswith("id,") and "\ufeff" not in piped
