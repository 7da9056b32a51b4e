from django.urls import path

from solidarity.vault import views
from solidarity.vault.views_access import access, grant, revoke

app_name = "vault"
urlpatterns = [
    path("unlock/", views.unlock, name="unlock"),
    path("lock/", views.lock_now, name="lock"),
    path("access/", access, name="access"),
    path("access/<int:user_id>/grant/", grant, name="grant"),
    path("access/<int:user_id>/revoke/", revoke, name="revoke"),
]
