from django.urls import path

from solidarity.ops import views

app_name = "ops"
urlpatterns = [
    path("bare", views.bare, name="bare"),
]
