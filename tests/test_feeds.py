"""The Atom feed of newly published records, in both languages, drafts never in it."""

import datetime

from django.utils import timezone

from projects.models import Project, Result


def test_feed_lists_newly_published_records_newest_first(client, seed):
    Result.objects.filter(slug="base-casablanca").update(
        published_at=timezone.now() + datetime.timedelta(days=1)
    )
    response = client.get("/en/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert 'xml:lang="en"' in xml
    first_entry = xml.split("<entry>")[1]
    assert "<title>Result: Advice centre for Senegalese nationals abroad opened in Casablanca" in (
        first_entry
    )
    assert '<link href="http://testserver/en/results/base-casablanca/"' in first_entry
    assert xml.count("<entry>") == 30  # bounded


def test_feed_in_french_has_french_titles_and_addresses(client, seed):
    xml = client.get("/fr/flux/").content.decode()
    assert 'xml:lang="fr"' in xml
    assert "Portail de connaissances ACSS : nouvelles publications" in xml
    assert 'href="http://testserver/fr/projets/acss/"' in xml
    assert "<title>Projet : Action de Coopération Sud-Sud en matière de migration" in xml


def test_a_draft_is_never_in_the_feed(client, seed):
    draft = Project.objects.create(slug="hidden", title_en="Hidden plan", publication="draft")
    Project.objects.filter(pk=draft.pk).update(published_at=timezone.now())
    for path in ("/en/feed/", "/fr/flux/"):
        assert "Hidden plan" not in client.get(path).content.decode()


def test_every_page_links_the_feed_in_its_language(client, seed):
    en = client.get("/en/projects/").content.decode()
    fr = client.get("/fr/projets/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/en/feed/"' in en
    assert '<link rel="alternate" type="application/atom+xml" href="/fr/flux/"' in fr


def test_feeds_take_a_fixed_number_of_queries(client, seed, django_assert_max_num_queries):
    from tests.factories import multiply_seed

    multiply_seed(3)
    # Each with one read of the content generation for the page cache.
    with django_assert_max_num_queries(8):
        assert client.get("/en/feed/").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/en/events/feed/").status_code == 200
