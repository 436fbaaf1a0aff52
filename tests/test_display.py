"""How dates and names read on public pages: one date format per language, names in their
own language marked as such, no name followed by itself as an acronym."""

import datetime
import re

import pytest
from django.utils import translation

from core.partial_dates import PartialDate, Period
from core.templatetags.portal import partial_date


@pytest.mark.parametrize(
    ("language", "value", "precision", "expected"),
    [
        ("en", datetime.date(2021, 3, 12), "day", "12 March 2021"),
        ("fr", datetime.date(2021, 3, 12), "day", "12 mars 2021"),
        ("en", datetime.date(2013, 6, 1), "month", "June 2013"),
        ("fr", datetime.date(2013, 6, 1), "month", "juin 2013"),
        ("fr", datetime.date(2019, 1, 1), "year", "2019"),
    ],
)
def test_a_date_reads_at_its_precision_in_the_pages_language(language, value, precision, expected):
    with translation.override(language):
        html = partial_date(PartialDate(value, precision))
    assert re.fullmatch(rf'<time datetime="[\d-]+">{expected}</time>', html)


def test_a_period_in_french_says_since_with_its_date_marked_up():
    with translation.override("fr"):
        html = partial_date(Period(PartialDate(datetime.date(2020, 11, 1), "month"), None))
    assert html == 'depuis <time datetime="2020-11">novembre 2020</time>'


def test_pages_print_dates_in_the_one_format(client, seed):
    english = client.get("/en/activities/modal-training-2021/").content.decode()
    french = client.get(
        "/fr/activites/formation-modal-des-organisations-de-la-societe/"
    ).content.decode()
    assert re.search(r"<time datetime=\"2021-\d\d-\d\d\">\d{1,2} [A-Z][a-z]+ 2021</time>", english)
    assert re.search(r"<time datetime=\"2021-\d\d-\d\d\">\d{1,2} [a-zéû]+ 2021</time>", french)


def test_no_name_repeats_its_acronym(client, seed):
    html = client.get("/en/partners/").content.decode()
    assert "ADEPT</strong></a> (ADEPT)" not in html
    assert "GmbH</strong></a> (GIZ)" not in html
    assert "(MODAL)" in client.get("/en/projects/acss/").content.decode()


def test_a_name_in_another_language_says_which(client, seed):
    english = client.get("/en/partners/fecong/").content.decode()
    assert '<span lang="fr">Fédération des Collectifs d’ONG du Mali</span>' in english
    french = client.get("/fr/partenaires/fecong/").content.decode()
    assert 'lang="fr"' not in french.split("<main", 1)[1].split("</main>")[0]
    assert (
        '<span lang="de">Deutsche Gesellschaft'
        in client.get("/fr/partenaires/giz/").content.decode()
    )
