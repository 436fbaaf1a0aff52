from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from backoffice.dashboards import home
from backoffice.models import StaffProfile


class LanguageForm(forms.ModelForm):
    class Meta:
        model = StaffProfile
        fields = ("language",)


class PortalAdminSite(admin.AdminSite):
    """The admin, whose index is each role's back-office home."""

    site_header = _("ACSS Knowledge Portal — back-office")
    site_title = _("ACSS back-office")
    index_title = _("Records of the Action, in English and French")
    index_template = "admin/portal_index.html"

    def index(self, request, extra_context=None):
        profile = StaffProfile.objects.filter(user=request.user).first()
        context = {
            "dashboard": home(request.user),
            "language_form": LanguageForm(instance=profile),
            **(extra_context or {}),
        }
        return super().index(request, context)

    def get_urls(self):
        urls = [
            path(
                "preferences/language/",
                self.admin_view(self.language_preference),
                name="language_preference",
            )
        ]
        return urls + super().get_urls()

    @staticmethod
    @require_POST
    def language_preference(request):
        """Any staff member chooses the language of their admin."""
        profile, _created = StaffProfile.objects.get_or_create(user=request.user)
        form = LanguageForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your language preference is saved."))
        else:
            messages.error(request, _("Choose one of the languages offered."))
        return redirect("admin:index")
