"""Dates known only to the month or the year, shown at that precision.

A memorandum "signed in June 2013" is stored as 2013-06-01 with the precision
MONTH, and printed "June 2013" / "juin 2013", never as a made-up day.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import dateformat
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

# How each language writes a date at each precision, on every public page: "12 March 2021" /
# "12 mars 2021", "June 2013" / "juin 2013", "2019". Django's English default ("March 12,
# 2021" with abbreviated months) is not used, so both languages read alike.
FORMATS = {
    "en": {"day": "j F Y", "month": "F Y", "year": "Y"},
    "fr": {"day": "j F Y", "month": "F Y", "year": "Y"},
}


def format_date(value: datetime.date, precision: str = "day") -> str:
    """A date in the active language's format at the given precision."""
    language = (get_language() or "en").split("-")[0]
    formats = FORMATS.get(language, FORMATS["en"])
    return dateformat.format(value, formats.get(precision, formats["day"]))


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def precision_field(verbose_name):
    """The companion field that says how precise a date is."""
    return models.CharField(
        verbose_name,
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("A date known only to the month or year is shown at that precision."),
    )


def truncate(value: datetime.date | None, precision: str) -> datetime.date | None:
    """The first day of the month or year a partial date stands for."""
    if value is None:
        return None
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    return value


def precision_constraint(date_field: str, model_label: str) -> models.CheckConstraint:
    """Only the three known precisions may be stored."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{date_field}_precision__in": DatePrecision.values}),
        name=f"{model_label}_{date_field}_precision_valid",
    )


@dataclass(frozen=True)
class PartialDate:
    value: datetime.date
    precision: str = DatePrecision.DAY

    def __str__(self) -> str:
        return format_date(self.value, self.precision)

    def as_html(self) -> SafeString:
        """A <time> element that machines read at the known precision."""
        return format_html('<time datetime="{}">{}</time>', self.isoformat(), str(self))

    def isoformat(self) -> str:
        """ISO 8601 at the known precision: 2013, 2013-06 or 2013-06-01."""
        full = self.value.isoformat()
        return {DatePrecision.YEAR: full[:4], DatePrecision.MONTH: full[:7]}.get(
            self.precision, full
        )


def partial(value: datetime.date | None, precision: str) -> PartialDate | None:
    return PartialDate(value, precision) if value else None


@dataclass(frozen=True)
class Period:
    start: PartialDate | None
    end: PartialDate | None

    def __bool__(self) -> bool:
        return bool(self.start or self.end)

    @property
    def months(self) -> int | None:
        """Its length in months, when both ends are known to the month (Dec 2018 – Dec 2021: 36)."""
        precise = (DatePrecision.DAY, DatePrecision.MONTH)
        if not (self.start and self.end):
            return None
        if self.start.precision not in precise or self.end.precision not in precise:
            return None
        start, end = self.start.value, self.end.value
        return (end.year - start.year) * 12 + end.month - start.month

    def __str__(self) -> str:
        if self.start and self.end:
            if self.start == self.end:
                return str(self.start)
            return f"{self.start} – {self.end}"
        if self.start:
            return gettext("since %(start)s") % {"start": self.start}
        if self.end:
            return gettext("until %(end)s") % {"end": self.end}
        return ""

    def as_html(self) -> SafeString:
        """The period with each date in a <time> element."""
        start = self.start.as_html() if self.start else ""
        end = self.end.as_html() if self.end else ""
        if self.start and self.end:
            return start if self.start == self.end else mark_safe(f"{start} – {end}")
        if self.start:
            return mark_safe(escape(gettext("since %(start)s")) % {"start": start})
        if self.end:
            return mark_safe(escape(gettext("until %(end)s")) % {"end": end})
        return mark_safe("")


def validate_period(start, end, *, end_field: str) -> None:
    """An end never precedes its start."""
    if start and end and end < start:
        raise ValidationError({end_field: _("The end cannot be before the start.")})
