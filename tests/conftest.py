"""Shared test helpers: build small plan trees from dicts, run the CLI in-process."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ragplan.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_PLANS = REPO / "plans"


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create `files` (relative path -> text, dedented, or bytes) under `root`."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


def require(missing: str | None) -> None:
    """Skip the calling test, saying why, when `missing` names a tool that is not installed
    here; under RAGPLAN_REQUIRE_TOOLS=1 (set by .ci/run) fail instead, so CI can never
    pass by skipping."""
    if missing is None:
        return
    if os.environ.get("RAGPLAN_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{missing}; RAGPLAN_REQUIRE_TOOLS=1 needs it", pytrace=False)
    pytest.skip(missing)


@dataclass
class Run:
    code: int
    out: str
    err: str


def require_libreoffice() -> None:
    """LibreOffice, to open Word files as Word's users would, and pdftotext to read what
    it made of them."""
    require(
        None
        if shutil.which("soffice")
        else "LibreOffice is missing (apt-get install libreoffice-writer-nogui)"
    )
    require(
        None
        if shutil.which("pdftotext")
        else "pdftotext is missing (apt-get install poppler-utils)"
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder (the lock file aside) by relative path, to show nothing changed."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".ragplan.lock"
    }


def run_cli(*args: str | Path) -> Run:
    """Invoke ragplan in-process, as the console script would."""
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test inside an empty temporary folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the environment a user's shell would have, not CI's."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("RAGPLAN_NO_CACHE", raising=False)


@pytest.fixture(autouse=True)
def cache_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own empty cache folder, never the user's."""
    home = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def on_a_terminal(*args: str | Path) -> tuple[int, bytes]:
    """`ragplan ARGS` with its output on a terminal: its exit code and what it said."""
    command = [sys.executable, "-m", "ragplan", *map(str, args)]
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(command, stdout=follower, stderr=subprocess.PIPE, check=False)
    finally:
        os.close(follower)
        os.close(leader)
    return done.returncode, done.stderr
