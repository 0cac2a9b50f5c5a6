"""The two public UPR formats and how to join them into one recommendation per paragraph.

* The UPR Info database export (``upr-info-export/*.csv``): one row per recommendation *per
  recommending state*, of every state reviewed in its Working Group sessions, with UPR Info's
  final ``Response`` (Accepted / Noted), its ``Action`` category (1-5), its ``Issue`` list and
  the ``Session`` (whose cycle :func:`~.records.upr_cycle_of_session` gives), but no
  paragraph reference.
  These files are Mac Roman (bytes 0x88/0x8D/0x8E/0x8F/0x92/0x99 for à ç é è í ô), not ASCII,
  and their old Mac line endings (CR only) are how the reader recognises it.
* The parsed 2010 Working Group reports (``2010data.csv``): one row per recommending state
  with the paragraph reference at the start of ``text`` (``97.1.`` or ``67.1`` for the
  paragraph's first recommendation, ``97.1..1`` or ``101.1.1`` for the ones grouped under
  it), the state's ``decision`` at the review (``support``, ``consider``, ``implemented``,
  ``implement``, ``reject``) and the recommending state in ``From`` and at the end of the
  text. Its legacy encoding is not any single code page (a typographic apostrophe became 0xEA,
  o-circumflex 0xBB): it is read with its own codec (:mod:`.un_report_encoding`), which gives
  "women’s" where cp1252 would give "womenês".

Joining (:func:`join_review`): each report row is paired with the UPR Info row of the same
state under review and the same recommending state whose words are most alike (difflib ratio
at least ``MATCH_THRESHOLD``), best pairs first, each UPR Info row used at most once. A UPR
Info row left over after that is a piece of a recommendation that UPR Info split in two; it
joins the report row of its recommending state that contains at least ``SPLIT_THRESHOLD`` of
its words.

The paragraph rule: a paragraph whose matched rows were some accepted and some noted is
supported in part, with what was accepted (``accepted_part``: the accepted rows' texts) and
what was noted (``noted_part``); otherwise its final position is the most favourable position
among its matched rows (supported, then partially supported, then noted, then pending). The
positions of all its matched rows are kept in ``response_positions``.

For Belarus (session 8, May 2010) this gives, from the real files: 93 paragraphs, 55
supported at the review (97.1-97.55) and 38 pending (98.1-98.38); all 168 report rows and all
169 UPR Info rows are matched; finally 74 paragraphs supported and 19 noted. Exactly one
paragraph is mixed: 98.3, "Sign and ratify the Convention on the Rights of Persons with
Disabilities and its Optional Protocol (Spain)", which UPR Info splits into the Convention
(Accepted) and the Optional Protocol (Noted); it is the paragraph "accepted in part": 73
supported, 1 supported in part and 19 noted, so 74 supported wholly or in part. No rule
gives the government's "75 of 93 accepted" from these files (74 paragraphs hold an accepted
row, 19 hold only noted ones).

Pure Python: no Django here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from .columns import Column, RowCells, match_header
from .errors import ImportFileError, ImportFileErrors, UnknownStateError
from .matching import assign_one_to_one, containment, similarity, words
from .vocabulary import NOTED, PARTIALLY_SUPPORTED, PENDING, SUPPORTED, StateNames

Row = tuple[int, Mapping[str, str]]

UPR_INFO_COLUMNS = (
    Column("To", required=True),
    Column("Text", required=True),
    Column("From", required=True),
    Column("Response"),
    Column("Action"),
    Column("Issue"),
    Column("Session"),
)
UN_REPORT_COLUMNS = (
    Column("text", required=True),
    Column("to", required=True),
    Column("decision", required=True),
    Column("From", required=True),
)


MATCH_THRESHOLD = 0.6
SPLIT_THRESHOLD = 0.8
# Most favourable first: the paragraph rule above.
POSITION_PRECEDENCE = (SUPPORTED, PARTIALLY_SUPPORTED, NOTED, PENDING)

_REFERENCE = re.compile(r"^\s*(?P<para>\d+)\.(?P<num>\d+)(?:\.\.?(?P<sub>\d+))?\.?(?=\s|$)")
# The last "(…)" of the text and whatever stray punctuation follows it, e.g. "(Canada). );".
_TRAILING_STATES = re.compile(r"^(?P<body>.*)\((?P<states>[^()]*)\)[\s.;,)]*$", re.DOTALL)


@dataclass
class UprInfoRow:
    """One row of a UPR Info export: one recommending state's recommendation."""

    row_number: int
    state_under_review: str  # "To", as spelled in the file
    text: str
    recommending_state: str  # "From", as spelled in the file
    response: str  # the word as written ("Accepted")
    position: str | None  # the response as a position ("supported"), None if blank
    action: int | None
    issues: list[str]
    session: int | None


