"""Data out: the filtered recommendation list as CSV or XLSX, and a review's mid-term
status report as a printable page and a Word document (the engagements' download is
``missions.exporting``; the spreadsheet responses both use are ``web.spreadsheets``)."""
