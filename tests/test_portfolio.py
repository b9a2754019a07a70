"""`ragplan portfolio`: a partnership of a RAG plan in a folder, a BRAG plan read from a git
tag and a plan in phrases; totals that are the sum of each member's own summary; members
that cannot be read kept as rows; the portfolio file validated like plan files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, REPO, require_libreoffice, run_cli, write_tree
from gitrepo import GitRepo

BRAG = REPO / "tests" / "cases" / "brag" / "plans"
TAG = "board-2024-03"

PHRASES: dict[str, str | bytes] = {
    "ragplan.yaml": """\
        title: Youth Justice Plan
        organisation: North Yorkshire Police
        as_of: 2010-09-20
        scale:
          - key: completed
            done: true
            colour: "#00703c"
            rollup: green
          - key: on track
            colour: "#ffbf47"
            rollup: amber
          - key: off track
            colour: "#d4351c"
            rollup: red
        """,
    "1-prevention.yaml": """\
        id: "1"
        title: Prevention
        actions:
          - id: "1.1"
            summary: Triage every first-time entrant within ten days.
            rag: completed
          - id: "1.2"
            summary: Joint visits with the youth offending team.
            rag: on track
            due: 2010-12-31
            notes: Half the visits are booked.
          - id: "1.3"
            summary: Restorative justice panel in every district.
            rag: off track
            due: 2010-08-31
            lead_officer: Chief Inspector
            notes: Two districts have no panel yet.
        """,
}


def _partnership(root: Path) -> Path:
    """council/plans (the example plans), nhs (a git repository: the BRAG plan committed and
    tagged, then changed on HEAD and in its working tree), police/plans (phrases) and the
    portfolio file that names them."""
    shutil.copytree(EXAMPLE_PLANS, root / "council" / "plans")
    (root / "nhs").mkdir()
    nhs = GitRepo(root / "nhs")
    shutil.copytree(BRAG, root / "nhs" / "plans")
    nhs.commit({}, "Plans as reported to the March board", tag=TAG)
    theme = root / "nhs" / "plans" / "2-safe-care.yaml"
    nhs.commit({"plans/2-safe-care.yaml": theme.read_text().replace("rag: red", "rag: amber")})
    (root / "nhs" / "plans" / "10-well-led.yaml").unlink()  # uncommitted: not what is read
    write_tree(root / "police" / "plans", PHRASES)
    write_tree(
        root / "partnership",
        {
            "portfolio.yaml": f"""\
                title: "Children's Trust partnership: improvement portfolio"
                as_of: 2010-09-20
                members:
                  - name: North Yorkshire County Council
                    path: ../council/plans
                  - name: A Hospital NHS Trust
                    git: ../nhs
                    rev: {TAG}
                  - name: North Yorkshire Police
                    path: ../police/plans
                """
        },
    )
    return root / "partnership" / "portfolio.yaml"


def _git_status(repo: Path) -> str:
    """What git says of the working tree and index, and the files' modification times."""
    done = subprocess.run(
        ["git", "-C", str(repo), "status", "--porcelain", "--ignored"],
        capture_output=True,
        text=True,
        check=True,
    )
    files = [p for p in repo.rglob("*") if p.is_file() and ".git" not in p.relative_to(repo).parts]
    times = sorted((str(p), p.stat().st_mtime_ns) for p in files)
    return done.stdout + repr(times)


def _summary(plans: Path) -> dict[str, object]:
    run = run_cli("summary", plans, "-f", "json")
    assert run.code == 0, run.err
    found: dict[str, object] = json.loads(run.out)
    return found


