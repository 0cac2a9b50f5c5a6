"""The engagements the seed documents describe (../shared/seeds), for the demo.

Dates are as precise as the seeds give them; where a seed says only "in May
2009" the engagement is dated to the month. Each entry names its source (a key of
``demo.sources.SOURCES``), and the first-cycle recommendations it answered: those of its
themes (``link_themes``) and named paragraphs (``link_references``). Those about the
second cycle link none: its recommendations are not in the data set.
"""

from typing import Any

SEED_MISSION = "mission"  # seeds/000
SEED_WORKING_GROUP = "working_group"  # seeds/001
SEED_COOPERATION = "cooperation"  # seeds/002
SEED_ADVISER = "adviser"  # seeds/003
SEED_OSCE = "osce"  # seeds/004

# The recommendations on reporting to the treaty bodies: "timely submission of periodic
# reports" (97.12), "ensure that overdue reports … are submitted" (97.14). Each report
# to a treaty body answers them, and those on its treaty's subject (``link_themes``).
TREATY_REPORTING = ["97.12", "97.14"]
# Cooperation with the UN and with OHCHR in particular.
OHCHR_COOPERATION = ["97.9", "97.19"]

OFFICIALS = [
    "Ministry of Justice",
    "Prosecutor General's Office",
    "National Centre for Legislation and Legal Research under the Presidential Administration",
    "Central Electoral Commission",
    "Ministry of Foreign Affairs",
]

