"""The entries that imported rows name: states, mechanisms, reviews, themes, affected groups,
SDG goals and targets and institutions, found by name and added when missing (never in a dry
run).

Loaded once per import (these are short reference lists), so that the rows of a file cost no
query each. Names compare without regard to case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from django.utils.text import slugify

from recommendations.models import (
    AffectedGroup,
    Institution,
    Mechanism,
    ReviewCycle,
    SdgGoal,
    SdgTarget,
    State,
    Theme,
)
from recommendations.reference_data import (
    MECHANISM_SPELLINGS,
    MECHANISMS,
    SDG_GOALS,
    SPECIAL_PROCEDURE_PREFIXES,
)

from .errors import ImportFileError
from .records import ReviewKey
from .result import ImportResult
from .vocabulary import load_states

KNOWN_MECHANISMS = {code: (name, kind) for code, name, kind in MECHANISMS}
SDG_NAMES = dict(SDG_GOALS)
CODE_LENGTH = 20  # Mechanism.code
NAME_LENGTH = 200  # Mechanism.name
_SPECIAL_PROCEDURE = re.compile(rf"({'|'.join(SPECIAL_PROCEDURE_PREFIXES)})\s+\S", re.IGNORECASE)
# Words left out of a special procedure's code made of initials ("SR-FPAA").
_SMALL_WORDS = {"a", "an", "and", "in", "of", "on", "the", "to", "for", "with", "its", "by"}


def ensure_states() -> dict[str, State]:
    """Make sure every state of the committed vocabulary exists; return all by ISO3.

    States a coordinator already has are left as they are (names included)."""
    existing = {state.iso3: state for state in State.objects.all()}
    missing = [known for known in load_states() if known.iso3 not in existing]
    State.objects.bulk_create(
        State(iso3=known.iso3, name=known.name, variants=list(known.variants)) for known in missing
    )
    return {state.iso3: state for state in State.objects.all()}


def theme_named(name: str) -> Theme:
    """The theme of that name (case-insensitive), created if new."""
    theme = Theme.objects.filter(name__iexact=name).first()
    if theme is None:
        taken = set(Theme.objects.values_list("slug", flat=True))
        theme = Theme.objects.create(name=name, slug=free_slug(name, taken))
    return theme


def free_slug(name: str, taken: set[str], fallback: str = "entry") -> str:
    """A slug for ``name`` not in ``taken`` (which it is added to)."""
    base = slugify(name)[:110] or fallback
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


class Catalogue:
    """Reference entries by natural key for one import; see the module docstring."""

    def __init__(self, result: ImportResult, *, dry_run: bool):
        self.result = result
        self.dry_run = dry_run
        self.states = {state.iso3: state for state in State.objects.all()}
        self.mechanisms = {m.code.upper(): m for m in Mechanism.objects.all()}
        self.themes = {theme.name.casefold(): theme for theme in Theme.objects.all()}
        self.groups = {group.name.casefold(): group for group in AffectedGroup.objects.all()}
        self.goals = {goal.number: goal for goal in SdgGoal.objects.all()}
        self.targets = {target.code: target for target in SdgTarget.objects.all()}
        institutions = list(Institution.objects.all())
        # Known by name or abbreviation; a name wins over another's abbreviation.
        self.institutions = {i.abbreviation.casefold(): i for i in institutions if i.abbreviation}
        self.institutions.update({i.name.casefold(): i for i in institutions})
        self._reviews: dict[ReviewKey, ReviewCycle] = {}

    # Mechanisms and reviews -------------------------------------------------------------------

    def mechanism_code(self, spelling: str, *, add: bool = True) -> str | None:
        """The code (in capitals) of the mechanism spelled ``spelling`` (its code, name or a
        known other spelling); '' is the UPR. A special procedure's mandate the tracker does
        not know ("SR Torture", "IE …", "WG …") is planned as a new mechanism named so, when
        ``add``. None for anything else."""
        key = " ".join(spelling.split()).casefold()
        if not key:
            return "UPR"
        known = {code.casefold(): code for code in (*self.mechanisms, *KNOWN_MECHANISMS)}
        known.update({name.casefold(): code for code, (name, _) in KNOWN_MECHANISMS.items()})
        known.update(
            {
                other.casefold(): code
                for code, spellings in MECHANISM_SPELLINGS.items()
                for other in spellings
            }
        )
        known.update({m.name.casefold(): code for code, m in self.mechanisms.items()})
        if key in known:
            return known[key]
        if add and _SPECIAL_PROCEDURE.match(key):
            return self._special_procedure(" ".join(spelling.split()))
        return None

    def _special_procedure(self, name: str) -> str:
        """Plan a special procedure's mandate as the export names it; return its new code:
        the name itself when it fits, else its prefix and initials ("SR-FPAA")."""
        name = name[:NAME_LENGTH]
        taken = {code.casefold() for code in (*self.mechanisms, *KNOWN_MECHANISMS)}
        if len(name) <= CODE_LENGTH:
            base = name
        else:
            prefix, *words = name.split()
            initials = "".join(w[0] for w in words if w.casefold() not in _SMALL_WORDS)
            base = f"{prefix.upper()}-{initials.upper()}"[:CODE_LENGTH]
        code, number = base, 2
        while code.casefold() in taken:
            suffix = f"-{number}"
            code, number = f"{base[: CODE_LENGTH - len(suffix)]}{suffix}", number + 1
        mechanism = Mechanism(code=code, name=name, kind=Mechanism.Kind.SPECIAL_PROCEDURE)
        self.result.note_new("mechanisms", name)
        if not self.dry_run:
            mechanism.save()
        self.mechanisms[code.upper()] = mechanism
        return code.upper()  # mechanisms are known by their codes in capitals (see above)

    def review(
        self,
        key: ReviewKey,
        *,
        session: int | None = None,
        review_date: date | None = None,
        document_symbol: str = "",
    ) -> ReviewCycle:
        """The review ``key`` names, added (unsaved in a dry run) when there is none yet, with
        the session, date and document symbol given (an existing review is left as it is).

        Raises :class:`ImportFileError` for a state or mechanism the tracker does not know.
        """
        if key in self._reviews:
            return self._reviews[key]
        review = self.find_review(key)
        if review is None:
            review = ReviewCycle(
                state_under_review=self.state(key.state),
                mechanism=self.mechanism(key.mechanism),
                cycle=key.cycle,
                session=str(session) if session else "",
                document_symbol=key.document_symbol or document_symbol,
                review_date=review_date,
            )
            self.result.note_new("reviews", str(key))
            if not self.dry_run:
                review.save()
        self._reviews[key] = review
        self.result.reviews.append(str(review) if review.pk else f"{key} (new)")
        return review

    def find_review(self, key: ReviewKey) -> ReviewCycle | None:
        """The existing review ``key`` names, or None."""
        reviews = ReviewCycle.objects.select_related("state_under_review", "mechanism").filter(
            state_under_review__iso3=key.state, mechanism__code__iexact=key.mechanism
        )
        if key.cycle is not None:
            return reviews.filter(cycle=key.cycle).first()
        return reviews.filter(cycle=None, document_symbol=key.document_symbol).first()

    def state(self, iso3: str) -> State:
        if iso3 not in self.states:
            known = {state.iso3: state for state in load_states()}
            if iso3 not in known:
                raise ImportFileError(f"{iso3!r} is not a known state")
            if not self.dry_run:
                self.states = ensure_states()
            else:
                self.states[iso3] = State(iso3=iso3, name=known[iso3].name)
        return self.states[iso3]

    def mechanism(self, code: str) -> Mechanism:
        """The mechanism of that code, added from the reference list when missing."""
        code = code.upper()
        if code not in self.mechanisms:
            if code not in KNOWN_MECHANISMS:
                raise ImportFileError(f"{code!r} is not a known mechanism")
            name, kind = KNOWN_MECHANISMS[code]
            mechanism = Mechanism(code=code, name=name, kind=kind)
            if not self.dry_run:
                mechanism.save()
            self.mechanisms[code] = mechanism
        return self.mechanisms[code]

    # Vocabularies -----------------------------------------------------------------------------

    def add_missing(
        self,
        *,
        states: Iterable[str] = (),
        themes: Iterable[str] = (),
        groups: Iterable[str] = (),
        goals: Iterable[int] = (),
        targets: Mapping[str, str] | None = None,
        institutions: Iterable[str] = (),
    ) -> None:
        """Add (or, in a dry run, note) the entries the rows name that do not exist yet.

        ``targets`` maps SDG target codes to their names (a target's goal must be among
        ``goals``); a known target without a name takes the one given."""
        if not self.dry_run and any(code not in self.states for code in states):
            self.states = ensure_states()
        self.themes.update(self._missing(Theme, "themes", self.themes, themes))
        self.groups.update(self._missing(AffectedGroup, "affected groups", self.groups, groups))
        new_goals = sorted({g for g in goals if g not in self.goals})
        for number in new_goals:
            self.result.note_new("SDG goals", str(number))
        if new_goals and not self.dry_run:
            SdgGoal.objects.bulk_create(SdgGoal(number=n, name=SDG_NAMES[n]) for n in new_goals)
            self.goals = {goal.number: goal for goal in SdgGoal.objects.all()}
        self._add_targets(targets or {})
        new = sorted(
            {n.strip() for n in institutions if n.strip().casefold() not in self.institutions}
        )
        for name in new:
            self.result.note_new("institutions", name)
        if new and not self.dry_run:
            Institution.objects.bulk_create(Institution(name=name) for name in new)
            self.institutions.update(
                {i.name.casefold(): i for i in Institution.objects.filter(name__in=new)}
            )

    def _add_targets(self, targets: Mapping[str, str]) -> None:
        new = sorted(code for code in targets if code not in self.targets)
        for code in new:
            self.result.note_new("SDG targets", code)
        named = [
            target for code, target in self.targets.items() if not target.name and targets.get(code)
        ]
        if self.dry_run:
            return
        SdgTarget.objects.bulk_create(
            SdgTarget(
                code=code,
                goal=self.goals[int(code.partition(".")[0])],
                name=targets[code][: SdgTarget._meta.get_field("name").max_length],
            )
            for code in new
        )
        for target in named:
            target.name = targets[target.code][: SdgTarget._meta.get_field("name").max_length]
        SdgTarget.objects.bulk_update(named, ["name"])
        if new:
            self.targets = {target.code: target for target in SdgTarget.objects.all()}

    def _missing(self, model, label: str, known: dict, names: Iterable[str]) -> dict:
        new = {}
        for name in names:
            name = " ".join(name.split())
            if name and name.casefold() not in known and name.casefold() not in new:
                new[name.casefold()] = name
                self.result.note_new(label, name)
        if not new or self.dry_run:
            return {}
        taken = set(model.objects.values_list("slug", flat=True))
        model.objects.bulk_create(
            model(name=name, slug=free_slug(name, taken)) for name in new.values()
        )
        return {item.name.casefold(): item for item in model.objects.filter(name__in=new.values())}