@dataclass
class UnReportRow:
    """One row of the parsed Working Group reports: one state's recommendation in a paragraph."""

    row_number: int
    reference: str  # "97.1"
    sub_number: int | None  # None for the paragraph's first row, 1, 2 … for the grouped ones
    text: str  # without the reference, ending "(State);": "Examine … (Algeria);"
    body: str  # the text without the trailing "(State);"
    text_states: list[str]  # the names in the trailing parentheses, as the report spells them
    state_under_review: str  # "to", as spelled in the file ("belarus")
    recommending_state: str  # "From", as spelled in the file
    decision: str  # the word as written ("support")
    position: str | None  # the decision as a position ("supported")


@dataclass
class ParsedRecommendation:
    """One paragraph of a Working Group report with its joined UPR Info data."""

    reference: str
    text: str
    recommending_states: list[str]
    position_at_review: str | None
    final_position: str | None
    themes: list[str]
    action_category: int | None
    session: int | None
    unmatched_states: list[str]
    response_positions: list[str] = field(default_factory=list)  # one per matched UPR Info row
    matched_rows: list[int] = field(default_factory=list)  # row numbers of those UPR Info rows
    accepted_part: str = ""  # supported in part: the accepted rows' texts
    noted_part: str = ""  # supported in part: the noted rows' texts


def read_upr_info(rows: Iterable[Row], errors: list | None = None) -> list[UprInfoRow]:
    """Read UPR Info export rows (columns To, Text, From, Response, Action, Issue, Session).

    Cells are read as in every format (:class:`~.columns.RowCells`): columns found by name
    whatever their case or spacing; Response, Action, Issue and Session may be absent. Texts
    and names are stripped, issues split on commas, Action (1-5) and Session become ints (None
    when blank). Raises :class:`ImportFileErrors` listing every bad cell, or, given an
    ``errors`` list, appends them to it and returns every row read (a bad cell as None).
    """
    collected = [] if errors is None else errors
    result = list(iter_upr_info(rows, collected))
    if collected and errors is None:
        raise ImportFileErrors(collected)
    return result


def iter_upr_info(rows: Iterable[Row], errors: list) -> Iterator[UprInfoRow]:
    """:func:`read_upr_info` one row at a time, its problems appended to ``errors``."""
    for cells in _cells_of(rows, UPR_INFO_COLUMNS, errors):
        yield UprInfoRow(
            row_number=cells.row_number,
            state_under_review=cells.text("To"),
            text=cells.text("Text"),
            recommending_state=cells.text("From"),
            response=cells.get("Response"),
            position=cells.position("Response"),
            action=cells.integer("Action", 1, 5),
            issues=[issue.strip() for issue in cells.get("Issue").split(",") if issue.strip()],
            session=cells.integer("Session", 1),
        )


