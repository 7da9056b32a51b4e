"""An import into an empty directory writes plain inserts, with the columns no record names
written as constants: the rows stored are those an update of the same records would store, an id
given twice is read once, and values present in some records only land where they were given."""

import csv
from pathlib import Path

import pytest
from django.db import models

from solidarity.api.services import hsds_import
from solidarity.directory.models import Phone, Service
from solidarity.directory.selectors import public_services

pytestmark = pytest.mark.django_db

ORGANIZATION = "6f1c2a38-1d5e-4b7f-9c3a-0a1b2c3d4e5f"
FIRST = "0c5b9e1a-7d2f-4e8b-a1c3-112233445566"
SECOND = "0c5b9e1a-7d2f-4e8b-a1c3-112233445577"
PHONE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"


def write(folder: Path, name: str, rows: list[list[str]]) -> None:
    with (folder / name).open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)


def package(folder: Path) -> Path:
    write(folder, "organizations.csv", [["id", "name"], [ORGANIZATION, "Food Bank North"]])
    write(
        folder,
        "services.csv",
        [
            ["id", "organization_id", "name", "status", "minimum_age", "description"],
            [FIRST, ORGANIZATION, "Grocery hampers", "active", "", "Every week"],
            [SECOND, ORGANIZATION, "Youth lunches", "active", "12", ""],
        ],
    )
    write(
        folder,
        "phones.csv",
        [
            ["id", "service_id", "number"],
            [PHONE, FIRST, "+1 514 555 0100"],
            [PHONE.upper(), SECOND, "+1 514 555 0199"],  # the same id again: read once
        ],
    )
    return folder


def stored(model: type[models.Model], pk: str) -> dict:
    return {
        name: value
        for name, value in model._default_manager.filter(pk=pk).values().get().items()
        if name != "last_modified"
    }


def test_an_import_into_an_empty_directory_stores_what_an_update_stores(tmp_path, city):
    assert not Service.objects.exists()
    first = hsds_import(path=package(tmp_path), city=city)
    assert first.created["service"] == 2
    assert first.created["phone"] == 1
    phone = Phone.objects.get()
    assert (phone.number, str(phone.service_id)) == ("+1 514 555 0100", FIRST)

    grocery, youth = Service.objects.get(pk=FIRST), Service.objects.get(pk=SECOND)
    assert (grocery.minimum_age, youth.minimum_age) == (None, 12)
    assert (grocery.description, youth.description) == ("Every week", "")
    assert grocery.name_en == "Grocery hampers"
    assert grocery.name_fr is None  # a language the file is not in stays empty
    assert grocery.alternate_name == ""
    assert grocery.created_on is not None
    assert grocery.last_modified is not None
    assert not public_services().exists()  # not endorsed: off the site

    before = {pk: stored(Service, pk) for pk in (FIRST, SECOND)}
    before_phone = stored(Phone, PHONE)
    Service.objects.all().update(name="x", name_en="x", minimum_age=None, description_en="")
    again = hsds_import(path=tmp_path, city=city)  # the tables hold rows now: upserts
    assert again.updated["service"] == 2
    assert {pk: stored(Service, pk) for pk in (FIRST, SECOND)} == before
    assert stored(Phone, PHONE) == before_phone
