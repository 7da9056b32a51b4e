from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


def organizer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Staff pages: an active organizer who has passed the second factor (django-otp)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (user.is_active and user.is_staff):
            raise PermissionDenied
        if not user.is_verified():  # type: ignore[attr-defined]  # added by OTPMiddleware
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.organizer_required = True  # type: ignore[attr-defined]  # found by the URL-walk test
    return wrapper