def same_text(text: str) -> str:
    """What two printings of one recommendation share: its words, whatever the case, spacing
    or punctuation ("HIV/AIDS" and "HIV - AIDS", "women's" and "women’s" are alike)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"[^\W_]+", text))


def read_un_report(rows: Iterable[Row], errors: list | None = None) -> list[UnReportRow]:
    """Read rows of the parsed Working Group reports (columns text, to, decision, From).

    The reference is taken off the start of the text; the text is rebuilt as
    ``"<body> (<states>);"`` without the stray punctuation some rows end with, with single
    spaces and "non-" restored where the source has "non.". Raises :class:`ImportFileErrors`
    listing every bad cell (e.g. a text without a reference), or, given an ``errors`` list,
    appends them to it and returns the rows that could be read.
    """
    result, collected = [], errors
    errors = [] if collected is None else collected
    for cells in _cells_of(rows, UN_REPORT_COLUMNS, errors):
        raw = " ".join(cells.get("text").split())
        match = _REFERENCE.match(raw)
        if match is None:
            cells.error("text", "does not start with a paragraph reference such as 97.1.")
            continue
        body, states = _split_trailing_states(raw[match.end() :])
        text = f"{body} ({', '.join(states)});" if states else body
        result.append(
            UnReportRow(
                row_number=cells.row_number,
                reference=f"{match['para']}.{match['num']}",
                sub_number=int(match["sub"]) if match["sub"] else None,
                text=text,
                body=body,
                text_states=states,
                state_under_review=cells.text("to"),
                recommending_state=cells.get("From"),
                decision=cells.get("decision"),
                position=cells.position("decision"),
            )
        )
    if errors and collected is None:
        raise ImportFileErrors(errors)
    return result


def _cells_of(rows: Iterable[Row], columns: tuple[Column, ...], errors: list) -> Iterator[RowCells]:
    """Each row's cells, its columns found among the names of the first row's cells.

    A missing required column is reported once, on row 1, and then no row is read.
    """
    found = None
    for row_number, values in rows:
        if found is None:
            found, missing = match_header(list(values), columns)
            if missing:
                errors.extend(missing)
                return
        yield RowCells(row_number, values, found, errors)


def join_review(
    un_rows: list[UnReportRow],
    upr_info_rows: list[UprInfoRow],
    state_under_review_iso3: str,
    names: StateNames,
    *,
    session: int | None = None,
) -> list[ParsedRecommendation]:
    """Join one state's report paragraphs with their UPR Info rows, one result per paragraph.

    Rows of other states under review are ignored. When the state's UPR Info rows span several
    sessions (two cycles) and ``session`` is not given, the session whose rows pair with the
    most report rows is used. Paragraphs come in the report's order. Raises
    :class:`ImportFileError` when a report row's recommending state is unknown; UPR Info rows
    whose recommending state is unknown (e.g. "(Unknown)") simply match nothing.
    """
    iso3 = state_under_review_iso3
    report = [row for row in un_rows if names.lookup(row.state_under_review) == iso3]
    info = [row for row in upr_info_rows if names.lookup(row.state_under_review) == iso3]
    report_states = [_recommending_states(row, names) for row in report]
    info_states = [names.lookup(row.recommending_state) for row in info]
    report_words = [words(row.body) for row in report]
    info_words = [words(row.text) for row in info]

    def pair(candidates: list[int]) -> dict[int, int]:
        def score(i: int, j: int) -> float | None:
            if info_states[j] not in report_states[i]:
                return None
            return similarity(report_words[i], info_words[j])

        found = assign_one_to_one(range(len(report)), candidates, score, MATCH_THRESHOLD)
        return {i: candidates[k] for i, k in found.items()}

    # A state reviewed twice has two sessions of UPR Info rows with look-alike texts; pairing
    # across cycles would credit one cycle's responses to the other.
    sessions = sorted({row.session for row in info if row.session is not None})
    if session is None and len(sessions) > 1:
        session = max(sessions, key=lambda s: len(pair(_in_session(info, s))))
    candidates = _in_session(info, session) if session is not None else list(range(len(info)))
    matched: dict[int, list[int]] = {i: [j] for i, j in pair(candidates).items()}

    # What is left is a piece of a recommendation UPR Info split in two (Belarus 98.3: the
    # Convention accepted, its Optional Protocol noted): it joins the row that contains it.
    used = {j for js in matched.values() for j in js}
    for j in (j for j in candidates if j not in used):
        scores = [
            (containment(info_words[j], report_words[i]), -i)
            for i in range(len(report))
            if info_states[j] in report_states[i]
        ]
        best = max(scores, default=None)
        if best is not None and best[0] >= SPLIT_THRESHOLD:
            matched.setdefault(-best[1], []).append(j)

    paragraphs: dict[str, list[int]] = {}
    for i, row in enumerate(report):
        paragraphs.setdefault(row.reference, []).append(i)
    return [
        _paragraph(
            [report[i] for i in indices],
            [report_states[i] for i in indices],
            [[info[j] for j in sorted(matched.get(i, []))] for i in indices],
        )
        for indices in paragraphs.values()
    ]


def paragraph_position(positions: Iterable[str | None]) -> str | None:
    """The paragraph rule: supported in part when some rows were accepted and others noted,
    otherwise the most favourable of the rows' positions (None if none known)."""
    known = set(positions)
    if SUPPORTED in known and NOTED in known:
        return PARTIALLY_SUPPORTED
    return next((p for p in POSITION_PRECEDENCE if p in known), None)


