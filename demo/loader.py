"""Load the demo: Belarus's reviews, its real first-cycle recommendations, the
institutions and engagements of the seed documents, a demo implementation
history, and one user per role. Running it again adds nothing twice.

The recommendations come from the public files in ``data/`` through the importer, as
any file does; the users are made by ``recommendations.people``, so their access is the
one their role has on every database (``recommendations.roles``, installed by migrate).
"""

import secrets
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils.text import slugify

from missions.models import Engagement
from recommendations import caching, services
from recommendations.database import refresh_planner_statistics
from recommendations.importing.saving import ensure_states, theme_named
from recommendations.importing.service import import_recommendations
from recommendations.models import (
    SUPPORTED_POSITIONS,
    AffectedGroup,
    ImplementationAction,
    Institution,
    Mechanism,
    ProgressUpdate,
    Recommendation,
    Responsibility,
    ReviewCycle,
    Role,
    SdgGoal,
    Source,
    State,
    Status,
)
from recommendations.people import user_create
from recommendations.selectors import with_current_status
from recommendations.statuses import recommendation_status_refresh

from . import belarus
from .engagements import ENGAGEMENTS
from .institutions import INSTITUTIONS
from .plans import load_plans
from .sources import SOURCES
from .voices import load_voices

DATA = Path(__file__).resolve().parent / "data"
# The report's paragraphs first, then UPR Info's final responses joined to them (README,
# "Joining UPR Info and the UN report"): (file, importer format).
FIRST_CYCLE_FILES = [("2010data.csv", "un-report"), ("6-9.csv", "upr-info")]

# username -> (role, institution name, first name, last name)
DEMO_USERS = {
    "admin": (Role.ADMINISTRATOR, None, "Site", "Administrator"),
    "coordinator": (Role.COORDINATOR, "Ministry of Foreign Affairs", "Interagency", "Coordinator"),
    "justice": (Role.MINISTRY, "Ministry of Justice", "Justice", "Officer"),
    "interior": (Role.MINISTRY, "Ministry of Internal Affairs", "Interior", "Officer"),
    "adviser": (
        Role.ADVISER,
        "Office of the United Nations High Commissioner for Human Rights",
        "Human Rights",
        "Adviser",
    ),
    "partner": (Role.PARTNER, "United Nations Development Programme", "API", "Partner"),
    "ngo": (Role.CONTRIBUTOR, "La Strada Belarus", "La Strada", "Contributor"),
}


@dataclass
class DemoLogin:
    username: str
    role: str
    password: str | None  # None: the user existed and its password is not known here


def load_demo(password: str | None = None) -> list[DemoLogin]:
    """Load (or complete) the demo data set and return the demo logins.

    ``password`` sets every demo user's password; otherwise new users get a
    generated one, remembered in a git-ignored file so that it can be printed again.
    """
    with transaction.atomic():
        ensure_states()
        _affected_groups()
        institutions = _institutions()
        sources = _sources()
        first, second = _reviews(sources)
        _import_first_cycle(first)
        _classify(first, institutions)
        refresh_planner_statistics()
        logins = _users(institutions, password)
        _demo_history(first, institutions, sources)
        _demo_workflow(first)
        load_plans()
        refresh_planner_statistics()
        _engagements(institutions, sources, first, second)
        load_voices(first, second)
        # Written in bulk, beside the doors that record history: every kept figure and
        # list is out of date.
        caching.figures_changed()
    return logins


def _affected_groups():
    for name in belarus.AFFECTED_GROUPS:
        AffectedGroup.objects.get_or_create(slug=slugify(name), defaults={"name": name})


def _institutions() -> dict[str, Institution]:
    states = {state.iso3: state for state in State.objects.all()}
    for name, abbreviation, kind, country in INSTITUTIONS:
        Institution.objects.get_or_create(
            name=name,
            defaults={
                "abbreviation": abbreviation,
                "kind": kind,
                "country": states.get(country) if country else None,
            },
        )
    return {institution.name: institution for institution in Institution.objects.all()}


