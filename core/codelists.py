"""Code lists the records use, taken from the IATI Standard so that exports need no mapping."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityStatus(models.IntegerChoices):
    """IATI ActivityStatus codelist."""

    PIPELINE = 1, _("Pipeline / identification")
    IMPLEMENTATION = 2, _("Implementation")
    FINALISATION = 3, _("Finalisation")
    CLOSED = 4, _("Closed")
    CANCELLED = 5, _("Cancelled")
    SUSPENDED = 6, _("Suspended")
