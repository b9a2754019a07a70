"""Reports printed on a terminal keep to its width, with and without colour, and lose no
word; piped, plain text stays one line per row; every status colour reads at 4.5:1.

The commands run for real on a pseudo-terminal whose width is set as a terminal
emulator sets it (TIOCSWINSZ), the way a user meets them."""

from __future__ import annotations

import colorsys
import fcntl
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import termios
from collections import Counter
from pathlib import Path
from typing import Literal

import pytest
from conftest import EXAMPLE_PLANS, run_cli
from drawn import BOX, plain
from gitrepo import GitRepo
from hypothesis import given, settings
from hypothesis import strategies as st

from ragplan.output.plaintext import fit_lines, text_table
from ragplan.output.terminal import LEAST_CONTRAST, status_background
from ragplan.reports.common import NEUTRAL_GREY, contrast_ratio, text_colour_on

WIDTHS = (40, 80, 120)


def on_a_terminal_of(width: int, *args: str, env: dict[str, str] | None = None) -> str:
    """What `ragplan ARGS` prints on a terminal `width` columns wide (COLUMNS unset, as
    in a shell whose terminal was resized)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    environment.update(env or {})
    command = [sys.executable, "-m", "ragplan", *args]
    running = subprocess.Popen(command, stdout=follower, stderr=subprocess.PIPE, env=environment)
    os.close(follower)
    said = b""
    while True:  # read as it prints: a full terminal buffer would stop it
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end closed: it has finished
            break
        if not chunk:
            break
        said += chunk
    os.close(leader)
    assert running.wait() == 0, running.stderr.read() if running.stderr else ""
    if running.stderr:
        running.stderr.close()
    return said.decode("utf-8").replace("\r\n", "\n")


def words(text: str) -> Counter[str]:
    """Every word shown, as often as shown; rules of dashes (as long as their column) and
    box lines aside."""
    found = re.findall(rf"[^\s{BOX}]+", plain(text))
    return Counter(w for w in found if set(w) != {"-"})


def assert_every_word_kept(narrow: str, wide: str) -> None:
    """`narrow` shows each word of `wide` whole, at least as often (a table turned on its
    side repeats its headings), and no word `wide` does not show: none cut or dropped."""
    assert "…" not in plain(narrow)
    shown, whole = words(narrow), words(wide)
    assert not whole - shown, f"dropped or cut: {sorted(whole - shown)}"
    assert set(shown) <= set(whole), f"not in the wide report: {sorted(set(shown) - set(whole))}"


def widest(text: str) -> int:
    return max(len(line) for line in plain(text).splitlines())


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plans in git, tagged at two board meetings: one action worse and
    re-dated, one done action reopened, a note rewritten."""
    root = tmp_path_factory.mktemp("board")
    repo = GitRepo(root)
    shutil.copytree(EXAMPLE_PLANS, root / "plans")
    repo.commit({}, tag="board-2010-06")
    six = (root / "plans" / "6.yaml").read_text(encoding="utf-8")
    six = six.replace("    rag: amber\n    notes:", "    rag: red\n    due: 2011-03-31\n    notes:")
    six = six.replace("Members have adopted", "Members have now adopted")
    eight = (root / "plans" / "8.yaml").read_text(encoding="utf-8")
    config = (root / "plans" / "ragplan.yaml").read_text(encoding="utf-8")
    repo.commit(
        {
            "plans/6.yaml": six,
            "plans/8.yaml": eight.replace("rag: green", "rag: amber", 1),
            "plans/ragplan.yaml": config.replace("as_of: 2010-09-20", "as_of: 2010-12-20"),
        },
        tag="board-2010-12",
    )
    return root / "plans"


REPORTS = {
    "summary": ["summary", "{plans}"],
    "outstanding": ["outstanding", "{plans}"],
    "indicators": ["indicators", "{plans}"],
    "diff": ["diff", "board-2010-06", "--to", "board-2010-12", "{plans}"],
    "history": ["history", "{plans}"],
}


