"""Submit admin forms as a browser would: every shown field with its current value."""

import datetime

from django import forms
from django.db.models.fields.files import FieldFile
from django.urls import reverse


def _value(value):
    if value is None or isinstance(value, FieldFile):
        return None
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


def _form_fields(form, prefix=""):
    data = {}
    for name, field in form.fields.items():
        raw = form[name].value()
        if isinstance(field.widget, forms.MultiWidget):
            # A split date and time is posted as name_0 and name_1.
            parts = raw if isinstance(raw, list) else field.widget.decompress(raw)
            for index, part in enumerate(parts):
                if _value(part) is not None:
                    data[f"{prefix}{name}_{index}"] = _value(part)
            continue
        value = _value(raw)
        if value is not None:
            data[f"{prefix}{name}"] = value
    return data


def form_data(response, **changes):
    """The POST data of an admin add/change page as shown, with `changes` applied."""
    data = _form_fields(response.context["adminform"].form)
    # The history's revert page has no inlines.
    inlines = response.context.get("inline_admin_formsets", [])
    for inline in inlines:
        formset = inline.formset
        data.update(_form_fields(formset.management_form, f"{formset.prefix}-"))
        for form in formset.forms:
            data.update(_form_fields(form, f"{form.prefix}-"))
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def admin_url(model, action, record=None):
    """The admin address of a model's list, add page, or a record's page (change, delete...)."""
    opts = model._meta
    args = [record.pk] if record is not None else []
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args)


def country(code):
    from projects.models import Country

    return Country.objects.get(code=code)
