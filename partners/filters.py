import django_filters
from django.utils.translation import gettext_lazy as _

from acss_portal.filters import TextFilter, country_choices, country_filter, facet
from partners.models import Organisation, OrganisationKind, PartnershipRole


class OrganisationFilter(django_filters.FilterSet):
    country = country_filter("country__code")
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="kind", choices=OrganisationKind.choices
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"),
        field_name="partnerships__role",
        choices=PartnershipRole.choices,
        distinct=True,
    )
    q = TextFilter(kind="organisation")

    class Meta:
        model = Organisation
        fields = []

    def facets(self):
        return [
            facet(self, "country", "country__code", country_choices(), multiple=True),
            facet(self, "type", "kind", OrganisationKind.choices),
            facet(self, "role", "partnerships__role", PartnershipRole.choices),
        ]
