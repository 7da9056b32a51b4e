from django.urls import path

from solidarity.organizers import views

app_name = "organizers"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("audit/", views.audit, name="audit"),
]
