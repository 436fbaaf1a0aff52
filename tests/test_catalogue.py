"""The French UI works from the committed catalogue, without GNU gettext."""

import gettext
from pathlib import Path

import polib
import pytest
from django.utils import translation

PO = Path(__file__).resolve().parent.parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_every_french_entry_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(PO))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_compiled_catalogue_matches_the_po_file():
    catalogue = polib.pofile(str(PO))
    with PO.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                key = (f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid, index)
                assert compiled._catalog[key] == text, entry.msgid
        else:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            assert compiled._catalog[key] == entry.msgstr, entry.msgid


@pytest.mark.parametrize(
    ("english", "french"),
    [("Skip to main content", "Aller au contenu principal"), ("Projects", "Projets")],
)
def test_django_serves_french_strings(english, french):
    with translation.override("fr"):
        assert translation.gettext(english) == french
