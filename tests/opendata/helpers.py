import datetime

from documents.models import Document
from projects.models import Country, Project


def make_document(slug="open-study", **fields):
    """A published study in French about Mali, linked to the Action (the seed has no document)."""
    defaults = {
        "title_en": "Study on diaspora associations",
        "title_fr": "Étude sur les associations de la diaspora",
        "category": "study",
        "language": "fr",
        "file": "documents/2021/study.pdf",
        "content_type": "application/pdf",
        "published_on": datetime.date(2021, 9, 1),
        "publication": "published",
    }
    document = Document.objects.create(slug=slug, **{**defaults, **fields})
    document.countries.add(Country.objects.get(code="ML"))
    document.projects.add(Project.objects.get(slug="acss"))
    return document
