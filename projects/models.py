from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.codelists import ActivityStatus
from core.fields import (
    end_after_start_constraint,
    french_slug_field,
    iso_alpha2_constraint,
    slug_constraint,
    slug_field,
    validate_iso_alpha2,
)
from core.models import Content, ContentQuerySet, PageSlugs, Publishable
from core.names import with_acronym
from core.partial_dates import (
    Period,
    partial,
    precision_constraint,
    precision_field,
    truncate,
    validate_period,
)


class Country(Content):
    # An editor links records to their own countries only; the countries are looked up.
    country_path = "pk"
    edited_by_ministries = False

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[validate_iso_alpha2],
        help_text=_("ISO 3166-1 alpha-2, e.g. ML for Mali."),
    )
    name = models.CharField(_("name"), max_length=100)
    role = models.TextField(_("role in the Action"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            # URLs and IATI recipient-country codes rely on the exact ISO form.
            iso_alpha2_constraint("country"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("countries:detail", kwargs={"code": self.code.lower()})

    def clean_fields(self, exclude=None):
        # Staff may type "ml"; the code is stored in its canonical upper case.
        self.code = (self.code or "").strip().upper()
        super().clean_fields(exclude=exclude)


class ThematicArea(PageSlugs, Content):
    # Fields of intervention are looked up by ministry editors, not edited.
    edited_by_ministries = False

    slug_source = "name"
    slug = slug_field()
    slug_fr = french_slug_field()
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Areas are listed by this number.")
    )

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("field of intervention")
        verbose_name_plural = _("fields of intervention")
        constraints = [
            # Slugs appear in URLs and filters and must stay canonical.
            slug_constraint("thematicarea"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("themes:detail", kwargs={"slug": self.page_slug})


class ProjectQuerySet(ContentQuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def for_listing(self):
        """What a list of projects shows (title, parent, dates, summary), in one query."""
        return self.select_related("parent")


class Project(PageSlugs, Publishable, Content):
    country_path = "countries"

    slug = slug_field()
    slug_fr = french_slug_field()
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    context = models.TextField(_("context"), blank=True)
    objective = models.TextField(_("objective"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    approach_steps = models.TextField(
        _("steps of the approach"),
        blank=True,
        help_text=_("One step per line, in order; the factsheet numbers them."),
    )
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other names the sources give the project, one a line, as they write them."),
    )
    beneficiaries = models.TextField(_("beneficiaries"), blank=True)
    # The classification of the Action's infosheet (region, focus, theme), as it words it.
    region = models.CharField(_("region"), max_length=100, blank=True)
    focus = models.CharField(_("focus"), max_length=100, blank=True)
    topic = models.CharField(_("theme"), max_length=200, blank=True)
    status = models.PositiveSmallIntegerField(
        _("status"), choices=ActivityStatus.choices, null=True, blank=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent programme or project"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_start_precision = precision_field(_("planned start precision"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    planned_end_precision = precision_field(_("planned end precision"))
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_start_precision = precision_field(_("actual start precision"))
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    actual_end_precision = precision_field(_("actual end precision"))
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), related_name="projects", blank=True
    )
    themes = models.ManyToManyField(
        ThematicArea,
        verbose_name=_("fields of intervention"),
        related_name="projects",
        blank=True,
    )
    featured = models.BooleanField(
        _("presented on the home page"),
        default=False,
        help_text=_("The one project the home page presents: the Action."),
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        # Undated projects last on every database.
        ordering = [models.F("planned_start").asc(nulls_last=True), "slug"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [("publish_project", _("Can publish, unpublish and archive projects"))]
        indexes = [
            # Lists and sections read the first projects in this order: an index walk, not a sort.
            # (Ascending puts NULLs last on PostgreSQL, as the ordering asks.)
            models.Index(fields=["planned_start", "slug"], name="project_listing_order"),
        ]
        constraints = [
            slug_constraint("project"),
            # The home page presents exactly one Action.
            models.UniqueConstraint(
                fields=["featured"],
                condition=models.Q(featured=True),
                name="project_one_featured",
            ),
            # Periods must read forwards, whichever code writes them.
            end_after_start_constraint("project", "planned_start", "planned_end"),
            end_after_start_constraint("project", "actual_start", "actual_end"),
            precision_constraint("planned_start", "project"),
            precision_constraint("planned_end", "project"),
            precision_constraint("actual_start", "project"),
            precision_constraint("actual_end", "project"),
            # A project cannot be its own parent.
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="project_not_own_parent"
            ),
        ]

    def __str__(self):
        return with_acronym(self.title, self.acronym)

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.page_slug})

    def clean(self):
        for field in ("planned_start", "planned_end", "actual_start", "actual_end"):
            setattr(
                self, field, truncate(getattr(self, field), getattr(self, f"{field}_precision"))
            )
        validate_period(self.planned_start, self.planned_end, end_field="planned_end")
        validate_period(self.actual_start, self.actual_end, end_field="actual_end")
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A project cannot be inside itself.")})
            ancestor = ancestor.parent

    @property
    def planned_period(self) -> Period:
        return Period(
            partial(self.planned_start, self.planned_start_precision),
            partial(self.planned_end, self.planned_end_precision),
        )

    @property
    def actual_period(self) -> Period:
        return Period(
            partial(self.actual_start, self.actual_start_precision),
            partial(self.actual_end, self.actual_end_precision),
        )

    @property
    def period(self) -> Period:
        """The actual period where known, else the planned one."""
        return self.actual_period or self.planned_period

    @property
    def steps(self) -> list[str]:
        """The steps of the approach, one a line, blank lines left out."""
        return [line.strip() for line in self.approach_steps.splitlines() if line.strip()]

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class ProjectLink(Content):
    country_path = "project__countries"
    public_requires = ("project",)

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="links"
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            # The same address listed twice on one project is a mistake.
            models.UniqueConstraint(fields=["project", "url"], name="projectlink_unique_url"),
        ]

    def __str__(self):
        return self.title


class AgreementKind(models.TextChoices):
    MEMORANDUM = "memorandum", _("Memorandum of understanding")
    ACTION_PLAN = "action-plan", _("Joint action plan")


class AgreementQuerySet(ContentQuerySet):
    def for_listing(self):
        return self.prefetch_related("countries")


class Agreement(PageSlugs, Publishable, Content):
    country_path = "countries"

    slug = slug_field()
    slug_fr = french_slug_field()
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices)
    title = models.CharField(_("title"), max_length=300)
    commitments = models.TextField(_("what the signatories commit to"), blank=True)
    signed_on = models.DateField(_("signed or adopted on"), null=True, blank=True)
    signed_on_precision = precision_field(_("date precision"))
    countries = models.ManyToManyField(
        Country, verbose_name=_("signatory countries"), related_name="agreements"
    )
    projects = models.ManyToManyField(
        Project, verbose_name=_("projects"), related_name="agreements", blank=True
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = [models.F("signed_on").asc(nulls_last=True), "slug"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        permissions = [("publish_agreement", _("Can publish, unpublish and archive agreements"))]
        constraints = [
            slug_constraint("agreement"),
            precision_constraint("signed_on", "agreement"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:detail", kwargs={"slug": self.page_slug})

    def clean(self):
        self.signed_on = truncate(self.signed_on, self.signed_on_precision)

    @property
    def signed(self):
        return partial(self.signed_on, self.signed_on_precision)


class ResultStatus(models.TextChoices):
    ACHIEVED = "achieved", _("Achieved")
    IN_PROGRESS = "in-progress", _("In progress")
    PLANNED = "planned", _("Planned or expected")


class ResultQuerySet(ContentQuerySet):
    def for_listing(self):
        return self.select_related("project", "theme").prefetch_related("countries")


class Result(PageSlugs, Publishable, Content):
    country_path = "countries"
    public_requires = ("project",)

    slug = slug_field()
    slug_fr = french_slug_field()
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ResultStatus.choices, default=ResultStatus.ACHIEVED
    )
    achieved_on = models.DateField(_("date"), null=True, blank=True)
    achieved_on_precision = precision_field(_("date precision"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="results"
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), related_name="results", blank=True
    )
    theme = models.ForeignKey(
        ThematicArea,
        verbose_name=_("field of intervention"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="results",
    )
    activities = models.ManyToManyField(
        "activities.Activity",
        verbose_name=_("activities that produced it"),
        related_name="results",
        blank=True,
    )

    objects = ResultQuerySet.as_manager()

    class Meta:
        # Newest first, undated last, on every database.
        ordering = [models.F("achieved_on").desc(nulls_last=True), "slug"]
        verbose_name = _("result")
        verbose_name_plural = _("results")
        permissions = [("publish_result", _("Can publish, unpublish and archive results"))]
        constraints = [
            slug_constraint("result"),
            precision_constraint("achieved_on", "result"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("results:detail", kwargs={"slug": self.page_slug})

    def clean(self):
        self.achieved_on = truncate(self.achieved_on, self.achieved_on_precision)

    @property
    def date(self):
        return partial(self.achieved_on, self.achieved_on_precision)
