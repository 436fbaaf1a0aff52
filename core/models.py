"""What every content record shares: its change stamp, and when the public may see it.

Publication is defined here once. A record is public when it is published (if it has a
publication state at all), when the flags of `public_when` hold, and when every record named
in `public_requires` is public too: an activity under a draft project is not public, nor is
a partnership with a draft organisation. `ContentQuerySet.published()` says it in SQL and
`Content.is_public` in Python, both from the same declarations.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class Publication(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


def public_condition(model, prefix: str = "") -> Q:
    """The SQL condition under which records of `model` are public (`prefix` for lookups)."""
    condition = Q()
    if issubclass(model, Publishable):
        condition &= Q(**{f"{prefix}publication": Publication.PUBLISHED})
    for name, value in model.public_when.items():
        condition &= Q(**{f"{prefix}{name}": value})
    for name in model.public_requires:
        field = model._meta.get_field(name)
        inner = public_condition(field.related_model, f"{prefix}{name}__")
        if field.null:
            inner = Q(**{f"{prefix}{name}__isnull": True}) | inner
        condition &= inner
    # Every record, as a condition that stays itself when OR-ed (an empty Q() would vanish).
    return condition or Q(pk__isnull=False)


class ContentQuerySet(models.QuerySet):
    def published(self):
        """What the public may see, here and in every list, count, feed and export."""
        return self.filter(public_condition(self.model))

    def visible_to(self, user):
        """What a visitor may open: public records, and the drafts a staff member may edit."""
        from core import scope

        return self.filter(
            public_condition(self.model) | scope.editable_condition(user, self.model)
        )

    # Bulk writes send no save signals, so they move the content generation on themselves:
    # an import or a script that uses them renews every cached page too.
    def update(self, **kwargs):
        count = super().update(**kwargs)
        ContentGeneration.bump()
        return count

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        ContentGeneration.bump()
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        count = super().bulk_update(objs, fields, *args, **kwargs)
        ContentGeneration.bump()
        return count


class Content(models.Model):
    """A record of the knowledge base: change stamp, version, and its rules of scope and publication.

    Factsheets and caches are keyed on the content generation that every save bumps; the
    admin compares `version` on save so that a second editor never silently overwrites the first.
    """

    updated_at = models.DateTimeField(_("last changed"), auto_now=True, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    # The lookup from this model to the countries it concerns; a ministry editor works on
    # the records whose countries include one of theirs. None: not bound to a country.
    country_path: str | None = None
    # Whether ministry editors write records of this kind, or only look them up to link to.
    edited_by_ministries = True
    # The records that must be public for this one to be (foreign keys; a null one is no bar).
    public_requires: tuple = ()
    # Field values this record needs to be public, besides its publication state.
    public_when: dict = {}

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            self.version += 1
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        """Whether the public may see this record (the same rule as `published()`)."""
        if isinstance(self, Publishable) and self.publication != Publication.PUBLISHED:
            return False
        if any(getattr(self, name) != value for name, value in self.public_when.items()):
            return False
        for name in self.public_requires:
            related = getattr(self, name)
            if related is not None and not related.is_public:
                return False
            if related is None and not self._meta.get_field(name).null:
                return False
        return True


class PageSlugs:
    """A record whose page has an address in each language: `slug` (English, and the record's
    lasting identifier) and `slug_fr`, made from the French title when left empty."""

    # The translated field a French slug is made from.
    slug_source = "title"

    def slug_for(self, language: str | None = None) -> str:
        language = language or translation.get_language()
        return (self.slug_fr if language == "fr" else None) or self.slug

    @property
    def page_slug(self) -> str:
        """The slug of the page in the active language."""
        return self.slug_for()

    def save(self, *args, **kwargs):
        if not self.slug_fr:
            self.slug_fr = french_slug(self) or None
        super().save(*args, **kwargs)


def slug_matches(slug: str) -> Q:
    """Records whose page is at this slug, in either language."""
    return Q(slug=slug) | Q(slug_fr=slug)


def french_slug(record) -> str:
    """A slug made from the record's French title, unique among both languages' slugs."""
    from core.slugs import derive

    others = type(record)._default_manager.exclude(pk=record.pk)
    return derive(
        slug=record.slug,
        title_fr=getattr(record, f"{record.slug_source}_fr", "") or "",
        acronym=getattr(record, "acronym", "") or "",
        is_taken=lambda candidate: others.filter(slug_matches(candidate)).exists(),
    )


def public_or_none(record):
    """The record if the public may see it, else None: links and names never reveal a draft."""
    return record if record is not None and record.is_public else None


class Publishable(models.Model):
    """A record with a publication state: draft, in review, published or archived."""

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


class Revision(models.Model):
    """Changes to a public record that wait for a programme manager to publish them.

    The public keeps the live record until then (the way Wagtail keeps a live page apart
    from its latest revision). `data` holds the proposed values of the record's fields, its
    many-to-many relations and the rows of its inline relations (partnerships, links, events).
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("proposed values"))
    base_version = models.PositiveIntegerField(_("version it was made from"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["updated_at"]
        verbose_name = _("pending revision")
        verbose_name_plural = _("pending revisions")
        constraints = [
            # A record has at most one revision waiting; the author edits it further.
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="revision_one_per_record"
            ),
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"


class ContentGeneration(models.Model):
    """A counter that every change of content moves on, shared by every server process.

    Caches (factsheets, pages) are keyed on it, so a change shows at once everywhere.
    """

    value = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self):
        return str(self.value)

    @classmethod
    def bump(cls):
        now = timezone.now()
        if not cls.objects.filter(pk=1).update(value=F("value") + 1, changed_at=now):
            cls.objects.get_or_create(pk=1, defaults={"value": 1, "changed_at": now})

    @property
    def cache_token(self) -> str:
        """This generation as part of a cache key, unique even when the counter starts again."""
        # A restore into a fresh database counts from 0 again: with its time, the new
        # generation 3 never meets the pages that a shared cache still keeps for the old one.
        return f"{self.value}-{self.changed_at.timestamp():.6f}"

    @classmethod
    def current(cls) -> "ContentGeneration":
        return cls.objects.filter(pk=1).first() or cls(pk=1, value=0, changed_at=timezone.now())
