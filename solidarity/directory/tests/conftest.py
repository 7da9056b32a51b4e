from typing import Any

import pytest

from solidarity.directory.tests import factories


@pytest.fixture
def provider(city: Any) -> Any:
    """A public provider: verified endorsement with all five commitments."""
    return factories.organization(city)


@pytest.fixture(autouse=True)
def english() -> Any:
    """URLs reversed in tests are the English ones, whatever a previous test activated."""
    from django.utils import translation

    with translation.override("en"):
        yield
