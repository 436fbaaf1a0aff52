"""Which records a staff member may see, change, link to and publish: the rule, written once.

- Programme managers (and superusers) reach every record, and publish.
- Translators reach every record, to change its texts in the languages they translate.
- Ministry editors reach the records bound to one of their countries (`Content.country_path`)
  and only look up the kinds they do not edit (countries, organisations). On a record shared
  with other countries, they change the parts of their own country and cannot remove another.

The admin (core/content_admin.py), the previews of the public pages and every export read
these functions; none of them writes the rule again.
"""

from django.db.models import Q

from core import roles
from core.models import Publishable, public_condition

NOTHING = Q(pk__in=[])
# Everything, as a condition that stays itself when OR-ed (an empty Q() would vanish).
EVERYTHING = Q(pk__isnull=False)


def country_ids(user) -> list[int]:
    """The countries a ministry editor works for (none for other roles)."""
    if not hasattr(user, "_acss_countries"):
        profile = getattr(user, "staff_profile", None) if user.is_authenticated else None
        user._acss_countries = (
            list(profile.countries.values_list("pk", flat=True)) if profile else []
        )
    return user._acss_countries


def is_editor(user) -> bool:
    return roles.role_of(user) == roles.MINISTRY_EDITOR


def is_translator(user) -> bool:
    return roles.role_of(user) == roles.TRANSLATOR


def reaches_everything(user) -> bool:
    return roles.role_of(user) in (roles.PROGRAMME_MANAGER, roles.TRANSLATOR)


def in_countries(model, countries) -> Q:
    """Records of `model` bound to one of `countries` (ids), without duplicating rows."""
    if model.country_path is None:
        return NOTHING
    bound = model._default_manager.filter(**{f"{model.country_path}__in": countries})
    return Q(pk__in=bound.values("pk"))


def editable_condition(user, model) -> Q:
    """The records of `model` this user may change (and so preview before they are public)."""
    if reaches_everything(user):
        return EVERYTHING
    if is_editor(user) and model.edited_by_ministries:
        return in_countries(model, country_ids(user))
    return NOTHING


def viewable_condition(user, model) -> Q:
    """What the admin lists show this user: what they edit, and the public records they link to.

    An editor sees the organisations of their countries and every public one, never another
    country's draft.
    """
    if reaches_everything(user):
        return EVERYTHING
    if not is_editor(user):
        return NOTHING
    if model.edited_by_ministries:
        return in_countries(model, country_ids(user))
    if model.country_path == "pk":  # the countries themselves: all may be looked up
        return EVERYTHING
    if model.country_path is None:
        return EVERYTHING if not issubclass(model, Publishable) else public_condition(model)
    return in_countries(model, country_ids(user)) | public_condition(model)


def linkable_condition(user, model) -> Q:
    """The records of `model` this user may choose in a form: a forged id outside is refused."""
    if reaches_everything(user):
        return EVERYTHING
    if is_editor(user) and model.country_path == "pk":
        return Q(pk__in=country_ids(user))  # they bind records to their own countries only
    return viewable_condition(user, model)


def may_edit(user, record) -> bool:
    """Whether the user may change this record (and preview it while it is not public)."""
    model = type(record)
    return editable(user, model._default_manager.filter(pk=record.pk)).exists()


def editable(user, queryset):
    return queryset.filter(editable_condition(user, queryset.model))


def viewable(user, queryset):
    return queryset.filter(viewable_condition(user, queryset.model))


def linkable(user, queryset):
    return queryset.filter(linkable_condition(user, queryset.model))


def may_publish(user, model) -> bool:
    """Whether the user may publish, unpublish, archive and revert records of this kind."""
    meta = model._meta
    return issubclass(model, Publishable) and user.has_perm(
        f"{meta.app_label}.publish_{meta.model_name}"
    )


def may_publish_changes(user, model) -> bool:
    """Whether the user's changes to a public record go live at once (else: a revision)."""
    meta = model._meta
    if issubclass(model, Publishable):
        return may_publish(user, model)
    # Records without a publication state of their own (events, partnerships, countries):
    # those who may publish in general change them directly.
    return roles.role_of(user) == roles.PROGRAMME_MANAGER and user.has_perm(
        f"{meta.app_label}.change_{meta.model_name}"
    )
