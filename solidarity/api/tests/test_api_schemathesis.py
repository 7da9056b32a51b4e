"""Schemathesis against our committed OpenAPI document, inside the suite: generated requests
(bounded examples per operation) find no 5xx and no response that violates the document."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from solidarity.api import openapi

schema = schemathesis.openapi.from_dict(openapi.committed_document())
app = get_wsgi_application()


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: a request must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_honours_its_openapi_document(case, public_service, keep_test_connection):
    # Identity: the WSGI transport would not decompress our gzip-compressed responses.
    case.call_and_validate(app=app, headers={"Accept-Encoding": "identity"})
