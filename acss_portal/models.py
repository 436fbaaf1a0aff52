from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Timestamped(models.Model):
    """When the record last changed, and how many times it has been saved.

    Factsheets and exports are cached against `updated_at`; the admin compares
    `version` on save so that a second editor never silently overwrites the first.
    """

    updated_at = models.DateTimeField(_("last changed"), auto_now=True, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            self.version += 1
        super().save(*args, **kwargs)


class Publication(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published records under published parents."""
        return self.filter(publication=Publication.PUBLISHED)

    def visible_to(self, user):
        """Published records; staff also preview drafts of what they may view."""
        model = self.model._meta
        if user.is_authenticated and user.has_perm(f"{model.app_label}.view_{model.model_name}"):
            return self.all()
        return self.published()


class Publishable(models.Model):
    """A record that only appears on public pages, search, sitemap and exports once published."""

    publication = models.CharField(
        _("publication"),
        max_length=10,
        choices=Publication.choices,
        default=Publication.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.publication == Publication.PUBLISHED


KIND_LABELS = {
    "project": _("Project"),
    "activity": _("Activity"),
    "event": _("Event"),
    "result": _("Result"),
    "organisation": _("Partner"),
}


class SearchEntry(models.Model):
    """One searchable record in one language, kept in step with the records by signals.

    One table for every kind of record gives one ranked query for the search page; on
    PostgreSQL a partial GIN index per language (migration 0002) makes it fast.
    """

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(_("language"), max_length=5)
    title = models.CharField(_("title"), max_length=400)
    summary = models.TextField(_("summary"), blank=True)
    url = models.CharField(_("address"), max_length=300)
    # Title and every text of the record, apostrophes turned to spaces.
    document = models.TextField()
    # The document in lower case without accents, for the SQLite fallback.
    folded = models.TextField()

    class Meta:
        ordering = ["kind", "object_id", "language"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            # A record has one entry per language.
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="searchentry_one_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} [{self.language}]"

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)