def _sources() -> dict[str, Source]:
    """The seeds' documents as sources, by their key in ``SOURCES``."""
    sources = {}
    for key, values in SOURCES.items():
        values = dict(values)
        sources[key], _ = Source.objects.get_or_create(
            title=values.pop("title"), publisher=values.pop("publisher"), defaults=values
        )
    return sources


def _cited(record, field: str, source: Source | None):
    """Cite ``source`` where the record cites nothing yet, or still cites a seed by the
    internal label an earlier demo wrote ("Seed 002: …"); a coordinator's choice stands."""
    current = getattr(record, field)
    if source is not None and (current is None or current.title.startswith("Seed 0")):
        setattr(record, field, source)
        record.save(update_fields=[field])


def _reviews(sources: dict[str, Source]) -> tuple[ReviewCycle, ReviewCycle]:
    belarus_state = State.objects.get(iso3="BLR")
    upr = Mechanism.objects.get(code="UPR")
    reviews = []
    for values in (belarus.FIRST_CYCLE, belarus.SECOND_CYCLE):
        values = dict(values)
        cycle = values.pop("cycle")
        source = sources.get(values.pop("government_reported_source", None))
        review, _ = ReviewCycle.objects.get_or_create(
            state_under_review=belarus_state, mechanism=upr, cycle=cycle, defaults=values
        )
        _cited(review, "government_reported_source", source)
        reviews.append(review)
    return reviews[0], reviews[1]


def _import_first_cycle(review: ReviewCycle):
    """Import the first cycle's public files as a coordinator would (a second time, the
    importer finds nothing to change)."""
    for filename, file_format in FIRST_CYCLE_FILES:
        result = import_recommendations(
            data=(DATA / filename).read_bytes(),
            filename=filename,
            format=file_format,
            state_iso3=review.state_under_review.iso3,
            cycle=review.cycle,
            mechanism=review.mechanism.code,
        )
        if not result.ok:
            problems = "; ".join(str(error) for error in result.errors)
            raise RuntimeError(f"The demo file {filename} did not import: {problems}")


def _classify(review: ReviewCycle, institutions: dict[str, Institution]):
    """Responsible institutions, affected groups and SDG goals by UPR Info issue,
    for recommendations that have none yet (a coordinator's choices stand)."""
    groups = {group.name: group for group in AffectedGroup.objects.all()}
    goals = {goal.number: goal for goal in SdgGoal.objects.all()}
    recommendations = review.recommendations.prefetch_related(
        "themes", "responsibilities", "affected_groups", "sdg_goals"
    )
    for recommendation in recommendations:
        issues = [theme.name for theme in recommendation.themes.all()]
        if not recommendation.responsibilities.all():
            leads = [belarus.LEAD_BY_ISSUE[i] for i in issues if i in belarus.LEAD_BY_ISSUE]
            ordered = list(dict.fromkeys(leads or [belarus.DEFAULT_LEAD]))
            Responsibility.objects.bulk_create(
                Responsibility(
                    recommendation=recommendation,
                    institution=institutions[name],
                    role=Responsibility.Role.LEAD if index == 0 else Responsibility.Role.SUPPORTING,
                )
                for index, name in enumerate(ordered)
            )
        if not recommendation.affected_groups.all():
            names = {g for i in issues for g in belarus.GROUPS_BY_ISSUE.get(i, [])}
            recommendation.affected_groups.set([groups[name] for name in sorted(names)])
        if not recommendation.sdg_goals.all():
            numbers = {n for i in issues for n in belarus.SDGS_BY_ISSUE.get(i, [])}
            recommendation.sdg_goals.set([goals[number] for number in sorted(numbers)])


