"""Time ragplan against the floor, the import floor and Taskwarrior, as whole processes.

Each figure is the median wall time of REPEAT runs of one command in a fresh
process. Within a round every command runs once, and the order rotates from
round to round, so that machine drift hits every command alike. Peak memory is
the maximum resident set size of one more run of each command, under
/usr/bin/time (os.wait4 on a child forked from this runner would count the
runner's own size, which a child keeps as its high-water mark across exec).

- floor: a bare Python process that parses the same plan files with PyYAML's C
  loader (yaml.load(..., Loader=yaml.CSafeLoader)) and does nothing else, on one
  core (it is one process);
- import floor: `python -c "import typer, yaml, jinja2, rich"`, what a naive run
  of ragplan's stack imports before it does any work;
- first run: ragplan with its cache turned off (--no-cache / RAGPLAN_NO_CACHE=1);
- warm: ragplan again with its cache filled by an earlier run;
- task summary: Taskwarrior on the same actions imported as tasks (theme as
  project, status as tag, green ones completed), in a throwaway TASKDATA.

A command the installed ragplan does not have is skipped, and the table says so.

    python benchmarks/run.py [--sizes 10000 100000] [--repeat 7] [--work /tmp/ragplan-bench]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "plans"

FLOOR = """\
import os, sys, yaml
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    if name.endswith((".yaml", ".yml")):
        with open(os.path.join(folder, name), "rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
"""
IMPORT_FLOOR = "import typer, yaml, jinja2, rich"
TIME = "/usr/bin/time"  # GNU time (Debian package `time`), for peak memory

# (label, ragplan arguments before the plan folder)
RAGPLAN_COMMANDS = (
    ("summary", ["summary"]),
    ("outstanding --format md", ["outstanding", "--format", "md"]),
    ("validate", ["validate"]),
)
# Also timed at 10,000 actions, warm: the coloured table a terminal gets.
COLOUR_COMMAND = ("summary --color always", ["--color", "always", "summary"])


@dataclass
class Bench:
    """One command to time: its arguments, environment, and what it measured."""

    label: str
    size: str
    argv: list[str]
    env: dict[str, str]
    times: list[float] = field(default_factory=list)
    peaks_kb: list[int] = field(default_factory=list)
    tree_peaks_kb: list[int] = field(default_factory=list)
    failures: list[int] = field(default_factory=list)


def run_once(bench: Bench) -> None:
    """Run the command once; record its wall time and a non-zero exit status."""
    start = time.perf_counter()
    code = subprocess.call(
        bench.argv, env=bench.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    bench.times.append(time.perf_counter() - start)
    if code != 0:
        bench.failures.append(code)


def _tree_rss_kb(root: int) -> tuple[int, int]:
    """The resident set sizes of `root` and its descendants now: (the sum, the largest)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        parents[int(entry)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0] or 0)
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    sizes = [rss.get(pid, 0) for pid in tree]
    return sum(sizes), max(sizes, default=0)


def measure_memory(bench: Bench) -> None:
    """Record the peak resident set size of one run, in kilobytes: of the process (from
    GNU time) and of the whole process tree, pool workers included (sampled)."""
    with tempfile.NamedTemporaryFile("r") as out:
        child = subprocess.Popen(
            [TIME, "-f", "%M", "-o", out.name, *bench.argv],
            env=bench.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        tree_peak = 0
        while child.poll() is None:
            tree_peak = max(tree_peak, _tree_rss_kb(child.pid)[0])
            time.sleep(0.005)
        bench.peaks_kb.append(int(out.read().split()[-1]))
        bench.tree_peaks_kb.append(tree_peak)


def child_env(**extra: str) -> dict[str, str]:
    """The caller's environment, writing bytecode as a user's Python does."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def ragplan_has(ragplan: str, command: str) -> bool:
    done = subprocess.run(
        [ragplan, command, "--help"], capture_output=True, env=child_env(), check=False
    )
    return done.returncode == 0


def ragplan_has_no_cache_option(ragplan: str) -> bool:
    done = subprocess.run([ragplan, "--help"], capture_output=True, text=True, check=False)
    return "--no-cache" in done.stdout


def taskwarrior_data(plans: Path, work: Path) -> tuple[Path, Path] | None:
    """A TASKRC and TASKDATA holding the plan set's actions as tasks (made once)."""
    task = shutil.which("task")
    if task is None:
        return None
    data = work / f"taskdata-{plans.name}"
    rc = work / f"taskrc-{plans.name}"
    if (data / "imported").exists():
        return rc, data
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n"
        "news.version=99.99.99\n",
        encoding="utf-8",
    )
    sys.path.insert(0, str(REPO / "src"))
    from ragplan.plansets import load_valid

    plan_set = load_valid(plans, use_cache=False)
    tasks = []
    for action in plan_set.actions():
        item = {
            "description": f"{action.id} {action.summary}",
            "project": action.theme.id,
            "tags": [action.rag],
            "status": "completed" if action.rag == "green" else "pending",
            "entry": "20100101T000000Z",
        }
        if action.rag == "green":
            item["end"] = "20100901T000000Z"
        tasks.append(item)
    export = work / f"tasks-{plans.name}.json"
    export.write_text(json.dumps(tasks), encoding="utf-8")
    env = child_env(TASKRC=str(rc), TASKDATA=str(data))
    subprocess.run([task, "import", str(export)], env=env, check=True, stdout=subprocess.DEVNULL)
    (data / "imported").touch()
    return rc, data


