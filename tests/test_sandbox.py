"""output/sandbox.py: what ordinary templates do still works in it, and code compiled
outside it is never run from the cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
from conftest import EXAMPLE_PLANS, run_cli

from ragplan.output import templates
from ragplan.output.sandbox import LimitError


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('{{ "a-%s-%05.1f" % ("x", 3.14159) }}', "a-x-003.1"),
        ('{{ "%(a)s" % {"a": 1} }}', "1"),
        ('{{ "{:>5}|{}".format(1, 2) }}', "    1|2"),
        ('{{ "{a}".format_map({"a": 1}) }}', "1"),
        ("{{ [1, 2] * 2 }}", "[1, 2, 1, 2]"),
        ('{{ "ab" ~ 1 ~ "c" }}', "ab1c"),
        ("{{ 2 ** 10 }} {{ 3 * 4 }} {{ 1 + 2 }} {{ 7 % 3 }}", "1024 12 3 1"),
        ('{{ [1, 2] | join(",") }} {{ [1, 2] | map("string") | join }}', "1,2 12"),
        ('{{ "x" | center(5) }}|{{ "a\nb" | indent(2) }}', "  x  |a\n  b"),
        ('{{ "aXa" | replace("a", "bb") }} {{ "%03d" | format(7) }}', "bbXbb 007"),
        (
            "{% for x in items recursive %}[{{ x.n }}{{ loop.revindex }}"
            "{% if loop.last %}L{% endif %}{% if x.c %}{{ loop(x.c) }}{% endif %}]"
            "{% else %}none{% endfor %}",
            "[12[21L]][31L]",
        ),
        ("{% for x in [] %}{{ x }}{% else %}none{% endfor %}", "none"),
    ],
)
def test_ordinary_templates_render_as_jinja_renders_them(source: str, expected: str) -> None:
    env = templates.get_env([], use_cache=False)
    items = [{"n": 1, "c": [{"n": 2, "c": []}]}, {"n": 3, "c": []}]
    assert env.from_string(source).render(items=items) == expected
    plain = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)
    assert plain.from_string(source).render(items=items) == expected


def test_limits_hold_outside_a_report_too() -> None:
    env = templates.get_env([], use_cache=False)
    with pytest.raises(LimitError):
        env.from_string("{{ 'x' * 100000 * 100000 }}").render()


def test_code_compiled_outside_the_sandbox_is_never_run(tmp_path: Path) -> None:
    """Jinja keys compiled code on the template's name and source alone: code that plain
    Jinja compiled for the same template, in ragplan's cache folder (it calls str.center
    unchecked), must not be run."""
    plans = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, plans)
    (plans / "templates").mkdir()
    (plans / "templates" / "summary.txt.j2").write_text("{{ 'x'.center(20000000) | length }}")
    folder = templates.template_cache(True)
    assert folder is not None
    plain = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(plans / "templates")]),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder)),
    )
    assert plain.get_template("summary.txt.j2").render() == "20000000"  # now in the cache
    assert list(folder.iterdir())
    run = run_cli("summary", plans)
    assert run.code == 4
    assert "summary.txt.j2:1: this would make text or a list of 20,000,000 characters" in run.err
