"""What organisations export."""

from django.utils.translation import gettext_lazy as _

from core.exports import Many, One, Text, Value, page, register
from partners.filters import OrganisationFilter
from partners.models import Organisation


def register_exports():
    register(
        Organisation,
        resource="organisations",
        key="slug",
        filterset=OrganisationFilter,
        description=_("Ministries, agencies, diaspora and civil-society organisations."),
        fields=[
            Value("slug"),
            Text("name"),
            Text("acronym"),
            Value("kind"),
            Text("description"),
            One("parent"),
            Many("units"),
            One("country"),
            Value("website"),
            Value("email"),
            page(),
        ],
    )
