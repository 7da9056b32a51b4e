"""Shared fixtures. Tests are fast by default: MD5 passwords, a cheap vault KDF, locmem e-mail."""

from typing import Any

import pytest
from django.conf import settings


def pytest_configure(config: pytest.Config) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.VAULT_KDF_OPS_LIMIT = 1
    settings.VAULT_KDF_MEM_LIMIT = 8192 * 1024  # libsodium's minimum is 8 KiB; 8 MiB is quick
    settings.STORAGES["staticfiles"]["BACKEND"] = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: tests write data without bumping the public-page
    generations (solidarity.lib.cache), and a page cached by an earlier test must not leak in."""
    from django.core.cache import cache, caches

    from solidarity.directory.search import synonyms
    from solidarity.lib.generation_watch import watch

    cache.clear()
    caches["searches"].clear()
    synonyms.forget()
    watch.forget()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None) -> Any:
    """pytest-django's, then: the generation watch's PostgreSQL connection closes before the test
    database is dropped, which PostgreSQL refuses while anyone is connected."""
    from solidarity.lib.generation_watch import watch

    yield
    watch.close()


@pytest.fixture(autouse=True)
def _english() -> Any:
    """Each test starts in English: a request to /ar/... leaves Arabic active in the thread,
    and reverse() in the next test would build Arabic URLs."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(scope="session")
def _open_data_root(tmp_path_factory: Any) -> Any:
    return tmp_path_factory.mktemp("open-data")


@pytest.fixture(autouse=True)
def _open_data_dir(settings: Any, _open_data_root: Any) -> None:
    """Published exports go to a temporary directory, never the developer's `var/`."""
    settings.OPEN_DATA_DIR = _open_data_root


@pytest.fixture
def city(db: Any) -> Any:
    from solidarity.cities.demo import create_declaration
    from solidarity.cities.models import City

    city = City.objects.create(
        slug="montreal", name_en="Montreal", name_fr="Montréal", latitude=45.5, longitude=-73.56
    )
    import datetime

    create_declaration(city=city, version=1, published_on=datetime.date(2026, 3, 21))
    return city


@pytest.fixture
def organizer(db: Any) -> Any:
    """An organizer with a confirmed TOTP device, holding the campaign key (vault initialized)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from solidarity.accounts.models import User
    from solidarity.vault.services import vault_init

    user = User.objects.create_user(
        username="ana", password="a long organizer password", is_staff=True
    )
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    result = vault_init(organizer=user, passphrase="ana's vault passphrase")
    user.recovery_key = result.recovery_key  # type: ignore[attr-defined]
    return user


@pytest.fixture
def organizer_client(client: Any, organizer: Any) -> Any:
    """The test client logged in as `organizer`, second factor verified (vault locked)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    client.force_login(organizer)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = organizer.totpdevice_set.get().persistent_id
    session.save()
    return client


@pytest.fixture
def unlocked_client(organizer_client: Any) -> Any:
    """`organizer_client` with the vault unlocked through the real unlock form."""
    from django.urls import reverse

    response = organizer_client.post(
        reverse("vault:unlock"), {"passphrase": "ana's vault passphrase"}
    )
    assert response.status_code == 302, "the organizer fixture's passphrase should unlock"
    return organizer_client


@pytest.fixture
def demo_data(db: Any) -> None:
    from django.core.management import call_command

    call_command("demo_data", services=30, stdout=open("/dev/null", "w"))  # noqa: SIM115
