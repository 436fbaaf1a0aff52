from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


def content_models():
    """Every concrete content model of the portal, in the order of INSTALLED_APPS."""
    from django.apps import apps

    from core.models import Content

    return [
        model
        for model in apps.get_models()
        if issubclass(model, Content) and not model.__name__.startswith("Historical")
    ]


def content_changed(sender, action="post_save", **kwargs):
    from core.models import ContentGeneration

    if action.startswith("post_"):  # m2m_changed also announces what it is about to do
        ContentGeneration.bump()


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        # Any change of content moves the generation on, so that caches keyed on it renew.
        for model in content_models():
            uid = f"content-generation-{model._meta.label_lower}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    content_changed,
                    sender=field.remote_field.through,
                    dispatch_uid=f"{uid}-{field.name}",
                )
