"""The surge path writes its rows in plain SQL (`endorsements.storage`): they must be the rows
the ORM writes, defaults, dates and translated fields included."""

import datetime
import uuid

import pytest
from django.forms.models import model_to_dict
from django.utils import translation

from solidarity.directory.models import Organization
from solidarity.endorsements import storage
from solidarity.endorsements.models import Endorsement


def stored(pk):
    row = Organization.objects.get(pk=pk)
    values = model_to_dict(row, exclude=["id", "slug"])
    return {
        **values,
        **{
            f"description_{lang}": getattr(row, f"description_{lang}")
            for lang in ("en", "fr", "es", "ar")
        },
    }


def test_an_organization_row_is_the_one_the_orm_writes(city):
    fields = {"city": city, "name": "Cuisine Collective", "sector": "food_bank"}
    with translation.override("fr"):
        by_orm = Organization.objects.create(
            slug="by-orm", description_fr="Repas pour tous", **fields
        )
        fast = storage.new(Organization, slug="fast", description_fr="Repas pour tous", **fields)
        storage.insert(fast)

    assert stored(fast.pk) == stored(by_orm.pk)
    assert Organization.objects.get(pk=fast.pk).created_on == by_orm.created_on
    assert storage.new(Organization).pk != storage.new(Organization).pk  # a fresh UUID each


def test_an_endorsement_row_is_the_one_the_orm_writes(city):
    organization = Organization.objects.create(
        city=city, name="Clinic", slug="clinic", sector="healthcare"
    )
    declaration = city.declarations.get()
    values = {
        "organization": organization,
        "declaration": declaration,
        "commitments": ["never_ask", "no_fees"],
        "decision_method": "board",
        "decided_month": datetime.date(2026, 3, 1),
        "contact_sealed": b"\x00sealed",
        "contact_email_hash": "ab" * 32,
        "submission_id": uuid.uuid4(),
    }
    by_orm = Endorsement.objects.create(**values)
    fast = Endorsement(**{**values, "submission_id": uuid.uuid4()})

    assert storage.insert_where(fast, "1 = %s", [1])
    assert not storage.insert_where(Endorsement(**{**values, "submission_id": None}), "1 = %s", [2])

    exclude = ["id", "submission_id"]
    assert model_to_dict(Endorsement.objects.get(pk=fast.pk), exclude=exclude) == model_to_dict(
        Endorsement.objects.get(pk=by_orm.pk), exclude=exclude
    )
    assert bytes(Endorsement.objects.get(pk=fast.pk).contact_sealed) == b"\x00sealed"


def test_an_endorsement_and_its_organization_are_stored_together_or_not_at_all(city):
    declaration = city.declarations.get()

    def pair(name, condition):
        organization = storage.new(
            Organization, city=city, name=name, slug=name.lower(), sector="healthcare"
        )
        endorsement = Endorsement(
            organization=organization,
            declaration=declaration,
            decision_method="board",
            decided_month=datetime.date(2026, 3, 1),
            contact_sealed=b"\x00sealed",
            contact_email_hash=name.lower() * 8,
            submission_id=uuid.uuid4(),
        )
        return storage.insert_rows_where(endorsement, *condition, then=[organization]), endorsement

    # Twice the same statement on one connection (prepared once on PostgreSQL), then refused.
    for name in ("Clinic", "Pantry"):
        stored_pair, endorsement = pair(name, ("1 = %s", [1]))
        assert stored_pair
        assert Endorsement.objects.get(pk=endorsement.pk).organization.name == name
    refused, _ = pair("Shelter", ("1 = %s", [2]))

    assert not refused
    assert not Organization.objects.filter(name="Shelter").exists()
    assert Endorsement.objects.count() == 2


def test_a_new_row_holds_its_related_rows_as_the_orm_sets_them(city, django_assert_num_queries):
    fields = {"name": "Cuisine", "slug": "cuisine", "sector": "food_bank"}
    fast, by_init = (
        storage.new(Organization, city=city, **fields),
        Organization(city=city, **fields),
    )

    assert fast.city_id == by_init.city_id == city.pk
    assert fast._state.db == by_init._state.db == "default"
    endorsement = storage.new(Endorsement, organization=fast)
    assert endorsement.organization_id == fast.pk
    with django_assert_num_queries(0):
        assert fast.city is city
        assert endorsement.organization is fast
    with pytest.raises(ValueError, match="must be a"):
        storage.new(Endorsement, organization=city)


@pytest.mark.django_db
def test_dates_and_ids_go_to_postgresql_as_django_converts_them(city):
    """`storage._values` passes a date, UUID, key or None as it is on PostgreSQL where
    Django's own conversion would give that same value (`_exact`): compared field by field
    with `get_db_prep_save(pre_save(...))` for the surge path's three kinds of rows, with
    values set and left empty."""
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    organization = storage.new(Organization, city=city, name="Clinic", slug="c", sector="other")
    declaration = city.declarations.get()
    rows = [
        organization,
        storage.new(Organization, city=city, name="Other", listings_reminder_sent_on=None),
        storage.new(
            Endorsement, organization=organization, declaration_id=declaration.pk,
            decided_month=datetime.date(2026, 3, 1), submission_id=uuid.uuid4(),
            confirmed_on=datetime.date(2026, 4, 2), verified_by=None,
        ),
        storage.new(Endorsement, organization=organization, declaration=declaration),
        storage.new(DBTaskResult, args_kwargs={"args": ["x"], "kwargs": {}}, priority=-7),
    ]  # fmt: skip
    exact_fields = 0
    for row in rows:
        model = type(row)
        for (field, _attname, _plain, exact), value in zip(
            storage._columns(model, False, connection.vendor),
            storage._values(row, connection),
            strict=True,
        ):
            if connection.vendor != "postgresql":
                assert exact is None
                continue
            if exact is None:
                continue
            exact_fields += 1
            expected = field.get_db_prep_save(field.pre_save(row, True), connection)
            assert value == expected, (model, field.name)
            assert type(value) is type(expected), (model, field.name)
    if connection.vendor == "postgresql":
        assert exact_fields >= 14
