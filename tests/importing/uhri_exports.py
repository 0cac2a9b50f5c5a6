"""Universal Human Rights Index exports made by hand in the real layout ("Export to Excel" on
uhri.ohchr.org): its sixteen columns in their order and spelling (typos included), list cells
of one ``- value`` a line, SDG targets, publication dates as Excel serial numbers in XLSX
files, and one record of each body and type."""

from __future__ import annotations

import io
from datetime import date

import openpyxl

from .files import csv_file

HEADER = [
    "Text",
    "Countries Concerned",
    "Regions Concerned",
    "Reccomending Body",
    "Document Symbol",
    "Themes",
    "Affected Persons",
    "Sdgs",
    "Document Publication Date",
    "Date of publication on UHRI",
    "UPR Reccomending States",
    "UPR Position",
    "UPR Session",
    "Recommending Regions",
    "Type",
    "OHCHR Annotation Id",
]
DATES = ("Document Publication Date", "Date of publication on UHRI")
EXCEL_EPOCH = date(1899, 12, 30)
RECOMMENDATION = "- Recommendations"
CONCERN = "- Concerns/Observations"


def listed(*values: str) -> str:
    """A list cell as the Index writes it: one ``- value`` a line."""
    return "\n".join(f"- {value}" for value in values)


def annotation_id(number: int) -> str:
    return f"5f0c1a2e-7b3d-4c8e-9a10-{number:012d}"


def record(number: int, **cells: object) -> dict:
    """One row: a CAT recommendation on Belarus unless ``cells`` say otherwise. Dates are
    ``datetime.date`` values (written as the file type writes them)."""
    row = {
        "Text": f"Conditions of detention {number}.The Committee recommends that the State "
        "party bring conditions in all places of deprivation of liberty into line with the "
        "United Nations Standard Minimum Rules for the Treatment of Prisoners.",
        "Countries Concerned": listed("Belarus"),
        "Regions Concerned": listed("Eastern European States"),
        "Reccomending Body": "- CAT",
        "Document Symbol": "CAT/C/BLR/CO/5",
        "Themes": listed("Torture and other cruel, inhuman or degrading treatment", "Detention"),
        "Affected Persons": listed("Persons deprived of their liberty"),
        "Sdgs": listed(
            "16.3 - Promote the rule of law at the national and international levels and "
            "ensure equal access to justice for all"
        ),
        "Document Publication Date": date(2018, 6, 7),
        "Date of publication on UHRI": date(2018, 9, 1),
        "UPR Reccomending States": "",
        "UPR Position": "",
        "UPR Session": "",
        "Recommending Regions": "",
        "Type": RECOMMENDATION,
        "OHCHR Annotation Id": annotation_id(number),
    }
    row.update(cells)
    return row


def one_of_each_body() -> list[dict]:
    """A recommendation of the UPR, of four treaty bodies and of two special procedures, and a
    concern; all on Belarus, one record also on Ukraine."""
    return [
        record(23),
        record(24, Type=CONCERN, Text="Conditions of detention 22.The Committee is concerned"),
        record(
            49,
            Text="Rural women 49.The Committee recommends that the State party ensure that "
            "rural women have equal access to land, credit and health services.",
            **{
                "Reccomending Body": "- CEDAW",
                "Document Symbol": "CEDAW/C/BLR/CO/8",
                "Themes": listed("Discrimination against women", "Land & property rights"),
                "Affected Persons": listed("Persons living in rural areas", "Women & girls"),
                "Sdgs": listed(
                    "1.4 - Equal rights to economic resources",
                    "5.a - Equal rights of women to economic resources",
                ),
                "Document Publication Date": date(2016, 11, 25),
            },
        ),
        record(
            101,
            Text="118.1 Ratify the International Convention for the Protection of All Persons "
            "from Enforced Disappearance (France);",
            **{
                "Reccomending Body": "- UPR",
                "Document Symbol": "A/HRC/30/3",
                "Themes": listed("Enforced disappearances"),
                "Affected Persons": "",
                "Sdgs": "",
                "UPR Reccomending States": listed("France", "Uruguay"),
                "UPR Position": "- Noted",
                "UPR Session": "- 22",
                "Recommending Regions": listed("Western European and other States", "GRULAC"),
                "Document Publication Date": date(2015, 7, 13),
            },
        ),
        record(
            7,
            Text="Freedom of expression 87. The Special Rapporteur recommends that the "
            "Government release all journalists detained for their work.",
            **{
                "Reccomending Body": "- SR Freedom of expression",
                "Document Symbol": "A/HRC/38/35/Add.1",
                "Themes": listed("Freedom of opinion and expression"),
                "Affected Persons": listed("Media", "Human rights defenders"),
                "Sdgs": listed("16.10 - Public access to information and fundamental freedoms"),
                "Document Publication Date": date(2019, 4, 30),
            },
        ),
        record(
            8,
            Text="92. The Special Rapporteur recommends that the Governments of the region "
            "identify victims of trafficking among migrant workers.",
            **{
                "Countries Concerned": listed("Belarus", "Ukraine"),
                "Reccomending Body": "- SR Trafficking in persons",
                "Document Symbol": "A/HRC/14/32/Add.2",
                "Themes": listed("Trafficking in persons"),
                "Affected Persons": listed("Migrants"),
                "Sdgs": listed("8.7 - Eradicate forced labour, modern slavery, trafficking"),
                "Document Publication Date": date(2010, 4, 14),
            },
        ),
        record(
            61,
            Text="Juvenile justice 61.The Committee urges the State party to bring its "
            "system of juvenile justice fully into line with the Convention.",
            **{
                "Reccomending Body": "- CRC",
                "Document Symbol": "CRC/C/BLR/CO/5-6",
                "Themes": listed("Administration of justice & fair trial"),
                "Affected Persons": listed("Children", "Juveniles"),
                "Sdgs": listed("16.2 - End abuse, exploitation, trafficking of children"),
                "Document Publication Date": date(2020, 2, 28),
            },
        ),
        record(
            12,
            Text="12. The Subcommittee recommends that the national preventive mechanism "
            "be given the resources it needs.",
            **{
                "Countries Concerned": listed("Ukraine"),
                "Regions Concerned": listed("Eastern European States"),
                "Reccomending Body": "- SPT",
                "Document Symbol": "CAT/OP/UKR/3",
                "Sdgs": "",
                "Document Publication Date": date(2019, 1, 22),
            },
        ),
    ]


def index_csv(rows: list[dict], *, date_format: str = "%d/%m/%Y") -> bytes:
    """The rows as a CSV file (as Excel saves the export), dates written with ``date_format``."""
    return csv_file([_dated(row, lambda day: day.strftime(date_format)) for row in rows], HEADER)


def index_xlsx(rows: list[dict]) -> bytes:
    """The rows as the Index's XLSX export: dates as Excel serial numbers."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        dated = _dated(row, lambda day: (day - EXCEL_EPOCH).days)
        sheet.append([dated.get(name, "") for name in HEADER])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _dated(row: dict, write) -> dict:
    return {
        name: write(value) if name in DATES and isinstance(value, date) else value
        for name, value in row.items()
    }
