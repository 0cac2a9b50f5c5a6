"""manage.py create_user USERNAME --role ROLE [--institution NAME]: a user with a role, made
by the same service as the admin's user profile form (``recommendations.people``)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from recommendations.models import Institution, Role
from recommendations.people import user_create


class Command(BaseCommand):
    help = (
        "Create a user with a tracker role (and, for ministry staff, their institution), "
        "with that role's access. Set the password afterwards with `changepassword`."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument(
            "--institution", default="", help="The institution's name or abbreviation."
        )
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, username, role, institution, email, first_name, last_name, **kw):
        if get_user_model().objects.filter(username=username).exists():
            raise CommandError(
                f"A user {username!r} already exists: change their profile in the admin."
            )
        try:
            user = user_create(
                username=username,
                role=role,
                institution=_institution(institution) if institution else None,
                email=email,
                first_name=first_name,
                last_name=last_name,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        place = f" at {user.profile.institution}" if user.profile.institution else ""
        self.stdout.write(f"Created {username}: {Role(role).label}{place}.")
        self.stdout.write(f"Set a password with: manage.py changepassword {username}")


def _institution(name: str) -> Institution:
    found = list(Institution.objects.filter(Q(name__iexact=name) | Q(abbreviation__iexact=name)))
    if len(found) != 1:
        reason = "No institution is named" if not found else "Several institutions are named"
        raise CommandError(f"{reason} {name!r} (by name or abbreviation).")
    return found[0]
