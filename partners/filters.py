import django_filters
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.filters import RelatedChoiceFilter, country_facet, country_filter, facet
from partners.models import Organisation, OrganisationKind, Partnership, PartnershipRole
from search.filters import TextFilter


def partner_filter(field_name):
    """A published partner organisation, by slug."""
    return RelatedChoiceFilter(
        label=_("Partner"), field_name=field_name, to_field_name="slug", public_only=True
    )


def public_roles(organisations):
    """{role: organisations} counted over public partnerships only (never a draft project's)."""
    partnerships = Partnership.objects.published().filter(organisation__in=organisations)
    rows = (
        partnerships.order_by().values_list("role").annotate(n=Count("organisation", distinct=True))
    )
    return dict(rows)


class OrganisationFilter(django_filters.FilterSet):
    country = country_filter("country__code")
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="kind", choices=OrganisationKind.choices
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"), choices=PartnershipRole.choices, method="filter_role"
    )
    q = TextFilter(kind="organisation")

    class Meta:
        model = Organisation
        fields = []

    def filter_role(self, queryset, name, value):
        holders = Partnership.objects.published().filter(role=value).values("organisation")
        return queryset.filter(pk__in=holders)

    def facets(self):
        return [
            country_facet(self, "country__code"),
            facet(self, "type", "kind", OrganisationKind.choices),
            facet(self, "role", "", PartnershipRole.choices, counts=public_roles),
        ]
