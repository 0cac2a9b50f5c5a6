"""The demo's implementation plans: indicators with validated values on three of the
Belarus actions (demo data, like the actions), one report due this month and one
overdue whatever the day the demo is loaded (their dates are counted from that day),
a Ministry of Justice draft value, and a cluster grouping the trafficking
recommendations."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from recommendations.models import (
    Cluster,
    ImplementationAction,
    Indicator,
    IndicatorValue,
    Recommendation,
)
from recommendations.selectors import month_end

from .belarus import DEMO_NOTE

VALIDATED = IndicatorValue.WorkflowState.VALIDATED
REVIEWED_AFTER = timedelta(days=20)  # a value is validated some weeks after its date
# (action title, what is measured, unit, baseline, target, frequency, when the next report
# is due ("month": this month's last day, "overdue": three weeks ago, "next year"), the
# validated values (date, value)).
INDICATORS = [
    (
        "Assessment of the identification and referral of trafficking victims",
        "Victims of trafficking identified and referred to assistance",
        "persons",
        120,
        400,
        Indicator.Frequency.YEARLY,
        "month",
        [(date(2010, 12, 31), 183), (date(2011, 12, 31), 262)],
    ),
    (
        "Training of public commissions monitoring penitentiary institutions",
        "Members of public monitoring commissions trained",
        "persons",
        0,
        150,
        Indicator.Frequency.QUARTERLY,
        "overdue",
        [(date(2011, 6, 30), 40), (date(2011, 12, 31), 85), (date(2012, 6, 30), 112)],
    ),
    (
        "Human rights training for law enforcement officers",
        "Law enforcement officers trained in human rights",
        "officers",
        0,
        2000,
        Indicator.Frequency.YEARLY,
        "next year",
        [(date(2011, 12, 31), 640), (date(2012, 12, 31), 1310), (date(2013, 12, 31), 1905)],
    ),
]
JUSTICE_DRAFT = (date(2012, 12, 31), 131, "Two more regional trainings held in the autumn.")
CLUSTER = (
    "combating-trafficking",
    "Combating trafficking in human beings",
    "One plan for every recommendation on trafficking in persons, whatever the mechanism or "
    "cycle: identification and referral of victims, prosecution, cooperation.",
)


def load_plans(today: date | None = None):
    """Add the demo's indicators, values and cluster, once (a second run adds nothing)."""
    today = today or timezone.localdate()
    if not Indicator.objects.filter(is_demo=True).exists():
        _indicators(today)
    _cluster()


def _indicators(today: date):
    coordinator = get_user_model().objects.get(username="coordinator")
    due = {
        "month": month_end(today),
        "overdue": today - timedelta(days=21),
        "next year": date(today.year + 1, 12, 31),
    }
    actions = {action.title: action for action in ImplementationAction.objects.filter(is_demo=True)}
    for title, name, unit, baseline, target, frequency, when, values in INDICATORS:
        action = actions.get(title)
        if action is None:
            continue
        indicator = Indicator.objects.create(
            action=action,
            name=name,
            description=DEMO_NOTE,
            unit=unit,
            baseline=baseline,
            target=target,
            frequency=frequency,
            institution=action.institution,
            next_report_date=due[when],
            is_demo=True,
        )
        for measured_on, value in values:
            reviewed = timezone.make_aware(datetime.combine(measured_on, time(12)) + REVIEWED_AFTER)
            IndicatorValue.objects.create(
                indicator=indicator,
                measured_on=measured_on,
                value=value,
                comment=DEMO_NOTE,
                institution=action.institution,
                workflow_state=VALIDATED,
                submitted_at=reviewed,
                reviewed_at=reviewed,
                reviewed_by=coordinator,
                is_demo=True,
            )
        if when == "overdue":
            measured_on, value, comment = JUSTICE_DRAFT
            IndicatorValue.objects.create(
                indicator=indicator,
                measured_on=measured_on,
                value=value,
                comment=f"{DEMO_NOTE} {comment}",
                institution=action.institution,
                author=get_user_model().objects.filter(username="justice").first(),
                is_demo=True,
            )


def _cluster():
    slug, name, description = CLUSTER
    cluster, created = Cluster.objects.get_or_create(
        slug=slug, defaults={"name": name, "description": description}
    )
    if created:
        trafficking = Recommendation.objects.filter(
            Q(themes__name="Trafficking") | Q(text__icontains="trafficking")
        ).distinct()
        cluster.recommendations.set(trafficking)
