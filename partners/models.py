from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import slug_constraint, slug_field
from core.models import Content, ContentQuerySet, Publishable


class OrganisationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    DIRECTORATE = "directorate", _("Directorate")
    IMPLEMENTING_AGENCY = "implementing-agency", _("Implementing agency")
    MULTILATERAL = "multilateral", _("Multilateral or intergovernmental body")
    CIVIL_SOCIETY = "civil-society", _("Civil-society organisation")
    DIASPORA = "diaspora", _("Diaspora organisation")
    OTHER = "other", _("Other")


# IATI OrganisationType codes, for the open-data export.
IATI_ORGANISATION_TYPE = {
    OrganisationKind.MINISTRY: "10",
    OrganisationKind.DIRECTORATE: "10",
    OrganisationKind.IMPLEMENTING_AGENCY: "10",
    OrganisationKind.MULTILATERAL: "40",
    OrganisationKind.CIVIL_SOCIETY: "22",
    OrganisationKind.DIASPORA: "21",
    OrganisationKind.OTHER: "90",
}


class OrganisationQuerySet(ContentQuerySet):
    def for_listing(self):
        return self.select_related("country", "parent")

    def ministries(self):
        """The ministries and directorates in charge, ministries first."""
        return self.filter(
            kind__in=[OrganisationKind.MINISTRY, OrganisationKind.DIRECTORATE]
        ).order_by("-kind", "slug")  # "ministry" sorts after "directorate"


class Organisation(Publishable, Content):
    # Editors link records to organisations and look them up, but do not edit them.
    country_path = "country"
    edited_by_ministries = False

    slug = slug_field()
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("type"), max_length=30, choices=OrganisationKind.choices)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        help_text=_("For a directorate: the ministry it belongs to."),
    )
    country = models.ForeignKey(
        "projects.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    website = models.URLField(_("website"), max_length=500, blank=True)
    email = models.EmailField(_("public email"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [
            ("publish_organisation", _("Can publish, unpublish and archive organisations"))
        ]
        constraints = [
            slug_constraint("organisation"),
            # An organisation cannot belong to itself.
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="organisation_not_own_parent"
            ),
        ]

    def __str__(self):
        # Never "ADEPT (ADEPT)": an acronym that is the name itself is not repeated.
        if self.acronym and self.acronym.casefold() != (self.name or "").casefold():
            return f"{self.name} ({self.acronym})"
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.kind == OrganisationKind.DIRECTORATE and self.parent is None:
            raise ValidationError({"parent": _("A directorate belongs to a ministry.")})
        ancestor = self.parent
        while ancestor is not None:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("An organisation cannot belong to itself.")})
            ancestor = ancestor.parent

    @property
    def short_name(self):
        return self.acronym or self.name

    @property
    def iati_type(self) -> str:
        return IATI_ORGANISATION_TYPE[self.kind]


class PartnershipRole(models.TextChoices):
    FUNDER = "funder", _("Funder")
    ACCOUNTABLE = "accountable", _("Lead executing agency")
    IMPLEMENTER = "implementer", _("Implementer")
    PARTNER = "partner", _("Partner")
    BENEFICIARY = "beneficiary", _("Beneficiary")


# IATI OrganisationRole codes where one fits; partners and beneficiaries have none.
IATI_ORGANISATION_ROLE = {
    PartnershipRole.FUNDER: "1",
    PartnershipRole.ACCOUNTABLE: "2",
    PartnershipRole.IMPLEMENTER: "4",
}


class Partnership(Content):
    country_path = "project__countries"
    public_requires = ("project", "organisation")

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="partnerships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnershipRole.choices)
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("How the organisation plays this role, e.g. through which fund."),
    )

    class Meta:
        ordering = ["project", "role", "organisation"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            # One organisation holds a given role in a project once.
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="partnership_unique_role"
            ),
        ]

    def __str__(self):
        return f"{self.organisation.short_name}: {self.get_role_display()}"

    @property
    def iati_role(self) -> str | None:
        return IATI_ORGANISATION_ROLE.get(self.role)


class Contact(Content):
    country_path = "country"
    public_requires = ("organisation", "project")
    public_when = {"shown_publicly": True}

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
    )
    country = models.ForeignKey(
        "projects.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
    )
    email = models.EmailField(_("email"), blank=True)
    shown_publicly = models.BooleanField(
        _("shown publicly"),
        default=False,
        help_text=_("Only focal points marked public appear on the public site."),
    )

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        indexes = [
            # Focal points sections read a country's first contacts in this order.
            models.Index(fields=["country", "name"], name="contact_listing_order"),
        ]
        constraints = [
            # The same person listed twice for one country is a data-entry slip.
            models.UniqueConstraint(fields=["name", "country"], name="contact_unique_per_country"),
        ]

    def __str__(self):
        return self.name
