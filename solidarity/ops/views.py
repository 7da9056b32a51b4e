"""Views that exist only for benchmarks, routed only when `BENCHMARK_VIEWS` is on.

The bare view goes through the whole middleware stack and nothing else: the reference figure
every benchmark reports beside its own, from the same server in the same run.
"""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")
