"""Reference lists every deployment needs: mechanisms, SDG goals, affected groups."""

MECHANISMS = [
    ("UPR", "Universal Periodic Review", "upr"),
    ("CAT", "Committee against Torture", "treaty_body"),
    ("CCPR", "Human Rights Committee", "treaty_body"),
    ("CESCR", "Committee on Economic, Social and Cultural Rights", "treaty_body"),
    ("CEDAW", "Committee on the Elimination of Discrimination against Women", "treaty_body"),
    ("CRC", "Committee on the Rights of the Child", "treaty_body"),
    ("CERD", "Committee on the Elimination of Racial Discrimination", "treaty_body"),
    ("CRPD", "Committee on the Rights of Persons with Disabilities", "treaty_body"),
    ("CMW", "Committee on Migrant Workers", "treaty_body"),
    ("CED", "Committee on Enforced Disappearances", "treaty_body"),
    (
        "SR-TIP",
        "Special Rapporteur on trafficking in persons, especially women and children",
        "special_procedure",
    ),
]

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
