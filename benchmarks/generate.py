"""Write a synthetic plan set in ragplan's format, for benchmarks.

N actions across M theme files, with sections, a mix of statuses like a real
improvement plan (mostly green, some amber and red, notes on the outstanding
ones) and text as long as the example plans' (summaries and notes of one to
three sentences, folded at 88 columns). The same arguments give the same files.

    python benchmarks/generate.py OUT --actions 10000 [--files 40] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
import textwrap
from pathlib import Path

CONFIG = """\
title: Synthetic Improvement Plan
organisation: Benchmark Borough Council
as_of: 2010-09-20
scale:
  - key: green
    label: Green
    meaning: these actions have been completed
    done: true
    colour: "#00703c"
  - key: amber
    label: Amber
    meaning: progress has been made but further work is required
    colour: "#ffbf47"
  - key: red
    label: Red
    meaning: little or no progress has been made
    colour: "#d4351c"
"""

# Status mix: roughly a council's plan a year in (the example has 150/11/1).
STATUSES = (("green", 0.78), ("amber", 0.17), ("red", 0.05))

VERBS = (
    "Establish", "Review", "Implement", "Develop", "Agree", "Deliver", "Embed", "Monitor",
    "Strengthen", "Audit", "Publish", "Commission", "Improve", "Introduce", "Extend",
)  # fmt: skip
OBJECTS = (
    "the quality assurance framework", "a multi-agency referral pathway",
    "supervision arrangements for social workers", "the performance management framework",
    "training for front-line staff", "data sharing protocols with partners",
    "the workforce development strategy", "case file audit arrangements",
    "the electronic social care record", "placement sufficiency",
    "the out-of-hours service", "business continuity plans", "the telephone system",
    "the Local Safeguarding Children Board procedures", "initial assessment timescales",
    "the recruitment and retention plan", "service level agreements for ICT support",
)  # fmt: skip
PURPOSES = (
    "so that children in need are seen within timescale",
    "to ensure consistent practice across all localities",
    "in line with the recommendations of the inspection",
    "and report progress quarterly to the Children's Trust Board",
    "with clear accountabilities for each partner agency",
    "to reduce reliance on agency staff",
    "so that managers have timely information on caseloads",
)  # fmt: skip
NOTES = (
    "Progress has been slower than planned because of vacancies in the team.",
    "A draft has been prepared and is out for consultation with partners.",
    "Funding has been agreed in principle; the business case goes to the board in March.",
    "Work is under way but depends on the new system being available in all localities.",
    "The action has been re-scoped following the review and a new end date agreed.",
    "Training has been delivered to two of the four localities; the rest are booked.",
    "HR advice is required before the new requirements can be added to job descriptions.",
    "Members will await the outcome of the national review before taking this forward.",
    "Audit results show improvement but not yet to the standard required.",
)  # fmt: skip
PEOPLE = (
    "AD CSC", "Cynthia Welbourn", "David Sadler", "Alan Tucker", "Gary Cochrane",
    "Head of Performance", "Pete Dwyer", "Principal Social Worker", "Jill Hodges",
)  # fmt: skip
BODIES = ("NYCC", "NYCC PCT", "NYCC / LSCB", "NYCC / Police", "LSCB")
TOPICS = (
    "ICT Infrastructure and Resilience", "Workforce Capacity Building",
    "Improvements in Timeliness of Assessments", "Quality Assurance",
    "Partnership Working", "Safeguarding Practice", "Looked After Children",
    "Performance Management", "Early Intervention", "Leadership and Governance",
)  # fmt: skip


def _text(indent: int, key: str, text: str) -> str:
    """`key: text` at `indent`, folded like the example plans when long."""
    pad = " " * indent
    if len(text) <= 60:
        return f'{pad}{key}: "{text}"\n'
    lines = textwrap.wrap(text, 88 - indent - 2)
    body = "".join(f"{pad}  {line}\n" for line in lines)
    return f"{pad}{key}: >-\n{body}"


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PURPOSES)}."


def _action(rng: random.Random, ident: str, indent: int) -> str:
    rag = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    pad = " " * indent
    out = [f'{pad}- id: "{ident}"\n']
    inner = indent + 2
    if rng.random() < 0.7:
        out.append(f"{' ' * inner}lead_body: {rng.choice(BODIES)}\n")
    summary = " ".join(_sentence(rng) for _ in range(rng.choice((1, 1, 1, 2, 2, 3))))
    out.append(_text(inner, "summary", summary))
    if rng.random() < 0.6:
        out.append(f"{' ' * inner}due: 2010-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n")
    out.append(f"{' ' * inner}lead_officer: {rng.choice(PEOPLE)}\n")
    out.append(f"{' ' * inner}rag: {rag}\n")
    if rag != "green" or rng.random() < 0.2:
        notes = " ".join(rng.sample(NOTES, rng.choice((1, 2, 2, 3))))
        out.append(_text(inner, "notes", notes))
    return "".join(out)


def theme_file(rng: random.Random, theme_id: str, n_actions: int) -> str:
    """One theme file holding `n_actions` actions, in sections of 3 to 20 (or none)."""
    topic = rng.choice(TOPICS)
    out = [f'id: "{theme_id}"\n', f"title: {topic}\n", f"lead_officer: {rng.choice(PEOPLE)}\n"]
    if rng.random() < 0.1:
        out.append("actions:\n")
        out.extend(_action(rng, f"{theme_id}.{k}", 2) for k in range(1, n_actions + 1))
        return "".join(out)
    out.append("sections:\n")
    left, number = n_actions, 0
    while left > 0:
        number += 1
        size = min(left, rng.randint(3, 20))
        section_id = f"{theme_id}.{number}"
        out.append(f'  - id: "{section_id}"\n')
        out.append(f"    title: {rng.choice(OBJECTS).capitalize()}\n")
        out.append("    actions:\n")
        out.extend(_action(rng, f"{section_id}.{k}", 6) for k in range(1, size + 1))
        left -= size
    return "".join(out)


def default_files(actions: int) -> int:
    """About 250 actions a file, and at least six files, like a council's plan."""
    return max(6, round(actions / 250))


def generate(out: Path, actions: int, files: int | None = None, seed: int = 1) -> Path:
    """Write the plan set to `out` (replacing it) and return `out`."""
    rng = random.Random(seed)
    files = min(files or default_files(actions), actions)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / "ragplan.yaml").write_text(CONFIG, encoding="utf-8")
    per_file, extra = divmod(actions, files)
    for i in range(files):
        theme_id = f"{i // 10 + 1}.{i % 10 + 1}"
        slug = rng.choice(TOPICS).lower().replace(" ", "-")
        text = theme_file(rng, theme_id, per_file + (1 if i < extra else 0))
        (out / f"{theme_id}-{slug}.yaml").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--actions", type=int, required=True, help="number of actions")
    parser.add_argument("--files", type=int, help="number of theme files (default: N/250)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    generate(args.out, args.actions, args.files, args.seed)


if __name__ == "__main__":
    main()
