from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from solidarity.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "is_staff", "organization", "is_active")
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Solidarity City", {"fields": ("organization", "cities")}),
    )
    filter_horizontal = ("cities", "groups", "user_permissions")
