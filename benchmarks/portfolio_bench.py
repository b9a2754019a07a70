"""Time `ragplan portfolio` on a partnership of 50 members of 1,000 actions each.

First run: an empty cache (a new XDG_CACHE_HOME each round), so every member's files are
parsed, checked and summarised. Warm: the cache filled by an untimed run, so each member's
files are read and hashed and its checks, summary and worst actions come from the cache.
Each figure is the median of --repeat runs, each a fresh process. Run by hand:

    python benchmarks/portfolio_bench.py [--members 50] [--actions 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def partnership(work: Path, members: int, actions: int) -> Path:
    """`members` plan sets from generate.py (seeds 1..members) and the portfolio naming them."""
    lines = ["title: Benchmark partnership", "as_of: 2010-09-20", "members:"]
    for n in range(1, members + 1):
        out = work / f"member-{n:02d}" / "plans"
        if not out.is_dir():
            subprocess.run(
                [
                    sys.executable,
                    str(HERE / "generate.py"),
                    str(out),
                    "--actions",
                    str(actions),
                    "--seed",
                    str(n),
                ],
                check=True,
                capture_output=True,
            )
        lines += [f"  - name: Member {n:02d}", f"    path: member-{n:02d}/plans"]
    portfolio = work / "portfolio.yaml"
    portfolio.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return portfolio


def timed(command: list[str], cache: Path) -> tuple[float, float]:
    """Wall-clock seconds, and the CPU seconds (user and system) of the process and its
    children: on a machine others share, the CPU time is the steadier figure."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    env.pop("RAGPLAN_NO_CACHE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/ragplan-portfolio-bench"))
    parser.add_argument("--ragplan", default=shutil.which("ragplan") or "ragplan")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    portfolio = partnership(args.work, args.members, args.actions)
    command = [args.ragplan, "portfolio", str(portfolio), "-f", "json"]
    load = os.getloadavg()[0]
    first = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as cache:
            first.append(timed(command, Path(cache)))
    warm_cache = args.work / "cache"
    timed(command, warm_cache)  # fills it
    warm = [timed(command, warm_cache) for _ in range(args.repeat)]
    print(f"ragplan portfolio, {args.members} members of {args.actions} actions each")
    print(f"load average before: {load:.1f} on {os.cpu_count()} cores")
    for name, runs in (("first run (empty cache)", first), ("warm cache", warm)):
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(f"{name:24} median {wall:.2f} s wall, {cpu:.2f} s CPU, of {args.repeat}")


if __name__ == "__main__":
    main()
