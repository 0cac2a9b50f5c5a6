"""The floor of each timed path: the same result computed by hand-written SQL through
psycopg2, on the same database, in the same run.

Each floor returns what the page or endpoint shows, in the shape its ``app_*`` twin
reads from the response, so that the benchmark checks the two are equal before it
divides their times. The SQL reads the same tables, the maintained status included: the
floor is what the database itself needs, not a different schema. Python only folds the
few rows each query returns (counts into a measure, a running sum over days), as the
application does.
"""

import csv
import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from recommendations.models import Position, Status

SUPPORTED = ("supported", "partially_supported")
POSITIONS = list(Position.values)
STATUSES = list(Status.values)
STATUS_LABELS = dict(Status.choices)
POSITION_LABELS = dict(Position.choices)

R = "recommendations_recommendation"
REVIEW = "recommendations_reviewcycle"
STATE = "recommendations_state"
MECHANISM = "recommendations_mechanism"
CHANGE = "recommendations_statuschange"
RESPONSIBILITY = "recommendations_responsibility"
INSTITUTION = "recommendations_institution"
ENGAGEMENT = "missions_engagement"
UPDATE = "recommendations_progressupdate"

# grouping -> (the group's table, its column naming the group, the label's table, the key:
# the identifier the filters take, as ``measure.GROUPINGS`` keys the groups)
GROUP_JOINS = {
    "theme": (
        "recommendations_recommendation_themes",
        "theme_id",
        "recommendations_theme",
        "l.slug",
    ),
    "institution": (RESPONSIBILITY, "institution_id", INSTITUTION, "l.id"),
    "recommending_state": (
        "recommendations_recommendation_recommending_states",
        "state_id",
        STATE,
        "l.iso3",
    ),
    "sdg": (
        "recommendations_recommendation_sdg_goals",
        "sdggoal_id",
        "recommendations_sdggoal",
        "l.number",
    ),
    "affected_group": (
        "recommendations_recommendation_affected_groups",
        "affectedgroup_id",
        "recommendations_affectedgroup",
        "l.slug",
    ),
}
# The order of the list's rows by reference: the review's own order, then the paragraph.
REVIEW_ORDER = "st.name, m.code, rv.cycle, rv.review_date, r.sort_key"
STATUS_RANK = (
    "CASE r.status WHEN 'implemented' THEN 0 WHEN 'partially_implemented' THEN 1 "
    "WHEN 'in_progress' THEN 2 WHEN 'not_started' THEN 3 WHEN 'not_implemented' THEN 4 "
    "ELSE 5 END"
)


# -- shapes both sides are read into ------------------------------------------------------


def figures(total, by_position, by_status):
    """A measure as a comparable tuple: counts (the percentages follow from them)."""
    return (
        total,
        tuple(by_position[p] for p in POSITIONS),
        tuple(by_status[s] for s in STATUSES),
    )


def app_figures(measure):
    return figures(measure.total, measure.by_position, measure.by_status)


def fold(rows):
    """(position, status, count) rows into ``figures``, as the measure folds them."""
    by_position = dict.fromkeys(POSITIONS, 0)
    by_status = dict.fromkeys(STATUSES, 0)
    for position, status, count in rows:
        by_position[position] += count
        if position in SUPPORTED:
            by_status[status] += count
    return figures(sum(by_position.values()), by_position, by_status)


def percent(part, whole):
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent_of(result):
    _total, by_position, by_status = result
    supported = sum(by_position[POSITIONS.index(p)] for p in SUPPORTED)
    return percent(by_status[STATUSES.index("implemented")], supported)


# -- the measure ----------------------------------------------------------------------------


def measure_everything(cursor):
    cursor.execute(f"SELECT position, status, count(*) FROM {R} GROUP BY 1, 2")
    return fold(cursor.fetchall())


