"""Two ragplan builds side by side: the median of whole `ragplan ...` processes from each,
interleaved with the import floor in the same rounds.

    python benchmarks/ab.py BASE/bin/ragplan NEW/bin/ragplan "summary /tmp/plans" [--cold]

Each round runs the base, the new build and the import floor (`python -c "import typer,
yaml, jinja2, rich"` with the new build's Python), the order rotating between rounds.
Each build keeps its own cache (in a temporary folder), filled by one untimed run;
--cold runs with RAGPLAN_NO_CACHE=1. Make the base with, for example:

    git worktree add /tmp/base 248986f && python -m venv /tmp/base-venv
    /tmp/base-venv/bin/pip install /tmp/base
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import IMPORT_FLOOR, child_env  # benchmarks/run.py: the same floor, the same env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the base build's ragplan executable")
    parser.add_argument("new", help="the new build's ragplan executable")
    parser.add_argument("args", help='the command line, quoted: "summary /tmp/plans"')
    parser.add_argument("--cold", action="store_true", help="RAGPLAN_NO_CACHE=1")
    parser.add_argument("--rounds", type=int, default=15)
    options = parser.parse_args()

    python = str(Path(options.new).parent / "python")
    with tempfile.TemporaryDirectory() as caches:
        runs = {
            "base": ([options.base, *options.args.split()], f"{caches}/base"),
            "new": ([options.new, *options.args.split()], f"{caches}/new"),
            "import floor": ([python, "-c", IMPORT_FLOOR], caches),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}

        def run(name: str) -> float:
            command, cache = runs[name]
            child = child_env(XDG_CACHE_HOME=cache)
            if options.cold:
                child["RAGPLAN_NO_CACHE"] = "1"
            start = time.perf_counter()
            subprocess.run(command, env=child, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - start

        for name in runs:  # untimed: caches and bytecode filled
            run(name)
        names = list(runs)
        for round_ in range(options.rounds):
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                times[name].append(run(name))
    median = {name: statistics.median(found) for name, found in times.items()}
    print(f"$ {' '.join(sys.argv[1:])}")
    for name, found in times.items():
        print(f"{name:12} median {median[name]:.3f} s  min {min(found):.3f} s")
    print(
        f"new / base {median['new'] / median['base']:.2f}; "
        f"new / import floor {median['new'] / median['import floor']:.2f}; "
        f"base / import floor {median['base'] / median['import floor']:.2f}"
    )


if __name__ == "__main__":
    main()
