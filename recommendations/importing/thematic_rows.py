"""The rows of OHCHR's thematic list of recommendations, read cell by cell.

:mod:`.thematic_list` finds the document's table and its columns; :class:`RowReader` reads each
row below the header: a ``Theme: …`` heading, or a recommendation (its paragraph, text,
recommending states, position and its source, themes, affected persons and SDGs, as the module
doc of :mod:`.thematic_list` describes them). Pure Python: no Django here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import ImportFileError, UnknownWordError
from .vocabulary import PENDING, StateNames, position_from_word

_PARAGRAPH = re.compile(r"^\s*(?P<reference>\d+\.\d+)\.?(?=\s)\s*(?P<rest>.*)$", re.DOTALL)
_SOURCE = re.compile(r"\bsource\s+of\s+position\s*:?\s*", re.IGNORECASE)
_HEADING = re.compile(r"^\s*(?:theme|right\s+or\s+area)\s*:\s*(?P<name>.*)$", re.I | re.DOTALL)
_PERSONS = re.compile(r"^(?:affected\s+persons|groups?\s+of\s+persons)\s*:\s*", re.IGNORECASE)
_SDGS = re.compile(r"^sdgs?\s*:\s*", re.IGNORECASE)
_THEME_CODE = re.compile(r"^[A-Z]\d{1,2}(?:\.\d+)?\s+(?=\S)")
_SDG = re.compile(
    r"^(?:sdg|goal)?\s*(?P<goal>\d{1,2})(?:\.(?P<target>[0-9a-z]{1,2}))?(?![\w.])", re.I
)
_BULLET = re.compile(r"^[-–—•·*]\s*")
_SENTENCE_END = re.compile(r"\s*[;.]")
_SPACE = re.compile(r"\s+")


@dataclass
class ThematicRow:
    """One recommendation of the list, as the document gives it."""

    row_number: int  # the table's row (the header is row 1)
    reference: str  # "140.7"
    text: str  # without the paragraph number, with each sentence's "(State)"
    recommending_states: list[str]  # ISO3, in order
    position: str  # a position (:data:`~.vocabulary.POSITIONS`)
    position_source: str  # "A/HRC/59/15/Add.1 - Para.3", or "" when the list does not say
    theme_heading: str  # the "Theme: …" heading the row is listed under ("" before any)
    themes: list[str] = field(default_factory=list)
    affected_persons: list[str] = field(default_factory=list)
    sdg_goals: list[int] = field(default_factory=list)
    sdg_targets: list[str] = field(default_factory=list)  # "16.3", as printed


class RowReader:
    """Reads the tables' rows one by one, keeping the heading they are listed under."""

    def __init__(self, names: StateNames, errors: list):
        self.names = names
        self.errors = errors
        self.header: list[str] = []
        self.columns: dict[str, int] = {}
        self.table = ""
        self.heading = ""
        self.rows: dict[str, ThematicRow] = {}
        self.has_persons = False
        self.has_sdgs = False

    def start_table(self, header: list[str], columns: dict[str, int], table: str) -> None:
        """Read the rows of a table with this header next (``table`` names it in errors,
        when the document has several)."""
        self.header, self.columns, self.table = header, columns, table

    def read(self, number: int, cells: list[str]) -> None:
        first = next(cell for cell in cells if cell)
        heading = _HEADING.match(first)
        if heading and all(cell in ("", first) for cell in cells):
            self.heading = _THEME_CODE.sub("", _one_line(heading["name"]))
            return
        match = _PARAGRAPH.match(self._cell(cells, "recommendation"))
        if match is None:
            self._error(
                number,
                "recommendation",
                "cannot be read: a recommendation starts with its paragraph number (e.g. "
                '140.7), a heading with "Theme:"',
            )
            return
        before = len(self.errors)
        text, source = _without_source(match["rest"])
        word, position_source = _without_source(self._cell(cells, "position"))
        row = ThematicRow(
            row_number=number,
            reference=match["reference"],
            text=text,
            recommending_states=self._states(number, text, cells),
            position=self._position(number, word),
            position_source=source or position_source,
            theme_heading=self.heading,
        )
        self._themes(number, row, cells)
        if len(self.errors) == before:
            self._add(row)

    def _cell(self, cells: list[str], kind: str) -> str:
        return cells[self.columns[kind]] if kind in self.columns else ""

    def _error(self, number: int, kind: str, reason: str) -> None:
        column = self.header[self.columns[kind]] if kind in self.columns else None
        reason = f"{self.table}: {reason}" if self.table else reason
        self.errors.append(ImportFileError(reason, row=number, column=column))

    def _states(self, number: int, text: str, cells: list[str]) -> list[str]:
        states, unknown = _recommending_states(text, self.names)
        if states:
            return states
        before = len(self.errors)
        if "states" in self.columns:  # a column of their own stands in for "(State)"
            codes = []
            for name in _items(self._cell(cells, "states").replace(";", "\n")):
                named = _named_states(name, self.names)
                if named is None:
                    self._error(number, "states", f"{name!r} is not a known state")
                codes += named or []
            if codes or len(self.errors) > before:
                return unique(codes)
        if unknown is not None:
            self._error(number, "recommendation", f"{unknown!r} is not a known state")
        else:
            self._error(
                number,
                "recommendation",
                'names no recommending state: the text ends without "(State)"',
            )
        return []

    def _position(self, number: int, word: str) -> str:
        try:
            return position_from_word(_one_line(word)) or PENDING
        except UnknownWordError as exc:
            self._error(number, "position", f"{exc.word!r} is not a known position")
            return PENDING

    def _themes(self, number: int, row: ThematicRow, cells: list[str]) -> None:
        lists: dict[str, list[str]] = {"themes": [], "persons": [], "sdgs": []}
        section = "themes"
        for line in self._cell(cells, "themes").split("\n"):
            line = _BULLET.sub("", line.strip())
            if marker := _PERSONS.match(line):
                section, line, self.has_persons = "persons", line[marker.end() :], True
            elif marker := _SDGS.match(line):
                section, line, self.has_sdgs = "sdgs", line[marker.end() :], True
            item = _BULLET.sub("", line).strip()
            if item:
                lists[section].append(_THEME_CODE.sub("", item) if section == "themes" else item)
        lists["persons"] += _items(self._cell(cells, "persons"))
        row.themes = unique(lists["themes"])
        row.affected_persons = unique(lists["persons"])
        sdg_items = [("themes", item) for item in lists["sdgs"]]
        sdg_items += [("sdgs", item) for item in _items(self._cell(cells, "sdgs"))]
        for kind, item in sdg_items:
            match = _SDG.match(item)
            if match is None or not 1 <= int(match["goal"]) <= 17:
                self._error(
                    number,
                    kind,
                    f"{item!r} is not an SDG: a goal from 1 to 17 or a target such as 16.3",
                )
                continue
            goal = int(match["goal"])
            row.sdg_goals = sorted({*row.sdg_goals, goal})
            if match["target"]:
                row.sdg_targets = unique([*row.sdg_targets, f"{goal}.{match['target']}"])

    def _add(self, row: ThematicRow) -> None:
        first = self.rows.setdefault(row.reference, row)
        if first is row:
            return
        same = (first.text, first.position, first.recommending_states) == (
            row.text,
            row.position,
            row.recommending_states,
        )
        if not same:
            self._error(
                row.row_number,
                "recommendation",
                f"paragraph {row.reference} is also on row {first.row_number}, with another "
                "text, position or recommending states",
            )
            return
        # Listed again under another theme: one recommendation with both themes.
        first.themes = unique([*first.themes, *row.themes, row.theme_heading])
        first.affected_persons = unique([*first.affected_persons, *row.affected_persons])
        first.sdg_goals = sorted({*first.sdg_goals, *row.sdg_goals})
        first.sdg_targets = unique([*first.sdg_targets, *row.sdg_targets])