def measure_grouped(cursor, grouping, where="TRUE", params=()):
    """{key: (label, figures)} of a grouping over the recommendations ``where`` selects."""
    table, column, label_table, key = GROUP_JOINS[grouping]
    label_key = "number" if grouping == "sdg" else "id"
    cursor.execute(
        f"""
        SELECT {key}, l.name, r.position, r.status, count(*)
        FROM {R} r
        LEFT JOIN {table} g ON g.recommendation_id = r.id
        LEFT JOIN {label_table} l ON l.{label_key} = g.{column}
        WHERE {where}
        GROUP BY 1, 2, 3, 4
        """,
        params,
    )
    return _groups(cursor.fetchall())


def _groups(rows):
    rows_by_key, labels = {}, {}
    for key, label, position, status, count in rows:
        rows_by_key.setdefault(key, []).append((position, status, count))
        labels[key] = label if key is not None else "None recorded"
    return {key: (labels[key], fold(rows)) for key, rows in rows_by_key.items()}


def largest_first(groups):
    """The groups as ``measure_by`` orders them: largest first, then by label."""
    return sorted(groups.items(), key=lambda item: (-item[1][1][0], str(item[1][0])))


def measure_by_theme(cursor):
    return {key: value for key, value in measure_grouped(cursor, "theme").items()}


def app_groups(groups):
    return {group.key: (group.label, app_figures(group.measure)) for group in groups}


# -- the series over time -------------------------------------------------------------------


def implemented_over_time(cursor, review_ids, days):
    """{review id: [% implemented on each day]}: the changes into "implemented" of each
    review's supported recommendations, counted per interval between two days they begin
    and end in (``width_bucket`` finds it), and the supported ones per review; then added
    up day by day."""
    cursor.execute(
        f"""
        WITH days AS (SELECT %s::date[] AS a)
        SELECT r.review_id,
               width_bucket(coalesce(rv.review_date, '-infinity'::date) - 1, days.a),
               width_bucket(c.day - 1, days.a),
               coalesce(width_bucket(c.until - 1, days.a), %s),
               count(*)
        FROM {CHANGE} c
        JOIN {R} r ON r.id = c.recommendation_id
        JOIN {REVIEW} rv ON rv.id = r.review_id
        CROSS JOIN days
        WHERE r.review_id = ANY(%s) AND r.position IN %s AND c.status = 'implemented'
        GROUP BY 1, 2, 3, 4
        """,
        (days, len(days), list(review_ids), SUPPORTED),
    )
    changes = cursor.fetchall()
    cursor.execute(
        f"""
        WITH days AS (SELECT %s::date[] AS a)
        SELECT r.review_id,
               width_bucket(coalesce(rv.review_date, '-infinity'::date) - 1, days.a),
               count(*)
        FROM {R} r JOIN {REVIEW} rv ON rv.id = r.review_id CROSS JOIN days
        WHERE r.review_id = ANY(%s) AND r.position IN %s
        GROUP BY 1, 2
        """,
        (days, list(review_ids), SUPPORTED),
    )
    supported = {review: (held, count) for review, held, count in cursor.fetchall()}
    n = len(days)
    steps = {review: [0] * (n + 1) for review in review_ids}
    for review, held, begins, ends, count in changes:
        begins = max(begins, held)
        if begins < ends:
            steps[review][begins] += count
            steps[review][ends] -= count
    lines = {}
    for review in review_ids:
        held, whole = supported.get(review, (n, 0))
        running, points = 0, []
        for index in range(n):
            running += steps[review][index]
            points.append(percent(running, whole) if index >= held else None)
        lines[review] = points
    return lines


def app_over_time(over_time):
    return {line.review.pk: line.points for line in over_time.lines}


# -- the dashboard --------------------------------------------------------------------------


def default_selection(cursor):
    """The state with most recommendations and its UPR reviews, as the dashboard picks."""
    cursor.execute(
        f"""
        SELECT st.id FROM {STATE} st
        JOIN {REVIEW} rv ON rv.state_under_review_id = st.id
        LEFT JOIN {R} r ON r.review_id = rv.id
        GROUP BY st.id, st.name ORDER BY count(r.id) DESC, st.name LIMIT 1
        """
    )
    (state,) = cursor.fetchone()
    cursor.execute(
        f"""
        SELECT rv.id, rv.review_date FROM {REVIEW} rv JOIN {MECHANISM} m ON m.id = rv.mechanism_id
        WHERE rv.state_under_review_id = %s AND m.code = 'UPR'
        ORDER BY rv.cycle, rv.review_date
        """,
        (state,),
    )
    return state, cursor.fetchall()


