"""Reading back what the export views send."""

import csv
import io

import openpyxl


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def workbook(response):
    return openpyxl.load_workbook(io.BytesIO(content(response)))


def sheet_rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]
