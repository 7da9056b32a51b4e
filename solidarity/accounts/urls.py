from django.urls import path

from solidarity.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("link/", views.link_request, name="link_request"),
    path("link/sent/", views.link_sent, name="link_sent"),
    path("link/<str:token>/", views.link, name="link"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
