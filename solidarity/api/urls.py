from django.urls import path

from solidarity.api.api import api
from solidarity.api.views import download_export

app_name = "api"
urlpatterns = [
    path("exports/<str:name>", download_export, name="export"),
    *api.urls[0],
]
