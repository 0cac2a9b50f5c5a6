"""Belarus's reviews and a demo history of their implementation.

The recommendations themselves come from the real published files through the
project's importer. What the files do not hold (who is responsible, the
affected groups, the SDG goals, the progress made) is filled in here from the
recommendations' UPR Info issues by the tables below, and every progress
update and action made here is flagged ``is_demo``: an illustration that
reproduces the figure the government reported ("over 70 per cent of the
recommendations accepted … implemented" before the 2015 review, seed 002),
not an official assessment.
"""

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

FIRST_CYCLE: dict[str, Any] = {
    "cycle": 1,
    "session": "8",
    "document_symbol": "A/HRC/15/16",
    "review_date": date(2010, 5, 12),
    "government_reported_supported": 75,
    "government_reported_source": "cooperation",  # a key of demo.sources.SOURCES
    "notes": "Positions are UPR Info's final responses joined to the Working Group report's "
    "paragraphs: 73 accepted, 1 accepted in part (98.3: the Convention on the Rights of "
    "Persons with Disabilities accepted, its Optional Protocol noted) and 19 noted. In these "
    "public files 74 paragraphs hold an accepted response; which further paragraph the "
    "government counts as accepted cannot be told from them.",
}

SECOND_CYCLE: dict[str, Any] = {
    "cycle": 2,
    "session": "22",
    "review_date": date(2015, 5, 4),
    "notes": "The recommendations of the second cycle are not in the public data set the "
    "demo is built from; none is recorded.",
}

# Which institution leads (first match) on a recommendation with a given UPR Info issue.
LEAD_BY_ISSUE = {
    "Trafficking": "Ministry of Internal Affairs",
    "Detention": "Ministry of Internal Affairs",
    "Torture and other CID treatment": "Ministry of Internal Affairs",
    "Migrants": "Ministry of Internal Affairs",
    "Death penalty": "Ministry of Justice",
    "Justice": "Ministry of Justice",
    "Civil society": "Ministry of Justice",
    "Freedom of association and peaceful assembly": "Ministry of Justice",
    "Human rights defenders": "Ministry of Justice",
    "NHRI": "Ministry of Justice",
    "Enforced disappearances": "Prosecutor General's Office",
    "Extrajudicial executions": "Prosecutor General's Office",
    "Human rights violations by state agents": "Prosecutor General's Office",
    "Elections": "Central Electoral Commission",
    "Freedom of the press": "Ministry of Information",
    "Freedom of opinion and expression": "Ministry of Information",
    "Women's rights": "Ministry of Labour and Social Protection",
    "Labour": "Ministry of Labour and Social Protection",
    "Disabilities": "Ministry of Labour and Social Protection",
    "Poverty": "Ministry of Labour and Social Protection",
    "Rights of the Child": "Ministry of Education",
    "Right to education": "Ministry of Education",
    "Human rights education and training": "Ministry of Education",
    "Right to health": "Ministry of Health",
    "HIV - Aids": "Ministry of Health",
}
DEFAULT_LEAD = "Ministry of Foreign Affairs"

# The affected groups the demo names (a deployment's own come from its files or its
# coordinators: the importer adds the groups a file names).
AFFECTED_GROUPS = [
    "Women",
    "Children",
    "Persons with disabilities",
    "Roma",
    "Detainees",
    "Human rights defenders",
    "Journalists",
    "Migrants",
    "Minorities",
    "Victims of trafficking",
]

GROUPS_BY_ISSUE = {
    "Women's rights": ["Women"],
    "Rights of the Child": ["Children"],
    "Disabilities": ["Persons with disabilities"],
    "Human rights defenders": ["Human rights defenders"],
    "Freedom of the press": ["Journalists"],
    "Detention": ["Detainees"],
    "Torture and other CID treatment": ["Detainees"],
    "Migrants": ["Migrants"],
    "Minorities": ["Minorities"],
    "Racial discrimination": ["Minorities", "Roma"],
    "Trafficking": ["Victims of trafficking", "Women"],
}

SDGS_BY_ISSUE = {
    "Poverty": [1],
    "Right to health": [3],
    "HIV - Aids": [3],
    "Right to education": [4],
    "Human rights education and training": [4],
    "Women's rights": [5],
    "Trafficking": [5, 8, 16],
    "Labour": [8],
    "Disabilities": [10],
    "Racial discrimination": [10],
    "Minorities": [10],
    "Migrants": [10],
    "Environment": [13],
    "Justice": [16],
    "Death penalty": [16],
    "Torture and other CID treatment": [16],
    "Detention": [16],
    "Freedom of the press": [16],
    "Freedom of opinion and expression": [16],
    "Human rights defenders": [16],
    "Enforced disappearances": [16],
    "NHRI": [16],
    "Development": [17],
    "Technical assistance and cooperation": [17],
    "Rights of the Child": [4, 16],
}

# Issues on which Belarus's record before 2015 shows no implementation.
HARD_ISSUES = {"Death penalty", "Freedom of association and peaceful assembly", "Elections"}

DEMO_NOTE = "Demo assessment for illustration, not an official one."

