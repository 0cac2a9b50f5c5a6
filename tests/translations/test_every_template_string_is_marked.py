"""Every word a template shows people is marked for translation: text between tags and
the attributes people read (title, alt, placeholder, aria-label) sit inside
{% translate %} or {% blocktranslate %}; what is left once those, the tags and the
variables are taken out is names that are the same in every language."""

import html
import re
from pathlib import Path

import pytest
from django.conf import settings

# Proper names and formats, written the same in English, Russian and Belarusian.
SAME_IN_EVERY_LANGUAGE = {"UPR", "Tracker", "CSV", "XLSX", "JSON", "DOCX", "API"}

_DROPPED = [
    re.compile(r"\{#.*?#\}", re.S),
    re.compile(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.S),
    re.compile(r"\{%\s*blocktrans(?:late)?\b.*?\{%\s*endblocktrans(?:late)?\s*%\}", re.S),
    re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I),
]
_READ_ATTRIBUTES = re.compile(r"""\b(title|alt|placeholder|aria-label)=(["'])(.*?)\2""", re.S)
_TEMPLATE_CODE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_HTML_TAG = re.compile(r"<[^>]*>", re.S)
_WORD = re.compile(r"[^\W\d_]{2,}")


def unmarked_words(source: str) -> list[str]:
    """The words of ``source`` (a template) that people read and no translation tag
    covers."""
    for pattern in _DROPPED:
        source = pattern.sub(" ", source)
    attributes = [match.group(3) for match in _READ_ATTRIBUTES.finditer(source)]
    text = _HTML_TAG.sub(" ", _TEMPLATE_CODE.sub(" ", source))
    words = []
    for chunk in [text, *attributes]:
        chunk = html.unescape(_TEMPLATE_CODE.sub(" ", chunk))
        words += [word for word in _WORD.findall(chunk) if word not in SAME_IN_EVERY_LANGUAGE]
    return words


def templates() -> list[Path]:
    base = Path(settings.BASE_DIR)
    roots = [base / "templates", *base.glob("*/templates")]
    return sorted(
        path
        for root in roots
        if ".venv" not in root.parts
        for path in root.rglob("*")
        if path.suffix in {".html", ".txt"}
    )


def test_the_check_finds_words_left_unmarked():
    source = """{% load i18n %}<h1>{% translate "Dashboard" %}</h1>
    <p title="Shown on hover">Nothing recorded.</p>
    {% blocktranslate with n=count %}{{ n }} items{% endblocktranslate %}"""

    assert unmarked_words(source) == ["Nothing", "recorded", "Shown", "on", "hover"]


def test_the_check_passes_marked_words_variables_and_names():
    source = """{% load i18n %}<a href="/" title="{% translate 'Open' %}">UPR Tracker</a>
    {# A comment for developers #}<script>const words = "not shown";</script>
    {{ recommendation.text }} {% blocktranslate trimmed %}Shown{% endblocktranslate %}"""

    assert unmarked_words(source) == []


@pytest.mark.parametrize("path", templates(), ids=lambda path: path.name)
def test_every_template_string_is_marked_for_translation(path):
    assert unmarked_words(path.read_text()) == [], f"{path}: words not marked for translation"
