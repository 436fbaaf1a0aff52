"""Programme managers are told by email when a record, or a change to one, waits for review."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core import roles
from core.models import Publication, Revision

logger = logging.getLogger(__name__)


def reviewers(*, except_user=None):
    """Active programme managers and superusers with an email address."""
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=roles.PROGRAMME_MANAGER))
        .exclude(email="")
        .select_related("staff_profile")
        .distinct()
        .order_by("pk")
    )
    return users.exclude(pk=except_user.pk) if except_user is not None else users


def _admin_url(record, view):
    meta = record._meta
    return settings.SITE_URL + reverse(
        f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[record.pk]
    )


def tell_reviewers(record, *, by, changes=False):
    """One email to each reviewer, in the language they chose, once the change is saved."""
    author = (by.get_full_name() or by.get_username()) if by is not None else "?"
    url = _admin_url(record, "revision" if changes else "change")

    def send():
        for user in reviewers(except_user=by):
            profile = getattr(user, "staff_profile", None)
            with translation.override((profile.language if profile else "") or "en"):
                context = {
                    "kind": capfirst(record._meta.verbose_name),
                    "record": str(record),
                    "author": author,
                    "url": url,
                }
                if changes:
                    subject = _("Changes to review: %(kind)s “%(record)s”") % context
                    body = _(
                        "%(author)s proposed changes to the published %(kind)s “%(record)s”.\n\n"
                        "Compare them with the published version, and publish or turn them "
                        "down:\n%(url)s\n"
                    )
                else:
                    subject = _("To review: %(kind)s “%(record)s”") % context
                    body = _(
                        "%(author)s sent the %(kind)s “%(record)s” to review.\n\n"
                        "Read it and publish it, or send it back to draft:\n%(url)s\n"
                    )
                # A title cannot break the headers; a mail server that is down is logged, and
                # the record stays saved.
                try:
                    send_mail(" ".join(subject.split()), body % context, None, [user.email])
                except Exception:
                    logger.exception("Could not tell %s that a record waits for review", user)

    transaction.on_commit(send)


def on_history(sender, instance, history_instance, **kwargs):
    """A version saved with the reason "submitted": the record was sent to review."""
    if getattr(history_instance, "history_change_reason", None) != "submitted":
        return
    previous = history_instance.prev_record
    if previous is not None and getattr(previous, "publication", None) == Publication.REVIEW:
        return  # already waiting: saved again, not sent again
    tell_reviewers(instance, by=history_instance.history_user)


def on_revision(sender, instance: Revision, created, raw=False, **kwargs):
    if created and not raw and instance.record is not None:
        tell_reviewers(instance.record, by=instance.author, changes=True)
