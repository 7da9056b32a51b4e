"""Query parameters shared by the list endpoints (HSDS names, bounded)."""

import datetime
import re
from typing import Annotated, Any, Literal

from ninja import Query
from pydantic import BeforeValidator, StringConstraints

MAX_PER_PAGE = 100
MAX_PAGE = 100_000

# No NUL byte (PostgreSQL refuses them in text) and a bounded length, in the OpenAPI document too.
Text = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00]*$")]

PageNumber = Annotated[int, Query(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")]
PerPage = Annotated[
    int, Query(20, ge=1, le=MAX_PER_PAGE, description="Results per page (at most 100).")
]
Search = Annotated[Text | None, Query(None, description="Full text search.")]
Format = Annotated[
    Literal["json", "ndjson"],
    Query(
        "json",
        description="`ndjson` streams every result, one JSON object per line, without pagination.",
    ),
]

Flag = Annotated[bool, Query(False)]


def aware(moment: datetime.datetime | None) -> datetime.datetime | None:
    """A naive date-time is read as UTC; dates before 1900 mean "any time"."""
    if moment is None or moment.year < 1900:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment


def iso_datetime(value: Any) -> Any:
    """Only ISO 8601 text ("2026-05-01T12:00:00Z"), not the Unix timestamps pydantic accepts."""
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected an ISO 8601 date and time")
    return value


IsoDateTime = Annotated[datetime.datetime, BeforeValidator(iso_datetime)]
