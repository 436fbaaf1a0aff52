"""Changes of publication state: each one validated, dated and kept in the history."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from acss_portal.models import Publication


def can_publish(user, model_or_record):
    """Whether the user may publish, unpublish and archive records of this kind."""
    meta = model_or_record._meta
    return user.has_perm(f"{meta.app_label}.publish_{meta.model_name}")


def stamp_published(record, *, by):
    """Record who published the record, and when."""
    record.published_at = timezone.now()
    record.published_by = by


def change_publication(record, *, to, by):
    """Move a record to another publication state, as `by`; only publishers may publish."""
    moving_to_public_state = to in (Publication.PUBLISHED, Publication.ARCHIVED)
    leaving_public_state = record.publication in (Publication.PUBLISHED, Publication.ARCHIVED)
    if (moving_to_public_state or leaving_public_state) and not can_publish(by, record):
        raise PermissionDenied(_("Only a programme manager may publish, unpublish or archive."))
    record.publication = to
    if to == Publication.PUBLISHED:
        stamp_published(record, by=by)
    record.full_clean()
    record._change_reason = _("Publication: %(state)s") % {"state": Publication(to).label}
    record.save()
    return record
