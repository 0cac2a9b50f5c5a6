"""Admin lists that answer a filter they cannot apply as Django answers one it
recognises as wrong (back to the plain list, ``?e=1``), never with a server error.

Django's ChangeList turns most bad filters into ``IncorrectLookupParameters``, but
not all: a date-hierarchy year or month too large for a date
(``?assessed_on__year=9223372036854775808``, ``9999`` whose next year does not
exist) raises OverflowError or ValueError while the bounds are computed, and a
number too large for the database fails only when the list is counted.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db import DataError


class TolerantChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error

    def get_results(self, request):
        try:
            super().get_results(request)
        except (OverflowError, DataError) as error:
            raise IncorrectLookupParameters(error) from error


class TolerantListMixin:
    """For a ModelAdmin: its list sends a filter it cannot apply back to the plain list."""

    def get_changelist(self, request, **kwargs):
        return TolerantChangeList
