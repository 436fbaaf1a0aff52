"""The file cache stays bounded without listing its folder on every write."""

from core.cache import FileCache


def test_the_file_cache_is_shared_through_its_folder(tmp_path):
    writer = FileCache(str(tmp_path), {})
    reader = FileCache(str(tmp_path), {})  # another gunicorn worker, or the next process
    writer.set("page", (200, {"ETag": '"x"'}, b"<h1>ACSS</h1>"), 60)
    assert reader.get("page") == (200, {"ETag": '"x"'}, b"<h1>ACSS</h1>")


def test_the_file_cache_counts_its_files_now_and_then_and_stays_bounded(tmp_path, monkeypatch):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 100}})
    listings = []
    listing = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or listing())
    for number in range(1000):
        cache.set(f"page-{number}", b"x", 60)
    assert 0 < len(listings) < 100  # Django's own lists the folder on each of the 1,000 writes
    assert len(listing()) < 100 + 10 * FileCache.CULL_EVERY