def overdue_where(threshold):
    return (
        f"r.position IN {SUPPORTED!r} AND r.status <> 'implemented' AND "
        "coalesce(r.status_on, rv.adoption_date, rv.review_date, r.created_at::date) < %s"
    ), (threshold,)


def dashboard(cursor, threshold, days_of):
    state, reviews = default_selection(cursor)
    review_ids = [pk for pk, _day in reviews]
    where, params = "r.review_id = ANY(%s)", (review_ids,)
    cursor.execute(
        f"SELECT review_id, position, status, count(*) FROM {R} r WHERE {where} GROUP BY 1, 2, 3",
        params,
    )
    per_review = {}
    for review, position, status, count in cursor.fetchall():
        per_review.setdefault(review, []).append((position, status, count))
    cards = [(pk, fold(per_review[pk]) if pk in per_review else None) for pk in review_ids]
    if len(per_review) > 1:
        cards.append((None, fold([row for rows in per_review.values() for row in rows])))
    measured = [pk for pk in review_ids if pk in per_review]
    dated = [day for pk, day in reviews if pk in per_review and day]
    over_time = implemented_over_time(cursor, measured, days_of(min(dated))) if dated else {}
    overdue, overdue_params = overdue_where(threshold)
    cursor.execute(
        f"""
        SELECT resp.institution_id, count(*) FROM {R} r
        JOIN {REVIEW} rv ON rv.id = r.review_id
        JOIN {RESPONSIBILITY} resp ON resp.recommendation_id = r.id
        WHERE {where} AND {overdue} GROUP BY 1
        """,
        params + overdue_params,
    )
    overdue_by_institution = dict(cursor.fetchall())
    breakdowns = {}
    for grouping in GROUP_JOINS:
        groups = largest_first(measure_grouped(cursor, grouping, where, params))
        if grouping == "institution":
            groups.sort(
                key=lambda item: (
                    item[0] is None,
                    -(percent_of(item[1][1]) or -1),
                    -item[1][1][0],
                    item[1][0],
                )
            )
        breakdowns[grouping] = (
            [(key, value[1]) for key, value in groups[:15]],
            len(groups),
            [overdue_by_institution.get(key, 0) for key, _ in groups[:15]]
            if grouping == "institution"
            else None,
        )
    overdue_count, overdue_shown = overdue_rows(cursor, where, params, threshold, 10)
    cursor.execute(
        f"""
        SELECT id FROM {ENGAGEMENT} WHERE state_concerned_id = %s OR state_concerned_id IS NULL
        ORDER BY start_date DESC, title LIMIT 5
        """,
        (state,),
    )
    engagements = [pk for (pk,) in cursor.fetchall()]
    return {
        "cards": cards,
        "over_time": over_time,
        "breakdowns": breakdowns,
        "overdue": (overdue_count, overdue_shown),
        "engagements": engagements,
    }


def overdue_rows(cursor, where, params, threshold, shown):
    overdue, overdue_params = overdue_where(threshold)
    cursor.execute(
        f"""
        SELECT r.id, count(*) OVER () FROM {R} r
        JOIN {REVIEW} rv ON rv.id = r.review_id
        JOIN {STATE} st ON st.id = rv.state_under_review_id
        JOIN {MECHANISM} m ON m.id = rv.mechanism_id
        WHERE {where} AND {overdue}
        ORDER BY coalesce(r.status_on, rv.adoption_date, rv.review_date, r.created_at::date),
                 {REVIEW_ORDER}
        LIMIT %s
        """,
        params + overdue_params + (shown,),
    )
    rows = cursor.fetchall()
    return (rows[0][1] if rows else 0), [pk for pk, _count in rows]


