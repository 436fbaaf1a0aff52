from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from partners.exports import register_exports

        register_exports()
        from partners.models import Organisation
        from search import index

        index.register(
            Organisation,
            kind="organisation",
            label=_("Partner"),
            plural=_("Partners"),
            title="name",
            summary="description",
            texts=("acronym", "country.name"),
        )
