"""The flow every workspace form page shares: show the form; on a valid POST save it
through a service, and either say what was done and move on, or show the form again
with the services' errors next to what was typed.

The pages differ only in their service, their words and where they lead, so those are
the arguments; the reported records (progress updates, indicator values) add the choice
to submit at once and a button to submit a draft as it stands.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render

SUBMIT = "submit"


def add_service_errors(form, error: ValidationError):
    """Errors the services find after the form's own checks, shown on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_page(
    request,
    form,
    template: str,
    context: dict[str, Any] | Callable[[], dict[str, Any]],
    *,
    save: Callable[[Any], Any],
    saved_message: Callable[[Any], str],
    next_page: Callable[[Any], str],
):
    """``form`` on ``template`` (with ``context``, or what it returns when called); on a
    valid POST, ``save(form)``: when the service accepts it, ``saved_message(saved)`` is
    said and the browser goes to ``next_page(saved)``; when it refuses, its errors are
    shown on the form and nothing is saved."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, saved_message(saved))
            return redirect(next_page(saved))
    shown = context() if callable(context) else context
    return render(request, template, {"form": form, **shown})


def draft_form_page(request, form, template, context, *, save, submit, saved_message, next_page):
    """``form_page`` for a reported record: ``save(fields)`` saves it and, when the user
    chose so, ``submit(saved)`` submits it, both or neither (one transaction)."""
    submitting = request.POST.get("intent") == SUBMIT

    def save_and_submit(form):
        with transaction.atomic():
            saved = save(form.service_fields())
            if submitting:
                submit(saved)
        return saved

    return form_page(
        request,
        form,
        template,
        context,
        save=save_and_submit,
        saved_message=saved_message,
        next_page=next_page,
    )


def submit_page(request, record, *, submit: Callable[[], Any], saved_message, next_page: str):
    """Submit a draft (or resubmit a returned record) as it stands: ``submit()``, then
    say what became of ``record`` or why it was refused, and go to ``next_page``."""
    try:
        submit()
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, saved_message(record))
    return redirect(next_page)
