"""`ragplan validate`: loading edge cases, output formats, exit codes, and fuzzing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, run_cli, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ragplan.plansets import load_valid, validate
from ragplan.reading.yamlload import parse

THEME = """\
id: "1"
title: 2010
lead_officer: no
actions:
  - id: "1.1"
    summary: Review the plan
    rag: Amber
    notes: no
    due: 2010-12-31
"""


def test_free_text_is_taken_as_written(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": THEME})
    plan_set = load_valid(in_tmp / "plans")
    theme = plan_set.themes[0]
    action = theme.actions[0]
    assert (theme.title, theme.lead_officer, action.notes) == ("2010", "no", "no")
    assert action.rag == "amber"  # normalised to the scale's key
    assert str(action.due) == "2010-12-31"


def test_a_utf8_bom_is_fine(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": b"\xef\xbb\xbf" + THEME.encode()})
    assert validate([in_tmp / "plans"]).problems == []


def test_an_alias_bomb_is_refused_without_expanding() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 30)]
    parsed = parse("\n".join(lines).encode())
    assert {p.rule for p in parsed.problems} == {"anchors"}
    # Aliases are never followed: nothing of 9**30 strings was built.
    assert isinstance(parsed.root, dict) and parsed.root["a29"] == []


def test_several_documents_are_refused(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": THEME + "---\n" + THEME})
    problems = validate([in_tmp / "plans"]).problems
    assert [(p.line, p.rule) for p in problems if p.rule == "syntax"] == [(10, "syntax")]


@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        (
            "- id: x\n",
            "type",
            "the file holds a list, but a theme file holds keys with values; it should start "
            'like these three lines: id: "1" | title: Leadership and Governance | actions:',
        ),
        ('id: "1"\nactions:\n  - just text\n', "type", "action must be keys with values"),
        (
            'id: "1"\nactions:\n  - id: "1.1"\n    summary: [a, b]\n    rag: red\n',
            "type",
            "'summary' in action 1.1 must be a single value",
        ),
        ('id: "1"\n? [a, b]\n: c\n', "syntax", "a key must be plain text"),
        ('id: "1"\ntitle: "unclosed\n', "syntax", "found unexpected end of stream"),
        ('id: "1"\nactions: []\nextra: {', "syntax", "expected"),
        ("id: 6\n", "id-type", "integer"),
        ("id: true\n", "id-type", "boolean"),
        ('id: ""\n', "missing-field", "the theme has no 'id'"),
        ('id: "1"\nsections:\n  - title: No id\n', "missing-field", "section has no 'id'"),
    ],
)
def test_malformed_theme_files(in_tmp: Path, text: str, rule: str, words: str) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": text})
    problems = validate([in_tmp / "plans"]).problems
    assert any(p.rule == rule and words in p.message for p in problems), problems


def test_config_errors_are_reported_in_ragplan_yaml(in_tmp: Path) -> None:
    write_tree(
        in_tmp / "plans",
        {
            "ragplan.yaml": "titel: X\nas_of: 2010-13-01\nscale:\n  - key: g\n    done: maybe\n"
            "    colour: green\n",
            "t.yaml": THEME,
        },
    )
    problems = validate([in_tmp / "plans"]).problems
    found = {(p.file, p.line, p.rule) for p in problems}
    assert {
        ("plans/ragplan.yaml", 1, "unknown-key"),
        ("plans/ragplan.yaml", 2, "date"),
        ("plans/ragplan.yaml", 5, "type"),
        ("plans/ragplan.yaml", 6, "type"),
    } <= found


def test_a_custom_scale_is_used(in_tmp: Path) -> None:
    write_tree(
        in_tmp / "plans",
        {
            "ragplan.yaml": "scale:\n  - key: Complete\n    done: true\n  - key: On track\n",
            "t.yaml": THEME.replace("rag: Amber", "rag: on TRACK"),
        },
    )
    plan_set = load_valid(in_tmp / "plans")
    assert plan_set.themes[0].actions[0].rag == "on track"
    assert plan_set.config.scale.done_keys == {"complete"}


# --- the command line ---------------------------------------------------------------

BROKEN = {"t.yaml": THEME.replace("rag: Amber", "rag: purple").replace("    notes: no\n", "")}


def test_parsable_format(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", BROKEN)
    run = run_cli("validate", "--format", "parsable", "plans")
    assert run.code == 1
    assert run.out == (
        "plans/t.yaml:7:10: [error] action 1.1: status 'purple' is not in the scale; "
        "use one of: green, amber, red (unknown-status)\n"
    )


def test_github_format_escapes_workflow_commands(in_tmp: Path) -> None:
    write_tree(
        in_tmp / "plans,x", {"t:1.yaml": THEME.replace("    summary: Review the plan\n", "")}
    )
    run = run_cli("validate", "--format", "github", "plans,x")
    assert run.code == 1
    assert run.out == (
        "::error file=plans%2Cx/t%3A1.yaml,line=5,col=5,title=missing-field::"
        "plans,x/t:1.yaml:5:5: action 1.1 has no 'summary'; it is required\n"
    )


def test_github_format_is_chosen_under_github_actions(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(in_tmp / "plans", BROKEN)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run_cli("validate", "plans").out.startswith("::error file=plans/t.yaml,line=7")


def test_json_format_contract(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", BROKEN)
    run = run_cli("validate", "--format", "json", "plans")
    assert run.code == 1
    assert json.loads(run.out) == {
        "status": "fail",
        "problems": [
            {
                "file": "plans/t.yaml",
                "line": 7,
                "column": 10,
                "level": "error",
                "rule": "unknown-status",
                "message": "action 1.1: status 'purple' is not in the scale; "
                "use one of: green, amber, red",
            }
        ],
    }


def test_standard_format_groups_by_file_and_colours_only_when_asked(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {**BROKEN, "u.yaml": 'id: "2"\n'})
    plain = run_cli("validate", "--format", "standard", "plans")
    assert plain.code == 1
    assert "\033[" not in plain.out
    lines = plain.out.splitlines()
    assert lines[0] == "plans/t.yaml"
    assert lines[1].split()[:2] == ["7:10", "error"]
    assert "plans/u.yaml" in lines
    assert lines[-1] == "2 files, 1 action: 1 error, 1 warning"
    coloured = run_cli("--color", "always", "validate", "--format", "standard", "plans")
    assert "\033[31merror" in coloured.out


def test_warnings_pass_unless_strict(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": THEME.replace("    notes: no\n", "")})
    assert run_cli("validate", "-f", "parsable", "plans").code == 0
    strict = run_cli("validate", "-f", "parsable", "--strict", "plans")
    assert strict.code == 1 and "(missing-notes)" in strict.out
    assert run_cli("-q", "validate", "-f", "parsable", "plans").out == ""


def test_exit_codes_for_usage_and_unreadable_paths(in_tmp: Path) -> None:
    assert run_cli("validate", "--format", "nonsense").code == 2
    missing = run_cli("validate", "no-such-folder")
    assert missing.code == 3
    assert missing.err == "ragplan: error: no-such-folder: no such file or folder\n"


def test_max_file_size_option(in_tmp: Path) -> None:
    write_tree(in_tmp / "plans", {"t.yaml": THEME + "# " + "x" * 2_100_000 + "\n"})
    assert run_cli("validate", "-f", "parsable", "plans").code == 0
    small = run_cli("validate", "-f", "parsable", "--max-file-size", "2", "plans")
    assert small.code == 1 and "over the 2 MB limit" in small.out


def test_named_files_are_checked_with_their_folder_config(in_tmp: Path) -> None:
    write_tree(
        in_tmp / "plans",
        {
            "ragplan.yaml": "scale:\n  - key: done\n    done: true\n",
            "a.yaml": THEME.replace("rag: Amber", "rag: done"),
            "b.yaml": THEME.replace("rag: Amber", "rag: nope"),
        },
    )
    run = run_cli("validate", "-f", "parsable", "plans/a.yaml")
    assert run.code == 0, run.out


def test_example_plans_validate_in_standard_format() -> None:
    run = run_cli("validate", "--format", "standard", EXAMPLE_PLANS)
    assert run.code == 0
    assert run.out.endswith("8 files, 162 actions, 2 indicators, 1 paper: 0 errors, 0 warnings\n")


# --- fuzzing: no input breaks the validator -----------------------------------------

_fragments = st.sampled_from(
    [
        'id: "1"\n',
        "id: 1.10\n",
        "actions:\n",
        '  - id: "1.1"\n',
        "    summary: s\n",
        "    rag: red\n",
        "    rag: [x]\n",
        "sections: {}\n",
        "\t",
        "&a ",
        "*a\n",
        "? ",
        ": ",
        "- ",
        "'",
        '"',
        "{",
        "}",
        "[",
        "]",
        "\n",
        "    ",
        "!!int ",
        "---\n",
        "...\n",
        "#c\n",
        "\xe9",
        "\x00",
        "due: 2010-02-31\n",
        "notes: |\n  x\n",
        "\ufeff",
        "%YAML 1.1\n",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_fragments, max_size=25), st.binary(max_size=8))
def test_fuzzed_files_give_located_problems_never_a_crash(parts: list[str], noise: bytes) -> None:
    data = "".join(parts).encode("utf-8", "surrogatepass") + noise
    parsed = parse(data)
    for problem in parsed.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(_fragments, max_size=25))
def test_fuzzed_plan_sets_through_the_cli(tmp_path: Path, parts: list[str]) -> None:
    folder = tmp_path / "plans"
    write_tree(folder, {"t.yaml": "".join(parts).encode("utf-8", "surrogatepass")})
    run = run_cli("validate", "--format", "json", folder)
    assert run.code in (0, 1), run.err
    report = json.loads(run.out)
    assert report["status"] == ("fail" if run.code else "ok")
    for problem in report["problems"]:
        assert problem["file"].endswith("t.yaml") and problem["line"] >= 1


def test_files_the_user_did_not_mean_are_ignored(in_tmp: Path) -> None:
    write_tree(
        in_tmp / "plans",
        {
            "t.yaml": THEME,
            ".hidden.yaml": "not: [valid",
            "t.yaml~": "not: [valid",
            ".t.yaml.swp": b"\x00\xff binary",
            "t.yaml.bak": "not: [valid",
            "notes.txt": "anything",
            "README.md": "# about",
            "templates/summary.md.j2": "{{ title }}",
            "archive/old.yaml": "not: [valid",
        },
    )
    result = validate([in_tmp / "plans"])
    assert result.problems == [] and result.files == 1 and result.actions == 1


def test_control_characters_in_plan_text_are_shown_not_sent_to_the_terminal(
    in_tmp: Path,
) -> None:
    write_tree(
        in_tmp / "plans",
        {
            "t.yaml": THEME.replace("rag: Amber", 'rag: "\\e[2J\\e]0;owned\\a"')
            + '"bad\\nkey\\e[31m": 1\n',
        },
    )
    for fmt in ("parsable", "standard", "github"):
        run = run_cli("validate", "--format", fmt, "plans")
        assert run.code == 1
        assert "\x1b" not in run.out and "\x07" not in run.out
        assert "status '\\x1b[2J\\x1b]0;owned\\x07' is not in the scale" in run.out
        # Each problem stays on one line.
        assert "unknown key 'bad\\nkey\\x1b[31m'" in run.out


def test_control_characters_in_an_error_message_are_shown(in_tmp: Path) -> None:
    run = run_cli("validate", "no\x1b[31mfolder")
    assert run.code == 3
    assert run.err == "ragplan: error: no\\x1b[31mfolder: no such file or folder\n"


def test_a_path_that_is_neither_file_nor_folder(in_tmp: Path) -> None:
    run = run_cli("validate", "/dev/null")
    assert (run.code, run.err) == (3, "ragplan: error: /dev/null: not a plan file or folder\n")