ENGAGEMENTS: list[dict[str, Any]] = [
    {
        "kind": "country_visit",
        "title": "Visit of the Special Rapporteur on trafficking in persons, "
        "especially women and children",
        "start_date": "2009-05-01",
        "date_precision": "month",
        "place": "Belarus",
        "country": "BLR",
        "mechanisms": ["SR-TIP"],
        "participants": ["Ministry of Foreign Affairs", "Ministry of Internal Affairs"],
        "summary": "Upon the invitation of the Government the Special Rapporteur on "
        "trafficking in persons, especially in women and children, paid a country visit "
        "to Belarus.",
        "themes": ["Trafficking"],
        "link_themes": ["Trafficking"],
        "source": SEED_COOPERATION,
    },
    {
        "kind": "programme",
        "title": "Direct Assistance to Victims of Trafficking",
        "start_date": "2009-07-01",
        "end_date": "2009-12-31",
        "date_precision": "month",
        "place": "Belarus",
        "country": "BLR",
        "organisers": ["OSCE Office in Minsk"],
        "participants": [
            "International Organization for Migration",
            "Ministry of Internal Affairs",
            "La Strada Belarus",
        ],
        "participants_note": "Local NGOs.",
        "summary": "Project implemented in the second half of 2009 in co-operation with the "
        "International Organization for Migration, the Ministry of Internal Affairs and "
        "local NGOs. The OSCE Office in Minsk supports ODIHR, the Ministry of Internal "
        "Affairs and La Strada in assessing the identification and referral of trafficking "
        "victims, towards a national referral mechanism as set out in the 2003 OSCE Action "
        "Plan to Combat Trafficking in Human Beings.",
        "themes": ["Trafficking"],
        "link_themes": ["Trafficking"],
        "source": SEED_OSCE,
    },
    {
        "kind": "programme",
        "title": "Public monitoring of the penitentiary system",
        "start_date": "2009-01-01",
        "end_date": "2009-12-31",
        "date_precision": "year",
        "place": "Belarus; study visits to Armenia and Austria",
        "country": "BLR",
        "organisers": [
            "OSCE Office in Minsk",
            "OSCE Office for Democratic Institutions and Human Rights",
            "Ministry of Justice",
        ],
        "participants_note": "Members of Belarusian public commissions for penitentiary "
        "monitoring.",
        "summary": "A joint project of the OSCE Office in Minsk, ODIHR and the Ministry of "
        "Justice on public monitoring of the penitentiary system: a seminar and two study "
        "visits (to Armenia and Austria) for members of the public commissions that monitor "
        "penitentiary institutions.",
        "themes": ["Detention"],
        "link_themes": ["Detention", "Torture and other CID treatment"],
        "source": SEED_OSCE,
    },
    {
        "kind": "mission",
        "title": "Election legislation working group: expert consultations in Austria, "
        "Germany and Poland",
        "start_date": "2009-01-01",
        "end_date": "2009-12-31",
        "date_precision": "year",
        "place": "Austria, Germany and Poland",
        "organisers": ["OSCE Office in Minsk"],
        "participants": ["Central Electoral Commission"],
        "participants_note": "Members of the working group on election legislation.",
        "summary": "Throughout the year the OSCE Office assisted the Government in reforming "
        "the election legislation, organising expert consultations abroad for an in-depth "
        "study of the election process, electoral legislation and best practices.",
        "themes": ["Elections"],
        "link_themes": ["Elections"],
        "source": SEED_OSCE,
    },
    {
        "kind": "training",
        "title": "Training session on election observation",
        "start_date": "2009-12-01",
        "link_themes": ["Elections"],
        "date_precision": "month",
        "place": "Belarus",
        "country": "BLR",
        "organisers": ["OSCE Office in Minsk", "German Centre for International Peace Operations"],
        "participants": ["Central Electoral Commission"],
        "participants_note": "Belarusian officials.",
        "summary": "A one-week training on election legislation, monitoring of elections and "
        "other election-related matters.",
        "themes": ["Elections"],
        "source": SEED_OSCE,
    },
    {
        "kind": "mission",
        "title": "Research visit of Belarusian journalists to Western European countries",
        "start_date": "2009-11-01",
        "link_themes": ["Freedom of the press"],
        "end_date": "2009-12-31",
        "date_precision": "month",
        "place": "Western European countries",
        "organisers": ["OSCE Office in Minsk"],
        "participants_note": "Journalists from independent and state-run media.",
        "summary": "An on-site research project on values promoted by the OSCE and the EU, "
        "such as freedom of the media and free elections.",
        "outcomes": "A comprehensive series of articles on relevant topics was published in "
        "Belarusian mass media.",
        "themes": ["Freedom of opinion and expression"],
        "groups": ["Journalists"],
        "source": SEED_OSCE,
    },
    {
        "kind": "programme",
        "title": "Interaction between State and Non-governmental Organizations",
        "start_date": "2009-09-01",
        "end_date": "2010-08-31",
        "date_precision": "month",
        "place": "Belarus",
        "country": "BLR",
        "organisers": ["OSCE Office in Minsk"],
        "participants": ["CIVICUS"],
        "summary": "A 12-month project developing civil society in Belarus: its conditions "
        "analysed and assessed with the Civil Society Development Index methodology of "
        "CIVICUS, and suggestions for its future development proposed.",
        "themes": ["Civil society"],
        "link_themes": ["Civil society"],
        "source": SEED_OSCE,
    },
    {
        "kind": "invitation",
        "title": "Standing invitation to eight special procedures",
        "start_date": "2009-11-13",
        "place": "Minsk",
        "country": "BLR",
        "participants": ["Ministry of Foreign Affairs"],
        "summary": "The Government extended its standing invitation to eight special "
        "procedures of the Human Rights Council.",
        "themes": ["Special procedures"],
        "link_themes": ["Special procedures"],
        "source": SEED_COOPERATION,
    },
    {
        "kind": "needs_assessment",
        "title": "OHCHR needs assessment visit",
        "start_date": "2009-11-01",
        "link_references": [*OHCHR_COOPERATION, "97.55"],
        "date_precision": "month",
        "place": "Minsk",
        "country": "BLR",
        "organisers": ["Office of the United Nations High Commissioner for Human Rights"],
        "participants": [
            "Ministry of Foreign Affairs",
            "Ministry of Justice",
            "Ministry of Education",
            "Ministry of Internal Affairs",
            "International Training Centre on Migration and Combating Trafficking in Human Beings",
            "National Centre for Legislation and Legal Research under the Presidential "
            "Administration",
            "CIS Executive Committee",
        ],
        "summary": "In late November 2009, upon the invitation of the Government, OHCHR "
        "conducted its first needs assessment visit to Belarus.",
        "source": SEED_COOPERATION,
    },
    {
        "kind": "periodic_report",
        "title": "Fifth periodic report to the Committee against Torture",
        "start_date": "2009-12-01",
        "link_themes": ["Torture and other CID treatment"],
        "link_references": TREATY_REPORTING,
        "date_precision": "month",
        "mechanisms": ["CAT"],
        "participants": ["Ministry of Foreign Affairs"],
        "summary": "Belarus submitted its fifth periodic report to the Committee against Torture.",
        "themes": ["Torture and other CID treatment"],
        "source": SEED_COOPERATION,
    },
    {
        "kind": "training",
        "title": "OHCHR training seminar on the Universal Periodic Review and treaty body "
        "reporting",
        "start_date": "2010-07-01",
        "link_themes": ["UPR process"],
        "link_references": TREATY_REPORTING,
        "date_precision": "month",
        "place": "Minsk",
        "country": "BLR",
        "organisers": ["Office of the United Nations High Commissioner for Human Rights"],
        "mechanisms": ["UPR"],
        "summary": "A training seminar on the Universal Periodic Review and on treaty body "
        "reporting, held after Belarus's first review.",
        "source": SEED_COOPERATION,
    },
    {
        "kind": "periodic_report",
        "title": "Combined periodic reports to the Committee on Economic, Social and "
        "Cultural Rights",
        "start_date": "2010-11-01",
        "link_themes": ["ESC rights - general"],
        "link_references": TREATY_REPORTING,
        "date_precision": "month",
        "mechanisms": ["CESCR"],
        "participants": ["Ministry of Foreign Affairs"],
        "summary": "Belarus submitted its combined periodic reports to the Committee on "
        "Economic, Social and Cultural Rights; their consideration was pending in 2011.",
        "source": SEED_COOPERATION,
    },
    {
        "kind": "dialogue",
        "title": "Areas for cooperation on UPR implementation identified to OHCHR",
        "start_date": "2010-12-01",
        "link_references": ["97.10", "97.19", "97.55"],
        "date_precision": "month",
        "participants": [
            "Ministry of Foreign Affairs",
            "Office of the United Nations High Commissioner for Human Rights",
        ],
        "mechanisms": ["UPR"],
        "summary": "The Government identified to OHCHR several areas for cooperation on the "
        "implementation of UPR recommendations and requested support.",
        "source": SEED_COOPERATION,
    },
    {
        "kind": "dialogue",
        "title": "OHCHR visits to Belarus on strengthening interaction",
        "start_date": "2010-01-01",
        "link_references": OHCHR_COOPERATION,
        "end_date": "2011-12-31",
        "date_precision": "year",
        "place": "Minsk",
        "country": "BLR",
        "organisers": ["Office of the United Nations High Commissioner for Human Rights"],
        "participants": ["Ministry of Foreign Affairs"],
        "summary": "In 2010–2011 OHCHR representatives visited Belarus four times to discuss "
        "ways and means to strengthen interaction in the promotion and protection of human "
        "rights.",
        "source": SEED_COOPERATION,
    },
    {
        "kind": "periodic_report",
        "title": "Seventh periodic report to the Committee on the Elimination of "
        "Discrimination against Women",
        "start_date": "2011-01-01",
        "link_themes": ["Women's rights"],
        "link_references": TREATY_REPORTING,
        "date_precision": "year",
        "mechanisms": ["CEDAW"],
        "participants": ["Ministry of Foreign Affairs"],
        "summary": "Belarus presented its seventh periodic report to CEDAW.",
        "themes": ["Women's rights"],
        "source": SEED_COOPERATION,
    },
    {
        "kind": "periodic_report",
        "title": "Three reports to the Committee on the Rights of the Child",
        "start_date": "2011-01-01",
        "link_themes": ["Rights of the Child"],
        "link_references": TREATY_REPORTING,
        "date_precision": "year",
        "mechanisms": ["CRC"],
        "participants": ["Ministry of Foreign Affairs"],
        "summary": "Belarus presented three reports to the Committee on the Rights of the Child.",
        "themes": ["Rights of the Child"],
        "source": SEED_COOPERATION,
    },
    {
        "kind": "periodic_report",
        "title": "Periodic report to the Committee against Torture",
        "start_date": "2011-01-01",
        "link_themes": ["Torture and other CID treatment"],
        "link_references": TREATY_REPORTING,
        "date_precision": "year",
        "mechanisms": ["CAT"],
        "participants": ["Ministry of Foreign Affairs"],
        "summary": "Belarus presented a periodic report to the Committee against Torture, and "
        "a core report to the UN treaty bodies.",
        "themes": ["Torture and other CID treatment"],
        "source": SEED_COOPERATION,
    },
    {
        "kind": "invitation",
        "title": "Invitation to the High Commissioner for Human Rights",
        "start_date": "2011-08-01",
        "link_references": OHCHR_COOPERATION,
        "date_precision": "month",
        "participants": ["Ministry of Foreign Affairs"],
        "summary": "The Government of Belarus issued an official invitation to the High "
        "Commissioner for Human Rights to study on site the measures taken to ensure the "
        "promotion and protection of human rights.",
        "source": SEED_COOPERATION,
    },
    {
        "kind": "mission",
        "title": "Mission of Belarusian senior officials to Washington D.C. on human rights "
        "and the rule of law",
        "start_date": "2015-12-14",
        "end_date": "2015-12-17",
        "place": "Washington D.C.",
        "country": "USA",
        "organisers": ["UNDP Rule of Law, Justice, Security and Human Rights Team"],
        "funders": ["United Nations Development Programme"],
        "participants": [
            *OFFICIALS,
            "US Department of Justice",
            "Supreme Court of the United States",
            "District of Columbia Office of Human Rights",
            "US Department of State",
            "American Bar Association",
            "International Foundation for Electoral Systems",
        ],
        "participants_note": "Belarusian senior officials; specialists of the UNDP office in "
        "Belarus.",
        "mechanisms": ["UPR"],
        "review_cycle": 2,
        "summary": "Discussions of human rights, best practices in access to justice and "
        "wider rule of law issues: implementation of the recommendations of the second UPR "
        "cycle, international human rights standards, and entry points for cooperation "
        "under the 2016–2020 UNDAF and UNDP Country Programme. Meetings at the US Department "
        "of Justice, the US Supreme Court, the District of Columbia Office for Human Rights, "
        "the US Department of State, the American Bar Association and the International "
        "Foundation for Electoral Systems.",
        "outcomes": "The sides will follow up with specific proposals for a comprehensive "
        "Rule of Law programme with the government, civil society and international "
        "development partners; expertise exchange under the ABA–UNDP International Legal "
        "Resource Center discussed.",
        "source": SEED_MISSION,
    },
    {
        "kind": "dialogue",
        "title": "Second US–Belarus Working Group for Democracy and Human Rights",
        "start_date": "2015-12-16",
        "place": "Washington D.C.",
        "country": "USA",
        "participants": [
            "US Department of State",
            "United States Agency for International Development",
            "Ministry of Foreign Affairs",
        ],
        "participants_note": "For the United States: Deputy Assistant Secretaries Bridget "
        "Brink and Robert Berschinski, USAID Deputy Assistant Administrator Jonathan Katz. "
        "For Belarus: Foreign Ministry Director for the Americas Oleg Kravchenko and Chargé "
        "d'Affaires Pavel Shidlovsky.",
        "mechanisms": ["UPR"],
        "review_cycle": 2,
        "summary": "Discussed the 2016 parliamentary elections and international standards, "
        "OSCE commitments to freedoms of expression, peaceful assembly and association, "
        "space for civil society and independent media, rule of law, and the results and "
        "recommendations both countries received in the second UPR cycle.",
        "outcomes": "The United States welcomed the release of six political prisoners in "
        "August and urged further steps, including elections in line with ODIHR standards.",
        "themes": ["Elections", "Freedom of opinion and expression"],
        "source": SEED_WORKING_GROUP,
    },
    {
        "kind": "programme",
        "title": "Senior Human Rights Adviser to the UN Country Team in Belarus",
        "start_date": "2018-01-01",
        "end_date": "2021-12-31",
        "date_precision": "year",
        "place": "Minsk",
        "country": "BLR",
        "organisers": ["Office of the United Nations High Commissioner for Human Rights"],
        "funders": ["UNDG Human Rights Mainstreaming Fund"],
        "participants": [
            "United Nations Country Team in Belarus",
            "Ministry of Foreign Affairs",
        ],
        "participants_note": "UN agencies, international and regional organizations, the "
        "Government of Belarus, civil society.",
        "mechanisms": ["UPR"],
        "budget_amount": "823000",
        "budget_currency": "USD",
        "budget_period": "per year",
        "thematic_pillars": "Mechanisms: Increasing implementation of the international human "
        "rights mechanisms outcomes\nAccountability: Strengthening rule of law and "
        "accountability for human rights violations\nNon discrimination: Enhancing equality "
        "and countering discrimination\nParticipation: Enhancing & protecting civic space "
        "and people's participation\nInequalities\nCivic space",
        "groups": ["Persons with disabilities"],
        "summary": "Supports the Government in implementing its Interagency Human Rights "
        "Plan, including measures to implement UPR and treaty body recommendations; the "
        "second National Human Rights Action Plan (2021); anti-discrimination education; "
        "dialogue with the Roma community; women victims of violence and persons with "
        "disabilities; legal aid; alternatives to detention; dialogue with civil society, "
        "human rights defenders and journalists.",
        "source": SEED_ADVISER,
    },
]