def app_dashboard(response):
    context = response.context
    breakdowns = {
        breakdown.grouping: (
            [(row.key, app_figures(row.measure)) for row in breakdown.rows],
            breakdown.group_count,
            [row.overdue for row in breakdown.rows]
            if breakdown.grouping == "institution"
            else None,
        )
        for breakdown in context["breakdowns"]
    }
    return {
        "cards": [
            (card.review.pk if card.review else None, card.measure and app_figures(card.measure))
            for card in context["cards"]
        ],
        "over_time": app_over_time(context["over_time"]),
        "breakdowns": breakdowns,
        "overdue": (context["overdue_count"], [r.pk for r in context["overdue"]]),
        "engagements": [engagement.pk for engagement in context["latest_engagements"]],
    }


# -- the recommendation list ------------------------------------------------------------------


def listing(cursor, where="TRUE", params=(), order=REVIEW_ORDER, offset=0, size=50):
    """The measure of the list's recommendations and one page of its rows: (id, status,
    last validated update, recommending states, lead institution)."""
    cursor.execute(
        f"SELECT position, status, count(*) FROM {R} r WHERE {where} GROUP BY 1, 2", params
    )
    measured = fold(cursor.fetchall())
    cursor.execute(
        f"""
        WITH page AS (
            SELECT r.id, row_number() OVER () AS place FROM (
                SELECT r.id FROM {R} r
                JOIN {REVIEW} rv ON rv.id = r.review_id
                JOIN {STATE} st ON st.id = rv.state_under_review_id
                JOIN {MECHANISM} m ON m.id = rv.mechanism_id
                WHERE {where}
                ORDER BY {order}
                LIMIT %s OFFSET %s
            ) r
        )
        SELECT r.id, r.status, r.status_on,
               (SELECT array_agg(s.name ORDER BY s.name)
                FROM recommendations_recommendation_recommending_states rs
                JOIN {STATE} s ON s.id = rs.state_id WHERE rs.recommendation_id = r.id),
               (SELECT i.name FROM {RESPONSIBILITY} resp JOIN {INSTITUTION} i
                  ON i.id = resp.institution_id
                WHERE resp.recommendation_id = r.id AND resp.role = 'lead')
        FROM page JOIN {R} r ON r.id = page.id
        ORDER BY page.place
        """,
        (*params, size, offset),
    )
    rows = [(pk, status, on, tuple(states or ()), lead) for pk, status, on, states, lead in cursor]
    return measured, rows


SEARCH = (
    "(r.search_vector @@ websearch_to_tsquery('english', %s) OR upper(r.reference) = upper(%s))"
)


def app_listing(response):
    context = response.context
    rows = [
        (r.pk, r.current_status, r.last_update_on, r.recommending_states, r.lead_institution)
        for r in context["recommendations"]  # views.recommendation_list.Listed
    ]
    return app_figures(context["measure"]), rows


# -- the institution page ---------------------------------------------------------------------


