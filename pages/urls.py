from django.urls import path
from django.utils.translation import gettext_lazy as _

from pages import views

app_name = "pages"
urlpatterns = [
    path(_("about/"), views.about, name="about"),
    path(_("contact/"), views.contact, name="contact"),
    path(_("legal-notice/"), views.legal_notice, name="legal"),
    path(_("privacy/"), views.privacy, name="privacy"),
    path(_("accessibility/"), views.accessibility, name="accessibility"),
]
