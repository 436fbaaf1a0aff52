from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin, whose index is the signed-in person's back-office home."""

    default_site = "backoffice.admin_site.PortalAdminSite"
