"""`make load`'s figures: locust's final statistics (``--json-file``) summed up per
request and overall — requests, failures, requests per second, median (p50) and 95th
percentile (p95) latency — and written as the "Load" section of
benchmarks/RESULTS.md, leaving the file's other sections as they are.

``python -m load.results STATS.json --users 32 --seconds 60 [--note …]``
"""

import argparse
import os
import platform
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / "benchmarks" / "RESULTS.md"
HEADING = "## Load (make load)"


def percentile(response_times: Counter, share: float) -> int:
    """The response time (ms) that ``share`` of the requests finished within, as locust
    computes it from its histogram of rounded times."""
    total = sum(response_times.values())
    within = int(total * share)
    counted = 0
    for milliseconds in sorted(response_times, reverse=True):
        counted += response_times[milliseconds]
        if total - counted <= within:
            return milliseconds
    return 0


def summary(entries: list[dict]) -> list[dict]:
    """One row per request name (sorted), then the overall row ("All requests")."""
    start = min(entry["start_time"] for entry in entries)
    end = max(entry["last_request_timestamp"] for entry in entries)
    seconds = max(end - start, 1e-9)
    rows = []
    overall = Counter()
    for entry in sorted(entries, key=lambda entry: (entry["name"], entry["method"])):
        times = Counter({int(ms): count for ms, count in entry["response_times"].items()})
        overall.update(times)
        rows.append(_row(f"{entry['method']} {entry['name']}", entry, times, seconds))
    total = {
        "num_requests": sum(entry["num_requests"] for entry in entries),
        "num_failures": sum(entry["num_failures"] for entry in entries),
    }
    rows.append(_row("All requests", total, overall, seconds))
    return rows


def _row(name, entry, times, seconds) -> dict:
    return {
        "name": name,
        "requests": entry["num_requests"],
        "failures": entry["num_failures"],
        "per_second": entry["num_requests"] / seconds,
        "p50": percentile(times, 0.5),
        "p95": percentile(times, 0.95),
    }


def machine(load_before: str = "") -> str:
    """What the run ran on: processor, cores, memory, and how busy it was (the load
    average before the run, ``load_before``, says how much other work shared it)."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        model = found.group(1).strip() if found else ""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        memory = f", {int(found.group(1)) / 1024 / 1024:.0f} GiB of memory" if found else ""
    busy = f"; load average {load_before} before the run" if load_before else ""
    if hasattr(os, "getloadavg"):
        busy += f"{';' if not busy else ','} {os.getloadavg()[0]:.1f} when it ended"
    return (
        f"{model or platform.processor() or platform.machine()}, {os.cpu_count()} cores"
        f"{memory}, {platform.system()} {platform.release()}, Python "
        f"{platform.python_version()}{busy}"
    )


def section(
    rows: list[dict], *, users: int, seconds: int, setup: str, note: str, load_before: str = ""
) -> str:
    overall = rows[-1]
    lines = [
        HEADING,
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {users} simulated people for "
        f"{seconds} s (locust, headless), {setup}.",
        f"Machine: {machine(load_before)}.",
        *([note] if note else []),
        "",
        f"**{overall['per_second']:.1f} requests per second, p50 {overall['p50']} ms, "
        f"p95 {overall['p95']} ms, {overall['failures']} errors** "
        f"({overall['requests']} requests).",
        "",
        "| request | requests | errors | per second | p50 (ms) | p95 (ms) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        name = f"**{row['name']}**" if row is overall else row["name"]
        lines.append(
            f"| {name} | {row['requests']} | {row['failures']} | {row['per_second']:.1f} "
            f"| {row['p50']} | {row['p95']} |"
        )
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path = RESULTS) -> None:
    """Put ``text`` in place of the file's Load section (or after the rest), leaving the
    other sections (``make bench``'s) as they are."""
    current = path.read_text() if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text + "\n", current, count=1).rstrip("\n") + "\n"
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(updated)


def main():
    import json

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stats", type=Path, help="locust's --json-file output (.json)")
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--seconds", type=int, required=True)
    parser.add_argument("--setup", default="", help="what served the requests")
    parser.add_argument("--note", default="")
    parser.add_argument("--load-before", default="", help="the load average before the run")
    parser.add_argument("--output", type=Path, default=RESULTS)
    arguments = parser.parse_args()
    rows = summary(json.loads(arguments.stats.read_text()))
    text = section(
        rows,
        users=arguments.users,
        seconds=arguments.seconds,
        setup=arguments.setup,
        note=arguments.note,
        load_before=arguments.load_before,
    )
    write_section(text, arguments.output)
    print(text)


if __name__ == "__main__":
    main()
