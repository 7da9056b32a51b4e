"""Language-prefixed pages about the open data (included in `i18n_patterns`)."""

from django.urls import path

from solidarity.api import views

app_name = "open_data"
urlpatterns = [
    path("open-data/", views.open_data, name="index"),
    path("open-data/api/", views.api_reference, name="api_reference"),
    path("open-data/outreach/", views.outreach, name="outreach"),
]
