"""A long file costs a number of queries per batch of rows, never per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.importing.saving import BATCH_SIZE

from .files import run, tracker_file, upr_info_rows

pytestmark = pytest.mark.django_db

LARGE = 6 * BATCH_SIZE


def long_file(count: int, state: str, *, position: str = "Supported") -> bytes:
    """``count`` rows in the tracker's format, real texts and states repeated, each its own
    reference, spread over two reviews, with themes, groups, goals and institutions."""
    real = upr_info_rows()
    rows = []
    for number in range(count):
        source = real[number % len(real)]
        rows.append(
            {
                "State under review": state,
                "Cycle": str(1 + number % 2),
                "Reference": f"{100 + number // 1000}.{number % 1000 + 1}",
                "Text": source["Text"].strip(),
                "Recommending states": source["From"],
                "Position": position,
                "Themes": source["Issue"].replace(",", "; "),
                "Affected groups": "Women" if number % 3 else "Children",
                "SDG goals": str(1 + number % 17),
                "Action category": source["Action"],
                "Lead institution": f"Ministry {number % 7}",
            }
        )
    return tracker_file(rows)


def queries_of(data: bytes) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = run(data)
    assert result.ok, result.errors
    return len(captured), result


@pytest.mark.parametrize("step", ["create", "unchanged", "update"])
def test_queries_grow_with_batches_not_rows(step):
    counts = {}
    for size, state in ((BATCH_SIZE // 2, "BLR"), (LARGE, "AGO")):
        data = long_file(size, state)
        if step != "create":
            run(data)
        if step == "update":
            data = long_file(size, state, position="Noted")
        counts[size], result = queries_of(data)
        done = {"create": result.created, "unchanged": result.unchanged, "update": result.updated}
        assert done[step] == size
    small, large = counts[BATCH_SIZE // 2], counts[LARGE]
    # Twelve times the rows in six batches instead of one: at most six times a small file's
    # whole cost (in fact far less), and nowhere near one query per row.
    assert large <= 6 * small, counts
    assert large < LARGE / 10, counts
