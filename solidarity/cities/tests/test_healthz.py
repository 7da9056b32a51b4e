from unittest import mock


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_answers_503_when_the_database_does_not(client, db):
    with mock.patch("solidarity.cities.views.connection.cursor", side_effect=OSError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
