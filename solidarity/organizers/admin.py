from django.contrib import admin
from django.http import HttpRequest

from solidarity.organizers.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: nobody edits or deletes the audit trail, not even a superuser."""

    list_display = ("day", "actor_name", "action", "target_label", "city")
    list_filter = ("action", "city")
    search_fields = ("action", "actor_name", "target_label")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
