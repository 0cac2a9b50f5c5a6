"""manage.py check_statuses [--fix]: prove that every recommendation's maintained status
and status changes equal what its validated updates say (``recommendations.statuses``)."""

from django.core.management.base import BaseCommand, CommandError

from recommendations.statuses import recommendation_status_refresh, statuses_out_of_step

SHOWN = 20


class Command(BaseCommand):
    help = (
        "Check that each recommendation's status (and its status changes) is the one its "
        "validated progress updates give; with --fix, recompute those that are not. Exits "
        "non-zero when one is wrong and not fixed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix", action="store_true", help="Recompute the statuses found out of step."
        )

    def handle(self, *args, fix, **options):
        wrong = statuses_out_of_step()
        if not wrong:
            self.stdout.write("Every recommendation's status is what its validated updates say.")
            return
        listed = ", ".join(str(pk) for pk in wrong[:SHOWN]) + (" …" if len(wrong) > SHOWN else "")
        message = f"{len(wrong)} recommendation(s) out of step with their history: {listed}"
        if not fix:
            raise CommandError(f"{message}. Run again with --fix to recompute them.")
        recommendation_status_refresh(wrong)
        still = statuses_out_of_step()
        if still:
            raise CommandError(f"{message}; {len(still)} still out of step after --fix.")
        self.stdout.write(f"{message}: recomputed.")
