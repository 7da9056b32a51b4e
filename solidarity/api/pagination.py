"""The HSDS `Page` wrapper and the `format=ndjson` stream, shared by every list endpoint."""

import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, QuerySet, Window
from django.http import StreamingHttpResponse

Serializer = Callable[[Any], dict[str, Any]]
Loader = Callable[[list[Any]], dict[Any, Any]]
# Lists also answer `format=ndjson`: said so in the OpenAPI document.
NDJSON_RESPONSE: dict[str, Any] = {"responses": {200: {"content": {"application/x-ndjson": {}}}}}
NDJSON_CHUNK = 500


def page_of(
    queryset: QuerySet,
    *,
    page: int,
    per_page: int,
    serialize: Serializer,
    load: Loader | None = None,
    count_with_page: bool = False,
) -> dict:
    """One page of `queryset`. With `load`, the page's ids are read first (the search's order
    from its indexes alone) and `load(ids)` reads those rows with what they show: measured at
    60,000 services, ordering the wide rows of every public service cost 30-90 ms a page.
    `count_with_page` counts in the same query (a window count): cheaper for a full-text
    search, whose matching is the costly part; dearer for browsing, whose count is an index's."""
    start = (page - 1) * per_page
    if load is None:
        total = queryset.count()
        objects = list(queryset[start : start + per_page]) if start < total else []
        return page_dict(objects, total=total, page=page, per_page=per_page, serialize=serialize)
    if count_with_page:
        counted = queryset.annotate(total_items=Window(Count("pk")))
        rows = list(counted.values_list("pk", "total_items")[start : start + per_page])
        total = rows[0][1] if rows else (queryset.count() if start else 0)
        ids = [pk for pk, _total in rows]
    else:
        total = queryset.count()
        ids = list(queryset.values_list("pk", flat=True)[start : start + per_page])
    by_id = load(ids) if ids else {}
    objects = [by_id[pk] for pk in ids if pk in by_id]
    return page_dict(objects, total=total, page=page, per_page=per_page, serialize=serialize)


def page_dict(
    objects: list[Any], *, total: int, page: int, per_page: int, serialize: Serializer
) -> dict:
    items = [serialize(obj) for obj in objects]
    total_pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": total == 0,
        "contents": items,
    }


def ndjson_lines(objects: Iterable[Any], serialize: Serializer) -> Iterator[str]:
    encoder = DjangoJSONEncoder(ensure_ascii=False, separators=(",", ":"))
    for obj in objects:
        yield encoder.encode(serialize(obj)) + "\n"


def ndjson_response(queryset: QuerySet, serialize: Serializer) -> StreamingHttpResponse:
    """Every result, streamed in chunks so memory stays flat however many there are."""
    objects = queryset.iterator(chunk_size=NDJSON_CHUNK)
    response = StreamingHttpResponse(
        ndjson_lines(objects, serialize), content_type="application/x-ndjson; charset=utf-8"
    )
    return response
