"""Who a user is in the tracker: their role and, for ministry staff, their institution
(for contributors, the NHRI or NGO they speak for)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .taxonomy import Institution

# The kinds of organisation a contributor speaks for: independent of the government.
INDEPENDENT_KINDS = (Institution.Kind.NGO, Institution.Kind.NHRI)


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MINISTRY = "ministry", _("Ministry staff")
    ADVISER = "adviser", _("UN adviser / observer")
    PARTNER = "partner", _("Partner (API)")
    ADMINISTRATOR = "administrator", _("Administrator")
    # An accredited national human-rights institution or NGO: its own assessments.
    CONTRIBUTOR = "contributor", _("Contributor (NHRI or NGO)")


class UserProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    role = models.CharField(max_length=15, choices=Role.choices, verbose_name=_("role"))
    institution = models.ForeignKey(
        Institution,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("institution"),
    )
    # The language of their pages and of the e-mails they receive: chosen on the switcher,
    # or, until they choose, the one their browser asked for when they first logged in.
    # Empty: none known yet (e-mails then go out in LANGUAGE_CODE).
    language = models.CharField(
        max_length=8, choices=settings.LANGUAGES, blank=True, verbose_name=_("language")
    )

    class Meta:
        verbose_name = _("user profile")
        verbose_name_plural = _("user profiles")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="ministry") | Q(institution__isnull=False),
                name="ministry_staff_belong_to_an_institution",
                violation_error_message=_("Ministry staff belong to an institution: choose one."),
            ),
            models.CheckConstraint(
                condition=~Q(role="contributor") | Q(institution__isnull=False),
                name="contributors_speak_for_an_organisation",
                violation_error_message=_(
                    "A contributor speaks for an organisation: choose its NHRI or NGO."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"

    def clean(self):
        """A contributor's organisation is independent: a national human-rights
        institution or an NGO, never a ministry or a UN entity."""
        if (
            self.role == Role.CONTRIBUTOR
            and self.institution is not None
            and self.institution.kind not in INDEPENDENT_KINDS
        ):
            raise ValidationError(
                {
                    "institution": _(
                        "A contributor speaks for a national human-rights institution or "
                        "an NGO; %(name)s is neither."
                    )
                    % {"name": self.institution}
                }
            )
