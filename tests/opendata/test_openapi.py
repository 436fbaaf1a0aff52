"""The API keeps its own OpenAPI description: schemathesis sends it generated requests, in process."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from acss_portal.wsgi import application

# About 20 generated requests per operation keep the run to seconds within `make test`.
EXAMPLES = settings(
    max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


@pytest.fixture
def wsgi_in_test_transaction():
    """The real WSGI application, minus what Django's test client also leaves out: closing the
    database connection at each request, which would end the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield application
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_api_answers_as_its_description_says_and_never_500(seed, wsgi_in_test_transaction):
    # Loaded inside the test: the description names the seed's countries, themes and partners.
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_in_test_transaction)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 18  # a list and a record for each of the nine resources

    for operation in operations:

        @given(case=operation.as_strategy())
        @EXAMPLES
        def answers(case):
            # The in-process client does not unzip what the portal compresses for real clients.
            response = case.call(headers={"Accept-Encoding": "identity"})
            case.validate_response(response)

        answers()
