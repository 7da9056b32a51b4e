import pytest
from django.urls import reverse

FORMS = [("campaign:get_involved", "volunteer_data"), ("campaign:contact", "contact_data")]


@pytest.fixture
def solved(db):
    from solidarity.lib import pow

    return lambda: pow.solve(pow.new_challenge())


@pytest.mark.parametrize(("url_name", "data_fixture"), FORMS)
def test_it_lets_a_browser_that_solved_the_proof_of_work_send_ten_an_hour(
    client, vault, request, solved, url_name, data_fixture
):
    data = request.getfixturevalue(data_fixture)
    statuses = [
        client.post(reverse(url_name), data | {"altcha": solved()}).status_code for _ in range(11)
    ]
    assert statuses == [302] * 10 + [429]


@pytest.mark.parametrize(("url_name", "data_fixture"), FORMS)
def test_it_still_works_without_javascript_but_more_slowly(
    client, vault, request, url_name, data_fixture
):
    data = request.getfixturevalue(data_fixture)
    statuses = [client.post(reverse(url_name), data).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]


def test_a_reused_proof_of_work_counts_as_none(client, vault, volunteer_data, solved):
    payload = solved()
    statuses = [
        client.post(reverse("campaign:get_involved"), volunteer_data | {"altcha": payload})
        for _ in range(7)
    ]
    assert [response.status_code for response in statuses] == [302] * 6 + [429]
