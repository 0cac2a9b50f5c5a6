"""``manage.py backup``: the database and the evidence files in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from operations.backups import backup_create


class Command(BaseCommand):
    help = (
        "Write the whole database (history included) and every evidence file under "
        "MEDIA_ROOT to one .tar.gz, with a manifest of checksums. Restore with "
        "`manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="The archive to write (default: backups/upr-tracker-YYYYMMDD-HHMMSS.tar.gz).",
        )

    def handle(self, *args, output, **options):
        if output is None:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            output = Path("backups") / f"upr-tracker-{stamp}.tar.gz"
        manifest = backup_create(output)
        files = len(manifest["files"]) - 1
        self.stdout.write(
            self.style.SUCCESS(f"Backup written to {output} (the database and {files} file(s)).")
        )
