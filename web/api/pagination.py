from django.utils.translation import gettext
from rest_framework import pagination
from rest_framework.exceptions import ValidationError

from ..whole_numbers import whole_number


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=`` and ``?page_size=`` (1 to 500, default 50).

    A page size outside 1–500 is refused with 400 rather than silently clamped,
    so a client never believes it has everything when it has not. A page past
    the last one is 404.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = whole_number(raw)
        if size is None or not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        gettext("Give a whole number from 1 to %(largest)s.")
                        % {"largest": self.max_page_size}
                    ]
                }
            )
        return size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
                parameter["description"] = gettext(
                    "Results per page, 1 to %(largest)s (default %(default)s); "
                    "any other value is refused with 400."
                ) % {"largest": self.max_page_size, "default": self.page_size}
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = gettext(
                    "Page number, from 1; a page past the last is 404."
                )
        return parameters


class KnownCount:
    """Rows whose number is known already (the measure's total, say): Django's paginator
    asks ``count()`` and slices, so a page needs no COUNT query."""

    def __init__(self, rows, count: int):
        self.rows, self.known = rows, count

    def count(self) -> int:
        return self.known

    def __len__(self) -> int:
        return self.known

    def __getitem__(self, index):
        return self.rows[index]
