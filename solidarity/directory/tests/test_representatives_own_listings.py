"""A representative of organization A cannot touch organization B's listings, on any edit URL."""

import pytest
from django.urls import reverse

from solidarity.accounts.models import User
from solidarity.directory.models import Service
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(city, provider):
    other = factories.organization(city, "Other Org")
    theirs = factories.service(other, name={"en": "Their clinic"})
    their_place = factories.location(other, at=(45.5, -73.6))
    rep = User.objects.create_user(username="rep-a", organization=provider)
    return rep, theirs, their_place


def edit_urls(service, location):
    return [
        ("get", reverse("directory:service_edit", args=[service.pk])),
        ("post", reverse("directory:service_edit", args=[service.pk])),
        ("post", reverse("directory:service_retire", args=[service.pk])),
        ("post", reverse("directory:service_accurate", args=[service.pk])),
        ("get", reverse("directory:location_edit", args=[location.pk])),
        ("post", reverse("directory:location_edit", args=[location.pk])),
        ("post", reverse("directory:location_retire", args=[location.pk])),
    ]


def test_another_organizations_listing_is_not_found_on_every_edit_url(client, setup):
    rep, theirs, their_place = setup
    client.force_login(rep)
    for method, url in edit_urls(theirs, their_place):
        response = getattr(client, method)(url, {"name_en": "Hijacked"})
        assert response.status_code == 404, url
    theirs.refresh_from_db()
    assert theirs.name_en == "Their clinic"
    assert theirs.status == Service.Status.ACTIVE


def test_anonymous_visitors_are_sent_to_log_in(client, setup):
    _rep, theirs, their_place = setup
    for method, url in [
        *edit_urls(theirs, their_place),
        ("get", reverse("directory:manage")),
        ("get", reverse("directory:service_create")),
    ]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"] or "link" in response["Location"]


def test_users_without_an_organization_are_refused(client, setup):
    _rep, theirs, their_place = setup
    client.force_login(User.objects.create_user(username="nobody"))
    for method, url in edit_urls(theirs, their_place):
        assert getattr(client, method)(url).status_code == 403, url


def test_organizer_review_pages_refuse_representatives(client, setup):
    rep, theirs, _place = setup
    client.force_login(rep)
    assert client.get(reverse("directory:review")).status_code == 403
    assert (
        client.post(
            reverse("directory:review_decide", args=[theirs.pk]), {"decision": "approve"}
        ).status_code
        == 403
    )
