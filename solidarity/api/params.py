"""Query parameters shared by the list endpoints (HSDS names, bounded)."""

from typing import Annotated, Literal

from ninja import Query
from pydantic import StringConstraints

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
