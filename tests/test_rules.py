"""Each validation rule, on its own: a small plan that breaks it, and where it is reported."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from conftest import write_tree

from ragplan import plansets
from ragplan.papers.check import papers_checked
from ragplan.rules.registry import RULES

# validate as `ragplan validate` runs it: with the papers' checks.
validate = partial(plansets.validate, also=papers_checked)

GOOD_THEME = """\
id: "1"
title: Theme
sections:
  - id: "1.1"
    actions:
      - id: "1.1.1"
        summary: Do the thing
        rag: amber
        notes: Underway
"""

GOOD_INDICATORS = """\
title: Timeliness
indicators:
  - id: ia
    title: Initial assessments (%)
    theme: "1"
    unit: percent
    polarity: higher
    target: 80
    tolerance: 5
    values:
      - {period: Nov 09, value: 62.3, numerator: 157, denominator: 252}
      - {period: Dec 09, value: 64.0, numerator: 64, denominator: 100}
    summaries:
      - {label: Nov to Dec, from: Nov 09, to: Dec 09, value: 62.8}
"""


def _indicators(old: str, new: str) -> dict[str, str | bytes]:
    """The good plan set with one change to its indicator file."""
    assert old in GOOD_INDICATORS
    return {"t.yaml": GOOD_THEME, "indicators/i.yaml": GOOD_INDICATORS.replace(old, new)}


# rule -> (files, expected (file, line, column), words the message must contain)
CASES: dict[str, tuple[dict[str, str | bytes], tuple[str, int, int], list[str]]] = {
    "file-size": (
        {"ragplan.yaml": "max_file_size_mb: 1\n", "t.yaml": "id: '1'\n# " + "x" * 1_100_000},
        ("t.yaml", 1, 1),
        ["1 MB limit", "max_file_size_mb", "--max-file-size"],
    ),
    "encoding": ({"t.yaml": b'id: "1"\ntitle: caf\xe9\n'}, ("t.yaml", 2, 11), ["0xe9", "UTF-8"]),
    "syntax": ({"t.yaml": 'id: "1"\ntitle: [open\n'}, ("t.yaml", 3, 1), ["expected"]),
    "tabs": ({"t.yaml": 'id: "1"\nsections:\n\t- id: "1.1"\n'}, ("t.yaml", 3, 1), ["tab"]),
    "empty-file": (
        {"t.yaml": "# to be written\n"},
        ("t.yaml", 1, 1),
        ["the file holds no theme: it is empty or only comments"],
    ),
    "nesting": (
        {"t.yaml": GOOD_THEME + "deep: " + "[" * 30 + "]" * 30 + "\n"},
        ("t.yaml", 10, 26),
        ["more than 20 levels", "the limit"],
    ),
    "too-many-actions": (
        {
            "ragplan.yaml": "max_actions_per_file: 2\n",
            "t.yaml": GOOD_THEME
            + "".join(
                f'      - id: "1.1.{i}"\n        summary: s\n        rag: green\n' for i in (2, 3)
            ),
        },
        ("t.yaml", 1, 5),
        ["holds 3 actions, over the limit of 2", "max_actions_per_file"],
    ),
    "too-many-periods": (
        {
            "t.yaml": GOOD_THEME,
            "indicators/i.yaml": GOOD_INDICATORS.split("    values:")[0]
            + "    values:\n"
            + "".join(f"      - {{period: P{i}, value: 1.0}}\n" for i in range(10_001)),
        },
        ("indicators/i.yaml", 11, 7),
        ["indicator ia lists 10001 values, over the limit of 10000 periods per indicator"],
    ),
    "duplicate-key": (
        {"t.yaml": GOOD_THEME + "title: Again\n"},
        ("t.yaml", 10, 1),
        ["duplicate key 'title'", "first at line 2"],
    ),
    "anchors": (
        {"t.yaml": GOOD_THEME.replace("title: Theme", "title: &t Theme")},
        ("t.yaml", 2, 8),
        ["anchors (&t)"],
    ),
    "yaml-tag": (
        {"t.yaml": GOOD_THEME.replace("title: Theme", "title: !!python/name:os.system x")},
        ("t.yaml", 2, 8),
        ["tags", "not allowed"],
    ),
    "type": (
        {"t.yaml": GOOD_THEME + 'actions: "none"\n'},
        ("t.yaml", 10, 10),
        ["'actions' in the theme must be a list", "not 'none'"],
    ),
    "unknown-key": (
        {
            "t.yaml": GOOD_THEME.replace(
                "        rag: amber", "        rag: amber\n        statsu: x"
            )
        },
        ("t.yaml", 9, 9),
        ["unknown key 'statsu' in action 1.1.1"],
    ),
    "missing-field": (
        {"t.yaml": GOOD_THEME.replace("        summary: Do the thing\n", "")},
        ("t.yaml", 6, 9),
        ["action 1.1.1 has no 'summary'"],
    ),
    "id-type": (
        {"t.yaml": GOOD_THEME.replace('- id: "1.1"', "- id: 1.10")},
        ("t.yaml", 4, 9),
        ["read by YAML as a number", 'id: "1.10"'],
    ),
    "date": (
        {"t.yaml": GOOD_THEME.replace("rag: amber", "rag: amber\n        due: 2010-02-30")},
        ("t.yaml", 9, 14),
        ["real date", "2010-02-30"],
    ),
    "scale": (
        {
            "ragplan.yaml": "scale:\n  - key: done\n    done: true\n  - key: Done\n",
            "t.yaml": GOOD_THEME.replace("rag: amber", "rag: done"),
        },
        ("ragplan.yaml", 4, 5),
        ["'Done' is listed twice"],
    ),
    "unknown-status": (
        {"t.yaml": GOOD_THEME.replace("rag: amber", "rag: purple")},
        ("t.yaml", 8, 14),
        ["'purple' is not in the scale", "green, amber, red"],
    ),
    "duplicate-id": (
        {
            "t.yaml": GOOD_THEME,
            "u.yaml": 'id: "1"\nactions:\n  - id: "1.2"\n    summary: x\n    rag: green\n',
        },
        ("u.yaml", 1, 5),
        ["id '1' is used twice", "plans/t.yaml:1"],
    ),
    "id-hierarchy": (
        {"t.yaml": GOOD_THEME.replace('id: "1.1.1"', 'id: "2.1.1"')},
        ("t.yaml", 6, 13),
        ["'2.1.1' does not start with its section's id '1.1.'"],
    ),
    "missing-notes": (
        {"t.yaml": GOOD_THEME.replace("        notes: Underway\n", "")},
        ("t.yaml", 6, 13),
        ["1.1.1 is amber but has no notes"],
    ),
    "empty-theme": ({"t.yaml": 'id: "1"\n'}, ("t.yaml", 1, 5), ["theme 1 has no actions"]),
    "text-comment": (
        {"t.yaml": GOOD_THEME.replace("Do the thing", "Review case #123 and report to panel")},
        ("t.yaml", 7, 18),
        [
            "'summary' in action 1.1.1 was cut at ' #'",
            "'#123 and report to panel' as a comment",
            'summary: "Review case #123 and report to panel"',
        ],
    ),
    "scale-order": (
        {
            "ragplan.yaml": "scale:\n  - key: red\n  - key: closed\n    done: true\n",
            "t.yaml": GOOD_THEME.replace("rag: amber", "rag: red"),
        },
        ("ragplan.yaml", 3, 5),
        ["done status 'Closed' is listed after 'Red'", "list done statuses first"],
    ),
    "number": (
        _indicators("value: 62.3,", "value: 62.3%,"),
        ("indicators/i.yaml", 11, 33),
        ["'value' in period Nov 09 of indicator ia must be a number", "write 62.3 without the %"],
    ),
    "choice": (
        _indicators("unit: percent", "unit: Percentage"),
        ("indicators/i.yaml", 6, 11),
        ["'unit' in indicator ia must be one of percent, number", "did you mean 'percent'?"],
    ),
    "indicator-polarity": (
        _indicators("    polarity: higher\n", ""),
        ("indicators/i.yaml", 7, 13),
        ["indicator ia has a target but no polarity", "polarity: higher"],
    ),
    "indicator-duplicate": (
        _indicators("value: 62.8}\n", "value: 62.8}\n  - id: ia\n    title: Again\n"),
        ("indicators/i.yaml", 15, 9),
        ["indicator id 'ia' is used twice (first at line 3)"],
    ),
    "indicator-percent": (
        _indicators("target: 80", "target: 101"),
        ("indicators/i.yaml", 8, 13),
        ["ia is a percent, but its target is 101", "between 0 and 100"],
    ),
    "indicator-counts": (
        _indicators("numerator: 64,", "numerator: 101,"),
        ("indicators/i.yaml", 12, 50),
        ["period Dec 09: the numerator 101 is above the denominator 100"],
    ),
    "indicator-period": (
        _indicators("from: Nov 09", "from: Nov 9"),
        ("indicators/i.yaml", 14, 35),
        ["summary 'Nov to Dec' of indicator ia: 'from' names no period", "'Nov 09'?"],
    ),
    "indicator-spc": (
        _indicators("    summaries:\n", "    spc: {baseline: Jan 10}\n    summaries:\n"),
        ("indicators/i.yaml", 13, 21),
        ["indicator ia: the baseline ends at Jan 10, a period with no value", "Dec 09"],
    ),
    "indicator-theme": (
        _indicators('theme: "1"', 'theme: "1.1"'),
        ("indicators/i.yaml", 5, 12),
        ["indicator ia: no theme has the id '1.1'", "'1'"],
    ),
    "indicator-mismatch": (
        # The mean of the two rates, 63.15, where the counts give 221 / 352 = 62.78%.
        _indicators("value: 62.8}", "value: 63.2}"),
        ("indicators/i.yaml", 14, 62),
        ["summary 'Nov to Dec' states 63.2%", "counts of Nov 09 to Dec 09 give 62.784"],
    ),
    "paper": (
        {"t.yaml": GOOD_THEME, "papers/p.md": "---\ntitle: P\n---\n{{ counts.totl }}\n"},
        ("papers/p.md", 4, 11),
        ["counts has no 'totl'", "did you mean 'total'?"],
    ),
    "portfolio": (
        {"t.yaml": GOOD_THEME, "portfolio.yaml": "title: P\nmembers:\n  - name: A\n"},
        ("portfolio.yaml", 3, 5),
        ["member 'A' needs one of 'path'", "and has neither"],
    ),
    "rule-levels": (
        {"ragplan.yaml": "rules:\n  missing-note: error\n", "t.yaml": GOOD_THEME},
        ("ragplan.yaml", 2, 3),
        ["no rule 'missing-note'", "did you mean 'missing-notes'?", "rules you can set:"],
    ),
}


def test_every_rule_has_a_case_and_documentation() -> None:
    assert set(CASES) | {"symlink", "no-themes"} == set(RULES)
    for rule in RULES.values():
        assert rule.doc and "\n" not in rule.doc, rule.id


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule(rule: str, in_tmp: Path) -> None:
    files, (file, line, column), words = CASES[rule]
    write_tree(in_tmp / "plans", files)
    problems = validate([in_tmp / "plans"]).problems
    found = [p for p in problems if p.rule == rule]
    assert len(found) == 1, problems
    problem = found[0]
    assert (problem.file, problem.line, problem.column) == (f"plans/{file}", line, column)
    assert problem.level == RULES[rule].level
    for word in words:
        assert word in problem.message
    # The case breaks only this rule (and what must follow from it).
    assert {p.rule for p in problems} <= {rule, "empty-theme", "missing-field", "unknown-key"}


def test_the_good_theme_breaks_no_rule(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": GOOD_THEME})
    assert validate([in_tmp / "plans"]).problems == []


def test_the_good_indicators_break_no_rule(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", _indicators("", ""))
    result = validate([in_tmp / "plans"])
    assert result.problems == []
    assert result.files == 2


def test_symlink_out_of_the_plan_folder_is_refused(in_tmp: Path) -> None:
    write_tree(in_tmp, {"elsewhere/x.yaml": GOOD_THEME, "plans/ragplan.yaml": "title: T\n"})
    (in_tmp / "plans" / "x.yaml").symlink_to(in_tmp / "elsewhere" / "x.yaml")
    problems = validate([in_tmp / "plans"]).problems
    assert [(p.file, p.rule) for p in problems] == [("plans/x.yaml", "symlink")]


def test_symlink_inside_the_plan_folder_is_read(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"real/x.yaml": GOOD_THEME})
    (in_tmp / "plans" / "x.yaml").symlink_to(in_tmp / "plans" / "real" / "x.yaml")
    result = validate([in_tmp / "plans"])
    assert result.problems == [] and result.actions == 1


def test_the_readme_documents_every_rule() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"| `{rule.id}` | {rule.level} | {rule.doc} |" in readme, rule.id


def test_a_plan_folder_without_theme_files_is_warned_about(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"ragplan.yaml": "title: T\n", "notes.txt": "x"})
    problems = validate([in_tmp / "plans"]).problems
    assert [(p.file, p.line, p.level, p.rule) for p in problems] == [
        ("plans", 1, "warning", "no-themes")
    ]
    # Naming only the config file is not an empty plan set.
    assert validate([in_tmp / "plans" / "ragplan.yaml"]).problems == []


def test_rule_levels_set_in_ragplan_yaml_take_effect(in_tmp: Path) -> None:
    theme = GOOD_THEME.replace("        notes: Underway\n", "") + "actions: []\n"
    files: dict[str, str | bytes] = {"t.yaml": theme, "u.yaml": 'id: "2"\n'}
    write_tree(in_tmp / "plans", files)
    default = validate([in_tmp / "plans"])
    assert [(p.rule, p.level) for p in default.problems] == [
        ("missing-notes", "warning"),
        ("empty-theme", "warning"),
    ]
    assert not default.failed(strict=False)
    write_tree(
        in_tmp / "plans",
        {"ragplan.yaml": "rules:\n  missing-notes: error\n  empty-theme: disable\n"},
    )
    strict = validate([in_tmp / "plans"])
    assert [(p.rule, p.level) for p in strict.problems] == [("missing-notes", "error")]
    assert strict.failed(strict=False)


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ("syntax: warning", ["the level of 'syntax' cannot be set", "rules you can set:"]),
        ("missing-notes: off", ["may be set to error, warning, disable, not 'off'"]),
        ("[missing-notes]", ["must be a mapping of rule ids to levels", "not a list"]),
    ],
)
def test_rule_levels_that_cannot_be_used_are_errors(
    setting: str, words: list[str], in_tmp: Path
) -> None:
    body = f"rules: {setting}\n" if setting.startswith("[") else f"rules:\n  {setting}\n"
    write_tree(in_tmp / "plans", {"ragplan.yaml": body, "t.yaml": GOOD_THEME})
    problems = validate([in_tmp / "plans"]).problems
    assert len(problems) == 1 and problems[0].level == "error", problems
    for word in words:
        assert word in problems[0].message