def _demo_history(
    review: ReviewCycle, institutions: dict[str, Institution], sources: dict[str, Source]
):
    if ProgressUpdate.objects.filter(recommendation__review=review, is_demo=True).exists():
        return
    coordinator = get_user_model().objects.get(username="coordinator")
    supported = review.recommendations.filter(position__in=SUPPORTED_POSITIONS).prefetch_related(
        "themes",
        Prefetch("responsibilities", queryset=Responsibility.objects.select_related("institution")),
    )
    updates = []
    for recommendation, history in belarus.demo_statuses(list(supported)).items():
        lead = next(
            (r.institution for r in recommendation.responsibilities.all() if r.role == "lead"),
            None,
        )
        for assessed_on, status in history:
            updates.append(
                ProgressUpdate(
                    recommendation=recommendation,
                    status=status,
                    assessed_on=assessed_on,
                    narrative=f"{belarus.DEMO_NOTE} Status reported under the national plan "
                    "on implementation of UPR recommendations.",
                    source=ProgressUpdate.Source.GOVERNMENT,
                    institution=lead,
                    workflow_state=ProgressUpdate.WorkflowState.VALIDATED,
                    submitted_at=belarus.review_time(assessed_on),
                    reviewed_at=belarus.review_time(assessed_on),
                    reviewed_by=coordinator,
                    is_demo=True,
                )
            )
    ProgressUpdate.objects.bulk_create(updates)
    # Written in bulk, past the workflow: the statuses they decide are refreshed here.
    recommendation_status_refresh(review.recommendations.all())
    for title, institution, issue, start, end, status, description, source in belarus.ACTIONS:
        action = ImplementationAction.objects.create(
            title=title,
            institution=institutions[institution],
            start_date=start,
            end_date=end,
            status=status,
            description=f"{description} {belarus.DEMO_NOTE}",
            source=sources.get(source) if source else None,
            is_demo=True,
        )
        served = review.recommendations.filter(position__in=SUPPORTED_POSITIONS)
        if issue:
            served = served.filter(themes__name=issue)
        action.recommendations.set(served)


def _demo_workflow(review: ReviewCycle):
    """Work in progress for the workspace and the validation queue (``WORK_IN_PROGRESS``):
    an update the Ministry of Internal Affairs submitted, one the coordinator returned to
    it, and a Ministry of Justice draft. None is validated, so no figure changes."""
    unvalidated = ProgressUpdate.objects.filter(
        recommendation__review=review, is_demo=True
    ).exclude(workflow_state=ProgressUpdate.WorkflowState.VALIDATED)
    if unvalidated.exists():
        return
    users = {user.username: user for user in get_user_model().objects.filter(
        username__in=["coordinator", "justice", "interior"]
    )}  # fmt: skip
    for (
        username,
        institution,
        theme,
        word,
        status,
        day,
        narrative,
        step,
    ) in belarus.WORK_IN_PROGRESS:
        recommendation = _to_report_on(review, institution, theme, word, status)
        if recommendation is None:
            continue
        update = services.progress_update_create(
            user=users[username],
            recommendation=recommendation,
            status=status,
            assessed_on=day,
            narrative=f"{belarus.DEMO_NOTE} {narrative}",
            is_demo=True,
        )
        if step in ("submitted", "returned"):
            services.progress_update_submit(user=users[username], update=update)
        if step == "returned":
            services.progress_update_return(
                user=users["coordinator"], update=update, comment=belarus.RETURN_COMMENT
            )


def _to_report_on(
    review: ReviewCycle, institution: str, theme: str, word: str, proposed: str
) -> Recommendation | None:
    """The first supported recommendation (by reference) the institution leads, on
    ``theme``, whose text has ``word``, not implemented and not already at ``proposed``."""
    led = review.recommendations.filter(
        position__in=SUPPORTED_POSITIONS,
        responsibilities__institution__name=institution,
        responsibilities__role=Responsibility.Role.LEAD,
        themes__name=theme,
        text__icontains=word,
    )
    return (
        with_current_status(led)
        # The plugin reads a lookup on an annotation as an exact match (its type, not a list).
        .exclude(current_status__in=[Status.IMPLEMENTED, proposed])  # type: ignore[misc]
        .order_by("sort_key")
        .first()
    )


