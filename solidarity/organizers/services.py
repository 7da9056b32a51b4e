from typing import Any

from django.db import models
from django.utils import timezone

from solidarity.organizers.models import AuditEntry


def audit_log(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    city_id: int | None = None,
    detail: str = "",
) -> AuditEntry:
    """Writes an audit row. Call it inside the transaction of the action it records."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if is_user else None,
        actor_name=actor.get_username() if is_user else "system",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:200] if target is not None else "",
        city_id=city_id,
        detail=detail[:500],
        day=timezone.localdate(),
    )
