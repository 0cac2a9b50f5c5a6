"""Reference lists every deployment holds: the UN's human-rights mechanisms (the UPR and the
treaty bodies) and the 17 Sustainable Development Goals.

``install_reference_data`` adds the missing ones after every ``migrate`` (see ``apps.py``);
the importer also knows them by these codes and names (``importing/catalogue.py``), so a
file naming a treaty body or a goal imports on any database.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, router

# The mechanisms by the codes and names OHCHR gives them (the Universal Human Rights Index
# names each body by its code: "CAT", "SPT", "CRC-OP-AC" …). Special procedures' mandates are
# many and change: the importer adds them as an export names them ("SR Torture").
MECHANISMS = [
    ("UPR", "Universal Periodic Review", "upr"),
    ("CAT", "Committee against Torture", "treaty_body"),
    ("CCPR", "Human Rights Committee", "treaty_body"),
    ("CESCR", "Committee on Economic, Social and Cultural Rights", "treaty_body"),
    ("CEDAW", "Committee on the Elimination of Discrimination against Women", "treaty_body"),
    ("CRC", "Committee on the Rights of the Child", "treaty_body"),
    (
        "CRC-OP-AC",
        "Committee on the Rights of the Child (Optional Protocol on the involvement of "
        "children in armed conflict)",
        "treaty_body",
    ),
    (
        "CRC-OP-SC",
        "Committee on the Rights of the Child (Optional Protocol on the sale of children, "
        "child prostitution and child pornography)",
        "treaty_body",
    ),
    ("CERD", "Committee on the Elimination of Racial Discrimination", "treaty_body"),
    ("CRPD", "Committee on the Rights of Persons with Disabilities", "treaty_body"),
    (
        "CMW",
        "Committee on the Protection of the Rights of All Migrant Workers and Members of "
        "Their Families",
        "treaty_body",
    ),
    ("CED", "Committee on Enforced Disappearances", "treaty_body"),
    ("SPT", "Subcommittee on Prevention of Torture", "treaty_body"),
    (
        "SR-TIP",
        "Special Rapporteur on trafficking in persons, especially women and children",
        "special_procedure",
    ),
]

# Other spellings of these mechanisms met in files (the Index's short mandate names).
MECHANISM_SPELLINGS = {
    "SR-TIP": ("SR Trafficking in persons", "SR on trafficking in persons"),
}

# How the Universal Human Rights Index names a special procedure's mandate: a Special
# Rapporteur ("SR Torture"), an Independent Expert ("IE …") or a Working Group ("WG …").
SPECIAL_PROCEDURE_PREFIXES = ("SR", "IE", "WG")

SDG_GOALS = [
    (1, "No poverty"),
    (2, "Zero hunger"),
    (3, "Good health and well-being"),
    (4, "Quality education"),
    (5, "Gender equality"),
    (6, "Clean water and sanitation"),
    (7, "Affordable and clean energy"),
    (8, "Decent work and economic growth"),
    (9, "Industry, innovation and infrastructure"),
    (10, "Reduced inequalities"),
    (11, "Sustainable cities and communities"),
    (12, "Responsible consumption and production"),
    (13, "Climate action"),
    (14, "Life below water"),
    (15, "Life on land"),
    (16, "Peace, justice and strong institutions"),
    (17, "Partnerships for the goals"),
]


def install_reference_data(*, using: str = DEFAULT_DB_ALIAS, apps=global_apps) -> None:
    """Add the mechanisms and SDG goals that are missing. Those present are left as they
    are (a coordinator may have renamed one); a second run changes nothing. ``apps`` is
    the app registry the models are taken from: the migration state after ``migrate``."""
    try:
        Mechanism = apps.get_model("recommendations", "Mechanism")
        SdgGoal = apps.get_model("recommendations", "SdgGoal")
    except LookupError:  # migrated back before these tables existed
        return
    if not router.allow_migrate_model(using, Mechanism):
        return
    mechanisms = Mechanism.objects.using(using)
    known = set(mechanisms.values_list("code", flat=True))
    mechanisms.bulk_create(
        Mechanism(code=code, name=name, kind=kind)
        for code, name, kind in MECHANISMS
        if code not in known
    )
    goals = SdgGoal.objects.using(using)
    known = set(goals.values_list("number", flat=True))
    goals.bulk_create(
        SdgGoal(number=number, name=name) for number, name in SDG_GOALS if number not in known
    )
