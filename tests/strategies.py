"""Hypothesis strategies for whole plan sets: valid ones, and ways to break them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from hypothesis import strategies as st

# Text from the wild: table and markup characters, formula starters, control
# characters, right-to-left text, emoji, curly quotes and the pound sign.
_PIECES = [
    "\u202e",
    "\u200f",
    "שלום",
    "😀",
    "\x1b[31m",
    "\x07",
    "\x00",
    "[red]x[/red]",
    "<script>alert(1)</script>",
    "=SUM(A1)",
    "\r\n",
    "**bold**",
    "| a | b |",
]
WILD = st.lists(
    st.one_of(
        st.sampled_from(list("|`*_<>&=+-@#[]\\\t\r\n'\"{}:!%~ £‘’“”é")),
        st.sampled_from(_PIECES),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=20,
).map("".join)

STATUS_WORDS = ["complete", "green", "blue", "on track", "amber", "amber/red", "red", "off"]


@dataclass
class PlanSpec:
    """A generated plan set, and what a correct ragplan must say about it."""

    files: dict[str, str]
    keys: list[str]
    done: set[str]
    actions: dict[str, str] = field(default_factory=dict)  # id -> status key

    @property
    def outstanding(self) -> set[str]:
        return {i for i, rag in self.actions.items() if rag not in self.done}


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=60)


@st.composite
def plan_sets(draw: st.DrawFn) -> PlanSpec:
    keys = draw(st.lists(st.sampled_from(STATUS_WORDS), min_size=1, max_size=5, unique=True))
    done = set(draw(st.lists(st.sampled_from(keys), max_size=2, unique=True)))
    scale = [
        {
            "key": k,
            "label": draw(st.one_of(st.none(), WILD)),
            "meaning": draw(WILD),
            "done": k in done,
        }
        for k in keys
    ]
    config = {"title": draw(WILD), "as_of": "2011-03-31", "scale": scale}
    spec = PlanSpec({"ragplan.yaml": _dump(config)}, keys, done)
    for t in range(1, draw(st.integers(1, 4)) + 1):
        theme: dict[str, Any] = {
            "id": str(t),
            "title": draw(st.one_of(st.none(), WILD)),
            "lead_officer": draw(st.one_of(st.none(), WILD)),
        }

        def action(ident: str) -> dict[str, Any]:
            rag = draw(st.sampled_from(keys))
            spec.actions[ident] = rag
            return {
                "id": ident,
                "lead_body": draw(st.one_of(st.none(), WILD)),
                "summary": draw(WILD) + "x",
                "due": draw(st.one_of(st.none(), st.sampled_from(["2010-01-31", "2012-12-01"]))),
                "lead_officer": draw(st.one_of(st.none(), WILD)),
                "rag": draw(st.sampled_from([rag, rag.upper(), rag.title()])),
                "notes": draw(WILD) + "n",
            }

        theme["actions"] = [action(f"{t}.{a}") for a in range(1, draw(st.integers(0, 3)) + 1)]
        theme["sections"] = []
        for s in range(1, draw(st.integers(0, 3)) + 1):
            sid = f"{t}.{10 + s}"
            theme["sections"].append(
                {
                    "id": sid,
                    "title": draw(st.one_of(st.none(), WILD)),
                    "actions": [
                        action(f"{sid}.{a}") for a in range(1, draw(st.integers(1, 3)) + 1)
                    ],
                }
            )
        spec.files[f"theme-{t}.yaml"] = _dump(theme)
    return spec


# Ways to break a valid plan set, each a function of the theme file's text.
BREAKAGES = {
    "syntax": lambda text: text + "\nbroken: [unclosed\n",
    "tabs": lambda text: "\t" + text,
    "encoding": lambda text: text + "\n# \udcff\n",
    "unknown-key": lambda text: text + "\nextra_key: 1\n",
    "id-type": lambda text: (
        text.replace("id: '", "id: ", 1).replace("'\n", "\n", 1)
        if "id: '" in text
        else "id: 1.10\n"
    ),
    "anchors": lambda text: text + "\nx: &a 1\n",
    "duplicate-key": lambda text: text + "\nid: '9'\n",
    "type": lambda text: "- a list\n- not a theme\n",
}


@st.composite
def broken_plan_sets(draw: st.DrawFn) -> tuple[PlanSpec, str, str]:
    """A plan set with one theme file broken; returns (spec, file name, rule expected)."""
    spec = draw(plan_sets())
    name = draw(st.sampled_from(sorted(n for n in spec.files if n != "ragplan.yaml")))
    rule = draw(st.sampled_from(sorted(BREAKAGES)))
    spec.files[name] = BREAKAGES[rule](spec.files[name])
    return spec, name, rule
