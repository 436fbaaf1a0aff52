from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.codelists import ActivityStatus
from core.fields import end_after_start_constraint, french_slug_field, slug_constraint, slug_field
from core.models import Content, ContentQuerySet, PageSlugs, Publishable
from core.partial_dates import (
    DatePrecision,
    Period,
    partial,
    precision_constraint,
    precision_field,
    truncate,
    validate_period,
)


class ActivityKind(models.TextChoices):
    """The four steps of the Action's method."""

    DIALOGUE = "dialogue", _("Dialogue platform")
    STUDY = "study", _("Study or mapping")
    CAPACITY = "capacity-building", _("Capacity building")
    PILOT = "pilot", _("Pilot action")


class Participation(models.Model):
    """How many people took part, when known."""

    participants_on_site = models.PositiveIntegerField(
        _("participants on site"), null=True, blank=True
    )
    participants_online = models.PositiveIntegerField(
        _("participants online"), null=True, blank=True
    )
    participants_approximate = models.BooleanField(
        _("numbers are approximate"),
        default=False,
        help_text=_("Tick when the source says “about”."),
    )

    class Meta:
        abstract = True

    @property
    def participants_total(self):
        counts = [self.participants_on_site, self.participants_online]
        known = [count for count in counts if count is not None]
        return sum(known) if known else None


class ActivityQuerySet(ContentQuerySet):
    def for_listing(self):
        """What a list of activities shows: title, type, dates and countries."""
        return self.prefetch_related("countries")

    def with_public_events(self):
        """Each activity with its public events as `public_events`, in one more query."""
        events = Event.objects.published().select_related("country")
        return self.prefetch_related(
            models.Prefetch("events", queryset=events, to_attr="public_events")
        )


class Activity(PageSlugs, Participation, Publishable, Content):
    country_path = "countries"
    public_requires = ("project",)

    slug = slug_field()
    slug_fr = french_slug_field()
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=ActivityKind.choices)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    status = models.PositiveSmallIntegerField(
        _("status"), choices=ActivityStatus.choices, null=True, blank=True
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_date_precision = precision_field(_("start precision"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_date_precision = precision_field(_("end precision"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    countries = models.ManyToManyField(
        "projects.Country", verbose_name=_("countries"), related_name="activities", blank=True
    )
    themes = models.ManyToManyField(
        "projects.ThematicArea",
        verbose_name=_("fields of intervention"),
        related_name="activities",
        blank=True,
    )
    organisations = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("partner organisations"),
        related_name="activities",
        blank=True,
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = [models.F("start_date").asc(nulls_last=True), "slug"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        permissions = [("publish_activity", _("Can publish, unpublish and archive activities"))]
        indexes = [
            # The activity list and every activities section read in this order.
            # (Ascending puts NULLs last on PostgreSQL, as the ordering asks.)
            models.Index(fields=["start_date", "slug"], name="activity_listing_order"),
        ]
        constraints = [
            slug_constraint("activity"),
            end_after_start_constraint("activity", "start_date", "end_date"),
            precision_constraint("start_date", "activity"),
            precision_constraint("end_date", "activity"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:detail", kwargs={"slug": self.page_slug})

    def clean(self):
        self.start_date = truncate(self.start_date, self.start_date_precision)
        self.end_date = truncate(self.end_date, self.end_date_precision)
        validate_period(self.start_date, self.end_date, end_field="end_date")

    @property
    def period(self) -> Period:
        return Period(
            partial(self.start_date, self.start_date_precision),
            partial(self.end_date, self.end_date_precision),
        )


class EventQuerySet(ContentQuerySet):
    def for_listing(self):
        return self.select_related("activity", "country")

    def upcoming_first(self):
        """Upcoming events soonest first, then past events latest first."""
        today = timezone.localdate()
        upcoming = models.Q(end_date__gte=today)
        return self.annotate(
            upcoming_rank=models.Case(models.When(upcoming, then=0), default=1),
            upcoming_start=models.Case(models.When(upcoming, then="start_date")),
            past_start=models.Case(models.When(~upcoming, then="start_date")),
        ).order_by(
            "upcoming_rank",
            models.F("upcoming_start").asc(nulls_last=True),
            models.F("past_start").desc(nulls_last=True),
            "slug",
        )


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    MEETING = "meeting", _("Meeting")
    OTHER = "other", _("Other")


class EventFormat(models.TextChoices):
    ON_SITE = "on-site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (on site and online)")


class Event(PageSlugs, Participation, Content):
    # An event is edited by the ministry of the country where it is held.
    country_path = "country"
    # Events are shown with their activity, so they follow its publication.
    public_requires = ("activity",)

    slug = slug_field()
    slug_fr = french_slug_field()
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="events"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices)
    place = models.CharField(_("place"), max_length=200)
    country = models.ForeignKey(
        "projects.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    organisations = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("partner organisations"),
        related_name="events",
        blank=True,
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            # Events sections read the first events in this order.
            models.Index(fields=["start_date", "slug"], name="event_listing_order"),
        ]
        constraints = [
            slug_constraint("event"),
            end_after_start_constraint("event", "start_date", "end_date"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.page_slug})

    @property
    def upcoming(self) -> bool:
        """Whether the event's last day is still to come (today included)."""
        return self.end_date >= timezone.localdate()

    def clean(self):
        validate_period(self.start_date, self.end_date, end_field="end_date")

    @property
    def period(self) -> Period:
        return Period(
            partial(self.start_date, DatePrecision.DAY), partial(self.end_date, DatePrecision.DAY)
        )
