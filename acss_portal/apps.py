from django.apps import AppConfig
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class AcssPortalConfig(AppConfig):
    name = "acss_portal"
    verbose_name = _("Portal")

    def ready(self):
        from acss_portal import search
        from activities.models import Activity, Event
        from partners.models import Organisation
        from projects.models import Project, Result

        search.register(
            Project,
            kind="project",
            title="title",
            summary="summary",
            texts=("acronym", "context", "objective", "approach"),
        )
        search.register(
            Activity, kind="activity", title="title", summary="summary", texts=("place",)
        )
        search.register(
            Event,
            kind="event",
            title="title",
            summary="description",
            texts=("place", "country.name"),
        )
        search.register(
            Result, kind="result", title="title", summary="description", texts=("place",)
        )
        search.register(
            Organisation,
            kind="organisation",
            title="name",
            summary="description",
            texts=("acronym", "country.name"),
        )
        # Records whose address depends on another one's slug.
        dependents = {Project: ["results", "activities"], Activity: ["events"]}

        def reindex(sender, instance, raw=False, **kwargs):
            if search.is_paused():
                return
            try:
                search.index_record(instance)
                for relation in [] if raw else dependents.get(sender, []):
                    for related in getattr(instance, relation).all():
                        reindex(type(related), related)
            except ObjectDoesNotExist:
                # A fixture row whose parent is not loaded yet; load_seed rebuilds the index.
                pass

        def unindex(sender, instance, **kwargs):
            if not search.is_paused():
                search.unindex_record(instance)

        for model in search.REGISTRY:
            post_save.connect(reindex, sender=model, dispatch_uid=f"search-index-{model.__name__}")
            post_delete.connect(unindex, sender=model, dispatch_uid=f"search-drop-{model.__name__}")
