"""Conversions of HSDS values into directory fields. Each raises ValueError with a message fit to
show an organizer next to the file, row and field."""

import datetime
import functools
import re
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

# Non-UUID ids (older HSDS versions, other systems) map to a stable UUID, so a re-import of the
# same file finds the same rows.
IMPORTED_IDS = uuid.UUID("0d6f3c0e-8f3a-4d8e-9a7e-5c1b2f3e4a11")
DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
DAY_SEPARATORS = re.compile(r"[,\s]+")
_url = URLValidator(schemes=["http", "https"])


def hsds_id(value: Any) -> uuid.UUID:
    if type(value) is str and len(value) <= 250:  # the common case, first
        stripped = value.strip()
        if stripped:
            return parsed_id(stripped)
        raise ValueError("not a valid identifier")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip() or len(value) > 250:
        raise ValueError("not a valid identifier")
    return parsed_id(value.strip())


def own_id(value: Any) -> uuid.UUID:
    """`hsds_id` for an id no other record repeats: parsed without the cache."""
    if type(value) is str and len(value) <= 250:
        stripped = value.strip()
        if stripped:
            return new_id(stripped)
    return hsds_id(value)


def new_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        return uuid.uuid5(IMPORTED_IDS, value)


@functools.lru_cache(maxsize=20_000)
def parsed_id(value: str) -> uuid.UUID:
    """Cached: a service's id comes back in each of its phones, schedules, attributes…"""
    return new_id(value)


def text(value: Any, max_length: int | None) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("expected text")
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    value = value.strip()
    if max_length is not None and len(value) > max_length:
        raise ValueError(f"longer than {max_length} characters")
    return value


def url(value: Any, max_length: int | None) -> str:
    value = text(value, max_length)
    try:
        _url(value)
    except ValidationError:
        raise ValueError("not a web address (http or https)") from None
    return value


def email(value: Any, max_length: int | None) -> str:
    value = text(value, max_length)
    try:
        validate_email(value)
    except ValidationError:
        raise ValueError("not an e-mail address") from None
    return value


def number(value: Any, low: float, high: float) -> float:
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise ValueError("not a number") from None
    if not low <= result <= high:
        raise ValueError(f"out of range ({low:g} to {high:g})")
    return result


def whole_number(value: Any, low: int, high: int) -> int:
    result = number(value, low, high)
    if result != int(result):
        raise ValueError("not a whole number")
    return int(result)


def date(value: Any) -> datetime.date:
    if type(value) is str:
        return cached_date(value)
    return parse_date(value)


def time(value: Any) -> datetime.time:
    if type(value) is str:
        return cached_time(value)
    return parse_time(value)


def byday(value: Any) -> str:
    if type(value) is str:
        return cached_byday(value)
    return parse_byday(value)


# Dates, opening hours and days repeat across thousands of records: parsed once each (an error
# is raised again every time: lru_cache keeps only results).
@functools.lru_cache(maxsize=4096)
def cached_date(value: str) -> datetime.date:
    return parse_date(value)


@functools.lru_cache(maxsize=4096)
def cached_time(value: str) -> datetime.time:
    return parse_time(value)


@functools.lru_cache(maxsize=1024)
def cached_byday(value: str) -> str:
    return parse_byday(value)


def parse_date(value: Any) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text(value, 40)[:10])
    except ValueError:
        raise ValueError("not a date (YYYY-MM-DD)") from None


def parse_time(value: Any) -> datetime.time:
    raw = text(value, 40)
    try:
        parsed = datetime.time.fromisoformat(raw)
    except ValueError:
        raise ValueError("not a time (HH:MM or HH:MM:SS)") from None
    return parsed.replace(tzinfo=None)


def choice(value: Any, choices: set[str]) -> str:
    raw = text(value, 40)
    if raw not in choices:
        raise ValueError(f"not one of {', '.join(sorted(choices))}")
    return raw


def parse_byday(value: Any) -> str:
    days = [d.strip().upper() for d in DAY_SEPARATORS.split(text(value, 30)) if d.strip()]
    if not days or not set(days) <= DAYS:
        raise ValueError("not a list of days (MO,TU,WE,TH,FR,SA,SU)")
    return ",".join(days)
