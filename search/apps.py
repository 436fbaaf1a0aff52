from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def fill_empty_index(sender, using="default", **kwargs):
    """A database migrated from before the search app has content but no index yet."""
    from search.index import REGISTRY, rebuild
    from search.models import SearchEntry

    entries = SearchEntry.objects.using(using)
    if not entries.exists() and any(m.objects.using(using).exists() for m in REGISTRY):
        rebuild()


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        post_migrate.connect(fill_empty_index, sender=self, dispatch_uid="search-fill-empty-index")
