"""Reading uploaded bytes: encodings, line endings, empty files and XLSX workbooks."""

from __future__ import annotations

import io

import openpyxl
import pytest

from recommendations.importing.errors import ImportFileError
from recommendations.importing.reading import decode_text, read_rows


def rows_of(data: bytes, filename: str = "upload.csv", **kwargs) -> tuple[list, list]:
    header, rows = read_rows(data, filename, **kwargs)
    return header, list(rows)


def xlsx(*rows: list) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_utf8_with_byte_order_mark():
    header, rows = rows_of("\ufeffTo,Text\r\nBelarus,Café\r\n".encode())
    assert header == ["To", "Text"]
    assert rows == [(2, {"To": "Belarus", "Text": "Café"})]


def test_utf8_without_byte_order_mark():
    text = "C\u00f4te d\u2019Ivoire"
    assert decode_text(text.encode()) == text


def test_cp1252_fallback():
    text = "C\u00f4te d\u2019Ivoire \u2013 \u201cok\u201d"  # curly quotes and a dash
    assert decode_text(text.encode("cp1252")) == text


def test_explicit_encoding_is_used_strictly():
    assert decode_text(b"Habr\x8e", encoding="mac_roman") == "Habré"
    with pytest.raises(ImportFileError) as caught:
        decode_text(b"ok\nstill ok\nbad \xff", encoding="ascii")
    assert caught.value.row == 3


def test_unknown_encoding_name():
    with pytest.raises(ImportFileError, match="unknown text encoding"):
        decode_text(b"x", encoding="no-such-codec")


@pytest.mark.parametrize("newline", [b"\r", b"\n", b"\r\n"])
def test_line_endings(newline):
    data = newline.join([b"To,Text", b"Belarus,one", b"Belarus,two", b""])
    header, rows = rows_of(data)
    assert header == ["To", "Text"]
    assert rows == [(2, {"To": "Belarus", "Text": "one"}), (3, {"To": "Belarus", "Text": "two"})]


def test_mixed_line_endings_are_normalised():
    assert decode_text(b"a\rb\nc\r\nd\r") == "a\nb\nc\nd\n"


def test_undecodable_byte_is_reported_with_its_line():
    # 0x81 is neither UTF-8 nor defined in cp1252.
    data = b"To,Text\r\nBelarus,fine\r\nBelarus,bad \x81 byte\r\n"
    with pytest.raises(ImportFileError) as caught:
        read_rows(data, "upload.csv")
    assert caught.value.row == 3
    assert "0x81" in caught.value.reason
    assert "row 3" in str(caught.value)


def test_undefined_cp1252_byte_after_a_valid_one():
    # 0xE9 alone is not UTF-8 but is é in cp1252; 0x8F on line 4 is undefined in cp1252.
    data = b"To,Text\nA,caf\xe9\nB,ok\nC,Hiss\x8fne\n"
    with pytest.raises(ImportFileError) as caught:
        decode_text(data)
    assert caught.value.row == 2
    assert "line 4" in caught.value.reason


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", b"   "])
def test_empty_file(data):
    with pytest.raises(ImportFileError) as caught:
        read_rows(data, "upload.csv")
    assert "empty" in caught.value.reason or "no rows" in caught.value.reason


def test_header_only():
    with pytest.raises(ImportFileError, match="no data rows"):
        read_rows(b"To,Text,From\r\n", "upload.csv")


def test_blank_rows_are_skipped_but_keep_their_numbers():
    _, rows = rows_of(b"To,Text\n\nBelarus,one\n,\nBelarus,two\n")
    assert [number for number, _ in rows] == [3, 5]


def test_a_quoted_cell_over_several_lines_is_one_row():
    _, rows = rows_of(b'To,Text\nBelarus,"line one\r\nline two"\nBelarus,next\n')
    assert rows == [
        (2, {"To": "Belarus", "Text": "line one\nline two"}),
        (3, {"To": "Belarus", "Text": "next"}),
    ]


def test_short_rows_are_padded_and_long_rows_refused():
    _, rows = rows_of(b"To,Text,From\nBelarus,one\n")
    assert rows == [(2, {"To": "Belarus", "Text": "one", "From": ""})]
    _, iterator = read_rows(b"To,Text\nBelarus,one\nBelarus,two,surprise\n", "upload.csv")
    assert next(iterator)[0] == 2
    with pytest.raises(ImportFileError) as caught:
        next(iterator)
    assert caught.value.row == 3


def test_duplicate_header_is_refused():
    with pytest.raises(ImportFileError) as caught:
        read_rows(b"To,Text,To\nA,b,c\n", "upload.csv")
    assert (caught.value.row, caught.value.column) == (1, "To")


def test_xlsx_values_become_strings():
    data = xlsx(["To", "Text", "Action", "Session"], ["Belarus", "Ratify", 4, None], [])
    header, rows = rows_of(data, "upload.xlsx")
    assert header == ["To", "Text", "Action", "Session"]
    assert rows == [(2, {"To": "Belarus", "Text": "Ratify", "Action": "4", "Session": ""})]


def test_xlsx_is_recognised_by_content_too():
    _, rows = rows_of(xlsx(["To"], ["Belarus"]), "upload.bin")
    assert rows == [(2, {"To": "Belarus"})]


def test_xlsx_formula_is_an_error_with_row_and_column():
    data = xlsx(["To", "Text"], ["Belarus", "Ratify"], ["Belarus", '=A3&" again"'])
    _, rows = read_rows(data, "upload.xlsx")
    assert next(rows) == (2, {"To": "Belarus", "Text": "Ratify"})
    with pytest.raises(ImportFileError) as caught:
        next(rows)
    assert (caught.value.row, caught.value.column) == (3, "Text")
    assert "B3" in caught.value.reason and "formula" in caught.value.reason


def test_xlsx_header_only_and_empty():
    with pytest.raises(ImportFileError, match="no data rows"):
        read_rows(xlsx(["To", "Text"]), "upload.xlsx")
    with pytest.raises(ImportFileError, match="empty"):
        read_rows(xlsx(), "upload.xlsx")


def test_broken_xlsx_and_old_xls():
    with pytest.raises(ImportFileError, match="XLSX"):
        read_rows(b"PK\x03\x04 not really a zip", "upload.xlsx")
    with pytest.raises(ImportFileError, match="xls"):
        read_rows(b"\xd0\xcf\x11\xe0", "upload.xls")
