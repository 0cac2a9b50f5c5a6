"""The words people use in UPR spreadsheets, mapped to the tracker's values.

Two tables live here:

* response and decision words -> the position a state took on a recommendation
  (``supported``, ``noted``, ``partially_supported``, ``pending``, exactly the model's values);
* state names -> ISO 3166 alpha-3 codes, from the committed ``states.csv`` (193 UN member
  states, the Holy See and the State of Palestine, each with its UN name and the variants
  found in real files). It was written once from the UN's list of member states, its codes
  checked against ISO 3166 (pycountry, at writing time only); edit it by hand. Names use the
  UN's current spelling ("Türkiye", "Czechia", "Eswatini", "North Macedonia"), older ones are
  variants ("Turkey", "Czech Republic", "Swaziland", "Macedonia FYR").

Pure Python: no Django here, no third-party package at run time.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from .errors import UnknownStateError, UnknownWordError

SUPPORTED = "supported"
NOTED = "noted"
PARTIALLY_SUPPORTED = "partially_supported"
PENDING = "pending"
POSITIONS = (SUPPORTED, NOTED, PARTIALLY_SUPPORTED, PENDING)

# Keys are normalised words (see _normalise_word). Every word found in the shared data is
# marked "seen in"; the others are the usual spellings of UPR Info, OHCHR's Universal Human
# Rights Index and governments' own tables.
RESPONSE_WORDS: dict[str, str] = {
    # The state supports (accepts) the recommendation.
    "accepted": SUPPORTED,  # seen in UPR Info exports (Response)
    "accept": SUPPORTED,
    "supported": SUPPORTED,
    "support": SUPPORTED,  # seen in 2010data.csv (decision): supported at the review
    "enjoys support": SUPPORTED,  # the Working Group reports' wording
    "agreed": SUPPORTED,
    # 2010data.csv (decision): recommendations the state said were already implemented or in
    # the process of being implemented. The reports list them among those that "enjoy the
    # support" of the state, and UPR Info counts them as accepted, hence supported.
    "implemented": SUPPORTED,  # seen in 2010data.csv
    "implement": SUPPORTED,  # seen in 2010data.csv (71 rows; same paragraphs' wording)
    "already implemented": SUPPORTED,
    "being implemented": SUPPORTED,
    "in process of implementation": SUPPORTED,
    # The state does not support it. Since the second cycle the UN says "noted", never
    # "rejected"; the tracker keeps the UN word.
    "noted": NOTED,  # seen in UPR Info exports (Response)
    "note": NOTED,
    "take note": NOTED,
    "taken note": NOTED,
    "not accepted": NOTED,
    "not supported": NOTED,
    "rejected": NOTED,
    "reject": NOTED,  # seen in 2010data.csv (decision)
    "did not enjoy support": NOTED,
    "does not enjoy support": NOTED,
    # The state supports part of it (e.g. one of two treaties named in one paragraph).
    "partially accepted": PARTIALLY_SUPPORTED,
    "partially supported": PARTIALLY_SUPPORTED,
    "partially": PARTIALLY_SUPPORTED,
    "partly accepted": PARTIALLY_SUPPORTED,
    "partly supported": PARTIALLY_SUPPORTED,
    "accepted in part": PARTIALLY_SUPPORTED,
    "supported in part": PARTIALLY_SUPPORTED,
    # OHCHR's thematic lists and matrices: supported in part, noted in part.
    "supported noted": PARTIALLY_SUPPORTED,  # "Supported/Noted"
    # The state will answer later (at the review: "will examine and respond in due time").
    "pending": PENDING,
    "consider": PENDING,  # seen in 2010data.csv (decision): answered later
    "considered": PENDING,
    "under consideration": PENDING,
    "to be considered": PENDING,
    "further consideration": PENDING,
    "deferred": PENDING,
    "defer": PENDING,
    # UPR Info's word for a state that never answered: the position is still open.
    "no response": PENDING,
    "no clear response": PENDING,
}


def _normalise_word(word: str) -> str:
    # "Partially_Supported", "partially-supported " and "Partially  supported." are one word;
    # "Supported/Noted" is "supported noted".
    return " ".join(re.sub(r"[_\-.;:/]+", " ", word).casefold().split())


# The model's own values map to themselves, so our own export format reads back.
RESPONSE_WORDS.update({_normalise_word(position): position for position in POSITIONS})


def position_from_word(word: str | None) -> str | None:
    """Map a response or decision word to a position, ignoring case, spacing, ``_`` and ``-``.

    Returns None for None or a blank word; raises :class:`UnknownWordError` for a word that is
    not in :data:`RESPONSE_WORDS`.
    """
    if word is None or not word.strip():
        return None
    try:
        return RESPONSE_WORDS[_normalise_word(word)]
    except KeyError:
        raise UnknownWordError(word.strip()) from None


@dataclass(frozen=True)
class StateName:
    """A state: ISO 3166 alpha-3 code, UN name and the other spellings seen in files."""

    iso3: str
    name: str
    variants: tuple[str, ...] = ()


def load_states() -> list[StateName]:
    """Read the committed ``states.csv`` (iso3, name, variants split on ``|``)."""
    text = resources.files(__package__).joinpath("states.csv").read_text(encoding="utf-8")
    states = []
    for row in csv.DictReader(io.StringIO(text)):
        variants = tuple(v.strip() for v in row["variants"].split("|") if v.strip())
        states.append(StateName(row["iso3"].strip(), row["name"].strip(), variants))
    return states


def normalise_state_name(name: str) -> str:
    """The lookup key of a state name: no case, accents, spaces or punctuation; ``&`` is "and".

    So "Bosnia & Herzegovina", "bosniaandherzegovina", "Cote d'Ivoire", "Côte d'Ivoire",
    "Guinea Bissau" and "Norway;" all find their state.
    """
    text = unicodedata.normalize("NFKD", html.unescape(name))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^0-9a-z]+", "", text.casefold().replace("&", " and "))


class StateNames:
    """Look up states by any known spelling or by ISO3 code."""

    def __init__(self, states: list[StateName] | None = None):
        self.states = list(load_states() if states is None else states)
        self._by_iso3 = {state.iso3: state for state in self.states}
        self._index: dict[str, str] = {}
        for state in self.states:
            for spelling in (state.iso3, state.name, *state.variants):
                key = normalise_state_name(spelling)
                other = self._index.setdefault(key, state.iso3)
                if other != state.iso3:
                    # An ambiguous spelling would silently credit the wrong state.
                    raise ValueError(f"{spelling!r} names both {other} and {state.iso3}")

    def lookup(self, name: str) -> str | None:
        """The ISO3 code for ``name``, or None when no state is known by it."""
        return self._index.get(normalise_state_name(name)) if name else None

    def resolve(self, name: str) -> str:
        """The ISO3 code for ``name``; raises :class:`UnknownStateError` naming it if unknown."""
        iso3 = self.lookup(name)
        if iso3 is None:
            raise UnknownStateError(name)
        return iso3

    def get(self, iso3: str) -> StateName:
        """The state with this ISO3 code (``KeyError`` if none)."""
        return self._by_iso3[iso3]

    def __len__(self) -> int:
        return len(self.states)
