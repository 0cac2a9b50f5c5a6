"""A real Universal Human Rights Index export imports every mechanism's recommendations: each
body a mechanism, each document of a treaty body or special procedure a review, UPR rows in
the review of their session's cycle, SDG targets with their goals, concerns skipped."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from recommendations.models import Mechanism, Recommendation, ReviewCycle
from tests.factories import coordinator

from .files import database_state, run
from .uhri_exports import (
    CONCERN,
    annotation_id,
    index_csv,
    index_xlsx,
    listed,
    one_of_each_body,
    record,
)

pytestmark = pytest.mark.django_db


def imported(data, filename="uhri.xlsx", **options):
    result = run(data, filename, format="uhri", **options)
    assert result.ok, [str(e) for e in result.errors]
    return result


def by_annotation(number: int, state: str = "BLR") -> Recommendation:
    return Recommendation.objects.select_related("review__mechanism").get(
        ohchr_annotation_id=annotation_id(number), review__state_under_review__iso3=state
    )


def test_every_body_becomes_a_mechanism_and_each_document_a_review():
    imported(index_xlsx(one_of_each_body()))

    reviews = {
        (r.state_under_review.iso3, r.mechanism.code, r.cycle, r.document_symbol, r.review_date)
        for r in ReviewCycle.objects.select_related("state_under_review", "mechanism")
    }
    assert reviews == {
        ("BLR", "CAT", None, "CAT/C/BLR/CO/5", date(2018, 6, 7)),
        ("BLR", "CEDAW", None, "CEDAW/C/BLR/CO/8", date(2016, 11, 25)),
        ("BLR", "CRC", None, "CRC/C/BLR/CO/5-6", date(2020, 2, 28)),
        ("BLR", "UPR", 2, "A/HRC/30/3", None),
        ("BLR", "SR-FE", None, "A/HRC/38/35/Add.1", date(2019, 4, 30)),
        ("BLR", "SR-TIP", None, "A/HRC/14/32/Add.2", date(2010, 4, 14)),
        ("UKR", "SR-TIP", None, "A/HRC/14/32/Add.2", date(2010, 4, 14)),
        ("UKR", "SPT", None, "CAT/OP/UKR/3", date(2019, 1, 22)),
    }
    assert ReviewCycle.objects.get(mechanism__code="UPR").session == "22"


def test_a_special_procedure_is_added_as_the_export_names_it():
    imported(index_xlsx(one_of_each_body()))

    expression = Mechanism.objects.get(name="SR Freedom of expression")
    assert expression.kind == Mechanism.Kind.SPECIAL_PROCEDURE
    assert by_annotation(7).review.mechanism == expression
    # The Index's short name of a mandate the tracker knows finds it.
    assert by_annotation(8).review.mechanism.code == "SR-TIP"
    assert Mechanism.objects.get(code="SPT").kind == Mechanism.Kind.TREATY_BODY


def test_the_reference_is_the_paragraph_the_text_carries():
    imported(index_xlsx(one_of_each_body()))

    assert by_annotation(23).reference == "23"
    assert by_annotation(49).reference == "49"
    assert by_annotation(101).reference == "118.1"
    assert by_annotation(7).reference == "87"
    assert by_annotation(8).reference == "92"


def test_a_record_without_a_paragraph_number_is_referred_to_by_its_annotation_id():
    rows = [record(5, Text="The Committee recommends that the State party abolish the death "
                           "penalty.")]  # fmt: skip

    imported(index_csv(rows), "uhri.csv")

    assert by_annotation(5).reference == annotation_id(5)


def test_upr_rows_keep_their_position_and_recommending_states():
    imported(index_xlsx(one_of_each_body()))

    upr = by_annotation(101)
    assert upr.review.cycle == 2
    assert upr.position == "noted"
    assert upr.position_source == "Universal Human Rights Index"
    assert sorted(upr.recommending_states.values_list("iso3", flat=True)) == ["FRA", "URY"]
    assert by_annotation(23).position == "pending"


def test_sdg_targets_are_kept_with_their_goals():
    imported(index_xlsx(one_of_each_body()))

    rural_women = by_annotation(49)
    targets = {t.code: t for t in rural_women.sdg_targets.select_related("goal")}
    assert sorted(targets) == ["1.4", "5.a"]
    assert targets["1.4"].name == "Equal rights to economic resources"
    assert targets["5.a"].goal.number == 5
    assert sorted(rural_women.sdg_goals.values_list("number", flat=True)) == [1, 5]
    assert sorted(g.name for g in rural_women.affected_groups.all()) == [
        "Persons living in rural areas",
        "Women & girls",
    ]
    assert sorted(t.name for t in rural_women.themes.all()) == [
        "Discrimination against women",
        "Land & property rights",
    ]


def test_concerns_and_observations_are_skipped_and_counted_in_the_summary():
    result = imported(index_xlsx(one_of_each_body()))

    assert result.concerns_skipped == 1
    assert "1 concern(s)/observation(s) skipped (not recommendations)" in result.summary()
    assert not Recommendation.objects.filter(ohchr_annotation_id=annotation_id(24)).exists()


def test_a_record_concerning_several_states_is_a_recommendation_of_each():
    result = imported(index_xlsx(one_of_each_body()))

    trafficking = Recommendation.objects.filter(ohchr_annotation_id=annotation_id(8))
    assert sorted(trafficking.values_list("review__state_under_review__iso3", flat=True)) == [
        "BLR",
        "UKR",
    ]
    assert result.created == 8


def test_naming_a_state_imports_only_its_records():
    result = imported(index_xlsx(one_of_each_body()), state_iso3="UKR")

    assert sorted(Recommendation.objects.values_list("review__mechanism__code", flat=True)) == [
        "SPT",
        "SR-TIP",
    ]
    assert result.rows_skipped == 5


def test_naming_a_mechanism_or_a_cycle_imports_only_its_records():
    imported(index_xlsx(one_of_each_body()), mechanism="CEDAW")
    assert list(Recommendation.objects.values_list("reference", flat=True)) == ["49"]

    imported(index_xlsx(one_of_each_body()), cycle=2)
    assert sorted(Recommendation.objects.values_list("reference", flat=True)) == ["118.1", "49"]


def test_several_reviews_of_one_state_by_one_treaty_body_live_side_by_side():
    rows = [
        record(30, **{"Document Symbol": "CAT/C/BLR/CO/4", "Document Publication Date":
                      date(2011, 12, 7)}),
        record(31),
    ]  # fmt: skip

    imported(index_xlsx(rows))

    reviews = ReviewCycle.objects.filter(mechanism__code="CAT", state_under_review__iso3="BLR")
    assert sorted(reviews.values_list("document_symbol", "cycle")) == [
        ("CAT/C/BLR/CO/4", None),
        ("CAT/C/BLR/CO/5", None),
    ]


def test_a_csv_export_with_dates_as_text_imports_as_the_workbook_does():
    imported(index_xlsx(one_of_each_body()))
    from_workbook = database_state()

    for date_format in ("%d/%m/%Y", "%Y-%m-%d", "%d %B %Y"):
        again = imported(index_csv(one_of_each_body(), date_format=date_format), "uhri.csv")
        assert (again.changed, again.unchanged) == (0, 8)
        assert database_state() == from_workbook


def test_the_older_layout_still_imports_under_its_column_names():
    data = (
        b"Recommendation,Paragraph,State,Mechanism,Document symbol,Response,SDGs\n"
        b"Ratify the Optional Protocol,12.3,Belarus,CAT,CAT/C/BLR/CO/4,accepted,5;16\n"
    )

    imported(data, "index.csv", state_iso3="BLR")

    recommendation = Recommendation.objects.get(reference="12.3")
    assert recommendation.review.document_symbol == "CAT/C/BLR/CO/4"
    assert sorted(recommendation.sdg_goals.values_list("number", flat=True)) == [5, 16]


def test_concern_rows_only_is_no_recommendation_at_all():
    rows = [record(1, Type=CONCERN), record(2, Type=CONCERN, **{"Countries Concerned":
                                                                 listed("Ukraine")})]  # fmt: skip

    result = run(index_xlsx(rows), "uhri.xlsx", format="uhri")

    assert [str(e) for e in result.errors] == ["no row of the file is a recommendation"]
    assert result.concerns_skipped == 2


def test_the_command_imports_a_whole_export_without_naming_a_state(tmp_path):
    path = tmp_path / "uhri.xlsx"
    path.write_bytes(index_xlsx(one_of_each_body()))
    out = io.StringIO()

    call_command("import_recommendations", str(path), "--format", "uhri", stdout=out)

    assert Recommendation.objects.count() == 8
    assert (
        "Imported: 8 created, 0 updated, 0 unchanged; 1 concern(s)/observation(s) skipped "
        "(not recommendations)." in out.getvalue()
    )


def test_a_dry_run_counts_what_it_would_do_and_writes_nothing():
    before, mechanisms = database_state(), Mechanism.objects.count()

    result = imported(index_xlsx(one_of_each_body()), dry_run=True)

    assert (result.created, result.concerns_skipped) == (8, 1)
    assert result.new_entries["mechanisms"] == {"SR Freedom of expression"}
    assert database_state() == before
    assert Mechanism.objects.count() == mechanisms


def test_the_upload_page_previews_an_export_of_every_state_and_mechanism(client):
    client.force_login(coordinator())
    form = {"format": "uhri", "state": "", "cycle": "", "mechanism": "", "encoding": ""}
    file = SimpleUploadedFile("uhri.xlsx", index_xlsx(one_of_each_body()))

    preview = client.post(
        reverse("admin:recommendations_recommendation_import"), {**form, "file": file}, follow=True
    )

    html = preview.content.decode()
    assert '<th scope="row">Created</th><td>8</td>' in html
    assert (
        '<th scope="row">Concerns/observations skipped (not recommendations)</th><td>1</td>' in html
    )
    assert "Mechanisms: SR Freedom of expression" in html
    assert not Recommendation.objects.exists()
