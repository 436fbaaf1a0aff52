"""Field and constraint helpers shared by the portal's apps."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Length, Lower, Upper
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

validate_lowercase_slug = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z",
    _("Use lower-case letters, digits and single hyphens, e.g. “mali-training-2021”."),
)
validate_iso_alpha2 = RegexValidator(
    r"^[A-Z]{2}\Z", _("Use the two capital letters of ISO 3166-1 alpha-2, e.g. “ML”.")
)


def slug_field(**kwargs):
    """The stable, language-independent identifier used in URLs."""
    return models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        validators=[validate_lowercase_slug],
        help_text=_("Part of the English page address, and the record’s lasting identifier."),
        **kwargs,
    )


def french_slug_field():
    """The French pages' slug; empty, it is made from the French title on save."""
    return models.SlugField(
        _("French slug"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_lowercase_slug],
        help_text=_("Part of the French page address; the English address leads to it."),
    )


def slug_constraint(model_label: str) -> models.CheckConstraint:
    """Slugs are non-empty and lower-case, as URLs and exports expect."""
    return models.CheckConstraint(
        condition=models.Q(slug=Lower("slug")) & ~models.Q(slug=""),
        name=f"{model_label}_slug_lowercase",
    )


def iso_alpha2_constraint(model_label: str, field: str = "code") -> models.CheckConstraint:
    """An ISO alpha-2 code is exactly two upper-case characters."""
    return models.CheckConstraint(
        condition=models.Q(Exact(Length(field), 2)) & models.Q(**{field: Upper(field)}),
        name=f"{model_label}_{field}_iso_alpha2",
    )


def end_after_start_constraint(model_label: str, start: str, end: str) -> models.CheckConstraint:
    """An end never precedes its start, whichever code writes the row."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{end}__isnull": True})
        | models.Q(**{f"{start}__isnull": True})
        | models.Q(**{f"{end}__gte": models.F(start)}),
        name=f"{model_label}_{end}_after_{start}",
    )
