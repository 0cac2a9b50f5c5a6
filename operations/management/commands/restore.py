"""``manage.py restore FILE``: bring back a backup written by ``manage.py backup``."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from operations.backups import backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup into this (migrated, empty) database and MEDIA_ROOT. The archive "
        "is checked first; the data is loaded in one transaction, so a failure changes "
        "nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the data of a database that is not empty.",
        )

    def handle(self, *args, archive, force, **options):
        try:
            manifest = backup_restore(archive, force=force)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {archive} (made {manifest['created_at']} on "
                f"{manifest['database']}, {len(manifest['files']) - 1} file(s))."
            )
        )