def _engagements(institutions, sources, first: ReviewCycle, second: ReviewCycle):
    states = {state.iso3: state for state in State.objects.all()}
    mechanisms = {mechanism.code: mechanism for mechanism in Mechanism.objects.all()}
    groups = {group.name: group for group in AffectedGroup.objects.all()}
    belarus_state = states["BLR"]
    for entry in ENGAGEMENTS:
        entry = dict(entry)
        engagement, created = Engagement.objects.get_or_create(
            kind=entry["kind"],
            title=entry["title"],
            start_date=entry["start_date"],
            defaults={
                "end_date": entry.get("end_date"),
                "date_precision": entry.get("date_precision", "day"),
                "place": entry.get("place", ""),
                "country": states.get(entry.get("country", "")),
                "state_concerned": belarus_state,
                "participants_note": entry.get("participants_note", ""),
                "summary": entry.get("summary", ""),
                "outcomes": entry.get("outcomes", ""),
                "thematic_pillars": entry.get("thematic_pillars", ""),
                "budget_amount": Decimal(entry["budget_amount"])
                if "budget_amount" in entry
                else None,
                "budget_currency": entry.get("budget_currency", ""),
                "budget_period": entry.get("budget_period", ""),
                "source": sources[entry["source"]],
            },
        )
        _link_recommendations(engagement, entry, first)
        if not created:
            _cited(engagement, "source", sources[entry["source"]])
            continue
        engagement.organisers.set([institutions[n] for n in entry.get("organisers", [])])
        engagement.funders.set([institutions[n] for n in entry.get("funders", [])])
        engagement.participants.set([institutions[n] for n in entry.get("participants", [])])
        engagement.mechanisms.set([mechanisms[c] for c in entry.get("mechanisms", [])])
        engagement.themes.set([theme_named(n) for n in entry.get("themes", [])])
        engagement.affected_groups.set([groups[n] for n in entry.get("groups", [])])


def _link_recommendations(engagement, entry, first: ReviewCycle):
    """Link the first-cycle recommendations the engagement answered (its entry's
    ``link_themes`` and ``link_references``), when it links none yet: a demo loaded
    before the links were known gets them, and nothing is linked twice."""
    themes, references = entry.get("link_themes", []), entry.get("link_references", [])
    if not (themes or references) or engagement.recommendations.exists():
        return
    answered = Q(themes__name__in=themes) | Q(reference__in=references)
    engagement.recommendations.set(first.recommendations.filter(answered).distinct())


def _users(institutions, password: str | None) -> list[DemoLogin]:
    """Add the demo users that are missing, each with their role's access; an existing
    one is left as it is (its password set again only when one is given)."""
    remembered = _remembered_passwords()
    User = get_user_model()
    logins = []
    for username, (role, institution, first_name, last_name) in DEMO_USERS.items():
        user = User.objects.filter(username=username).first()
        chosen = password
        if user is None:
            chosen = password or secrets.token_urlsafe(12)
            user_create(
                username=username,
                role=role,
                institution=institutions.get(institution),
                password=chosen,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@example.org",
            )
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
        remembered[username] = chosen or remembered.get(username)
        logins.append(DemoLogin(username, str(Role(role).label), remembered[username]))
    _remember_passwords(remembered)
    return logins


def _password_file() -> Path:
    return Path(settings.UPR_DEMO_PASSWORD_FILE)


def _remembered_passwords() -> dict[str, str | None]:
    path = _password_file()
    if not path.exists():
        return {}
    pairs = (line.split(":", 1) for line in path.read_text().splitlines() if ":" in line)
    return {username: secret for username, secret in pairs}


def _remember_passwords(passwords: dict[str, str | None]):
    path = _password_file()
    path.write_text("".join(f"{u}:{p}\n" for u, p in passwords.items() if p))
    path.chmod(0o600)
