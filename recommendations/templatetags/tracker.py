"""Display helpers for the pages: figures, charts and links that keep the query."""

from django import template
from django.http import QueryDict
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, pgettext

from .. import charts
from ..models import Status

register = template.Library()


@register.filter
def percent(value) -> str:
    """72.4 -> '72.4 %' in English, '72,4 %' in Russian (kept on one line); None (nothing
    supported) -> 'no data'."""
    if value is None:
        return gettext("no data")
    return f"{number_format(value, decimal_pos=1)}\u00a0%"


@register.filter
def percent_or_no_data(value) -> SafeString:
    """``percent`` as a cell shows it: "no data" marked as such (styled apart) when
    nothing is supported. A filter, not an include: the breakdowns and the chart's table
    show hundreds."""
    if value is None:
        return format_html('<span class="no-data">{}</span>', gettext("no data"))
    return escape(percent(value))


# A language's name inside a sentence ("Text in English"; lower case in Russian and
# Belarusian), from the tracker's catalogues rather than Django's (whose Belarusian
# spells English "Анґельская").
_LANGUAGE_NAMES = {
    "en": lambda: pgettext("language, in a sentence", "English"),
    "ru": lambda: pgettext("language, in a sentence", "Russian"),
    "be": lambda: pgettext("language, in a sentence", "Belarusian"),
}


@register.filter
def language_name(code) -> str:
    """'ru' -> 'Russian' in the active language; a code it does not know as it is."""
    name = _LANGUAGE_NAMES.get(str(code).split("-")[0])
    return name() if name else str(code)


@register.filter
def shown_text(recommendation):
    """The recommendation's text in the active language, or its original (a ``ShownText``:
    ``text``, ``language``, ``is_translation``, ``is_fallback``)."""
    return recommendation.text_in(get_language())


@register.filter
def file_name(path: str) -> str:
    """'evidence/updates/2024/report.pdf' -> 'report.pdf'."""
    return str(path).rsplit("/", 1)[-1]


@register.filter
def status_label(value) -> str:
    """An implementation status as people read it: 'partially_implemented' ->
    'Partially implemented'; none yet (empty) -> 'Not started', as the measure counts it."""
    value = value or Status.NOT_STARTED
    return str(Status(value).label) if value in Status.values else str(value)


@register.filter
def status_counts(measure) -> list[tuple[str, str, int]]:
    """(status, label, count) of the supported recommendations, furthest along first."""
    return [
        (status.value, str(status.label), measure.by_status[status])
        for status in charts.STATUS_ORDER
    ]


@register.simple_tag
def status_bar(measure, decorative=False):
    return charts.status_bar(measure, decorative=decorative)


@register.simple_tag
def over_time_chart(over_time):
    return charts.over_time_chart(over_time)


@register.filter
def page_window(paginator, number: int, around: int = 2) -> range:
    """The page numbers shown around the current one."""
    first = max(1, number - around)
    last = min(paginator.num_pages, number + around)
    return range(first, last + 1)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with ``changes`` applied: a value replaces the
    parameter, None removes it. The page number is dropped unless given (a new
    sort or filter starts again at page 1)."""
    query: QueryDict = context["request"].GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None and value != "":
            query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
