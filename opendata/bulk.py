"""The whole published database in one JSON file and one zip of CSVs, made again when content changes.

Each file is kept in the cache under the content generation (core.models.ContentGeneration),
which every change of content moves on: the first download after a change makes it, the
others reuse it.
"""

import io
import json
import zipfile

from django.core.cache import cache
from django.utils import timezone

from core import exports
from opendata.api import exporter_for

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def published(export):
    return export.prepare(export.model._default_manager.published())


def database_json(request) -> bytes:
    exporter = exporter_for(request)
    data = {
        "generated": timezone.now().replace(microsecond=0).isoformat(),
        "licence": LICENCE,
        **{
            export.resource: [exporter.as_json(export, record) for record in published(export)]
            for export in exports.REGISTRY.values()
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def csv_zip(request) -> bytes:
    exporter = exporter_for(request)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for export in exports.REGISTRY.values():
            text = exports.csv_text(exporter, export, published(export))
            archive.writestr(f"{export.resource}.csv", text.encode())
    return buffer.getvalue()


def cached(request, kind, make) -> tuple[bytes | None, int]:
    """The file for the current content generation (and this origin), made once.

    The origin is scheme and host: the file's absolute addresses are made for it.
    """
    generation, moved_at = exports.generation()
    key = f"opendata-{kind}-{generation}-{moved_at}-{request.build_absolute_uri('/')}"
    content = cache.get(key)
    if content is None:
        content = make(request)
        if content is not None:
            cache.set(key, content, timeout=None)
    return content, generation
