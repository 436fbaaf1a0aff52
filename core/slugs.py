"""French slugs made from French titles: short, unique, lower-case, stable once made."""

import re

from django.utils.text import slugify

APOSTROPHES = re.compile(r"[’'`ʼ‘]")
# Inclusive writing: "migrant·e·s" → "migrants", "sénégalais·es" → "sénégalais".
INCLUSIVE_ENDING = re.compile(r"·\w+·(\w+)")
INCLUSIVE_REST = re.compile(r"·\w+")
# Words a slug cut short does not end on.
TRAILING = {
    "a",
    "au",
    "aux",
    "d",
    "dans",
    "de",
    "des",
    "du",
    "en",
    "entre",
    "et",
    "l",
    "la",
    "le",
    "les",
    "pour",
    "sur",
    "un",
    "une",
}
MAX_LENGTH = 50


def derive(*, slug: str, title_fr: str, acronym: str = "", is_taken) -> str:
    """The French slug for a record with this English slug, French title and acronym.

    A record whose English slug is its acronym ("acss", "modal") keeps it; otherwise the
    French title's words up to 50 characters, numbered when `is_taken(candidate)` says
    another record has it.
    """
    if not title_fr or (acronym and slugify(acronym) == slug):
        return slug
    text = INCLUSIVE_REST.sub("", INCLUSIVE_ENDING.sub(r"\1", APOSTROPHES.sub(" ", title_fr)))
    words = []
    for word in slugify(text).split("-"):
        if words and len("-".join([*words, word])) > MAX_LENGTH:
            break
        words.append(word[:MAX_LENGTH])
    while len(words) > 1 and words[-1] in TRAILING:
        words.pop()
    base = "-".join(words)
    if not base or base == slug:
        return slug
    candidate, number = base, 1
    while is_taken(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def fill(apps, app_label: str, sources: dict) -> None:
    """Give every record of the models named in `sources` (model → title field) a French slug."""
    for model_name, source in sources.items():
        model = apps.get_model(app_label, model_name)
        taken = set(model.objects.values_list("slug", flat=True))
        for record in model.objects.filter(slug_fr__isnull=True).order_by("pk"):
            record.slug_fr = derive(
                slug=record.slug,
                title_fr=getattr(record, f"{source}_fr", "") or "",
                acronym=getattr(record, "acronym_en", None) or getattr(record, "acronym", ""),
                is_taken=lambda candidate, own=record.slug, taken=taken: (
                    candidate in taken and candidate != own
                ),
            )
            taken.add(record.slug_fr)
            model.objects.filter(pk=record.pk).update(slug_fr=record.slug_fr)
