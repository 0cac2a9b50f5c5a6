import os

from django.core.management.base import BaseCommand

from demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data (Belarus's UPR reviews, institutions, engagements, a demo "
        "implementation history and one user per role). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD") or None,
            help="Password for every demo user (default: $DEMO_PASSWORD, else generated).",
        )

    def handle(self, *args, password=None, **options):
        logins = load_demo(password=password)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write("Demo logins (username / role / password):")
        for login in logins:
            secret = login.password or "(set before; not known here: use --password to reset)"
            self.stdout.write(f"  {login.username:<12} {login.role:<26} {secret}")
