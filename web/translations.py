"""The interface's catalogues (``locale/<language>/LC_MESSAGES/django.po``): compiled, and
checked for what a translator may have left out.

Compiled with ``polib`` (pure Python) rather than Django's ``compilemessages``, which runs
GNU gettext's ``msgfmt``: setting the tracker up (``make run``, ``make test``, a server's
deployment) then needs no system package. Extracting the strings from the code
(``make messages``) does need GNU gettext's ``xgettext``: translators only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings

# "%(name)s", "%s", "%d", "%%" in Python strings; "{name}" in str.format() strings.
_PERCENT = re.compile(r"%(?:\([^)]+\))?[#0 +-]*\d*(?:\.\d+)?[sdifr%]")
_BRACES = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")

# The header of a new catalogue: how many plural forms a language has and which is which
# (the formulas Django's own catalogues use, so that both agree).
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<12 || n%100>14) ? 1 : n%10==0 || (n%10>=5 && n%10<=9) || "
    "(n%100>=11 && n%100<=14)? 2 : 3);",
    "be": "nplurals=4; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 "
    "&& (n % 100 < 12 || n % 100 > 14) ? 1 : n % 10 == 0 || (n % 10 >= 5 && n % 10 <= 9) "
    "|| (n % 100 >= 11 && n % 100 <= 14)? 2 : 3);",
}


def catalogue_paths(domain: str = "django") -> list[Path]:
    """The ``.po`` files of every language in ``LANGUAGES`` (those that exist)."""
    paths = []
    for locale_dir in settings.LOCALE_PATHS:
        for code, _name in settings.LANGUAGES:
            path = Path(locale_dir) / code / "LC_MESSAGES" / f"{domain}.po"
            if path.exists():
                paths.append(path)
    return paths


def compile_catalogue(path: Path, *, force: bool = False) -> bool:
    """Write ``path``'s ``.mo`` beside it unless it is newer than the ``.po``; True if
    written. Fuzzy and untranslated entries are left out (as ``msgfmt`` does)."""
    mo = path.with_suffix(".mo")
    if not force and mo.exists() and mo.stat().st_mtime >= path.stat().st_mtime:
        return False
    draft = mo.with_name(f".{mo.name}.draft")
    polib.pofile(str(path)).save_as_mofile(str(draft))
    draft.replace(mo)  # never a half-written catalogue for a server starting meanwhile
    return True


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    msgid: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}: {self.msgid!r}"


def placeholders(text: str, *, percent: bool = True) -> list[str]:
    """The placeholders of ``text`` in order of appearance, sorted: ``%(name)s`` and
    ``%s`` (python-format; not when ``percent`` is false: a string the code never
    %-formats, marked ``no-python-format``), ``{name}`` (str.format), ``%%``."""
    found = _BRACES.findall(text) + (_PERCENT.findall(text) if percent else [])
    return sorted(found)


def catalogue_problems(path: Path) -> list[Problem]:
    """What keeps ``path`` from being complete: an entry untranslated or fuzzy, a plural
    without every form, or a translation whose placeholders differ from the original's."""
    catalogue = polib.pofile(str(path))
    forms = _plural_count(catalogue)
    problems = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        percent = "no-python-format" not in entry.flags

        def problem(reason, entry=entry):
            problems.append(Problem(path, entry.linenum, entry.msgid, reason))

        if "fuzzy" in entry.flags:
            problem("fuzzy (check the translation, then remove the fuzzy flag)")
            continue
        if entry.msgid_plural:
            translations = [entry.msgstr_plural.get(index, "") for index in range(forms)]
            if not all(translations):
                problem(f"untranslated: a plural needs all {forms} forms")
                continue
            wanted = [
                placeholders(entry.msgid, percent=percent),
                placeholders(entry.msgid_plural, percent=percent),
            ]
            for text in translations:
                if placeholders(text, percent=percent) not in wanted:
                    problem(f"placeholders differ: {text!r}")
        elif not entry.msgstr:
            problem("untranslated")
        elif placeholders(entry.msgstr, percent=percent) != placeholders(
            entry.msgid, percent=percent
        ):
            problem(f"placeholders differ: {entry.msgstr!r}")
    return problems


def _plural_count(catalogue) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2
