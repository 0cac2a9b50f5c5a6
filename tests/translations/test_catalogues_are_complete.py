"""The catalogues in locale/ are complete: every string the code marks is in each
language's catalogue, translated, not fuzzy, with the original's placeholders."""

import io
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from web import translations

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def catalogue(tmp_path, entries: str, language="ru") -> Path:
    path = tmp_path / "django.po"
    header = f"""\
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Language: {language}\\n"
        "Plural-Forms: {translations.PLURAL_FORMS[language]}\\n"

        """
    path.write_text(textwrap.dedent(header) + textwrap.dedent(entries))
    return path


def reasons(path) -> list[str]:
    return [problem.reason.split(":")[0] for problem in translations.catalogue_problems(path)]


def test_an_untranslated_entry_is_a_problem(tmp_path):
    path = catalogue(tmp_path, 'msgid "Dashboard"\nmsgstr ""\n')

    assert reasons(path) == ["untranslated"]


def test_a_fuzzy_entry_is_a_problem(tmp_path):
    path = catalogue(tmp_path, '#, fuzzy\nmsgid "Dashboard"\nmsgstr "Показатели"\n')

    assert reasons(path) == ["fuzzy (check the translation, then remove the fuzzy flag)"]


def test_a_translation_with_other_placeholders_is_a_problem(tmp_path):
    path = catalogue(
        tmp_path,
        """\
        #, python-format
        msgid "Page %(number)s of %(total)s"
        msgstr "Страница %(number)s из %(totla)s"
        """,
    )

    assert reasons(path) == ["placeholders differ"]


def test_a_plural_needs_every_form_of_the_language(tmp_path):
    path = catalogue(
        tmp_path,
        """\
        #, python-format
        msgid "%(count)s institution"
        msgid_plural "%(count)s institutions"
        msgstr[0] "%(count)s учреждение"
        msgstr[1] "%(count)s учреждения"
        msgstr[2] ""
        msgstr[3] ""
        """,
    )

    assert reasons(path) == ["untranslated"]


def test_a_complete_translation_is_no_problem(tmp_path):
    path = catalogue(
        tmp_path,
        """\
        #, python-format
        msgid "%(count)s institution"
        msgid_plural "%(count)s institutions"
        msgstr[0] "%(count)s учреждение"
        msgstr[1] "%(count)s учреждения"
        msgstr[2] "%(count)s учреждений"
        msgstr[3] "%(count)s учреждения"

        #, no-python-format
        msgid "% implemented"
        msgstr "% выполнено"
        """,
    )

    assert reasons(path) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_catalogue_is_complete(language):
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"

    assert path.exists()
    assert [str(problem) for problem in translations.catalogue_problems(path)] == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="extraction needs GNU gettext")
def test_every_string_the_code_marks_is_in_the_catalogues(settings, tmp_path):
    """What `make messages` would extract now adds nothing for a translator to do.

    makemessages writes to the project's own locale/ whatever LOCALE_PATHS says (the
    code it walks lies beside it), so the shipped catalogues are kept aside and put
    back byte for byte afterwards."""
    shipped = Path(settings.BASE_DIR) / "locale"
    kept = tmp_path / "kept"
    shutil.copytree(shipped, kept)
    try:
        call_command("update_catalogues", stdout=io.StringIO())
        problems = [
            p
            for path in translations.catalogue_paths()
            for p in translations.catalogue_problems(path)
        ]
    finally:
        shutil.rmtree(shipped)
        shutil.copytree(kept, shipped)
    assert [f"{p.path.parent.parent.name}: {p.msgid}" for p in problems] == []


# gettext("..."), _("..."), pgettext("context", "...") and the rest: a call whose text or
# context is a variable is never extracted, so its words would stay English.
_TRANSLATION_CALL = re.compile(
    r"\b(?:_|gettext|gettext_lazy|pgettext|pgettext_lazy|ngettext|ngettext_lazy|npgettext)"
    r"\(\s*(?![\"'\s)])"
)
PACKAGES = ["api_tokens", "audit", "missions", "operations", "recommendations", "upr_tracker"]
PACKAGES += ["web", "workspace"]


def test_the_check_finds_a_call_the_extraction_cannot_read():
    assert _TRANSLATION_CALL.search('pgettext(count, "Noted")')
    assert _TRANSLATION_CALL.search("gettext(message)")
    assert not _TRANSLATION_CALL.search('pgettext("recommendations", "Noted")')
    assert not _TRANSLATION_CALL.search('_(\n    "Three letters"\n)')


def test_every_translation_call_gives_its_text_and_context_as_written():
    base = Path(settings.BASE_DIR)
    found = [
        f"{path.relative_to(base)}: {match.group(0)}"
        for package in PACKAGES
        for path in (base / package).rglob("*.py")
        if "migrations" not in path.parts
        for match in _TRANSLATION_CALL.finditer(path.read_text())
    ]

    assert found == []
