"""Text comparison for joining two publications of the same recommendation.

The UN report and the UPR Info export print the same recommendation with small differences:
the report's reference and trailing "(State);" are missing from UPR Info, hyphens became
dots or spaces, "HIV/AIDS" became "HIV-AIDs", a parenthesis disappeared, apostrophes were
mangled by an encoding. Comparing word sequences after dropping case, accents and
punctuation absorbs all of that. Pure Python: no Django here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")


def words(text: str) -> list[str]:
    """The words of ``text``: lower case, without accents, punctuation or extra spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char) and char.isascii())
    return re.findall(r"[a-z0-9]+", text.casefold())


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """difflib's ratio of two word sequences: 1.0 for identical, 0.0 for nothing in common."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def containment(part: Sequence[str], whole: Sequence[str]) -> float:
    """Share of the distinct words of ``part`` that also occur in ``whole``."""
    distinct = set(part)
    if not distinct:
        return 0.0
    return len(distinct & set(whole)) / len(distinct)


def assign_one_to_one(
    left: Sequence[A],
    right: Sequence[B],
    score: Callable[[A, B], float | None],
    threshold: float,
) -> dict[int, int]:
    """Pair items of ``left`` with items of ``right``, each used at most once.

    Returns ``{left index: right index}``. ``score`` returns None for pairs that may not be
    paired (e.g. different recommending states). Pairs are taken best score first, so the
    order of the inputs does not decide who gets a contested row; pairs below ``threshold``
    are never taken.
    """
    candidates = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            value = score(a, b)
            if value is not None and value >= threshold:
                candidates.append((-value, i, j))
    candidates.sort()
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in candidates:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs
