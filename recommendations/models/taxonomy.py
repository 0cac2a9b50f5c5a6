"""The vocabularies recommendations are described with: states, mechanisms,
themes, affected groups, SDG goals and the institutions that act."""

from django.db import models
from django.db.models.functions import Lower


class State(models.Model):
    """A UN member or observer state, keyed by ISO 3166 alpha-3."""

    iso3 = models.CharField("ISO 3166 alpha-3", max_length=3, unique=True)
    name = models.CharField("UN name", max_length=120, unique=True)
    variants = models.JSONField(
        default=list, blank=True, help_text="Other spellings met in source files."
    )

    class Meta:
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
        UPR = "upr", "Universal Periodic Review"
        TREATY_BODY = "treaty_body", "Treaty body"
        SPECIAL_PROCEDURE = "special_procedure", "Special procedure"

    code = models.CharField(max_length=20, unique=True, help_text="UPR, CAT, CEDAW, SR-TIP …")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UPR)

    class Meta:
        ordering = ["kind", "code"]

    def __str__(self):
        return self.code


class Theme(models.Model):
    """A human-rights issue, e.g. trafficking in persons or the death penalty."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="theme_name_unique")]

    def __str__(self):
        return self.name


class AffectedGroup(models.Model):
    """A group of people a recommendation concerns: women, children, detainees …"""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="affected_group_name_unique")]

    def __str__(self):
        return self.name


class SdgGoal(models.Model):
    """One of the 17 Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["number"]
        verbose_name = "SDG goal"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=17), name="sdg_goal_between_1_and_17"
            )
        ]

    def __str__(self):
        return f"SDG {self.number}: {self.name}"


class Institution(models.Model):
    """Any body that acts: a ministry, a UN entity, an NGO, a donor …"""

    class Kind(models.TextChoices):
        NATIONAL_AUTHORITY = "national_authority", "National authority"
        UN_ENTITY = "un_entity", "UN entity"
        INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental body"
        NGO = "ngo", "Non-governmental organisation"
        PROFESSIONAL = "professional", "Professional association"
        FOREIGN_GOVERNMENT = "foreign_government", "Foreign government body"
        DONOR = "donor", "Donor"
        OTHER = "other", "Other"

    name = models.CharField(max_length=250, unique=True)
    abbreviation = models.CharField(max_length=30, blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.NATIONAL_AUTHORITY)
    country = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="institutions"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name
