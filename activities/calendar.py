"""An event as an iCalendar file (RFC 5545), written with the standard library.

Events are known to the day, so they are all-day events: DTSTART and DTEND are DATE values,
DTEND the day after the last day (RFC 5545 §3.6.1: the end is not included).
"""

import datetime

CRLF = "\r\n"
LINE_OCTETS = 75


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line cut into lines of at most 75 octets, never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode())
        # Continuation lines start with a space, which counts towards their 75 octets.
        limit = LINE_OCTETS if not parts else LINE_OCTETS - 1
        if size + octets > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += octets
    parts.append(current)
    return (CRLF + " ").join(parts)


def _date(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")


def _stamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_calendar(event, *, uid, url, title, description, location, language) -> bytes:
    """The VCALENDAR of one event; texts are given already in the page's language."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ACSS Knowledge Portal//Events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_stamp(event.updated_at)}",
        f"LAST-MODIFIED:{_stamp(event.updated_at)}",
        f"SEQUENCE:{event.version}",
        f"DTSTART;VALUE=DATE:{_date(event.start_date)}",
        f"DTEND;VALUE=DATE:{_date(event.end_date + datetime.timedelta(days=1))}",
        f"SUMMARY;LANGUAGE={language}:{escape(title)}",
        f"LOCATION;LANGUAGE={language}:{escape(location)}",
        f"URL:{url}",
    ]
    if description:
        lines.append(f"DESCRIPTION;LANGUAGE={language}:{escape(description)}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + CRLF for line in lines).encode()
