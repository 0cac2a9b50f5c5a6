"""Ids and whole numbers as clients send them, read strictly.

A client's id or number is an integer (in JSON) or ASCII digits with an optional
minus (in a query), within the 64-bit range every supported database stores.
Python alone is more lenient: ``int("١")`` is 1 (Arabic-Indic digits),
``"¹".isdigit()`` is true yet ``int("¹")`` fails, and the ORM turns ``1.5`` into
record 1 and ``1e999`` (infinity to a JSON parser) into an OverflowError. The
API's fields, the filters and the paging read numbers through ``whole_number``.
"""

import re

SMALLEST = -(2**63)
LARGEST = 2**63 - 1
# [0-9], not \d: \d matches the digits of every script.
_ASCII_DIGITS = re.compile(r"-?[0-9]+")
_MOST_DIGITS = len(str(LARGEST))


def whole_number(value: object) -> int | None:
    """``value`` as an int if it is a whole number within 64 bits: an ``int`` (a
    ``bool`` is not a number here) or a string of ASCII digits, optionally signed
    with "-" and surrounded by spaces. Anything else gives None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        # Python refuses to read very long digit strings at all; 64 bits is 19 digits.
        if not _ASCII_DIGITS.fullmatch(text) or len(text.lstrip("-0")) > _MOST_DIGITS:
            return None
        number = int(text)
    else:
        return None
    return number if SMALLEST <= number <= LARGEST else None
