"""Russian as the tracker writes it: "21.12.2013", the form of dates in Russian official
documents (ГОСТ Р 7.0.97-2016: day, month, year in figures, separated by full stops), the
same in tables and in text; "73,0" with a decimal comma and a space between thousands."""

DATE_FORMAT = "d.m.Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
# "декабрь 2013", "21 декабря": Django's month names, the genitive after a day.
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
