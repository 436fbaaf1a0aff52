from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def both_languages():
    return [code for code, _name in settings.LANGUAGES]


class StaffProfile(models.Model):
    """The countries a ministry editor works for, the languages a translator writes."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    countries = models.ManyToManyField(
        "projects.Country",
        verbose_name=_("countries"),
        related_name="staff_profiles",
        blank=True,
        help_text=_("A ministry editor sees and edits only the records linked to these countries."),
    )
    translates_into = models.JSONField(
        _("translates into"),
        default=both_languages,
        blank=True,
        help_text=_("The languages whose texts a translator may change."),
    )

    language = models.CharField(
        _("language of the back-office"),
        max_length=5,
        choices=[("", _("As the browser asks"))] + list(settings.LANGUAGES),
        blank=True,
        default="",
        help_text=_("The admin is shown in this language after signing in."),
    )

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return str(self.user)
