"""Back up the whole content of the portal to one JSON file, and restore it into an empty database.

What a backup holds: every content record in both languages, the staff accounts with their
roles and countries, and a list of the uploaded files (name, size, SHA-256) to copy alongside
`var/media/` or the object storage. The history of changes is left out unless asked for
(`with_history`): it can be large, and the records themselves are what a restore needs.
"""

import hashlib
import json

from django.apps import apps
from django.core import serializers
from django.db import transaction
from django.utils import timezone

from core.apps import content_models

FORMAT = "acss-portal-backup/1"
# Parents before children, so that a restore meets no dangling reference.
ACCOUNT_MODELS = ["auth.user", "backoffice.staffprofile"]


def _models(with_history):
    models = [apps.get_model(label) for label in ACCOUNT_MODELS]
    # Countries and fields of intervention first: most records point to them.
    models += sorted(content_models(), key=lambda model: model._meta.app_label != "projects")
    models.append(apps.get_model("core.revision"))
    if with_history:
        models += [model.history.model for model in models if hasattr(model, "history")]
    return models


def _files():
    from documents.models import Document

    listed = []
    for document in Document.objects.order_by("pk"):
        # Wherever the files are kept: var/media/ or the object storage.
        storage, name = document.file.storage, document.file.name
        entry = {"name": name, "document": document.slug}
        if storage.exists(name):
            with storage.open(name, "rb") as file:
                entry.update(
                    size=storage.size(name), sha256=hashlib.file_digest(file, "sha256").hexdigest()
                )
        else:
            entry["missing"] = True
        listed.append(entry)
    return listed


def serialize_records(models):
    """The records as plain data, with users and groups by name rather than number."""
    records = []
    for model in models:
        records += json.loads(
            serializers.serialize(
                "json",
                model._default_manager.order_by("pk"),
                use_natural_foreign_keys=True,
                use_natural_primary_keys=True,
            )
        )
    return records


def backup(*, with_history=False) -> dict:
    return {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "with_history": with_history,
        "records": serialize_records(_models(with_history)),
        "files": _files(),
    }


class RestoreError(Exception):
    pass


def restore(data: dict) -> int:
    """Load a backup into an empty database; refuses to mix it with existing content."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RestoreError(f"This file is not a portal backup (expected format {FORMAT}).")
    if any(model.objects.exists() for model in content_models()):
        raise RestoreError("The database already holds content; restore only into an empty one.")
    objects = serializers.deserialize(
        "json", json.dumps(data["records"]), handle_forward_references=True
    )
    count = 0
    with transaction.atomic():
        deferred = []
        for wrapped in objects:
            wrapped.save()
            count += 1
            if wrapped.deferred_fields:
                deferred.append(wrapped)
        for wrapped in deferred:
            wrapped.save_deferred_fields()
    from search.index import rebuild

    rebuild()
    return count