def _part(rows: Iterable[UprInfoRow], position: str) -> str:
    """The texts of the rows with ``position``, each once, as one text."""
    return "; ".join(_unique(" ".join(m.text.split()) for m in rows if m.position == position))


def _paragraph(
    rows: list[UnReportRow], states: list[tuple[str, ...]], matches: list[list[UprInfoRow]]
) -> ParsedRecommendation:
    order = sorted(range(len(rows)), key=lambda k: (rows[k].sub_number or 0, k))
    texts = _unique(rows[k].text for k in order)
    found = [match for k in order for match in matches[k]]
    final_position = paragraph_position(m.position for m in found)
    in_part = final_position == PARTIALLY_SUPPORTED
    return ParsedRecommendation(
        reference=rows[0].reference,
        text=" ".join(texts),
        recommending_states=_unique(iso3 for k in order for iso3 in states[k]),
        position_at_review=rows[order[0]].position,
        final_position=final_position,
        themes=sorted({issue for m in found for issue in m.issues}),
        action_category=max((m.action for m in found if m.action is not None), default=None),
        session=max((m.session for m in found if m.session is not None), default=None),
        unmatched_states=_unique(iso3 for k in order if not matches[k] for iso3 in states[k]),
        response_positions=[m.position for m in found if m.position is not None],
        matched_rows=[m.row_number for m in found],
        accepted_part=_part(found, SUPPORTED) if in_part else "",
        noted_part=_part(found, NOTED) if in_part else "",
    )


def report_rows_from_paragraph(
    reference: str,
    text: str,
    state_under_review: str,
    recommending_states: list[str],
    names: StateNames,
) -> list[UnReportRow]:
    """Split a stored paragraph back into the report's per-state sentences, for a new join.

    A paragraph's text is its sentences joined, each ending "(State, State);" (as
    :func:`join_review` builds it). Each sentence becomes a row whose recommending states are
    the names in its parentheses; a sentence without them (text typed by hand), or naming a
    state unknown to ``names``, gets ``recommending_states`` (ISO3 codes). ``row_number`` is
    0: the rows come from no file.
    """
    sentences = re.split(r"(?<=\);)\s+(?=\S)", " ".join(text.split())) or [text]
    rows = []
    for number, sentence in enumerate(sentences):
        body, states = _split_trailing_states(sentence)
        if not states or any(names.lookup(name) is None for name in states):
            states = list(recommending_states)
        rows.append(
            UnReportRow(
                row_number=0,
                reference=reference,
                sub_number=number or None,
                text=sentence,
                body=body,
                text_states=states,
                state_under_review=state_under_review,
                recommending_state="",
                decision="",
                position=None,
            )
        )
    return rows


def _recommending_states(row: UnReportRow, names: StateNames) -> tuple[str, ...]:
    # "From" is the cleaner spelling; the report's own "(Brazil, Italy)" is the fallback.
    spellings = [row.recommending_state] if row.recommending_state else row.text_states
    try:
        return tuple(names.resolve(name) for name in spellings)
    except UnknownStateError as exc:
        raise ImportFileError(
            f"{exc.name!r} is not a known state", row=row.row_number, column="From"
        ) from exc


def _in_session(info: list[UprInfoRow], session: int) -> list[int]:
    return [j for j, row in enumerate(info) if row.session == session]


def _split_trailing_states(text: str) -> tuple[str, list[str]]:
    match = _TRAILING_STATES.match(text)
    if match is None:
        return text.rstrip(" ;,"), []
    body = re.sub(r"\bnon\.(?=[a-z])", "non-", match["body"]).strip()
    return body, [name.strip() for name in match["states"].split(",") if name.strip()]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
