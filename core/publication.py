"""Publication, written once: send to review, publish, unpublish, archive, revert, revisions.

The admin's forms, its list actions, the history's revert and the revision review all call
these functions, which check the rights themselves. Each step is kept in the record's history
with a language-neutral reason code (`REASONS`), shown in the reader's language.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core import scope
from core.admin import translated_fields
from core.models import Publication, Publishable, Revision

REASONS = {
    "submitted": _("Sent to review"),
    "published": _("Published"),
    "unpublished": _("Unpublished (back to draft)"),
    "archived": _("Archived"),
    "reverted": _("An earlier version restored"),
    "revision-published": _("Pending changes published"),
}
REASON_FOR_STATE = {
    Publication.DRAFT: "unpublished",
    Publication.REVIEW: "submitted",
    Publication.PUBLISHED: "published",
    Publication.ARCHIVED: "archived",
}
PUBLIC_STATES = (Publication.PUBLISHED, Publication.ARCHIVED)
# What a revision never carries: the workflow's own fields.
WORKFLOW_FIELDS = {"publication", "published_at", "published_by", "version", "updated_at"}


def reason_label(code):
    """The history's reason code in the reader's language (older free-text reasons as they are)."""
    return REASONS.get(code, code or "")


def _ensure_in_scope(record, by):
    if not scope.may_edit(by, record):
        raise PermissionDenied(_("This record is not among those you may edit."))


def check_transition(record, *, old, new, by):
    """Refuse a change of publication state the user may not make."""
    if old == new:
        return
    if (new in PUBLIC_STATES or old in PUBLIC_STATES) and not scope.may_publish(by, type(record)):
        raise PermissionDenied(_("Only a programme manager may publish, unpublish or archive."))


def stamp_published(record, *, by):
    """Record who published the record, and when."""
    record.published_at = timezone.now()
    record.published_by = by


def change_publication(record, *, to, by):
    """Move a record to another publication state, as `by`."""
    if not isinstance(record, Publishable):
        raise ValidationError(_("This kind of record has no publication state of its own."))
    _ensure_in_scope(record, by)
    check_transition(record, old=record.publication, new=to, by=by)
    record.publication = to
    if to == Publication.PUBLISHED:
        stamp_published(record, by=by)
    record.full_clean()
    record._change_reason = REASON_FOR_STATE[to]
    record.save()
    return record


def ensure_may_revert(record, by):
    """Restoring an earlier version changes what the public reads: publishers only."""
    if not scope.may_publish_changes(by, type(record)):
        raise PermissionDenied(_("Only a programme manager may restore an earlier version."))
    _ensure_in_scope(record, by)


# Revisions -------------------------------------------------------------------------------


def _serialize(instance) -> dict:
    """The instance's own field values as JSON data (many-to-many left to the caller).

    A translated field travels as its language columns (title_en, title_fr), never as the
    field that stands for the active language.
    """
    row = json.loads(serializers.serialize("json", [instance]))[0]["fields"]
    for name in [f.name for f in instance._meta.many_to_many] + translated_fields(type(instance)):
        row.pop(name, None)
    return row


def _deserialize(model, pk, fields):
    rows = [{"model": model._meta.label_lower, "pk": pk, "fields": fields}]
    return next(serializers.deserialize("json", json.dumps(rows))).object


def pending_revision(record):
    if record is None or record.pk is None:
        return None
    return (
        Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        )
        .select_related("author")
        .first()
    )


def _changes(bound_form):
    """The values of the fields the author changed in this form, as JSON data.

    Only changed fields travel: publishing then never undoes what others changed since, and
    a field shown read-only to the author is not in the form at all. A new file is stored
    now, so that the revision names a file that exists.
    """
    instance = bound_form.instance
    # A new row travels whole: its defaults are values too.
    names = bound_form.changed_data if instance.pk else list(bound_form.fields)
    changed = [name for name in names if name not in WORKFLOW_FIELDS]
    for name in changed:
        value = getattr(instance, name, None)
        if isinstance(value, FieldFile) and value and not value._committed:
            value.save(value.name, value.file, save=False)
    values = _serialize(instance)
    row = {name: values[name] for name in changed if name in values}
    for field in instance._meta.many_to_many:
        if field.name in changed:
            row[field.name] = sorted(item.pk for item in bound_form.cleaned_data[field.name])
    return row


def _allowed_post(post, forms):
    """The posted keys that belong to a field the author was shown, and the formsets' counts."""
    allowed = {f.add_prefix(name) for f in forms for name in f.fields}
    allowed |= {key for key in post if key.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS"))}
    return {key: values for key, values in post.items() if key in allowed}


def save_revision(record, *, form, formsets, post, by):
    """Keep the validated changes of a public record as its pending revision; the live one stays.

    A record has one pending revision, its author's: another person's proposal is published
    or turned down before someone else proposes changes (`revision_by_another`).
    """
    _ensure_in_scope(record, by)
    fields = _changes(form)
    m2m = {name: fields.pop(name) for name in list(fields) if name in _m2m_names(type(record))}
    inlines, shown = {}, [form]
    for formset in formsets:
        deleted = {id(f) for f in formset.deleted_forms}
        rows = []
        for inline_form in formset.forms:
            shown.append(inline_form)
            if id(inline_form) in deleted or not inline_form.has_changed():
                continue
            row = _changes(inline_form)
            row.pop(formset.fk.name, None)
            rows.append({"pk": inline_form.instance.pk, "fields": row})
        removed = [f.instance.pk for f in formset.deleted_forms if f.instance.pk]
        if rows or removed:
            inlines[formset.model._meta.label_lower] = {
                "fk": formset.fk.name,
                "rows": rows,
                "deleted": removed,
            }
        shown.append(formset.management_form)
    data = {
        "fields": fields,
        "m2m": m2m,
        "inlines": inlines,
        "post": _allowed_post(post, shown),
    }
    revision, _created = Revision.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=record.pk,
        defaults={"data": data, "base_version": record.version, "author": by},
    )
    return revision