def plan_sets(sizes: list[int], work: Path) -> list[tuple[str, Path]]:
    """The example plan set, then generated ones (made once per size)."""
    found = [("example (162)", EXAMPLE)]
    for size in sizes:
        folder = work / f"plans-{size}"
        stamp = folder / ".generated"
        if not stamp.exists():
            generate(folder, size)
            stamp.touch()
        found.append((f"{size:,}", folder))
    return found


def build(
    sizes: list[int], work: Path, ragplan: str, python: str, peer: bool
) -> tuple[list[Bench], list[str]]:
    notes: list[str] = []
    available = []
    for label, args in RAGPLAN_COMMANDS:
        if ragplan_has(ragplan, args[0]):
            available.append((label, args))
        else:
            notes.append(f"skipped: `ragplan {label}` (the installed ragplan has no such command)")
    has_option = ragplan_has_no_cache_option(ragplan)
    if not has_option:
        notes.append("the installed ragplan has no --no-cache option: RAGPLAN_NO_CACHE=1 only")
    cache_home = work / "cache"
    warm_env = child_env(XDG_CACHE_HOME=str(cache_home))
    cold_env = child_env(XDG_CACHE_HOME=str(cache_home), RAGPLAN_NO_CACHE="1")
    no_cache = ["--no-cache"] if has_option else []

    benches: list[Bench] = []
    for size, folder in plan_sets(sizes, work):
        floor = Bench("floor (CSafeLoader)", size, [python, "-c", FLOOR, str(folder)], child_env())
        benches.append(floor)
        if folder == EXAMPLE:
            benches.append(Bench("import floor", size, [python, "-c", IMPORT_FLOOR], child_env()))
        for label, args in available:
            cmd = [ragplan, *no_cache, *args, str(folder)]
            benches.append(Bench(f"ragplan {label}, first run", size, cmd, cold_env))
            cmd = [ragplan, *args, str(folder)]
            benches.append(Bench(f"ragplan {label}, warm cache", size, cmd, warm_env))
        if size == f"{10_000:,}":
            label, args = COLOUR_COMMAND
            cmd = [ragplan, *args, str(folder)]
            benches.append(Bench(f"ragplan {label}, warm cache", size, cmd, warm_env))
        if peer and folder != EXAMPLE and size == f"{10_000:,}":
            made = taskwarrior_data(folder, work)
            if made is None:
                notes.append(
                    "skipped: Taskwarrior (no `task` on PATH; apt-get install taskwarrior)"
                )
            else:
                rc, data = made
                env = child_env(TASKRC=str(rc), TASKDATA=str(data))
                benches.append(Bench("task summary (Taskwarrior)", size, ["task", "summary"], env))
    return benches, notes


def report(benches: list[Bench], notes: list[str], repeat: int) -> str:
    by_key = {(b.size, b.label): b for b in benches}
    rows = [
        (
            "plan set",
            "command",
            "median s",
            "min s",
            "× floor",
            "× import floor",
            "peak MB",
            "tree peak MB",
        )
    ]
    imp = next((b for b in benches if b.label == "import floor"), None)
    for b in benches:
        median = statistics.median(b.times)
        floor = by_key.get((b.size, "floor (CSafeLoader)"))
        ratio = ""
        if floor is not None and b is not floor and b.label != "import floor":
            ratio = f"{median / statistics.median(floor.times):.2f}"
        imp_ratio = ""
        if imp is not None and b.label.startswith("ragplan"):
            imp_ratio = f"{median / statistics.median(imp.times):.2f}"
        peak = f"{max(b.peaks_kb) / 1024:.0f}" if b.peaks_kb else "?"
        tree = f"{max(b.tree_peaks_kb) / 1024:.0f}" if b.tree_peaks_kb else "?"
        label = b.label + (f"  [exit {sorted(set(b.failures))}]" if b.failures else "")
        rows.append(
            (b.size, label, f"{median:.3f}", f"{min(b.times):.3f}", ratio, imp_ratio, peak, tree)
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        pairs = enumerate(zip(row, widths, strict=True))
        cells = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in pairs]
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines.append("")
    lines.append(f"medians of {repeat} runs; × floor: the command's median over the floor's")
    for b in benches:
        if b.label.startswith("task summary"):
            peer = statistics.median(b.times)
            for other in benches:
                if other.size == b.size and other.label.startswith("ragplan"):
                    ratio = statistics.median(other.times) / peer
                    lines.append(f"{b.size}: {other.label} / task summary = {ratio:.2f}")
    lines.extend(notes)
    lines += ["", *targets(benches)]
    return "\n".join(lines)


