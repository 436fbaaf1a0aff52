"""The file cache that the portal uses when no Redis is configured."""

import random

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    """Django's file cache, counting its files on one write in CULL_EVERY rather than on each.

    Django's version lists the whole folder on every write to see whether it is full: 20 ms
    with a few thousand cached pages, ten times the write itself. Counted now and then, the
    folder holds at most a few dozen entries over MAX_ENTRIES before the oldest third goes.
    """

    CULL_EVERY = 50

    def _cull(self):
        if random.randrange(self.CULL_EVERY) == 0:
            super()._cull()
