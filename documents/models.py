from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import french_slug_field, slug_constraint, slug_field
from core.models import Content, ContentQuerySet, PageSlugs, Publishable, public_or_none
from core.partial_dates import partial, precision_constraint, precision_field, truncate
from documents.uploads import ALLOWED, clean_file_name, validate_upload


class DocumentCategory(models.TextChoices):
    FACTSHEET = "factsheet", _("Factsheet")
    STUDY = "study", _("Study or report")
    AGREEMENT = "agreement", _("Memorandum or agreement")
    PRESENTATION = "presentation", _("Presentation")
    OTHER = "other", _("Other")


# IATI DocumentCategory codes, for the open-data export.
IATI_DOCUMENT_CATEGORY = {
    DocumentCategory.FACTSHEET: "A02",  # Objectives / purpose of activity
    DocumentCategory.STUDY: "A08",  # Results, outcomes and outputs
    DocumentCategory.AGREEMENT: "A09",  # Memorandum of understanding
    DocumentCategory.PRESENTATION: "A02",
    DocumentCategory.OTHER: "A12",  # Activity web page and other material
}


class DocumentLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    ARABIC = "ar", _("Arabic")
    GERMAN = "de", _("German")
    OTHER = "other", _("Other")


def upload_to(document, filename):
    # The name was already cleaned when the file was checked; keep uploads by year.
    return f"documents/{document.published_on:%Y}/{filename}"


class Document(PageSlugs, Publishable, Content):
    country_path = "countries"

    slug = slug_field()
    slug_fr = french_slug_field()
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=DocumentCategory.choices)
    language = models.CharField(
        _("language of the document"), max_length=5, choices=DocumentLanguage.choices
    )
    file = models.FileField(
        _("file"),
        upload_to=upload_to,
        max_length=200,
        help_text=_("PDF, DOCX, XLSX, ODT, PNG or JPEG; checked by its content."),
    )
    content_type = models.CharField(
        _("content type"),
        max_length=100,
        editable=False,
        choices=[(kind.content_type, kind.extension.upper()) for kind in ALLOWED],
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False, default=0)
    published_on = models.DateField(_("publication date"))
    projects = models.ManyToManyField(
        "projects.Project", verbose_name=_("projects"), related_name="documents", blank=True
    )
    activities = models.ManyToManyField(
        "activities.Activity", verbose_name=_("activities"), related_name="documents", blank=True
    )
    countries = models.ManyToManyField(
        "projects.Country", verbose_name=_("countries"), related_name="documents", blank=True
    )

    class Meta:
        ordering = ["-published_on", "slug"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("publish_document", _("Can publish, unpublish and archive documents"))]
        indexes = [
            # The document library and documents sections read the newest first.
            models.Index(fields=["-published_on", "slug"], name="document_listing_order"),
        ]
        constraints = [slug_constraint("document")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:download", kwargs={"slug": self.page_slug})

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude=exclude)
        upload = self.file.file if self.file and not self.file._committed else None
        if upload is not None and "file" not in (exclude or ()):
            try:
                kind = validate_upload(upload)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from None
            self.file.name = clean_file_name(self.file.name, kind)
            self.content_type = kind.content_type
            self.size = upload.size

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper()


class SourceKind(models.TextChoices):
    FACTSHEET = "factsheet", _("Factsheet")
    INFOSHEET = "infosheet", _("Infosheet")
    PROJECT_PAGE = "project-page", _("Project description")
    ARTICLE = "article", _("Article")


class SourceQuerySet(ContentQuerySet):
    def for_listing(self):
        return self.select_related("publisher")


class Source(Publishable, Content):
    """A document the portal's facts rest on, cited on the page of every record it supports.

    The relations are declared here, above the apps of the records, so that each record
    reaches its sources as `record.sources` without importing this app.
    """

    # Sources are not bound to a country: programme managers keep them, editors cite them.
    edited_by_ministries = False

    slug = slug_field()
    title = models.CharField(
        _("title"), max_length=300, help_text=_("As the source itself gives it.")
    )
    description = models.TextField(_("what it is"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    language = models.CharField(
        _("language of the source"), max_length=5, choices=DocumentLanguage.choices
    )
    publisher = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("publisher"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="published_sources",
        help_text=_("Only when the source names its publisher."),
    )
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_on = models.DateField(_("date"), null=True, blank=True)
    published_on_precision = precision_field(_("date precision"))
    url = models.URLField(_("address"), max_length=500, blank=True)
    projects = models.ManyToManyField(
        "projects.Project", verbose_name=_("projects"), related_name="sources", blank=True
    )
    countries = models.ManyToManyField(
        "projects.Country", verbose_name=_("countries"), related_name="sources", blank=True
    )
    themes = models.ManyToManyField(
        "projects.ThematicArea",
        verbose_name=_("fields of intervention"),
        related_name="sources",
        blank=True,
    )
    agreements = models.ManyToManyField(
        "projects.Agreement", verbose_name=_("agreements"), related_name="sources", blank=True
    )
    results = models.ManyToManyField(
        "projects.Result", verbose_name=_("results"), related_name="sources", blank=True
    )
    organisations = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("organisations"),
        related_name="sources",
        blank=True,
    )
    activities = models.ManyToManyField(
        "activities.Activity", verbose_name=_("activities"), related_name="sources", blank=True
    )
    events = models.ManyToManyField(
        "activities.Event", verbose_name=_("events"), related_name="sources", blank=True
    )

    objects = SourceQuerySet.as_manager()
    # The records a source can back, as the admin shows them and the history keeps them.
    CITED_BY = (
        "projects",
        "countries",
        "themes",
        "agreements",
        "results",
        "organisations",
        "activities",
        "events",
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        permissions = [("publish_source", _("Can publish, unpublish and archive sources"))]
        constraints = [
            slug_constraint("source"),
            precision_constraint("published_on", "source"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # Sources are listed in the documents library, each under its own anchor.
        return f"{reverse('documents:list')}#source-{self.slug}"

    def clean(self):
        self.published_on = truncate(self.published_on, self.published_on_precision)

    @property
    def date(self):
        return partial(self.published_on, self.published_on_precision)

    @property
    def public_publisher(self):
        return public_or_none(self.publisher)