def institution(cursor, institution_id, threshold):
    responsible = (
        f"r.id IN (SELECT recommendation_id FROM {RESPONSIBILITY} WHERE institution_id = %s)"
    )
    leading = (
        f"r.id IN (SELECT recommendation_id FROM {RESPONSIBILITY} "
        "WHERE institution_id = %s AND role = 'lead')"
    )
    cursor.execute(
        f"SELECT review_id, position, status, count(*) FROM {R} r WHERE {responsible} "
        "GROUP BY 1, 2, 3",
        (institution_id,),
    )
    per_review = {}
    for review, position, status, count in cursor.fetchall():
        per_review.setdefault(review, []).append((position, status, count))
    cursor.execute(
        f"SELECT position, status, count(*) FROM {R} r WHERE {leading} GROUP BY 1, 2",
        (institution_id,),
    )
    leading_figures = fold(cursor.fetchall())
    everything = fold([row for rows in per_review.values() for row in rows])
    reviews = sorted(
        ((key, fold(rows)) for key, rows in per_review.items()),
        key=lambda item: -item[1][0],
    )
    overdue = overdue_rows(cursor, responsible, (institution_id,), threshold, 20)
    cursor.execute(
        "SELECT id, count(*) OVER () FROM recommendations_implementationaction "
        "WHERE institution_id = %s ORDER BY start_date DESC NULLS FIRST, title LIMIT 30",
        (institution_id,),
    )
    actions = cursor.fetchall()
    cursor.execute(
        f"""
        SELECT e.id FROM {ENGAGEMENT} e WHERE e.id IN (
            SELECT engagement_id FROM missions_engagement_organisers WHERE institution_id = %s
            UNION SELECT engagement_id FROM missions_engagement_funders WHERE institution_id = %s
            UNION SELECT engagement_id FROM missions_engagement_participants
                  WHERE institution_id = %s)
        ORDER BY e.start_date DESC, e.title
        """,
        (institution_id,) * 3,
    )
    return {
        "measure": everything,
        "leading": leading_figures,
        "per_review": sorted(reviews, key=lambda item: item[0]),
        "overdue": overdue,
        "actions": ([pk for pk, _ in actions], actions[0][1] if actions else 0),
        "engagements": [pk for (pk,) in cursor.fetchall()],
    }


def app_institution(response):
    context = response.context
    return {
        "measure": app_figures(context["measure"]),
        "leading": app_figures(context["leading"]),
        "per_review": sorted(
            ((group.key, app_figures(group.measure)) for group in context["per_review"]),
            key=lambda item: item[0],
        ),
        "overdue": (context["overdue_count"], [r.pk for r in context["overdue"]]),
        "actions": ([a.pk for a in context["actions"]], context["action_count"]),
        "engagements": [e.pk for e in context["engagements"]],
    }


# -- the API ----------------------------------------------------------------------------------


def stats_by_theme(cursor):
    groups = measure_grouped(cursor, "theme")
    overall = measure_everything(cursor)
    return {key: value[1] for key, value in groups.items()}, overall


def app_stats(response):
    body = response.json()

    def counts(row):
        return (
            row["total"],
            tuple(row["by_position"][p] for p in POSITIONS),
            tuple(row["by_status"][s] for s in STATUSES),
        )

    return {row["key"]: counts(row) for row in body["results"]}, counts(body["overall"])


def api_recommendations(cursor, size=100):
    cursor.execute(f"SELECT count(*) FROM {R}")
    (count,) = cursor.fetchone()
    cursor.execute(
        f"""
        SELECT r.id, r.status,
               (SELECT array_agg(s.iso3 ORDER BY s.name)
                FROM recommendations_recommendation_recommending_states x
                JOIN {STATE} s ON s.id = x.state_id WHERE x.recommendation_id = r.id),
               (SELECT array_agg(t.slug ORDER BY t.name)
                FROM recommendations_recommendation_themes x
                JOIN recommendations_theme t ON t.id = x.theme_id WHERE x.recommendation_id = r.id),
               (SELECT array_agg(x.sdggoal_id ORDER BY x.sdggoal_id)
                FROM recommendations_recommendation_sdg_goals x WHERE x.recommendation_id = r.id),
               (SELECT resp.institution_id FROM {RESPONSIBILITY} resp
                WHERE resp.recommendation_id = r.id AND resp.role = 'lead'),
               (SELECT array_agg(resp.institution_id ORDER BY resp.id) FROM {RESPONSIBILITY} resp
                WHERE resp.recommendation_id = r.id AND resp.role <> 'lead')
        FROM {R} r ORDER BY r.review_id, r.sort_key, r.id LIMIT %s
        """,
        (size,),
    )
    rows = [
        (
            pk,
            status,
            tuple(states or ()),
            tuple(themes or ()),
            tuple(goals or ()),
            lead,
            tuple(supporting or ()),
        )
        for pk, status, states, themes, goals, lead, supporting in cursor
    ]
    return count, rows


def app_api_recommendations(response):
    body = response.json()
    rows = [
        (
            row["id"],
            row["status"],
            tuple(row["recommending_states"]),
            tuple(row["themes"]),
            tuple(row["sdg_goals"]),
            row["lead_institution"],
            tuple(row["supporting_institutions"]),
        )
        for row in body["results"]
    ]
    return body["count"], rows


