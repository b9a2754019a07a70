"""Plan sets the output tests share: one whose text attacks every format, and one with the
widest scale a report is laid out for (six statuses, long labels)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import write_tree

# Every way a note could try to run code in a web page.
ATTACKS = [
    "<script>document.title='PWNED'</script>",
    "<img src=x onerror=\"document.title='PWNED'\">",
    "<svg onload=\"document.title='PWNED'\"></svg>",
    "\"><script>document.title='PWNED'</script>",
    "</td></tr></table><script>document.title='PWNED'</script>",
    "<iframe srcdoc=\"<script>parent.document.title='PWNED'</script>\"></iframe>",
    "javascript:document.title='PWNED'",
    "<style>body{display:none}</style>",
]

# Text as people paste it: markup characters, quotes, right-to-left script, emoji, and
# control characters (a bell, an escape, a form feed), each of which a format must keep
# or drop on purpose.
WILD = (
    "review & improve <front door> \"quoted\" 'single' “curly” — "
    "مراجعة الخطة שלום 😀 {{ not_a_tag }} {% if x %} bell\x07 escape\x1b[31m form\x0cfeed"
)


def q(text: str) -> str:
    """`text` as a YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def hostile_plans(root: Path) -> Path:
    """One theme of red actions whose every field is an attack; the title is one too."""
    actions = "".join(
        f"""
  - id: "1.{i}"
    lead_body: {q(attack)}
    summary: {q(attack)}
    lead_officer: {q(attack)}
    rag: red
    notes: {q(attack)}
"""
        for i, attack in enumerate(ATTACKS, start=1)
    )
    write_tree(
        root,
        {
            "ragplan.yaml": f"title: {q(ATTACKS[0])}\nas_of: 2024-01-31\n",
            "t.yaml": f"id: '1'\ntitle: {q(ATTACKS[1])}\nlead_officer: {q(ATTACKS[2])}\n"
            f"actions:{actions}",
        },
    )
    return root


SIX = [
    ("complete", "Complete", "#1d70b8", True),
    ("on-track", "On track", "#00703c", False),
    ("amber-green", "Amber/Green – minor slippage, recovery plan agreed", "#85994b", False),
    ("amber", "Amber", "#ffbf47", False),
    ("amber-red", "Amber/Red – significant risk to delivery this year", "#f47738", False),
    ("red", "Red – escalated to the Director of Children's Services", "#d4351c", False),
]


def wide_plans(root: Path) -> Path:
    """Six statuses with long labels, four themes of every status, and wild text in the
    title, a theme title, a summary and a note."""
    scale = "".join(
        f"  - key: {key}\n    label: {q(label)}\n    colour: {q(colour)}\n"
        f"    meaning: {q(label.lower())}\n" + ("    done: true\n" if done else "")
        for key, label, colour, done in SIX
    )
    files: dict[str, str | bytes] = {
        "ragplan.yaml": f"title: {q('Improvement Plan & <Review> ' + WILD[:40])}\n"
        "organisation: A “County” Council\nas_of: 2024-03-31\n"
        f"scale:\n{scale}",
    }
    for t in range(1, 5):
        actions = "".join(
            f'  - id: "{t}.{n}"\n    lead_body: Council\n'
            f"    summary: {q(WILD if n == 2 else f'Action {t}.{n} of the plan.')}\n"
            f"    lead_officer: {q('Head of Service')}\n    rag: {key}\n"
            f"    due: 2024-0{1 + n % 6}-28\n"
            f"    notes: {q(WILD if n == 3 else 'Work continues.')}\n"
            for n, (key, *_) in enumerate(SIX[: 3 + t], start=1)
        )
        title = WILD if t == 2 else f"Theme {t} of the improvement plan"
        files[f"{t}.yaml"] = f'id: "{t}"\ntitle: {q(title)}\nlead_officer: Director\n' + (
            f"actions:\n{actions}"
        )
    return write_tree(root, files)


# A plan a board would send: 40 outstanding actions over 4 themes of 2 sections, notes of
# one to four sentences, and one action whose note runs to 12 paragraphs (taller than a
# page in a table), each paragraph ending in words found nowhere else.
LONG_NOTE = "\n\n".join(
    f"Paragraph {n} of the long note: the service reviewed its caseloads again this month, "
    "met the partners named in the plan, and agreed what each will do before the next "
    "board; the figures were checked against the case records by the team managers, and "
    "the differences found were put right in the system before this report was written. "
    f"The paragraph ends with its own last words, endmark{n:02d} here."
    for n in range(1, 13)
)


def long_plans(root: Path) -> Path:
    """The plan set of the 40-action board test, with an appendix B paper."""
    write_tree(
        root,
        {
            "ragplan.yaml": (
                "title: Next Phase Improvement Plan\n"
                "organisation: North Yorkshire Children's Trust\n"
                "as_of: 2010-09-20\n"
                "scale:\n"
                "  - {key: green, label: Green, meaning: completed, done: true, "
                "colour: '#00703c'}\n"
                "  - {key: amber, label: Amber, meaning: progress made, colour: '#ffbf47'}\n"
                "  - {key: red, label: Red, meaning: little or no progress, colour: '#d4351c'}\n"
            ),
            "papers/board.md": (
                "---\ntitle: Report of the Performance Sub-Group\nmeeting: Children's Trust "
                "Board\ndate: 2010-09-20\nappendices:\n  - name: outstanding\n"
                '    title: "Outstanding Actions"\n    report: outstanding\n---\n'
                "## 1.0 PURPOSE OF REPORT\n\n1.1 To update the Board.\n"
            ),
        },
    )
    for t in range(1, 5):
        lines = [f'id: "{t}"', f"title: Theme {t} of the next phase plan",
                 f"lead_officer: Officer {t}", "sections:"]  # fmt: skip
        for s in range(1, 3):
            lines += [f'  - id: "{t}.{s}"', f"    title: Section {t}.{s}", "    actions:"]
            for a in range(1, 6):
                ident = f"{t}.{s}.{a}"
                note = (
                    LONG_NOTE
                    if ident == "2.1.3"
                    else (f"Note of action {ident}: work continues. " * (1 + a % 4)).strip()
                )
                lines += [
                    f'      - id: "{ident}"',
                    "        lead_body: NYCC",
                    f"        summary: Action {ident} of the next phase plan, to be done.",
                    "        lead_officer: AD CSC",
                    f"        rag: {'red' if a == 5 else 'amber'}",
                    "        due: 2010-12-31",
                    "        notes: " + json.dumps(note),
                ]
        write_tree(root, {f"{t}.yaml": "\n".join(lines) + "\n"})
    return root
