"""One date format per language, everywhere: every page writes dates in the active
language's format (English: "1 Mar 2013"), so changing the language changes every date,
and no template or page fixes a format of its own."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.pages.helpers import text_of

# Machine-readable dates (``<time datetime="…">``) stay ISO; every other date is written
# through a format the language defines.
LANGUAGE_FORMATS = {
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "YEAR_MONTH_FORMAT",
    "MONTH_DAY_FORMAT",
}
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def templates():
    roots = [Path(settings.BASE_DIR) / "templates"]
    roots += [
        path for path in Path(settings.BASE_DIR).glob("*/templates") if ".venv" not in str(path)
    ]
    return [path for root in roots for path in root.rglob("*.html")] + [
        path for root in roots for path in root.rglob("*.txt")
    ]


def test_no_template_writes_a_date_in_a_format_of_its_own():
    fixed = []
    for path in templates():
        source = path.read_text()
        for match in re.finditer(r"""\|date:["']([^"']+)["']|\{% now ["']([^"']+)["']""", source):
            written = match.group(1) or match.group(2)
            in_attribute = source[: match.start()].rstrip().endswith('datetime="{{') or (
                re.search(r'datetime="\{\{[^}]*$', source[: match.start()])
            )
            if written not in LANGUAGE_FORMATS and not in_attribute:
                fixed.append(f"{path.name}: {written}")

    assert fixed == []


@pytest.fixture
def pages(world, users):
    recommendation = world.recommendations["97.1"]
    return {
        "dashboard": "/",
        "list": "/recommendations/?sort=-updated",
        "recommendation": f"/recommendations/{recommendation.pk}/",
        "engagement": f"/engagements/{world.engagements['visit'].pk}/",
        "timeline": "/engagements/",
        "institution": f"/institutions/{recommendation.responsibilities.first().institution_id}/",
    }


def test_english_pages_write_days_as_day_month_year(log_in, pages):
    client = log_in("coordinator")

    list_page = text_of(client.get(pages["list"]))
    recommendation_page = text_of(client.get(pages["recommendation"]))
    timeline = text_of(client.get(pages["timeline"]))

    assert "1 Mar 2013" in list_page  # the last validated update of 97.1
    assert "1 Mar 2013" in recommendation_page
    assert "May 2009" in timeline  # a visit known to the month


def test_the_workspace_writes_days_as_the_other_pages_do(log_in, world):
    page = log_in("justice").get("/workspace/")

    assert "1 Jan 2014" in text_of(page)  # Justice's draft of 97.3
    assert not ISO_DAY.search(text_of(page))


def in_russian(client):
    """``client``, its user having chosen Russian on the switcher."""
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    return client


@pytest.mark.parametrize(
    "name", ["dashboard", "list", "recommendation", "engagement", "timeline", "institution"]
)
def test_changing_the_language_changes_every_date(log_in, pages, name):
    client = log_in("coordinator")
    english = text_of(client.get(pages[name]))

    russian = text_of(in_russian(client).get(pages[name]))

    english_days = re.findall(r"\b\d{1,2} (?:Jan|Feb|Mar|May|Jun|Sep|Oct|Dec) \d{4}\b", english)
    english_months = re.findall(r"\b(?:January|March|May|October|December) \d{4}\b", english)
    assert english_days or english_months, "the page shows no date to compare"
    for written in english_days + english_months:
        assert written not in russian, f"{written!r} stays English on the {name} page"
    assert not ISO_DAY.search(english) and not ISO_DAY.search(russian)


def test_the_workspace_and_the_queue_follow_the_language(log_in, world):
    workspace = text_of(in_russian(log_in("justice")).get("/workspace/"))
    queue = text_of(in_russian(log_in("coordinator")).get("/workspace/queue/"))

    assert "01.01.2014" in workspace
    assert "01.02.2014" in queue  # the submission of 97.4, assessed on that day
