"""The client address the sign-in lockout counts failures against (AXES_CLIENT_IP_CALLABLE).

Anyone can send an X-Forwarded-For header, so it is read only on requests that come from one
of our own proxies, and only the entries those proxies appended count: everything to their
left was written by the client.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the one our trusted proxies saw."""
    remote_addr = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0 or normalised(remote_addr) not in settings.TRUSTED_PROXY_ADDRESSES:
        return remote_addr
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < proxies:
        return remote_addr
    # Each proxy appends the address it saw; the outermost one saw the client.
    return normalised(forwarded[-proxies].strip()) or remote_addr


def normalised(address: str | None) -> str | None:
    """The address as `ipaddress` writes it, or None when it is not an IP address."""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