# -- the download -----------------------------------------------------------------------------


def csv_export(cursor, cycle=None):
    """Every row of the download, each column as the file holds it, in the download's
    order (of one cycle if given): the names of each relation joined by the database."""
    from recommendations.importing.tracker_format import TEXT_LANGUAGES
    from web.spreadsheets import neutralised

    def names(table, column, label_table, label="name", where=""):
        key = "number" if label == "number" else "id"
        return f"""(SELECT string_agg(l.{label}::text, '; ' ORDER BY l.{label})
                    FROM {table} x JOIN {label_table} l ON l.{key} = x.{column}
                    WHERE x.recommendation_id = r.id {where})"""

    states = names("recommendations_recommendation_recommending_states", "state_id", STATE)
    themes = names("recommendations_recommendation_themes", "theme_id", "recommendations_theme")
    groups = names(
        "recommendations_recommendation_affected_groups",
        "affectedgroup_id",
        "recommendations_affectedgroup",
    )
    goals = names(
        "recommendations_recommendation_sdg_goals",
        "sdggoal_id",
        "recommendations_sdggoal",
        label="number",
    )
    targets = """(SELECT string_agg(l.code, '; ' ORDER BY l.goal_id, l.code ~ '[a-z]$',
                                   length(l.code), l.code)
                   FROM recommendations_recommendation_sdg_targets x
                   JOIN recommendations_sdgtarget l ON l.id = x.sdgtarget_id
                   WHERE x.recommendation_id = r.id)"""
    lead = names(RESPONSIBILITY, "institution_id", INSTITUTION, where="AND x.role = 'lead'")
    supporting = names(RESPONSIBILITY, "institution_id", INSTITUTION, where="AND x.role <> 'lead'")
    texts = ", ".join(
        f"""(SELECT t.text FROM recommendations_recommendationtext t
             WHERE t.recommendation_id = r.id AND t.language = '{code}' LIMIT 1)"""
        for code in TEXT_LANGUAGES
    )
    cursor.execute(
        f"""
        SELECT st.iso3, m.code, rv.cycle, rv.document_symbol, r.reference, r.text, {texts},
               {states},
               r.position, r.position_at_review, r.position_source, r.position_explanation,
               r.accepted_part, r.noted_part, {themes}, {groups}, {goals}, {targets},
               r.action_category, {lead}, {supporting}, r.ohchr_annotation_id, r.status,
               CASE WHEN r.status_from_demo THEN 'yes' ELSE 'no' END
        FROM {R} r
        JOIN {REVIEW} rv ON rv.id = r.review_id
        JOIN {STATE} st ON st.id = rv.state_under_review_id
        JOIN {MECHANISM} m ON m.id = rv.mechanism_id
        WHERE %s::int IS NULL OR rv.cycle = %s
        ORDER BY st.name, rv.cycle, r.review_id, r.sort_key
        """,
        (cycle, cycle),
    )
    found = cursor.fetchall()
    # The last column (whether the status is a demo assessment) only where demo data is.
    cursor.execute(
        f"SELECT EXISTS (SELECT 1 FROM {UPDATE} WHERE is_demo AND workflow_state = %s)",
        ("validated",),
    )
    (with_demo,) = cursor.fetchone()
    rows = []
    for row in found:
        values = list(row) if with_demo else list(row)[:-1]
        shift = len(TEXT_LANGUAGES)  # the official texts follow the text
        values[7 + shift] = POSITION_LABELS[values[7 + shift]]
        values[8 + shift] = POSITION_LABELS.get(values[8 + shift], "")
        values[21 + shift] = STATUS_LABELS[values[21 + shift]]
        rows.append(tuple("" if v is None else str(neutralised(v)) for v in values))
    return rows


def app_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text))
    next(reader)  # the header
    return [tuple(row) for row in reader]


def today() -> date:
    from django.utils import timezone

    return timezone.localdate()
