"""manage.py compile_translations: the catalogues' .mo files, from their .po files
(web/translations.py says why not Django's compilemessages)."""

from django.core.management.base import BaseCommand, CommandError

from web import translations


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/django.po (only those changed) with polib."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile every catalogue.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Also fail on an untranslated or fuzzy entry or differing placeholders.",
        )

    def handle(self, *args, force=False, check=False, **options):
        paths = translations.catalogue_paths()
        if not paths:
            raise CommandError("No catalogue found under LOCALE_PATHS.")
        for path in paths:
            if translations.compile_catalogue(path, force=force):
                self.stdout.write(f"Compiled {path}")
        if check:
            problems = [p for path in paths for p in translations.catalogue_problems(path)]
            for problem in problems:
                self.stderr.write(str(problem))
            if problems:
                raise CommandError(f"{len(problems)} problem(s) in the catalogues.")
