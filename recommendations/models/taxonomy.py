"""The vocabularies recommendations are described with: states, mechanisms,
themes, affected groups, SDG goals and targets, and the institutions that act."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Length, Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class State(models.Model):
    """A UN member or observer state, keyed by ISO 3166 alpha-3."""

    iso3 = models.CharField(_("ISO 3166 alpha-3"), max_length=3, unique=True)
    name = models.CharField(_("UN name"), max_length=120, unique=True)
    variants = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Other spellings met in source files."),
        verbose_name=_("variants"),
    )

    class Meta:
        verbose_name = _("state")
        verbose_name_plural = _("states")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(iso3__regex=r"^[A-Z]{3}$"), name="state_iso3_is_three_capitals"
            )
        ]

    def __str__(self):
        return self.name


class Mechanism(models.Model):
    """The UPR, a treaty body or a special procedure mandate."""

    class Kind(models.TextChoices):
        UPR = "upr", _("Universal Periodic Review")
        TREATY_BODY = "treaty_body", _("Treaty body")
        SPECIAL_PROCEDURE = "special_procedure", _("Special procedure")

    code = models.CharField(
        max_length=20, unique=True, help_text=_("UPR, CAT, CEDAW, SR-TIP …"), verbose_name=_("code")
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.UPR, verbose_name=_("kind")
    )

    class Meta:
        verbose_name = _("mechanism")
        verbose_name_plural = _("mechanisms")
        ordering = ["kind", "code"]

    def __str__(self):
        return self.code


class Theme(models.Model):
    """A human-rights issue, e.g. trafficking in persons or the death penalty."""

    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(max_length=120, unique=True, verbose_name=_("slug"))

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="theme_name_unique")]

    def __str__(self):
        return self.name


class AffectedGroup(models.Model):
    """A group of people a recommendation concerns: women, children, detainees …"""

    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(max_length=120, unique=True, verbose_name=_("slug"))

    class Meta:
        verbose_name = _("affected group")
        verbose_name_plural = _("affected groups")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="affected_group_name_unique")]

    def __str__(self):
        return self.name


class SdgGoal(models.Model):
    """One of the 17 Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(primary_key=True, verbose_name=_("number"))
    name = models.CharField(max_length=200, verbose_name=_("name"))

    class Meta:
        verbose_name_plural = _("sdg goals")
        ordering = ["number"]
        verbose_name = _("SDG goal")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=17), name="sdg_goal_between_1_and_17"
            )
        ]

    def __str__(self):
        return gettext("SDG %(number)s: %(name)s") % {"number": self.number, "name": self.name}


# "16.3", "17.19", "14.c": the goal's number, a dot, the target's number or letter.
SDG_TARGET_CODE = re.compile(r"(\d{1,2})\.(\d{1,2}|[a-z])")


def goal_of_target(code: str) -> int | None:
    """The number of the goal a target code belongs to ("16.3" → 16), None if it is no code."""
    match = SDG_TARGET_CODE.fullmatch(code)
    if match is None or not 1 <= int(match[1]) <= 17:
        return None
    return int(match[1])


def sdg_target_sort_key(code: str) -> tuple:
    """Target codes in ``SdgTarget``'s order: by goal, the numbered targets first, by number
    (for lists read as plain codes, without the model's ordering)."""
    goal, _, target = code.partition(".")
    return (int(goal) if goal.isdigit() else 0, target.isalpha(), len(target), target)


class SdgTarget(models.Model):
    """One target of a Sustainable Development Goal ("16.3"), as OHCHR's Universal Human
    Rights Index tags recommendations. A recommendation with a target also has its goal."""

    code = models.CharField(
        max_length=5, unique=True, help_text=_("e.g. 16.3 or 14.c"), verbose_name=_("code")
    )
    goal = models.ForeignKey(
        SdgGoal, on_delete=models.PROTECT, related_name="targets", verbose_name=_("goal")
    )
    name = models.CharField(max_length=300, blank=True, verbose_name=_("name"))

    class Meta:
        # 16.1 … 16.9, 16.10, then 16.a, 16.b: numbered targets first, by their number.
        verbose_name_plural = _("sdg targets")
        ordering = [
            "goal",
            Case(When(code__regex=r"[a-z]$", then=Value(1)), default=Value(0)),
            Length("code"),
            "code",
        ]
        verbose_name = _("SDG target")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{1,2}\.([0-9]{1,2}|[a-z])$"),
                name="sdg_target_code_goal_dot_target",
            )
        ]

    def __str__(self):
        return f"{self.code}: {self.name}" if self.name else self.code

    def clean(self):
        goal = goal_of_target(self.code)
        if goal is None:
            raise ValidationError(
                {
                    "code": "A target is a goal's number, a dot and the "
                    "target's number or letter, e.g. 16.3 or 14.c."
                }
            )
        if self.goal_id is not None and self.goal_id != goal:
            raise ValidationError(
                {
                    "goal": gettext("Target %(code)s belongs to goal %(goal)s.")
                    % {"code": self.code, "goal": goal}
                }
            )


class Institution(models.Model):
    """Any body that acts: a ministry, a UN entity, an NGO, a donor …"""

    class Kind(models.TextChoices):
        NATIONAL_AUTHORITY = "national_authority", _("National authority")
        UN_ENTITY = "un_entity", _("UN entity")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental body")
        NGO = "ngo", _("Non-governmental organisation")
        NHRI = "nhri", _("National human-rights institution")
        PROFESSIONAL = "professional", _("Professional association")
        FOREIGN_GOVERNMENT = "foreign_government", _("Foreign government body")
        DONOR = "donor", _("Donor")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=250, unique=True, verbose_name=_("name"))
    abbreviation = models.CharField(max_length=30, blank=True, verbose_name=_("abbreviation"))
    kind = models.CharField(
        max_length=30, choices=Kind.choices, default=Kind.NATIONAL_AUTHORITY, verbose_name=_("kind")
    )
    country = models.ForeignKey(
        State,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="institutions",
        verbose_name=_("country"),
    )

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name
