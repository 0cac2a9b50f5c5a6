"""`make load` writes its own section of benchmarks/RESULTS.md, from locust's final
statistics, and leaves the other sections (`make bench`'s) as they are."""

from load.results import HEADING, section, summary, write_section


def entry(name, method, times, failures=0):
    return {
        "name": name,
        "method": method,
        "num_requests": sum(times.values()),
        "num_failures": failures,
        "response_times": {str(ms): count for ms, count in times.items()},
        "start_time": 1000.0,
        "last_request_timestamp": 1010.0,
    }


def test_the_figures_are_per_request_and_overall():
    rows = summary(
        [
            entry("dashboard", "GET", {10: 18, 200: 2}),
            entry("api progress update: draft", "POST", {50: 10}, failures=1),
        ]
    )

    assert [row["name"] for row in rows] == [
        "POST api progress update: draft",
        "GET dashboard",
        "All requests",
    ]
    overall = rows[-1]
    assert (overall["requests"], overall["failures"], overall["per_second"]) == (30, 1, 3.0)
    assert (rows[1]["p50"], rows[1]["p95"]) == (10, 200)
    assert (overall["p50"], overall["p95"]) == (10, 200)


def test_the_load_section_is_replaced_and_the_others_are_kept(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text(
        "# Benchmarks\n\n## Pages (make bench)\n\n| page | ms |\n| / | 12 |\n\n"
        f"{HEADING}\n\nold figures\n\n## Something else\n\nkept\n"
    )
    text = section(
        summary([entry("dashboard", "GET", {10: 5})]), users=32, seconds=60, setup="s", note=""
    )

    write_section(text, results)
    write_section(text, results)

    written = results.read_text()
    assert "## Pages (make bench)\n\n| page | ms |\n| / | 12 |\n" in written
    assert "## Something else\n\nkept\n" in written
    assert "old figures" not in written
    assert written.count(HEADING) == 1
    assert "0 errors" in written


def test_a_missing_results_file_is_created_with_the_load_section(tmp_path):
    results = tmp_path / "benchmarks" / "RESULTS.md"
    text = section(
        summary([entry("dashboard", "GET", {10: 5})]), users=32, seconds=60, setup="s", note=""
    )

    write_section(text, results)

    assert results.read_text().startswith("# Benchmarks\n\n" + HEADING)
