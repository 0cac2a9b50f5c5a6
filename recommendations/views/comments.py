"""``/recommendations/<id>/comment/``: anyone's comment on a recommendation of a published
review, for the coordinators to approve (``recommendations.voices``). The page is not kept
for visitors (it carries the moment it was shown); the spam checks are ``web.spam``'s."""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from web import spam

from .. import rules, voices
from ..models import PublicComment, Recommendation


class PublicCommentForm(forms.ModelForm):
    # The honeypot: hidden from people by the stylesheet, from keyboards by tabindex.
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    shown = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = PublicComment
        fields = ["name", "organisation", "email", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 8, "maxlength": 5000})}
        help_texts = {
            "organisation": gettext_lazy("Optional: the organisation you speak for, if any."),
            "comment": gettext_lazy(
                "At most 5,000 characters. Shown with your name (and "
                "organisation) once a coordinator approves it."
            ),
        }

    def clean_shown(self):
        stamp = self.cleaned_data["shown"]
        if spam.sent_too_soon_or_forged(stamp):
            raise forms.ValidationError(
                _("The form was sent too quickly, or is too old. Please send it again.")
            )
        return stamp


def _recommendation(request, pk) -> Recommendation:
    readable = rules.visible_recommendations(request.user).select_related(
        "review__state_under_review", "review__mechanism"
    )
    recommendation = get_object_or_404(readable, pk=pk)
    if not rules.may_comment(request.user, recommendation):
        raise Http404(_("Comments are open on the recommendations of published reviews only."))
    return recommendation


@require_http_methods(["GET", "HEAD", "POST"])
def recommendation_comment(request, pk: int):
    """The form, and on a good POST the comment saved for moderation, then the thanks."""
    recommendation = _recommendation(request, pk)
    if request.method != "POST":
        form = PublicCommentForm(initial={"shown": spam.form_stamp()})
        return _page(request, recommendation, form)
    if spam.filled_honeypot(request.POST):
        return redirect("recommendation-comment-sent", pk=recommendation.pk)  # say nothing
    if spam.over_the_rate(request, scope="comments"):
        return _page(request, recommendation, None, status=429)
    form = PublicCommentForm(request.POST)
    if not form.is_valid():
        data = request.POST.copy()
        data["shown"] = spam.form_stamp()  # a new stamp for the next try
        form.data = data
        return _page(request, recommendation, form, status=400)
    fields = {name: form.cleaned_data[name] for name in PublicCommentForm.Meta.fields}
    voices.public_comment_submit(user=request.user, recommendation=recommendation, **fields)
    return redirect("recommendation-comment-sent", pk=recommendation.pk)


@require_safe
def recommendation_comment_sent(request, pk: int):
    """Thanks, and what happens next."""
    recommendation = _recommendation(request, pk)
    return render(request, "recommendations/comment_sent.html", {"recommendation": recommendation})


def _page(request, recommendation, form, *, status=200):
    return render(
        request,
        "recommendations/comment_form.html",
        {"recommendation": recommendation, "form": form, "too_many": form is None},
        status=status,
    )
