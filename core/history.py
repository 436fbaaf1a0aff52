"""Every change to every record is kept: who, when, which fields, old and new values."""

import simple_history


def track(model, *, m2m_fields=()):
    """Keep the history of a model, its translated fields and the listed relations included.

    Called from each app's translation.py, after modeltranslation has added the
    language fields, so that the historical model has them too.
    """
    fields = [model._meta.get_field(name) for name in m2m_fields]
    simple_history.register(
        model,
        app=model._meta.app_label,
        m2m_fields=fields,
        # The history's own date says when; the timestamp would only repeat it.
        excluded_fields=["updated_at"],
    )
