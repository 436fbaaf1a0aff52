"""The portal's settings for the app servers that tests/test_several_servers.py starts.

Only the password hasher differs: MD5 takes microseconds where PBKDF2 takes a third of a
second, and the test signs in seven times (as tests/conftest.py does for the others).
"""

from acss_portal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
