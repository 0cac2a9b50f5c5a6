"""``manage.py prune_evidence``: delete the evidence files no record needs."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from operations.evidence import evidence_prune


class Command(BaseCommand):
    help = (
        "Delete evidence files under MEDIA_ROOT that no action or progress update needs "
        "(live, revertable or restorable). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=24,
            help="Leave files written more recently than this (default 24): an upload may "
            "not be committed yet.",
        )
        parser.add_argument("--dry-run", action="store_true", help="List, delete nothing.")

    def handle(self, *args, min_age_hours, dry_run, **options):
        removed = evidence_prune(older_than=timedelta(hours=min_age_hours), dry_run=dry_run)
        for name in removed:
            self.stdout.write(f"{'Would delete' if dry_run else 'Deleted'} {name}")
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(self.style.SUCCESS(f"{len(removed)} unneeded evidence file(s) {verb}."))
