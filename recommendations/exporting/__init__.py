"""Data out: the filtered recommendation list and the engagements as CSV or XLSX, and a
review's mid-term status report as a printable page and a Word document."""
