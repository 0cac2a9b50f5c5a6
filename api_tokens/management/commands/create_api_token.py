from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from api_tokens.services import api_token_create


class Command(BaseCommand):
    help = (
        "Create an API token for a user and print it on the last line. The token is "
        "shown once: only its hash is stored. A partner's token is always read-only."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for.")
        parser.add_argument(
            "--read-only",
            action="store_true",
            help="The token may only read, whatever the user may otherwise do.",
        )

    def handle(self, *args, username, name, read_only, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"There is no user {username!r}.") from error
        if not user.is_active:
            raise CommandError(f"The user {username!r} is inactive.")
        token, text = api_token_create(user=user, name=name, read_only=read_only)
        access = "read-only" if token.read_only else "read and write, as the user's role allows"
        self.stdout.write(f"Token {token.prefix}… for {user.username} ({access}).")
        self.stdout.write("Keep it now: it is not stored and cannot be shown again.")
        self.stdout.write(text)
