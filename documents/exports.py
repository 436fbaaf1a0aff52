"""What documents export."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.exports import Date, Localised, Many, Text, Value, register
from documents.filters import DocumentFilter
from documents.models import Document


def register_exports():
    register(
        Document,
        resource="documents",
        key="slug",
        filterset=DocumentFilter,
        description=_("Studies, memoranda, presentations and other documents of the library."),
        fields=[
            Value("slug"),
            Text("title"),
            Text("description"),
            Value("category"),
            Value("language"),
            Date("published_on"),
            Value("content_type"),
            Value("size", kind="integer"),
            Many("projects"),
            Many("activities"),
            Many("countries"),
            Localised("file", lambda document: reverse("documents:download", args=[document.slug])),
        ],
    )
