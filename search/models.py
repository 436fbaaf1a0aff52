from django.db import models
from django.utils.translation import gettext_lazy as _


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
        from search.index import kind_label

        return kind_label(self.kind)


class SearchWord(models.Model):
    """A word of the index in one language, for spelling suggestions and typo-tolerant search.

    Filled from the public entries as they are indexed; on PostgreSQL a trigram GIN index
    (migration 0004) finds the nearest word to a misspelt one without reading the table.
    """

    language = models.CharField(_("language"), max_length=5)
    word = models.CharField(_("word"), max_length=60)

    class Meta:
        ordering = ["language", "word"]
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [
            # A word is listed once per language.
            models.UniqueConstraint(
                fields=["language", "word"], name="searchword_once_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.word} [{self.language}]"