def test_totals_are_the_sum_of_each_members_own_summary(tmp_path: Path) -> None:
    portfolio = _partnership(tmp_path)
    before = _git_status(tmp_path / "nhs")
    run = run_cli("portfolio", portfolio, "-f", "json")
    assert run.code == 0, run.err
    found = json.loads(run.out)
    # The tag's plans are the BRAG case's files: its own summary is of that folder.
    own = [_summary(tmp_path / "council" / "plans"), _summary(BRAG)]
    own.append(_summary(tmp_path / "police" / "plans"))
    for key in ("total", "done", "overdue"):
        assert found["totals"][key] == sum(s[key] for s in own), key  # type: ignore[misc]
    outstanding = sum(s["counted"] - s["done"] for s in own)  # type: ignore[operator]
    assert found["totals"]["outstanding"] == outstanding
    for member, summary in zip(found["members"], own, strict=True):
        assert member["read"] is True and member["problem"] is None
        assert member["total"] == summary["total"]
        assert {c["status"]: c["count"] for c in member["counts"]} == summary["counts"]
        assert member["plan"] == summary["title"]
        assert member["organisation"] == summary["organisation"]
    # The git member: read at the tag's commit, and its working tree left as it was.
    nhs = found["members"][1]
    tagged = subprocess.run(
        ["git", "-C", str(tmp_path / "nhs"), "rev-parse", f"{TAG}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert nhs["source"] == {"git": "../nhs", "rev": TAG, "commit": tagged}
    assert _git_status(tmp_path / "nhs") == before
    assert found["members"][0]["source"] == {
        "path": "../council/plans",
        "rev": None,
        "commit": None,
    }


def test_json_is_the_stable_contract_key_for_key(tmp_path: Path) -> None:
    run = run_cli("portfolio", _partnership(tmp_path), "-f", "json")
    found = json.loads(run.out)
    assert list(found) == ["title", "as_of", "members", "totals"]
    assert list(found["totals"]) == ["total", "done", "outstanding", "overdue", "percent_done"]
    assert list(found["members"][0]) == [
        "name",
        "organisation",
        "plan",
        "as_of",
        "source",
        "read",
        "problem",
        "total",
        "done",
        "outstanding",
        "overdue",
        "percent_done",
        "counts",
        "indicators",
    ]
    # The example plans have two indicators, neither with a target.
    assert found["members"][0]["indicators"] == {"green": 0, "amber": 0, "red": 0, "not_rated": 2}
    assert found["members"][1]["indicators"] == {"green": 0, "amber": 0, "red": 0, "not_rated": 0}


def test_only_what_means_the_same_is_added_up(tmp_path: Path) -> None:
    """Green, amber and red: each scale has them or says it rolls up to them. Blue is the
    NHS trust's alone: it is not added, and the report says so."""
    run = run_cli("portfolio", _partnership(tmp_path), "-f", "md")
    assert run.code == 0, run.err
    # council 150/11/1, BRAG at the tag green 1/amber 3/red 1, police 1/1/1
    assert "Added up (every member's scale has these): Green 152, Amber 15, Red 3." in run.out
    assert "- Not added: Blue (3 actions) is not added up: North Yorkshire County Council " in (
        run.out
    )
    # Each member's own scale, as written.
    assert "Completed 1, On track 1, Off track 1" in run.out
    # The worst status of each: red, and the police's off track.
    assert "| North Yorkshire Police | 1.3 | Off track | Restorative justice panel" in run.out


def test_a_member_not_read_is_a_row_saying_why_and_the_exit_code_says_so(tmp_path: Path) -> None:
    portfolio = _partnership(tmp_path)
    write_tree(tmp_path / "broken" / "plans", {"1.yaml": 'id: "1"\nactions:\n  - id: "1.1"\n'})
    text = portfolio.read_text()
    text += "  - name: Gone\n    path: ../gone/plans\n"
    text += "  - name: Broken\n    path: ../broken/plans\n"
    text += "  - name: No such tag\n    git: ../nhs\n    rev: board-2099-01\n"
    portfolio.write_text(text)
    run = run_cli("portfolio", portfolio, "-f", "json")
    assert run.code == 8
    rows = {m["name"]: m for m in json.loads(run.out)["members"]}
    assert rows["Gone"]["read"] is False
    assert "no such file or folder" in rows["Gone"]["problem"]
    assert rows["Broken"]["problem"].startswith("plans invalid (")
    assert "has no 'summary'" in rows["Broken"]["problem"]
    assert "board-2099-01: unknown revision" in rows["No such tag"]["problem"]
    assert rows["Gone"]["total"] is None and rows["Gone"]["indicators"] is None
    assert "3 of 6 members could not be read (Gone, Broken, No such tag)" in run.err
    # The members read still add up as before.
    assert json.loads(run.out)["totals"]["total"] == 162 + 8 + 3
    strict = run_cli("portfolio", portfolio, "-f", "json", "--strict")
    assert strict.code == 8 and strict.out == ""
    assert "3 of 6 members could not be read; first, Gone:" in strict.err


@pytest.mark.parametrize("since", [TAG, "2010-01-01"])
def test_since_gives_each_members_direction_of_travel(tmp_path: Path, since: str) -> None:
    """The NHS trust's red 2.10.1 became amber after the tag: since the tag, HEAD improved.
    The tag's commit is dated 1 January 2010, HEAD's the 2nd: since the 1st is since it."""
    portfolio = _partnership(tmp_path)
    portfolio.write_text(portfolio.read_text().replace(f"rev: {TAG}", "rev: HEAD"))
    run = run_cli("portfolio", portfolio, "--since", since, "-f", "md")
    assert run.code == 0, run.err
    nhs = next(line for line in run.out.splitlines() if line.startswith("| A Hospital"))
    assert nhs.endswith("| 50% | ↑ improved |")
    council = next(line for line in run.out.splitlines() if line.startswith("| North Yorkshire C"))
    assert "not in a git repository" in council


def test_a_path_outside_the_portfolios_folder_is_stated(tmp_path: Path) -> None:
    run = run_cli("portfolio", _partnership(tmp_path))
    assert run.code == 0, run.err
    assert "- North Yorkshire Police: ../police/plans; outside the portfolio's folder" in run.out
    assert f"git ../nhs at {TAG} (commit " in run.out and f", tag {TAG})" in run.out


def test_a_git_url_is_fetched_into_the_cache_not_checked_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    portfolio = _partnership(tmp_path)
    url = (tmp_path / "nhs").as_uri()
    portfolio.write_text(portfolio.read_text().replace("git: ../nhs", f"git: {url}"))
    run = run_cli("portfolio", portfolio, "-f", "json")
    assert run.code == 0, run.err
    nhs = json.loads(run.out)["members"][1]
    assert nhs["total"] == 8 and nhs["source"]["git"] == url
    assert list((tmp_path / "cache" / "ragplan" / "portfolio-git").iterdir())


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        (
            "title: P\nmembers:\n  - name: A\n    path: a\n    git: b\n",
            "portfolio.yaml:3:5: [error] member 'A' needs one of 'path' (a plan folder) and "
            "'git' (a repository), not both (portfolio)",
        ),
        (
            "title: P\nmembers:\n  - name: A\n    pth: a\n",
            "portfolio.yaml:3:5: [error] member 'A' needs one of 'path' (a plan folder) and "
            "'git' (a repository), and has neither (portfolio)\n"
            "portfolio.yaml:4:5: [error] unknown key 'pth' in member 1; did you mean 'path'? "
            "(unknown-key)",
        ),
        (
            "title: P\nas_of: 20/09/2010\nmembers:\n  - name: A\n    path: a\n",
            "portfolio.yaml:2:8: [error] 'as_of' in the portfolio file must be a real date as "
            "YYYY-MM-DD, not '20/09/2010' (date)",
        ),
        (
            "title: P\nmembers: []\n",
            "portfolio.yaml:2:10: [error] the portfolio lists no members; list at least one "
            "(portfolio)",
        ),
    ],
)
def test_validate_checks_a_portfolio_file(tmp_path: Path, yaml: str, expected: str) -> None:
    (tmp_path / "portfolio.yaml").write_text(yaml)
    file = tmp_path / "portfolio.yaml"
    for given in (file, tmp_path):  # the file, or the folder it is in
        run = run_cli("validate", "-f", "parsable", given)
        assert run.code == 1
        lines = [f"{file}:{line.removeprefix('portfolio.yaml:')}" for line in expected.split("\n")]
        assert run.out.splitlines() == lines


