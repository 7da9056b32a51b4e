from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from solidarity.organizers.decorators import organizer_required
from solidarity.vault.session import is_unlocked


def vault_unlocked_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Staff pages that open sealed data: an organizer (see organizer_required) whose vault is
    unlocked; otherwise to the unlock page, then back."""

    @organizer_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_unlocked(request):
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('vault:unlock')}?{query}")
        return view(request, *args, **kwargs)

    return wrapper
