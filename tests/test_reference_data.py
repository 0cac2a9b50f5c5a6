"""The reference lists every deployment holds, demo or not: the UN's human-rights mechanisms
and the 17 Sustainable Development Goals, installed by `migrate`."""

import ast
from pathlib import Path

import pytest
from django.core.management import call_command

from recommendations.importing.service import import_recommendations
from recommendations.models import Mechanism, Recommendation, SdgGoal

pytestmark = pytest.mark.django_db

REPOSITORY = Path(__file__).resolve().parents[1]


def test_a_fresh_database_lists_the_upr_and_the_treaty_bodies_as_ohchr_names_them():
    mechanisms = dict(Mechanism.objects.values_list("code", "kind"))

    assert mechanisms["UPR"] == Mechanism.Kind.UPR
    treaty_bodies = {"CAT", "CCPR", "CESCR", "CEDAW", "CRC", "CERD", "CRPD", "CMW", "CED"}
    # The Subcommittee on Prevention of Torture and the CRC's optional protocols are bodies
    # of their own in the Universal Human Rights Index.
    treaty_bodies |= {"SPT", "CRC-OP-AC", "CRC-OP-SC"}
    assert {code for code, kind in mechanisms.items() if kind == "treaty_body"} == treaty_bodies


def test_a_fresh_database_lists_the_17_sdg_goals():
    goals = dict(SdgGoal.objects.values_list("number", "name"))

    assert sorted(goals) == list(range(1, 18))
    assert goals[5] == "Gender equality"


def test_migrate_adds_a_missing_goal_and_keeps_a_renamed_one():
    SdgGoal.objects.filter(number=17).delete()
    SdgGoal.objects.filter(number=16).update(name="Peace and justice")

    call_command("migrate", verbosity=0, interactive=False)

    assert SdgGoal.objects.filter(number=17).exists()
    assert SdgGoal.objects.get(number=16).name == "Peace and justice"


def test_a_fresh_database_imports_an_index_file_naming_a_treaty_body_and_goals():
    data = (
        b"Recommendation,Paragraph,State,Mechanism,Cycle,Response,SDGs\n"
        b"Ratify the Optional Protocol,12.3,Belarus,CAT,,accepted,5;16\n"
    )

    result = import_recommendations(
        data=data, filename="index.csv", format="uhri", state_iso3="BLR", mechanism="CAT"
    )

    assert result.ok, result.errors
    recommendation = Recommendation.objects.get(reference="12.3")
    assert recommendation.review.mechanism.name == "Committee against Torture"
    assert sorted(recommendation.sdg_goals.values_list("name", flat=True)) == [
        "Gender equality",
        "Peace, justice and strong institutions",
    ]


def imported_modules(package: Path):
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                yield path, node.module or ""
            elif isinstance(node, ast.Import):
                yield from ((path, alias.name) for alias in node.names)


def test_the_tracker_itself_does_not_depend_on_the_demo():
    uses = [
        (str(path.relative_to(REPOSITORY)), module)
        for path, module in imported_modules(REPOSITORY / "recommendations")
        if module == "demo" or module.startswith("demo.") or ".demo" in module
    ]

    assert uses == []
