"""The institutions the seed documents name, for the demo (name, abbreviation, kind, country)."""

NATIONAL = "national_authority"
UN = "un_entity"
IGO = "intergovernmental"
NGO = "ngo"
PROFESSIONAL = "professional"
FOREIGN = "foreign_government"
DONOR = "donor"

INSTITUTIONS = [
    ("Ministry of Foreign Affairs", "MFA", NATIONAL, "BLR"),
    ("Ministry of Justice", "MoJ", NATIONAL, "BLR"),
    ("Ministry of Internal Affairs", "MIA", NATIONAL, "BLR"),
    ("Prosecutor General's Office", "PGO", NATIONAL, "BLR"),
    (
        "National Centre for Legislation and Legal Research under the Presidential Administration",
        "NCLLR",
        NATIONAL,
        "BLR",
    ),
    ("Central Electoral Commission", "CEC", NATIONAL, "BLR"),
    ("Ministry of Education", "MoE", NATIONAL, "BLR"),
    ("Ministry of Labour and Social Protection", "MLSP", NATIONAL, "BLR"),
    ("Ministry of Health", "MoH", NATIONAL, "BLR"),
    ("Ministry of Information", "MoI", NATIONAL, "BLR"),
    (
        "International Training Centre on Migration and Combating Trafficking in Human Beings",
        "ITC",
        NATIONAL,
        "BLR",
    ),
    ("Office of the United Nations High Commissioner for Human Rights", "OHCHR", UN, None),
    ("United Nations Development Programme", "UNDP", UN, None),
    ("UNDP Rule of Law, Justice, Security and Human Rights Team", "UNDP RoL", UN, None),
    ("United Nations Country Team in Belarus", "UNCT", UN, "BLR"),
    ("UNDG Human Rights Mainstreaming Fund", "UNDG HRM Fund", DONOR, None),
    ("OSCE Office in Minsk", "OSCE Minsk", IGO, "BLR"),
    ("OSCE Office for Democratic Institutions and Human Rights", "ODIHR", IGO, None),
    ("International Organization for Migration", "IOM", IGO, None),
    ("CIS Executive Committee", "CIS", IGO, None),
    ("European Union", "EU", IGO, None),
    ("La Strada Belarus", "La Strada", NGO, "BLR"),
    ("CIVICUS", "CIVICUS", NGO, None),
    ("International Foundation for Electoral Systems", "IFES", NGO, "USA"),
    ("American Bar Association", "ABA", PROFESSIONAL, "USA"),
    ("US Department of Justice", "DOJ", FOREIGN, "USA"),
    ("Supreme Court of the United States", "", FOREIGN, "USA"),
    ("District of Columbia Office of Human Rights", "", FOREIGN, "USA"),
    ("US Department of State", "DOS", FOREIGN, "USA"),
    ("United States Agency for International Development", "USAID", FOREIGN, "USA"),
    ("German Centre for International Peace Operations", "ZIF", FOREIGN, "DEU"),
]
