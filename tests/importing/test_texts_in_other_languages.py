"""A recommendation's official text in other languages comes in with the tracker's format
(a "Text (ru)" column per language): created, left alone when unchanged, replaced,
removed by an empty cell, kept when the file has no such column; the export writes the
same columns, so what is exported imports back."""

import csv
import io

import pytest

from recommendations.exporting.recommendation_list import header, rows
from recommendations.importing.tracker_format import COLUMN_NAMES, TEXT_LANGUAGES
from recommendations.models import Recommendation, RecommendationText
from recommendations.models.texts import translation_languages

from .files import csv_file, run

pytestmark = pytest.mark.django_db

ENGLISH = "Consider abolishing the death penalty"
RUSSIAN = "Рассмотреть вопрос об отмене смертной казни"
BELARUSIAN = "Разгледзець пытанне аб адмене смяротнага пакарання"


def row(**texts) -> dict:
    return {
        "State under review": "BLR",
        "Mechanism": "UPR",
        "Cycle": "1",
        "Reference": "97.1",
        "Text": ENGLISH,
        "Position": "Noted",
        **{f"Text ({code})": text for code, text in texts.items()},
    }


def imported(*given: dict, filename="texts.csv"):
    header_names = [name for name in COLUMN_NAMES if any(name in r for r in given)]
    result = run(csv_file(list(given), header_names), filename=filename)
    assert result.ok, result.errors
    return result


def texts() -> dict[str, str]:
    return dict(RecommendationText.objects.values_list("language", "text"))


def test_the_columns_are_the_languages_the_tracker_speaks_besides_english():
    assert list(TEXT_LANGUAGES) == [code for code, _name in translation_languages()]


def test_a_file_with_a_russian_column_records_the_russian_text(client):
    result = imported(row(ru=RUSSIAN))

    assert result.created == 1
    assert texts() == {"ru": RUSSIAN}
    recommendation = Recommendation.objects.get()
    assert recommendation.text == ENGLISH
    assert RecommendationText.objects.get().history.count() == 1


def test_the_same_file_again_changes_nothing():
    imported(row(ru=RUSSIAN, be=BELARUSIAN))

    again = imported(row(ru=RUSSIAN, be=BELARUSIAN))

    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert texts() == {"ru": RUSSIAN, "be": BELARUSIAN}


def test_a_changed_text_is_replaced_and_the_preview_says_so():
    imported(row(ru=RUSSIAN, be=BELARUSIAN))

    again = imported(row(ru=RUSSIAN + "."), filename="corrected.csv")

    assert (again.created, again.updated, again.unchanged) == (0, 1, 0)
    (change,) = again.changes
    assert change.fields["text (ru)"] == (RUSSIAN, RUSSIAN + ".")
    # No Belarusian column in the file: the Belarusian text stays as it was.
    assert texts() == {"ru": RUSSIAN + ".", "be": BELARUSIAN}


def test_an_empty_cell_removes_that_languages_text():
    imported(row(ru=RUSSIAN, be=BELARUSIAN))

    imported(row(ru=""))

    assert texts() == {"be": BELARUSIAN}


def test_a_file_without_the_columns_leaves_the_texts_alone():
    imported(row(ru=RUSSIAN))

    again = imported(row())

    assert again.unchanged == 1
    assert texts() == {"ru": RUSSIAN}


def test_the_export_writes_the_texts_and_they_import_back():
    imported(row(ru=RUSSIAN, be=BELARUSIAN))
    written = io.StringIO()
    writer = csv.writer(written)
    writer.writerow(header(with_demo=False))
    writer.writerows(rows(Recommendation.objects.all()))
    exported = list(csv.DictReader(io.StringIO(written.getvalue())))
    assert exported[0]["Text (ru)"] == RUSSIAN
    assert exported[0]["Text (be)"] == BELARUSIAN
    RecommendationText.objects.all().delete()

    back = run(written.getvalue().encode(), filename="export.csv")

    assert back.ok, back.errors
    assert texts() == {"ru": RUSSIAN, "be": BELARUSIAN}