def _recommending_states(text: str, names: StateNames) -> tuple[list[str], str | None]:
    """The states closing the sentences of ``text``, and the name closing it when no state is
    known by it (``(["ESP"], None)``, ``([], "Atlantis")``).

    A sentence ends with a run of "(State)" groups (``(Maldives) (Portugal)``, ``(Algeria);
    (Egypt)``) followed by ";" or "." or the end of the text; a group naming no state
    ("(CEDAW)"), or a run inside a sentence, is part of its words.
    """
    groups = _groups(text, names)
    runs: list[list] = []  # [states, end of the run's last group]
    for start, end, codes in groups:
        if codes is None:
            runs.append([None, end])
        elif runs and runs[-1][0] is not None and not text[runs[-1][1] : start].strip(" ,;"):
            runs[-1] = [[*runs[-1][0], *codes], end]
        else:
            runs.append([list(codes), end])
    states = []
    for codes, end in runs:
        after = text[end:]
        if codes is not None and (not after.strip(" ,;.") or _SENTENCE_END.match(after)):
            states.extend(codes)
    unknown = None
    if groups and groups[-1][2] is None and not text[groups[-1][1] :].strip(" ,;."):
        unknown = text[groups[-1][0] + 1 : groups[-1][1] - 1]
    return unique(states), unknown


def _groups(text: str, names: StateNames) -> list[tuple[int, int, list[str] | None]]:
    """Each outermost "(…)" of ``text``: its start, end and the states it names (or None)."""
    found, opened = [], []
    for index, char in enumerate(text):
        if char == "(":
            opened.append(index)
        elif char == ")" and opened:
            start = opened.pop()
            if not opened:
                found.append((start, index + 1, _named_states(text[start + 1 : index], names)))
    return found


def _named_states(content: str, names: StateNames) -> list[str] | None:
    """The states "(…)" names: one ("Venezuela (Bolivarian Republic of)") or a list
    ("Algeria, Egypt"); None when any name is no state's."""
    whole = names.lookup(content)
    if whole:
        return [whole]
    parts = [part.strip() for part in content.split(",") if part.strip()]
    codes = [code for part in parts if (code := names.lookup(part))]
    return codes if parts and len(codes) == len(parts) else None


def _without_source(cell: str) -> tuple[str, str]:
    """A cell's text and its "Source of position: …" (each on one line)."""
    parts = _SOURCE.split(cell, maxsplit=1)
    return _one_line(parts[0]), _one_line(parts[1]) if len(parts) > 1 else ""


def _items(cell: str) -> list[str]:
    """A cell's values, one a line, without their bullets."""
    return [item for line in cell.split("\n") if (item := _BULLET.sub("", line.strip()).strip())]


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def unique(items) -> list:
    """The items without blanks and repeats, in their order."""
    return list(dict.fromkeys(item for item in items if item))
