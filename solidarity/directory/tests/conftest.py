from typing import Any

import pytest

from solidarity.directory.tests import factories


@pytest.fixture
def provider(city: Any) -> Any:
    """A public provider: verified endorsement with all five commitments."""
    return factories.organization(city)
