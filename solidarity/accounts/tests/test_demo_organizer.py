"""The demo organizer printed by `make run` can log in, pass the second factor and unlock."""

import io
import re

from django.core.management import call_command
from django.urls import reverse

from solidarity.accounts import demo


def test_demo_login_prints_working_credentials(demo_data, client):
    out = io.StringIO()
    call_command("demo_login", stdout=out)
    code = re.search(r"code right now:\s+(\d{6})", out.getvalue()).group(1)

    response = client.post(
        reverse("accounts:login"),
        {"username": demo.USERNAME, "password": demo.PASSWORD, "code": code},
    )
    unlock = client.post(reverse("vault:unlock"), {"passphrase": demo.PASSPHRASE})

    assert response.status_code == 302
    assert unlock.status_code == 302
    assert client.get(reverse("vault:access")).status_code == 200
