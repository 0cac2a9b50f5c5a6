"""Who a user is in the tracker: their role and, for ministry staff, their institution."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .taxonomy import Institution


class Role(models.TextChoices):
    COORDINATOR = "coordinator", "Coordinator"
    MINISTRY = "ministry", "Ministry staff"
    ADVISER = "adviser", "UN adviser / observer"
    PARTNER = "partner", "Partner (API)"
    ADMINISTRATOR = "administrator", "Administrator"


class UserProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(max_length=15, choices=Role.choices)
    institution = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.PROTECT, related_name="staff"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="ministry") | Q(institution__isnull=False),
                name="ministry_staff_belong_to_an_institution",
                violation_error_message="Ministry staff belong to an institution: choose one.",
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"
