from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "backoffice"
    verbose_name = _("Staff and roles")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.roles import sync_roles

        # Keeps the three groups' permissions in step as models are added (and after flush).
        post_migrate.connect(
            lambda sender, **kwargs: sync_roles(), sender=self, dispatch_uid="backoffice-sync-roles"
        )
