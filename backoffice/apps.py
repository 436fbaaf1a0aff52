from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "backoffice"
    verbose_name = _("Staff and roles")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save
        from simple_history.signals import post_create_historical_record

        from backoffice import notifications
        from core.models import Revision
        from core.roles import sync_roles

        post_create_historical_record.connect(
            notifications.on_history, dispatch_uid="backoffice-review-mail"
        )
        post_save.connect(
            notifications.on_revision, sender=Revision, dispatch_uid="backoffice-revision-mail"
        )

        # Keeps the three groups' permissions in step as models are added (and after flush).
        post_migrate.connect(
            lambda sender, **kwargs: sync_roles(), sender=self, dispatch_uid="backoffice-sync-roles"
        )
