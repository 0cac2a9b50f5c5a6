"""manage.py update_catalogues (`make messages`): every string the code marks for
translation, into each language's catalogue; the English one is filled in (its
translations are the originals); then what is left for translators to do.

Extraction is Django's makemessages, which runs GNU gettext's xgettext and msgmerge
(Debian: ``apt-get install gettext``): needed by translators only.
"""

import shutil

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from web import translations

# Not the interface: the suite, the benchmarks and load test, the demo's loader (whose
# data is English text, like any data entered), and built copies. "locale": the catalogues
# are those of settings.LOCALE_PATHS (makemessages would otherwise write to any locale/
# directory it walks past).
IGNORED = [
    "tests/*",
    "bench/*",
    "load/*",
    "staticfiles/*",
    "build/*",
    "*.egg-info/*",
    "demo/*",
    "locale",
]


class Command(BaseCommand):
    help = "Extract the marked strings into locale/<language>/LC_MESSAGES/django.po."

    def handle(self, *args, **options):
        if shutil.which("xgettext") is None:
            raise CommandError(
                "Extracting strings needs GNU gettext's xgettext: apt-get install gettext"
            )
        languages = [code for code, _name in settings.LANGUAGES]
        call_command(
            "makemessages",
            locale=languages,
            domain="django",
            ignore_patterns=IGNORED,
            add_location="file",
            no_obsolete=True,
            verbosity=0,
        )
        for path in translations.catalogue_paths():
            language = path.parent.parent.name
            catalogue = polib.pofile(str(path))
            catalogue.metadata["Plural-Forms"] = translations.PLURAL_FORMS[language]
            catalogue.metadata["Language"] = language
            if language == settings.LANGUAGE_CODE:
                _fill_with_originals(catalogue)
            catalogue.save()
            left = translations.catalogue_problems(path)
            self.stdout.write(f"{path}: {len(catalogue)} strings, {len(left)} to translate")


def _fill_with_originals(catalogue) -> None:
    """The source language's translations are its strings (a fuzzy one too: the code
    changed it)."""
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
