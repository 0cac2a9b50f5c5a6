"""Choice lists sort by the names they show in the active language: the engagement kinds
in Russian are in Russian alphabetical order, not in the English one."""

import re

import pytest
from django.utils import translation

from missions.models import Engagement
from web.collation import collation_key


def offered(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select is not None, f"no {name} list"
    return [
        label
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select[0])
        if value
    ]


@pytest.mark.parametrize("language", ["ru", "be"])
def test_engagement_kinds_sort_by_their_names_in_the_language(log_in, world, language):
    client = log_in("adviser")
    client.post("/i18n/setlang/", {"language": language, "next": "/"})

    kinds = offered(client.get("/engagements/").content.decode(), "kind")

    with translation.override("en"):
        in_english_order = [
            value for value, _label in sorted(Engagement.Kind.choices, key=lambda c: str(c[1]))
        ]
    with translation.override(language):
        labels = dict(Engagement.Kind.choices)
        assert kinds == sorted((str(label) for label in labels.values()), key=collation_key)
        assert kinds != [str(labels[value]) for value in in_english_order]
