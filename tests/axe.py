"""Run axe-core (tests/a11y/axe_check.js, in headless Chromium) over HTML files.

    results = run_axe([Path("summary.html")])  # {"summary.html": Result}

Only the WCAG 2.0/2.1/2.2 level A and AA rules run. Each Result holds axe's violations
(rule id, impact, one line of help, the failing elements) and two measures axe does not
take: how far the page scrolls sideways on a 320-pixel screen, and which chart texts
fall outside their chart. `missing()` says what is not installed (node, the packages
`npm ci` puts in tests/a11y/node_modules, Chromium), or None.

Chromium leaves its zygote and renderers behind when it exits; node runs under this
file as a child subreaper (`python axe.py _reap ...`), which kills and reaps whatever is
left before returning, so no test leaves a process behind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "a11y"
SCRIPT = HERE / "axe_check.js"
NODE_MODULES = HERE / "node_modules"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


class AxeError(RuntimeError):
    """axe_check.js could not check the files (Chromium did not start, a page failed...)."""


@dataclass
class Result:
    violations: list[dict[str, Any]]
    narrow_overflow: int  # CSS pixels the page is wider than a 320-pixel screen
    clipped: list[str]  # chart texts outside their chart

    @property
    def problems(self) -> list[str]:
        found = [f"{v['id']} ({v['impact']}): {v['help']}: {v['nodes']}" for v in self.violations]
        if self.narrow_overflow:
            found.append(f"the page scrolls sideways by {self.narrow_overflow}px at 320px")
        found += [f"chart text outside the chart: {text!r}" for text in self.clipped]
        return found


def missing() -> str | None:
    """What the check needs and does not find here, or None."""
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs npm)"
    for package in ("axe-core", "puppeteer-core"):
        if not (NODE_MODULES / package / "package.json").is_file():
            return f"tests/a11y/node_modules/{package} is missing: run `npm ci` in tests/a11y"
    if not os.access(CHROMIUM, os.X_OK):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    return None


def run_axe(paths: list[Path], timeout: float = 300) -> dict[str, Result]:
    """Check each HTML file in one browser; {str(path): Result} in the order given."""
    why = missing()
    if why is not None:
        raise AxeError(why)
    names = [str(p) for p in paths]
    node = ["node", str(SCRIPT), "--", *names]
    command = [sys.executable, __file__, "_reap", str(timeout), *node]
    env = {**os.environ, "CHROMIUM_PATH": CHROMIUM}
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout + 30,
        env=env,
        check=False,
    )
    results: dict[str, Result] = {}
    errors = []
    for line in done.stdout.splitlines():
        item = json.loads(line)
        if "error" in item:
            errors.append(f"{item['file']}: {item['error']}")
        else:
            results[item["file"]] = Result(
                item["violations"], item["narrow_overflow"], item["clipped"]
            )
    if done.returncode != 0 or errors or set(results) != set(names):
        why = "; ".join(errors) or done.stderr.strip() or f"exit code {done.returncode}"
        raise AxeError(f"axe check failed: {why}")
    return {name: results[name] for name in names}


def _reap(timeout: float, command: list[str]) -> int:
    """Run `command` as a child subreaper (Linux), then kill and reap every process it
    left behind."""
    import ctypes
    import signal
    import time

    try:
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass
    child = subprocess.Popen(command)
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda sig, _frame: child.send_signal(sig))
    try:
        code = child.wait(timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        code = 124
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            while os.waitpid(-1, os.WNOHANG)[0] > 0:
                pass
        except ChildProcessError:
            break
        for pid in _children(os.getpid()):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.01)
    return code


def _children(parent: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rfind(")") + 2 :].split()
            if int(fields[1]) == parent and fields[0] != "Z":
                found.append(int(entry))
    return found


if __name__ == "__main__" and sys.argv[1:2] == ["_reap"]:
    sys.exit(_reap(float(sys.argv[2]), sys.argv[3:]))