# Measures the seeds report, as demo actions: (title, institution, issue they serve,
# start, end, status, description, source: a key of demo.sources.SOURCES or None).
ACTIONS = [
    (
        "National plan on the implementation of the UPR recommendations",
        "Ministry of Foreign Affairs",
        None,
        date(2010, 10, 1),
        date(2014, 12, 31),
        "completed",
        "The national plan on implementation of UPR recommendations was adopted and the "
        "interagency group was established.",
        "cooperation",
    ),
    (
        "Assessment of the identification and referral of trafficking victims",
        "Ministry of Internal Affairs",
        "Trafficking",
        date(2010, 1, 1),
        date(2011, 12, 31),
        "completed",
        "With ODIHR, the OSCE Office in Minsk and La Strada, towards a national referral "
        "mechanism.",
        "osce",
    ),
    (
        "Training of public commissions monitoring penitentiary institutions",
        "Ministry of Justice",
        "Detention",
        date(2010, 3, 1),
        date(2012, 6, 30),
        "completed",
        "Follow-up of the 2009 joint project with ODIHR on public monitoring of the "
        "penitentiary system.",
        "osce",
    ),
    (
        "Reform of the electoral legislation",
        "Central Electoral Commission",
        "Elections",
        date(2010, 6, 1),
        None,
        "ongoing",
        "Working group on election legislation, with OSCE expert consultations.",
        "osce",
    ),
    (
        "Periodic reports to the treaty bodies brought up to date",
        "Ministry of Foreign Affairs",
        "Treaty bodies",
        date(2010, 11, 1),
        date(2011, 12, 31),
        "completed",
        "Reports to CESCR (2010), CEDAW, CRC and CAT (2011) and a core report.",
        "cooperation",
    ),
    (
        "Human rights training for law enforcement officers",
        "Ministry of Internal Affairs",
        "Human rights education and training",
        date(2011, 1, 1),
        date(2013, 12, 31),
        "completed",
        "Training modules at the International Training Centre in Minsk.",
        None,
    ),
]


# Work in progress for the workspace and the validation queue, each chosen by theme so that
# its narrative fits its recommendation: (username, the institution that leads it, theme, a
# word of its text, proposed status, assessed on, narrative, step: submitted, returned or
# draft). The recommendation is the first (by reference) that fits and whose current status
# is neither implemented nor the proposed one, so that each item proposes a change.
WORK_IN_PROGRESS = [
    (
        "interior",
        "Ministry of Internal Affairs",
        "Detention",
        "conditions",
        "implemented",
        date(2015, 3, 15),
        "Living conditions in prisons and pre-trial detention centres reviewed against "
        "international standards with the public commissions monitoring penitentiary "
        "institutions; the centres renovated since 2012 now meet them.",
        "submitted",
    ),
    (
        "interior",
        "Ministry of Internal Affairs",
        "Torture and other CID treatment",
        "complaints",
        "implemented",
        date(2015, 2, 1),
        "Complaints of torture and ill-treatment in detention are investigated; measures taken.",
        "returned",
    ),
    (
        "justice",
        "Ministry of Justice",
        "Civil society",
        "registration",
        "in_progress",
        date(2015, 4, 1),
        "Draft amendments simplifying the registration of non-governmental organizations "
        "prepared; to be completed before submission.",
        "draft",
    ),
]
RETURN_COMMENT = "Which measures, adopted when? Please name the act and attach it as evidence."


def demo_statuses(recommendations, seed: int = 2010):
    """Plan the demo history of each supported recommendation.

    Returns {recommendation: [(assessed_on, status), …]} ordered in time. Of the
    supported recommendations 72 % end implemented (the government's "over 70
    per cent"), the others partly, in progress, not started or not implemented;
    those on the hard issues are the last to move. Deterministic for a seed.
    """
    generator = random.Random(seed)
    ordered = sorted(recommendations, key=lambda r: r.sort_key)
    generator.shuffle(ordered)
    ordered.sort(key=lambda r: bool(HARD_ISSUES & {t.name for t in r.themes.all()}))
    count = len(ordered)
    implemented = -(-count * 72 // 100)  # ceiling: never below the reported 70 per cent
    partially = count * 14 // 100
    in_progress = count * 7 // 100
    not_implemented = count * 3 // 100
    plan = {}
    for index, recommendation in enumerate(ordered):
        started = date(2010, 9, 1) + timedelta(days=generator.randrange(0, 480))
        history = [(started, "in_progress")]
        if index < implemented:
            halfway = started + timedelta(days=generator.randrange(120, 700))
            done = min(halfway + timedelta(days=generator.randrange(90, 600)), date(2015, 3, 31))
            history += [(halfway, "partially_implemented"), (done, "implemented")]
        elif index < implemented + partially:
            history.append(
                (started + timedelta(days=generator.randrange(200, 1200)), "partially_implemented")
            )
        elif index < implemented + partially + in_progress:
            pass
        elif index < count - not_implemented:
            history = []  # nothing validated yet: counts as not started
        else:
            history = [(date(2014, 12, 1), "not_implemented")]
        plan[recommendation] = [(day, status) for day, status in history if day < date(2015, 4, 1)]
    return plan


def review_time(day: date):
    """When a coordinator validated an assessment: a week after its date, at noon."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=7), time(12)))
