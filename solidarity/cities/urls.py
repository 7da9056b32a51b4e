from django.urls import path

from solidarity.cities import views

app_name = "cities"
urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("cities/<slug:slug>/", views.city_home, name="city"),
    path("cities/<slug:slug>/declaration/", views.declaration, name="declaration"),
]