def _args(report: str, plans: Path) -> list[str]:
    return [a.format(plans=plans) for a in REPORTS[report]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("report", REPORTS)
def test_plain_text_on_a_terminal_keeps_to_its_width_and_every_word(
    report: str, width: int, board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--color never (NO_COLOR alike, below): before, summary was 105 columns wide at 80
    and diff's lines ran to 315 characters."""
    monkeypatch.chdir(board.parent)
    args = _args(report, board)
    shown = on_a_terminal_of(width, "--color", "never", *args)
    assert "\x1b[" not in shown
    assert widest(shown) <= width
    piped = run_cli(*args)
    assert piped.code == 0
    assert_every_word_kept(shown, piped.out)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("report", REPORTS)
def test_coloured_tables_on_a_terminal_keep_to_its_width_and_every_word(
    report: str, width: int, board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, indicators were drawn 89 columns wide on an 80-column terminal."""
    monkeypatch.chdir(board.parent)
    args = _args(report, board)
    shown = on_a_terminal_of(width, *args)
    assert "\x1b[" in shown  # drawn in colour: a terminal, no NO_COLOR
    assert widest(shown) <= width
    assert_every_word_kept(shown, on_a_terminal_of(1000, *args))


def test_no_color_is_plain_text_fitted_as_color_never_is(board: Path) -> None:
    args = _args("summary", board)
    fitted = on_a_terminal_of(80, *args, env={"NO_COLOR": "1"})
    assert fitted == on_a_terminal_of(80, "--color", "never", *args)
    assert widest(fitted) <= 80


def test_plain_summary_at_80_columns_wraps_titles_within_their_column(board: Path) -> None:
    """Read as a user reads it: the rows' figures on their first line, long titles and
    names carried on below in their own columns."""
    shown = on_a_terminal_of(80, "--color", "never", "summary", str(board)).splitlines()
    at = shown.index(next(line for line in shown if line.startswith("Theme  Title")))
    assert shown[at].split() == "Theme Title Lead officer Green Amber Red Total % done".split()
    first = shown[at + 2]
    assert first.split()[:3] == ["1.1", "ICT", "Infrastructure"]
    assert first.split()[-5:] == ["22", "1", "0", "23", "95%"]
    carried = shown[at + 3]
    title = shown[at].index("Title")
    assert carried[:title].strip() == ""  # the next line carries on the Title column
    assert carried[title:].startswith("and Resilience")


def test_piped_plain_text_is_one_line_per_row_whatever_the_width(
    board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scripts read piped text a row a line: COLUMNS does not wrap it."""
    args = _args("diff", board)
    wide = run_cli(*args).out
    monkeypatch.setenv("COLUMNS", "40")
    assert run_cli(*args).out == wide
    row = next(line for line in wide.splitlines() if line.startswith("6.1 "))
    assert row.endswith(
        "Establish working links between Elected Members of NYCC and members of PCT Board."
    )


# text_table and fit_lines, on their own.

HEADS = ["Theme", "Title", "Lead officer", "Green", "Total"]
ROWS = [
    ["1.3", "Improvements in Timeliness of Assessments", "AD CSC", 36, "150 → 149"],
    ["6", "", "AD CSC / Ann McMorris", 18, "19"],
]


def test_a_table_without_a_width_is_a_line_per_row() -> None:
    drawn = text_table(HEADS, ROWS, "lllrr").splitlines()
    assert len(drawn) == 4
    assert drawn[2].split("  ")[0] == "1.3"
    assert drawn[2].endswith("36  150 → 149")


def test_a_table_wider_than_the_width_wraps_its_cells_and_never_splits_a_figure() -> None:
    drawn = text_table(HEADS, ROWS, "lllrr", width=50)
    lines = drawn.splitlines()
    assert max(len(line) for line in lines) <= 50
    assert "150 → 149" in drawn  # a right-aligned figure stays whole, on one line
    assert words(drawn) == words(text_table(HEADS, ROWS, "lllrr"))
    assert lines[0].startswith("Theme")  # not turned: the headings stay on top


def test_a_table_too_wide_for_its_words_is_turned_on_its_side() -> None:
    drawn = text_table(HEADS, ROWS, "lllrr", width=30)
    assert max(len(line) for line in drawn.splitlines()) <= 30
    turned = [line.split()[0] for line in drawn.splitlines() if line and line[0] != "-"]
    assert turned[0] == "Theme"  # then each heading down the left, a row a column
    assert {"Title", "Lead", "Green", "Total"} <= set(turned)
    for word in ["Improvements", "Assessments", "McMorris", "150", "149", "36", "18", "19"]:
        assert word in drawn.split()


def test_a_word_longer_than_any_column_is_folded_whole() -> None:
    address = "https://www.northyorks.gov.uk/children-and-families/safeguarding-board"
    drawn = text_table(["Ref", "Notes"], [["1.1", f"see {address} now"]], width=40)
    assert max(len(line) for line in drawn.splitlines()) <= 40
    pieces = [line[5:] for line in drawn.splitlines()[2:]]
    assert len(pieces) == 3  # folded at the column's edge, read down it whole
    assert "".join(pieces) == f"see {address} now"


def test_lines_wrap_at_words_keeping_their_indent() -> None:
    text = "    Notes: " + "word " * 20 + "\n- Core Assessments (%): " + "why " * 12
    fitted = fit_lines(text.rstrip(), 30).splitlines()
    assert max(len(line) for line in fitted) <= 30
    assert all(line.startswith("    ") for line in fitted if "word" in line)
    bullet = [line for line in fitted if "why" in line or "Core" in line]
    assert bullet[0].startswith("- Core") and all(x.startswith("  ") for x in bullet[1:])
    assert " ".join(fitted).split() == text.split()


# Colour: every status's label reads at 4.5:1 or better on its background.


def _built_in_colours() -> set[str]:
    """Every colour ragplan gives a status itself: the default scale, the scale `init`
    writes, the colours `import` gives statuses it knows, and the grey of an uncoloured
    status."""
    from datetime import date

    from ragplan.editing.scaffold import starter_files
    from ragplan.model import DEFAULT_SCALE
    from ragplan.sheets import statuses

    found = {s.colour for s in DEFAULT_SCALE.statuses if s.colour}
    for text in starter_files(date(2010, 9, 20)).values():
        found |= set(re.findall(r"#[0-9a-fA-F]{6}", text))
    known = vars(statuses)["_KNOWN_STATUSES"].values()  # the import's table of colours
    found |= {colour for _, colour in known if colour}
    return {c.lower() for c in found | {NEUTRAL_GREY}}


def test_every_built_in_colour_is_known() -> None:
    assert {"#00703c", "#ffbf47", "#d4351c", "#005ea5", "#f47738", "#b1b4b6"} <= (
        _built_in_colours()
    )


@pytest.mark.parametrize("depth", ["256", "truecolor"])
@pytest.mark.parametrize("colour", sorted(_built_in_colours()))
def test_every_built_in_status_colour_reads_at_4_5_to_1(
    colour: str, depth: Literal["256", "truecolor"]
) -> None:
    """In the terminal's default 256-colour palette (xterm's, as rich knows it) and in
    true colour."""
    text = text_colour_on(colour)
    shown = status_background(colour, text, depth).get_truecolor().hex
    assert contrast_ratio(shown, text) >= LEAST_CONTRAST


@settings(max_examples=300)
@given(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True), st.sampled_from(["256", "truecolor"]))
def test_any_scale_colour_a_plan_gives_reads_at_4_5_to_1(
    colour: str, depth: Literal["256", "truecolor"]
) -> None:
    """A plan's own scale may give any colour: its label still reads on it."""
    text = text_colour_on(colour)
    shown = status_background(colour, text, depth).get_truecolor().hex
    assert contrast_ratio(shown, text) >= LEAST_CONTRAST


def _hue(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(red, green, blue)[0] * 360


def test_red_stays_red_at_256_colours() -> None:
    """#d4351c's nearest in the palette is #d75f00, orange, 3.8:1 under white: a darker
    red is drawn instead."""
    shown = status_background("#d4351c", "#ffffff", "256").get_truecolor().hex
    assert shown != "#d75f00"
    assert contrast_ratio(shown, "#ffffff") >= 4.5
    assert min(_hue(shown), 360 - _hue(shown)) < 15  # a red, not an orange (26°)


def test_a_scale_colour_that_reads_well_is_drawn_as_it_is() -> None:
    assert status_background("#d4351c", "#ffffff", "truecolor").get_truecolor().hex == "#d4351c"


SGR = re.compile(r"\x1b\[([0-9;]*)m([^\x1b]*)")


def _coloured_runs(drawn: str) -> list[tuple[str, str | None, str | None]]:
    """Each run of text with the foreground and background colours it is shown in
    ('#rrggbb', None for the terminal's own), following every SGR sequence."""
    from rich.color import Color

    fore: str | None = None
    back: str | None = None
    runs = []
    for codes_text, text in SGR.findall(drawn):
        codes = [int(c) if c else 0 for c in codes_text.split(";")]
        at = 0
        while at < len(codes):
            code = codes[at]
            if code in (38, 48):
                if codes[at + 1] == 5:
                    colour = Color.from_ansi(codes[at + 2]).get_truecolor().hex
                    at += 3
                else:
                    colour = "#{:02x}{:02x}{:02x}".format(*codes[at + 2 : at + 5])
                    at += 5
                fore, back = (colour, back) if code == 38 else (fore, colour)
                continue
            if code == 0:
                fore = back = None
            elif code == 39:
                fore = None
            elif code == 49:
                back = None
            at += 1
        runs.append((text, fore, back))
    return runs


@pytest.mark.parametrize("colorterm", ["", "truecolor"])
def test_the_drawn_status_labels_read_at_4_5_to_1(board: Path, colorterm: str) -> None:
    """Read back from what the command prints: each label's text and background, in the
    terminal's default palette (256 colours) and in true colour."""
    shown = on_a_terminal_of(120, "summary", str(board), env={"COLORTERM": colorterm})
    labels = [(t.strip(), f, b) for t, f, b in _coloured_runs(shown) if b is not None]
    assert {label for label, _, _ in labels} == {"Green", "Amber", "Red"}
    for label, fore, back in labels:
        assert fore is not None and back is not None
        assert contrast_ratio(fore, back) >= LEAST_CONTRAST, (label, fore, back)
        if label == "Red" and not colorterm:
            assert back == "#af0000"  # the palette's red, not its orange #d75f00