def revision_by_another(record, user):
    """The pending revision of this record when someone other than `user` wrote it."""
    revision = pending_revision(record)
    return revision if revision is not None and revision.author_id != user.pk else None


def _child_model(label):
    from django.apps import apps

    return apps.get_model(label)


@transaction.atomic
def publish_revision(revision, *, by):
    """Apply a pending revision to the live record, as a publisher, and drop it."""
    record = revision.record
    if record is None:
        revision.delete()
        raise ValidationError(_("The record of this revision no longer exists."))
    if not scope.may_publish_changes(by, type(record)):
        raise PermissionDenied(_("Only a programme manager may publish changes."))
    model = type(record)
    proposed = _deserialize(model, record.pk, revision.data["fields"])
    for name in revision.data["fields"]:
        field = model._meta.get_field(name)
        setattr(record, field.attname, getattr(proposed, field.attname))
    record.full_clean()
    record._change_reason = "revision-published"
    record.save()
    for name, ids in revision.data["m2m"].items():
        getattr(record, name).set(ids)
    for label, inline in revision.data["inlines"].items():
        _apply_inline(record, _child_model(label), inline)
    revision.delete()
    return record


def _apply_inline(record, child, inline):
    fk = inline["fk"]
    children = child._default_manager.filter(**{fk: record})
    children.filter(pk__in=inline["deleted"]).delete()
    m2m_names = _m2m_names(child)
    for row in inline["rows"]:
        fields = {k: v for k, v in row["fields"].items() if k not in m2m_names}
        existing = children.filter(pk=row["pk"]).first() if row["pk"] else None
        proposed = _deserialize(child, existing.pk if existing else None, fields)
        target = existing or child(**{fk: record})
        for name in fields:
            field = child._meta.get_field(name)
            setattr(target, field.attname, getattr(proposed, field.attname))
        setattr(target, fk, record)
        target.full_clean()
        target.save()
        for name in m2m_names & set(row["fields"]):
            getattr(target, name).set(row["fields"][name])


def discard_revision(revision, *, by):
    """Drop a pending revision: its author withdraws it, or a publisher turns it down."""
    record = revision.record
    mine = revision.author_id == by.pk
    if not mine and (record is None or not scope.may_publish_changes(by, type(record))):
        raise PermissionDenied(_("Only its author or a programme manager may drop this revision."))
    revision.delete()


def revision_changes(revision):
    """[(label, published value, proposed value)] of every change the revision would make."""
    record = revision.record
    fields = {**revision.data["fields"], **revision.data["m2m"]}
    changes = _field_changes(record, fields, prefix="")
    for label, inline in revision.data["inlines"].items():
        child = _child_model(label)
        noun = capfirst(child._meta.verbose_name)
        rows = {row.pk: row for row in child._default_manager.filter(**{inline["fk"]: record})}
        for row in inline["rows"]:
            existing = rows.get(row["pk"])
            if existing is not None:
                changes += _field_changes(existing, row["fields"], prefix=f"{noun} “{existing}”: ")
            else:
                new = _field_changes(child(**{inline["fk"]: record}), row["fields"], prefix="")
                summary = "; ".join(f"{label}: {value}" for label, _old, value in new)
                changes.append((_("%(kind)s (new)") % {"kind": noun}, "", summary))
        for pk in inline["deleted"]:
            if pk in rows:
                changes.append((f"{noun} “{rows[pk]}”", str(rows[pk]), _("(removed)")))
    return changes


def _field_changes(instance, fields, *, prefix):
    model = type(instance)
    m2m = _m2m_names(model)
    proposed = _deserialize(model, instance.pk, {k: v for k, v in fields.items() if k not in m2m})
    changes = []
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if name in m2m:
            related = field.related_model._default_manager
            live = ", ".join(str(x) for x in getattr(instance, name).all()) if instance.pk else ""
            new = ", ".join(str(x) for x in related.filter(pk__in=value))
        else:
            live, new = _display(instance, field), _display(proposed, field)
        if live != new:
            changes.append((f"{prefix}{capfirst(field.verbose_name)}", live, new))
    return changes


def _m2m_names(model):
    return {field.name for field in model._meta.many_to_many}


def _display(instance, field):
    if field.choices:
        return str(dict(field.flatchoices).get(getattr(instance, field.attname), ""))
    if field.is_relation:
        try:
            return str(getattr(instance, field.name) or "")
        except ObjectDoesNotExist:  # a new row's relation not set yet
            return ""
    value = getattr(instance, field.attname)
    return "" if value is None else str(value)
