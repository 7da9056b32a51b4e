"""The indexes a submission writes: each one is there for a query, and they still do their jobs.

Every index on the endorsement and organization tables is written by each of a surge's inserts.
On PostgreSQL a CharField declared with db_index (or unique) also gets a LIKE index
(`varchar_pattern_ops`) that no query here uses; none is left.
"""

import uuid

import pytest
from django.db import IntegrityError, connection, transaction

from solidarity.directory.models import Organization
from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db


def _indexes(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        return dict(cursor.fetchall())


def test_no_like_index_is_written_by_a_submission():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite builds no LIKE index")
    for model in (Endorsement, Organization):
        definitions = _indexes(model._meta.db_table)
        assert definitions, model._meta.db_table
        assert not [name for name, sql in definitions.items() if "pattern_ops" in sql]


def test_only_verified_endorsements_are_indexed_by_their_verifier():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    by_verifier = [
        sql for sql in _indexes(Endorsement._meta.db_table).values() if "verified_by_id" in sql
    ]
    assert len(by_verifier) == 1
    assert "WHERE (verified_by_id IS NOT NULL)" in by_verifier[0]


def test_duplicates_are_found_through_indexes_on_the_email_hash_and_the_status():
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Endorsement._meta.db_table)
    indexed = {tuple(c["columns"]) for c in found.values() if c["index"] or c["unique"]}
    assert ("contact_email_hash",) in indexed
    assert ("status",) in indexed
    assert ("submission_id",) in indexed


def test_two_organizations_cannot_share_a_slug(city):
    Organization.objects.create(city=city, name="Food Bank", slug="food-bank", sector="other")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(city=city, name="Other", slug="food-bank", sector="other")
    Organization.objects.create(
        city=city, name="Food Bank", slug=f"food-bank-{uuid.uuid4().hex[:6]}", sector="other"
    )
    assert Organization.objects.filter(name="Food Bank").count() == 2


def test_each_public_service_is_checked_through_its_organizations_endorsements(city):
    """directory.selectors.public_services asks, for every service, whether its organization
    has a verified endorsement. Through the status index instead, SQLite (no statistics) read
    every verified endorsement for each service: the HSDS export of 60,000 services took 64 s
    instead of 15."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's plan; PostgreSQL plans with its statistics")
    from solidarity.directory.selectors import public_services

    sql, params = public_services().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())

    assert "endorsement_org_status_idx" in plan, plan
    assert "endorsement_status_idx" not in plan, plan
