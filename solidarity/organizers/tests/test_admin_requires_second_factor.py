"""The Django admin is a staff page like the others: a verified second factor is required, and
its login is the organizers' login (with its lockout)."""

from django.test import Client


def test_the_admin_sends_anonymous_visitors_to_the_organizer_login(db):
    response = Client().get("/en/admin/")

    assert response.status_code == 302
    follow = Client().get(response["Location"])
    assert follow.status_code == 302
    assert follow["Location"].startswith("/en/accounts/login/")


def test_a_superuser_with_only_a_password_gets_no_admin_page(organizer):
    organizer.is_superuser = True
    organizer.save()
    client = Client()
    client.force_login(organizer)

    assert client.get("/en/admin/").status_code == 302
    assert client.get("/en/admin/accounts/user/").status_code == 302


def test_a_verified_organizer_uses_the_admin(organizer_client, organizer):
    organizer.is_superuser = True
    organizer.save()

    assert organizer_client.get("/en/admin/").status_code == 200
    assert organizer_client.get("/en/admin/organizers/auditentry/").status_code == 200
