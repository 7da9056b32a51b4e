"""Small tables the surge path reads on every submission, kept by each process.

They were kept in the shared cache for 60 seconds; reading them back from there unpickled them
(three `City` rows) on every submission. A `Memo` keeps the same values in the process for the
same 60 seconds, and forgets them at once when this process saves or deletes a row of the
models they come from (an edit in another process shows after at most 60 seconds, as before).
"""

import time
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from django.db import models
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")


class Memo(Generic[T]):
    def __init__(self, name: str, seconds: float, *sources: type[models.Model]) -> None:
        self.seconds = seconds
        self._values: dict[Hashable, tuple[float, T]] = {}
        for model in sources:
            for signal in (post_save, post_delete):
                signal.connect(self._forget, sender=model, weak=False, dispatch_uid=name)

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value for `key`, made by `make()` when not kept or older than `seconds` (a
        `make` that raises keeps nothing)."""
        now = time.monotonic()
        kept = self._values.get(key)
        if kept is not None and kept[0] > now:
            return kept[1]
        value = make()
        self._values[key] = (now + self.seconds, value)
        return value

    def forget(self) -> None:
        self._values.clear()

    def _forget(self, **_kwargs: Any) -> None:
        self.forget()
