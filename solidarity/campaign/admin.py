"""Organizers edit the toolkit and the actions here. Volunteers and messages are sealed and
are read through the vault-protected pages, never in the admin."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from solidarity.campaign.models import Action, ToolkitPage


@admin.register(ToolkitPage)
class ToolkitPageAdmin(TranslationAdmin):
    list_display = ["title", "commitment", "position", "updated_on"]
    ordering = ["position"]


@admin.register(Action)
class ActionAdmin(TranslationAdmin):
    list_display = ["title", "city", "starts_at", "is_published"]
    list_filter = ["is_published", "city"]
    date_hierarchy = "starts_at"
