"""The HSDS `Page` wrapper and the `format=ndjson` stream, shared by every list endpoint."""

import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import StreamingHttpResponse

Serializer = Callable[[Any], dict[str, Any]]
# Lists also answer `format=ndjson`: said so in the OpenAPI document.
NDJSON_RESPONSE: dict[str, Any] = {"responses": {200: {"content": {"application/x-ndjson": {}}}}}
NDJSON_CHUNK = 500


def page_of(queryset: QuerySet, *, page: int, per_page: int, serialize: Serializer) -> dict:
    total = queryset.count()
    start = (page - 1) * per_page
    items = [serialize(obj) for obj in queryset[start : start + per_page]] if start < total else []
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
