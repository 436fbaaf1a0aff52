from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from backoffice.models import StaffProfile
from core import roles


class StaffProfileForm(forms.ModelForm):
    translates_into = forms.MultipleChoiceField(
        label=_("translates into"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("For translators: the languages whose texts they may change."),
    )

    class Meta:
        model = StaffProfile
        fields = ("countries", "translates_into", "language")


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    form = StaffProfileForm
    can_delete = False
    autocomplete_fields = ("countries",)
    verbose_name_plural = _("countries (for ministry editors) and languages (for translators)")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Programme managers manage staff accounts: role (group) and countries in one form."""

    inlines = (StaffProfileInline,)
    list_display = ("username", "email", "role", "countries", "is_active", "last_login")
    list_filter = ("groups", "is_active", "staff_profile__countries")

    def get_queryset(self, request):
        users = super().get_queryset(request).prefetch_related("groups", "staff_profile__countries")
        # Only a superuser manages superusers.
        return users if request.user.is_superuser else users.filter(is_superuser=False)

    @admin.display(description=_("role"))
    def role(self, user):
        return roles.ROLE_LABELS.get(roles.role_of(user), "—")

    @admin.display(description=_("countries"))
    def countries(self, user):
        profile = getattr(user, "staff_profile", None)
        return ", ".join(c.code for c in profile.countries.all()) if profile else ""

    def save_model(self, request, obj, form, change):
        # Staff accounts sign in to the admin.
        obj.is_staff = True
        super().save_model(request, obj, form, change)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # Rights come from the role groups; only a superuser may grant more.
        if not request.user.is_superuser:
            for name in ("is_superuser", "user_permissions"):
                if name in form.base_fields:
                    form.base_fields[name].disabled = True
        return form
