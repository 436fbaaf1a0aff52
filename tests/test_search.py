import pytest
from django.db import connection

from search.index import fold, search


def titles(response):
    return [entry.title for entry in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/en/search/", "thies", "MODAL training session in Thiès"),
        ("/fr/recherche/", "thies", "Session de formation MODAL à Thiès"),
        ("/en/search/", "THIÈS", "MODAL training session in Thiès"),
        ("/fr/recherche/", "bamako", "Session de formation MODAL à Bamako"),
        ("/en/search/", "dgase", "General Directorate of Support to Senegalese Abroad"),
        (
            "/fr/recherche/",
            "senegalais exterieur",
            "Direction générale d’appui aux Sénégalais de l’extérieur",
        ),
    ],
)
def test_search_is_accent_and_case_insensitive_in_both_languages(
    client, seed, path, query, expected
):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    assert expected in titles(response)


@pytest.mark.parametrize("query", ["cote d'ivoire", "Côte d’Ivoire", "COTE D`IVOIRE"])
def test_search_ignores_apostrophe_style(client, seed, query):
    found = titles(client.get("/en/search/", {"q": query}))
    assert "Diaspora mobilisation strategy developed in Côte d’Ivoire" in found


def test_search_shows_the_visitors_language(client, seed):
    french = titles(client.get("/fr/recherche/", {"q": "diaspora"}))
    assert "Stratégie de mobilisation de la diaspora développée en Côte d’Ivoire" in french
    assert not any("strategy developed" in title for title in french)


def test_search_ranks_title_matches_first(client, seed):
    found = titles(client.get("/en/search/", {"q": "bamako"}))
    assert found[0] == "MODAL training session in Bamako"


def test_search_can_be_narrowed_to_one_kind(client, seed):
    response = client.get("/en/search/", {"q": "bamako", "kind": "event"})
    assert titles(response) == ["MODAL training session in Bamako"]


def test_search_result_links_lead_to_the_record(client, seed):
    response = client.get("/fr/recherche/", {"q": "bamako", "kind": "event"})
    entry = response.context["page"].object_list[0]
    assert entry.url == "/fr/evenements/session-de-formation-modal-a-bamako/"


def test_search_follows_an_edit(client, seed):
    from activities.models import Event

    event = Event.objects.get(slug="modal-training-bamako-2021")
    event.title_fr = "Atelier de Ségou"
    event.save()
    assert "Atelier de Ségou" in titles(client.get("/fr/recherche/", {"q": "segou"}))
    event.delete()
    assert titles(client.get("/fr/recherche/", {"q": "segou"})) == []


@pytest.mark.parametrize(
    "query", ['"', "'", "<b>bold</b>", "&amp;", "%", "_", "\\", "a & b | !c", "()", "--", "é" * 300]
)
def test_odd_queries_give_a_normal_or_400_page_with_input_escaped(client, seed, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert "<b>bold</b>" not in response.content.decode()


def test_nul_bytes_and_huge_queries_are_refused_with_a_message(client, seed):
    for query in ["bam\x00ako", "bamako " * 1000]:
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 400
        assert 'class="form-errors"' in response.content.decode()


def test_empty_query_shows_the_form_only(client, seed):
    response = client.get("/fr/recherche/")
    assert response.status_code == 200
    assert "Rechercher dans le portail" in response.content.decode()


def test_fold_turns_text_into_plain_lower_case():
    assert fold("Côte d’Ivoire À THIÈS\x00") == "cote d ivoire a thies"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text index is PostgreSQL's")
def test_postgres_search_uses_the_language_index(seed):
    from search.models import SearchEntry

    # A table of realistic size, so that the planner weighs the index as in production.
    SearchEntry.objects.bulk_create(
        SearchEntry(
            kind="filler",
            object_id=number,
            language=language,
            title=f"Filler {number}",
            url="/",
            document=f"atelier numéro {number} sur la mobilité régionale",
            folded="",
        )
        for number in range(3000)
        for language in ("en", "fr")
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")
        sql, params = search("bamako", language="fr").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on searchentry_document_fr" in plan
    # Records with the words in their title are found through their own index.
    assert "Bitmap Index Scan on searchentry_title_fr" in plan


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/en/search/", "thiess", "MODAL training session in Thiès"),
        ("/fr/recherche/", "bamakko", "Session de formation MODAL à Bamako"),
        (
            "/en/search/",
            "diaspra strategy",
            "Diaspora mobilisation strategy developed in Côte d’Ivoire",
        ),
    ],
)
def test_a_misspelt_query_finds_the_record_and_says_what_it_searched(
    client, seed, path, query, expected
):
    response = client.get(path, {"q": query})
    assert expected in titles(response)
    assert response.context["corrected"] != query
    assert f"?q={response.context['corrected'].replace(' ', '+')}" in response.content.decode()


def test_a_correctly_spelt_query_is_not_corrected(client, seed):
    response = client.get("/en/search/", {"q": "bamako"})
    assert response.context["corrected"] is None
    assert "Did you mean" not in response.content.decode()


def test_gibberish_finds_nothing_and_suggests_nothing(client, seed):
    response = client.get("/en/search/", {"q": "zzqxjw"})
    assert titles(response) == []
    assert response.context["corrected"] is None


def test_matched_words_are_marked_in_the_title_and_a_snippet(client, seed):
    response = client.get("/fr/recherche/", {"q": "thies", "kind": "event"})
    entry = response.context["page"].object_list[0]
    assert entry.marked_title == "Session de formation MODAL à <mark>Thiès</mark>"
    html = response.content.decode()
    assert "<mark>Thiès</mark>" in html


def test_the_results_page_opens_on_the_results(client, seed):
    html = client.get("/en/search/", {"q": "bamako"}).content.decode()
    assert 'action="#results"' in html
    assert '<h2 id="results" tabindex="-1" autofocus>' in html


def test_highlighting_escapes_the_text_before_marking():
    from search.highlight import highlight, snippet

    assert (
        highlight("<b>Thiès</b> & Co", ["thies"])
        == "&lt;b&gt;<mark>Thiès</mark>&lt;/b&gt; &amp; Co"
    )
    words = " ".join(f"word{n}" for n in range(100))
    shown = snippet(f"{words} Bamako {words}", ["bamako"], size=20)
    assert shown.startswith("… word88") and "<mark>Bamako</mark>" in shown and shown.endswith(" …")


def test_the_text_filter_of_lists_forgives_a_typo(client, seed):
    response = client.get("/en/activities/", {"q": "trainng"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count >= 1


def test_a_title_match_comes_first_whatever_its_accents(client, seed):
    assert titles(client.get("/en/search/", {"q": "thies"}))[0] == "MODAL training session in Thiès"