def test_a_valid_portfolio_file_validates(tmp_path: Path) -> None:
    portfolio = _partnership(tmp_path)
    run = run_cli("validate", "-f", "standard", portfolio)
    assert run.code == 0, run.out
    assert "1 file, 0 actions: 0 errors, 0 warnings" in run.out


def test_an_invalid_portfolio_makes_no_report(tmp_path: Path) -> None:
    (tmp_path / "portfolio.yaml").write_text("title: P\nmembers:\n  - name: A\n")
    run = run_cli("portfolio", tmp_path)
    assert run.code == 1 and run.out == ""
    assert "and has neither (portfolio)" in run.err
    assert "portfolio.yaml has 1 error; no portfolio was made" in run.err


@pytest.mark.parametrize("fmt", ["text", "md", "html", "csv"])
def test_every_text_format_names_every_member(tmp_path: Path, fmt: str) -> None:
    run = run_cli("portfolio", _partnership(tmp_path), "-f", fmt)
    assert run.code == 0, run.err
    for name in (
        "North Yorkshire County Council",
        "A Hospital NHS Trust",
        "North Yorkshire Police",
    ):
        assert name in run.out


def test_csv_has_a_row_per_member_then_the_totals(tmp_path: Path) -> None:
    import csv
    import io

    run = run_cli("portfolio", _partnership(tmp_path), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert [r["member"] for r in rows] == [
        "North Yorkshire County Council",
        "A Hospital NHS Trust",
        "North Yorkshire Police",
        "Partnership total",
    ]
    assert rows[-1]["total"] == str(162 + 8 + 3)
    assert rows[1]["counts"] == "Blue 3, Green 1, Amber 3, Red 1"
    assert rows[1]["tag"] == TAG


def test_pdf_states_the_totals(tmp_path: Path) -> None:
    require_libreoffice()
    out = tmp_path / "portfolio.pdf"
    run = run_cli("portfolio", _partnership(tmp_path), "-o", out)
    assert run.code == 0, run.err
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Children's Trust partnership: improvement portfolio" in text
    assert "155 of the 173 actions across 3 members are done (89%)" in " ".join(text.split())


def test_word_opens_in_libreoffice_with_every_member(tmp_path: Path) -> None:
    require_libreoffice()
    out = tmp_path / "portfolio.docx"
    run = run_cli("portfolio", _partnership(tmp_path), "-o", out)
    assert run.code == 0, run.err
    subprocess.run(
        [
            "soffice",
            # Its own profile: a LibreOffice another test runs cannot lock this one out.
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    text = " ".join((tmp_path / "portfolio.txt").read_text(encoding="utf-8-sig").split())
    for name in (
        "North Yorkshire County Council",
        "A Hospital NHS Trust",
        "North Yorkshire Police",
    ):
        assert name in text
    assert "Blue (3 actions) is not added up" in text


def test_the_chart_has_a_bar_per_member_on_one_scale(tmp_path: Path) -> None:
    """Each bar holds its member's own counts; every bar is drawn on the same scale, so a
    member of 162 actions has a bar twenty times as long as one of 8; and two statuses that
    read alike ('Red' in the council's red and the trust's grey) are told apart."""
    from ragplan.output.charts import bar_drawing
    from ragplan.output.portfolio_formats import member_chart
    from ragplan.portfolios import load_portfolio

    chart = member_chart(load_portfolio(_partnership(tmp_path)))
    assert [(b.label, b.total) for b in chart.bars] == [
        ("North Yorkshire County Council", 162),
        ("A Hospital NHS Trust", 8),
        ("North Yorkshire Police", 3),
    ]
    labels = [s.label for s in chart.statuses]
    assert len(labels) == len(set(labels))
    assert "Red (A Hospital NHS Trust)" in labels
    drawing = bar_drawing(chart)
    counted = [
        (s.tip.split(":")[0], s.width, int(s.tip.split(": ")[1].split()[0]))
        for s in drawing.segments
    ]
    # A count of one is widened to stay visible; from two up, width is count times the scale.
    per_action = [(member, width / count) for member, width, count in counted if count >= 2]
    assert {member for member, _ in per_action} == {
        "North Yorkshire County Council",
        "A Hospital NHS Trust",
    }
    widths = [w for _, w in per_action]
    assert max(widths) - min(widths) < 0.1  # one scale, to the rounding of each width


def test_on_a_colour_terminal_the_text_is_printed(tmp_path: Path) -> None:
    run = run_cli("--color", "always", "portfolio", _partnership(tmp_path))
    assert run.code == 0, run.err
    assert "Added up (every member's scale has these): Green 152, Amber 15, Red 3." in run.out


def test_a_member_is_read_under_a_plan_sets_size_limits(tmp_path: Path) -> None:
    """A theme file over the limit is refused unread, as `summary` refuses it: the member's
    row says so."""
    portfolio = _partnership(tmp_path)
    padding = "# " + "x" * 1000 + "\n"
    big = 'id: "9"\ntitle: Padded\n' + padding * 1100  # 1.1 MB of comments
    police = tmp_path / "police" / "plans"
    (police / "9-padded.yaml").write_text(big)
    (police / "ragplan.yaml").write_text(
        (police / "ragplan.yaml").read_text() + "max_file_size_mb: 1\n"
    )
    run = run_cli("portfolio", portfolio, "-f", "json")
    assert run.code == 8
    police_row = json.loads(run.out)["members"][2]
    assert police_row["read"] is False
    assert "over the 1 MB limit" in police_row["problem"]


def test_a_git_members_figures_are_kept_by_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second run reads a git member's figures from the cache, not its files again (files
    read from git are not in the parse cache); a new commit is read afresh."""
    import ragplan.portfolios

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("RAGPLAN_NO_CACHE", raising=False)
    portfolio = _partnership(tmp_path)
    first = run_cli("portfolio", portfolio, "-f", "json")
    assert first.code == 0, first.err

    def unread(*args: object, **kwargs: object) -> None:
        raise AssertionError("the git member was read again")

    with monkeypatch.context() as patched:
        patched.setattr(ragplan.portfolios, "read_plan_set", unread)
        again = run_cli("portfolio", portfolio, "-f", "json")
        assert again.code == 0, again.err
        assert again.out == first.out
        # HEAD is another commit: not in the cache, so read (here: refused by the patch).
        portfolio.write_text(portfolio.read_text().replace(f"rev: {TAG}", "rev: HEAD"))
        with pytest.raises(AssertionError, match="read again"):
            run_cli("portfolio", portfolio, "-f", "json")


def test_the_published_schema_takes_the_portfolio_and_refuses_path_with_git(
    tmp_path: Path,
) -> None:
    """What an editor checks with schema/ragplan-portfolio.schema.json agrees with validate:
    the partnership's file passes; a member with both path and git, or neither, does not."""
    import jsonschema
    import yaml

    schema = json.loads((REPO / "schema" / "ragplan-portfolio.schema.json").read_text())
    checker = jsonschema.Draft7Validator(schema)
    found = yaml.safe_load(_partnership(tmp_path).read_text())
    found["as_of"] = found["as_of"].isoformat()  # as editors read YAML 1.2: text
    assert list(checker.iter_errors(found)) == []
    for member in ({"name": "A", "path": "a", "git": "b"}, {"name": "A"}):
        assert list(checker.iter_errors({"title": "P", "members": [member]}))


@pytest.mark.parametrize(
    "url",
    [
        "--upload-pack=touch pwned:x",
        "ext::sh -c touch% pwned",
        "-oProxyCommand=touch pwned:x",
    ],
)
def test_a_git_member_never_runs_what_its_url_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    """A portfolio file can arrive by pull request: a 'URL' that is an option of git fetch,
    or a transport that runs a command, is a member not read, and nothing runs."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "portfolio.yaml").write_text(
        f"title: P\nmembers:\n  - name: Hostile\n    git: {json.dumps(url)}\n"
    )
    run = run_cli("portfolio", tmp_path / "portfolio.yaml", "-f", "json")
    assert run.code == 8
    assert json.loads(run.out)["members"][0]["read"] is False
    assert not (tmp_path / "pwned").exists()
    assert not list(tmp_path.rglob("pwned"))
