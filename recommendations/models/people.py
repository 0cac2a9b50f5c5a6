"""Who a user is in the tracker: their role and, for ministry staff, their institution."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .taxonomy import Institution


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MINISTRY = "ministry", _("Ministry staff")
    ADVISER = "adviser", _("UN adviser / observer")
    PARTNER = "partner", _("Partner (API)")
    ADMINISTRATOR = "administrator", _("Administrator")


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
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"
