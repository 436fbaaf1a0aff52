"""Results and agreements: their lists and pages, and the South-South corridors."""

import re

import pytest

from projects.models import Agreement, Country, Result


def listed(response, words):
    html = response.content.decode()
    section = html.split('class="list-results"')[1].split("</section>")[0]
    return re.findall(rf'href="/(?:en|fr)/{words}/([a-z0-9-]+)/"', section)


def results(client, **params):
    response = client.get("/en/results/", params)
    assert response.status_code == 200
    return listed(response, "results")


def agreements(client, **params):
    response = client.get("/en/agreements/", params)
    assert response.status_code == 200
    return listed(response, "agreements")


def test_results_list_every_public_result(client, seed):
    assert len(results(client)) == 10


def test_results_filtered_by_country_theme_project_status_and_year(client, seed):
    assert sorted(results(client, country="CI", theme="migration-development")) == [
        "diaspora-strategy-cote-divoire",
        "modal-networking-of-actors",
        "modal-participants-trained-2021",
    ]
    assert results(client, country="MA", theme="migrants-rights") == []
    assert results(client, project="modal") == [
        "modal-participants-trained-2021",
        "modal-networking-of-actors",
    ]
    assert sorted(results(client, status="planned")) == [
        "consolidated-networks-and-knowledge",
        "mobility-service-centre-senegal",
    ]
    assert results(client, year="2019") == ["joint-action-plans-adopted"]


def test_agreements_filtered_by_country_kind_project_and_year(client, seed):
    assert agreements(client, country="ML") == ["mou-morocco-mali-2019", "joint-action-plans-2019"]
    assert agreements(client, kind="action-plan") == ["joint-action-plans-2019"]
    assert len(agreements(client, project="acss")) == 4
    assert agreements(client, year="2013") == ["mou-morocco-senegal-2013"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/en/results/", {"year": "last"}),
        ("/en/results/", {"status": "lost"}),
        ("/en/results/", {"theme": "nothing"}),
        ("/en/results/", {"project": "nothing"}),
        ("/en/agreements/", {"year": "1e9"}),
        ("/en/agreements/", {"kind": "treaty"}),
        ("/en/agreements/", {"country": "ZZ"}),
    ],
)
def test_bad_filter_values_give_a_400(client, seed, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    assert 'class="form-errors"' in response.content.decode()


def test_result_page(client, seed):
    html = client.get("/en/results/modal-participants-trained-2021/").content.decode()
    assert "<h1>About 45 participants trained on site and 30 online</h1>" in html
    assert "August 2021" in html
    assert 'href="/en/projects/modal/"' in html
    assert 'href="/en/activities/modal-training-2021/"' in html  # the activity behind it
    fr = client.get(
        "/fr/resultats/environ-45-participants-formes-sur-place-et-30/"
    ).content.decode()
    assert "août 2021" in fr and "Activités qui l’ont produit" in fr


def test_agreement_page_links_its_corridors(client, seed):
    html = client.get("/en/agreements/mou-morocco-senegal-2013/").content.decode()
    assert "<h1>Memorandum of understanding between Morocco and Senegal on migration</h1>" in html
    assert "June 2013" in html
    assert 'href="/en/south-south-corridors/#ma-sn"' in html
    plans = client.get("/fr/accords/plans-d-action-pour-la-cooperation-sud-sud/").content.decode()
    assert len(re.findall(r'href="/fr/corridors-sud-sud/#', plans)) == 6  # every pair of four


@pytest.mark.parametrize(
    "path",
    ["/en/results/no-such-result/", "/en/agreements/no-such-agreement/", "/fr/accords/nope/"],
)
def test_unknown_records_are_a_404(client, seed, path):
    assert client.get(path).status_code == 404


def test_draft_result_and_agreement_are_a_404_and_never_listed(client, seed):
    Result.objects.filter(slug="base-casablanca").update(publication="draft")
    Agreement.objects.filter(slug="mou-morocco-senegal-2013").update(publication="draft")
    assert client.get("/en/results/base-casablanca/").status_code == 404
    assert client.get("/en/agreements/mou-morocco-senegal-2013/").status_code == 404
    assert "base-casablanca" not in results(client)
    assert "mou-morocco-senegal-2013" not in agreements(client)
    corridors = client.get("/en/south-south-corridors/").content.decode()
    assert "mou-morocco-senegal-2013" not in corridors and "base-casablanca" not in corridors


def corridor(html, anchor):
    return html.split(f'<h2 id="{anchor}">')[1].split("</section>")[0]


def test_corridors_list_each_pair_and_what_binds_it(client, seed):
    response = client.get("/en/south-south-corridors/")
    assert response.status_code == 200
    html = response.content.decode()
    # Every pair of the four countries shares the joint action plans.
    anchors = re.findall(r'<h2 id="([a-z]{2}-[a-z]{2})">', html)
    assert anchors == ["ci-ma", "ci-ml", "ci-sn", "ma-ml", "ma-sn", "ml-sn"]
    morocco_senegal = corridor(html, "ma-sn")
    bilateral = morocco_senegal.split("Bilateral agreements")[1].split("<h3>")[0]
    assert 'href="/en/agreements/mou-morocco-senegal-2013/"' in bilateral
    assert 'href="/en/agreements/joint-action-plans-2019/"' in morocco_senegal
    assert 'href="/en/results/base-casablanca/"' in morocco_senegal  # done by the two
    mali_senegal = corridor(html, "ml-sn")
    assert "Bilateral agreements" not in mali_senegal
    assert 'href="/en/agreements/joint-action-plans-2019/"' in mali_senegal


def test_corridors_read_in_french_at_a_french_address(client, seed):
    html = client.get("/fr/corridors-sud-sud/").content.decode()
    assert "<h1>Corridors Sud-Sud</h1>" in html
    assert "Mémorandum d’entente entre le Maroc et le Sénégal en matière de migration" in html
    assert ">Sénégal</a>" in html


def test_corridors_leave_out_pairs_that_nothing_binds(client, empty_db):
    for code in ("MA", "SN"):
        Country.objects.create(code=code, name_en=code, name_fr=code)
    response = client.get("/en/south-south-corridors/")
    assert response.status_code == 200
    assert "No agreement between two countries has been recorded yet." in response.content.decode()


def test_country_and_project_pages_link_agreement_pages(client, seed):
    for path in ("/en/countries/sn/", "/en/projects/acss/"):
        assert (
            'href="/en/agreements/mou-morocco-senegal-2013/"' in client.get(path).content.decode()
        )
    assert 'href="/en/south-south-corridors/"' in client.get("/en/countries/sn/").content.decode()


def test_sitemap_lists_the_new_pages_in_both_languages(client, seed):
    xml = client.get("/sitemap.xml").content.decode()
    for path in (
        "/en/events/",
        "/fr/evenements/",
        "/en/events/modal-training-thies-2021/",
        "/fr/resultats/bureau-d-accueil-des-senegalais-de-l-exterieur/",
        "/en/agreements/joint-action-plans-2019/",
        "/fr/accords/",
        "/en/south-south-corridors/",
        "/fr/corridors-sud-sud/",
    ):
        assert f"<loc>http://testserver{path}</loc>" in xml
