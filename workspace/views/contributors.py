"""``/workspace/contributors/``: coordinators give an accredited national human-rights
institution or NGO a contributor's account (``rules.may_create_contributors``), without
the administrators: the role and its access are ``recommendations.people``'s."""

from django import forms
from django.contrib import messages
from django.contrib.auth import password_validation
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from recommendations import people, rules
from recommendations.models import INDEPENDENT_KINDS, Institution, Role, UserProfile


class ContributorForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"),
        queryset=Institution.objects.filter(kind__in=INDEPENDENT_KINDS).order_by("name"),
        help_text=gettext_lazy(
            "The accredited national human-rights institution or NGO the contributor speaks "
            "for (add it in the admin's institutions first, of kind NHRI or NGO)."
        ),
    )
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    password = forms.CharField(
        label=gettext_lazy("First password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=gettext_lazy("Give it to the contributor in person; they change it at once."),
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


def _require_coordinator(request):
    if not rules.may_create_contributors(request.user):
        raise PermissionDenied(_("Only coordinators give contributors their accounts."))


@never_cache
@login_required
def contributors(request):
    """The contributors by organisation, and the form that adds one."""
    _require_coordinator(request)
    form = ContributorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = people.user_create(
                username=data["username"],
                role=Role.CONTRIBUTOR,
                institution=data["organisation"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                password=data["password"],
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(
                request,
                _("%(user)s contributes for %(organisation)s.")
                % {"user": user.username, "organisation": data["organisation"]},
            )
            return redirect("workspace:contributors")
    profiles = (
        UserProfile.objects.filter(role=Role.CONTRIBUTOR)
        .select_related("user", "institution")
        .order_by("institution__name", "user__username")
    )
    return render(
        request,
        "workspace/contributors.html",
        {"form": form, "profiles": profiles},
        status=400 if form.errors else 200,
    )