def targets(benches: list[Bench]) -> list[str]:
    """The speed targets (benchmarks/README.md), each with its measured ratio and verdict."""

    def median(size: str, label: str) -> float | None:
        found = [b for b in benches if b.size == size and b.label == label]
        return statistics.median(found[0].times) if found and found[0].times else None

    example, k10, k100 = "example (162)", f"{10_000:,}", f"{100_000:,}"
    imp = median(example, "import floor")
    rows = ["| target | measured | holds |", "|---|---|---|"]

    def against(what: str, size: str, label: str, base: float | None, limit: float) -> None:
        value = median(size, label)
        if value is None or base is None:
            rows.append(f"| {what} | not measured | - |")
            return
        ratio = value / base
        rows.append(f"| {what} | {ratio:.2f}× | {'yes' if ratio <= limit else 'no'} |")

    against(
        "warm summary, 10k, ≤ 1.15× import floor", k10, "ragplan summary, warm cache", imp, 1.15
    )
    against(
        "warm validate, 10k, ≤ 1.0× import floor", k10, "ragplan validate, warm cache", imp, 1.0
    )
    against(
        "warm summary, example, ≤ 1.15× import floor",
        example,
        "ragplan summary, warm cache",
        imp,
        1.15,
    )
    against(
        "first-run summary, example, ≤ 1.4× import floor",
        example,
        "ragplan summary, first run",
        imp,
        1.4,
    )
    against(
        "first-run outstanding md, 10k, ≤ 1.0× parse floor",
        k10,
        "ragplan outstanding --format md, first run",
        median(k10, "floor (CSafeLoader)"),
        1.0,
    )
    against(
        "first-run summary, 100k, ≤ 0.6× one-core parse floor",
        k100,
        "ragplan summary, first run",
        median(k100, "floor (CSafeLoader)"),
        0.6,
    )
    against(
        "--color always, 10k, ≤ 1.3× piped",
        k10,
        "ragplan summary --color always, warm cache",
        median(k10, "ragplan summary, warm cache"),
        1.3,
    )
    peaks = [
        max(b.tree_peaks_kb + b.peaks_kb) / 1024
        for b in benches
        if b.size == k100 and b.label.startswith("ragplan") and (b.peaks_kb or b.tree_peaks_kb)
    ]
    if peaks:
        worst = max(peaks)
        verdict = "yes" if worst < 150 else "no"
        rows.append(f"| memory at 100k < 150 MB, pool included | {worst:.0f} MB | {verdict} |")
    task = median(k10, "task summary (Taskwarrior)")
    warm = median(k10, "ragplan summary, warm cache")
    if task and warm:
        rows.append(
            "| warm summary, 10k, against task summary (the long-run aim) "
            f"| {warm / task:.2f}× | aim |"
        )
    return rows


def machine() -> str:
    return (
        f"{platform.node()}: {os.cpu_count()} CPUs, {platform.platform()}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M %Z')}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per command")
    parser.add_argument("--work", type=Path, help="folder for generated plans and caches")
    parser.add_argument("--no-peer", action="store_true", help="skip Taskwarrior")
    args = parser.parse_args()

    work = args.work or Path(tempfile.gettempdir()) / "ragplan-bench"
    work.mkdir(parents=True, exist_ok=True)
    ragplan = shutil.which("ragplan", path=os.path.dirname(sys.executable)) or "ragplan"
    benches, notes = build(args.sizes, work, ragplan, sys.executable, not args.no_peer)
    shutil.rmtree(work / "cache", ignore_errors=True)

    print(machine())
    print(f"$ {' '.join(sys.argv)}", flush=True)
    for b in benches:  # one untimed run each: bytecode, page cache and ragplan cache warm
        run_once(b)
        b.times.clear()
    for round_ in range(args.repeat):
        shift = round_ % len(benches)
        for b in benches[shift:] + benches[:shift]:
            run_once(b)
    if os.access(TIME, os.X_OK):
        for b in benches:
            measure_memory(b)
    else:
        notes.append(f"peak memory not measured: no {TIME} (apt-get install time)")
    print(report(benches, notes, args.repeat))


if __name__ == "__main__":
    main()
