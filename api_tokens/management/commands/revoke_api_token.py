from django.core.management.base import BaseCommand, CommandError

from api_tokens.models import ApiToken
from api_tokens.services import api_token_revoke


class Command(BaseCommand):
    help = "Revoke API tokens: one by its prefix (upr_…), or all of a user's with --user."

    def add_arguments(self, parser):
        parser.add_argument("prefix", nargs="?", help="The token's prefix, e.g. upr_1a2b3c4d5e6f.")
        parser.add_argument("--user", help="Revoke every live token of this username.")

    def handle(self, *args, prefix=None, user=None, **options):
        if bool(prefix) == bool(user):
            raise CommandError("Give either a token prefix or --user USERNAME.")
        tokens = ApiToken.objects.filter(revoked_at__isnull=True)
        if prefix:
            key_id = prefix.removeprefix("upr_").split("_")[0]
            tokens = tokens.filter(key_id=key_id)
        else:
            tokens = tokens.filter(user__username=user)
        revoked = [api_token_revoke(token=token) for token in tokens]
        if not revoked:
            raise CommandError("No live token matches.")
        for token in revoked:
            self.stdout.write(f"Revoked {token.prefix}… of {token.user}.")
