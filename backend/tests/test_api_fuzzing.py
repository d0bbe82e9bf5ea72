"""Property-based fuzzing of the whole API from its own OpenAPI schema (Schemathesis),
authenticated as a master admin, against a live server on its own database: no 5xx,
and every response conforms to what the schema documents."""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.core.config import Settings
from app.main import create_app
from tests import database
from tests.database import SERVER, TEMPLATE, worker_id
from tests.helpers import settings_for
from tests.live_server import serve
from tests.tokens import TokenSigner


@pytest.fixture(scope="module")
def live_url(request: pytest.FixtureRequest, signer: TokenSigner) -> Iterator[str]:
    server = request.config.stash[SERVER]
    template = request.config.stash[TEMPLATE]
    name = f"{template}_fuzz_{worker_id(request.config)}"
    database_url = database.clone_database(server, template, name)
    try:
        with serve(settings_for(database_url, signer)) as url:
            yield url
    finally:
        database.drop_database(server, name)


# The schema comes from the app itself (no database needed to describe it); the calls go
# to the live server.
schema = schemathesis.openapi.from_dict(create_app(Settings(_env_file=None)).openapi())


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_api_honours_its_schema(
    case: schemathesis.Case[Any], live_url: str, signer: TokenSigner
) -> None:
    token = signer.token("user_fuzzer", exp=2_000_000_000)
    case.call_and_validate(
        base_url=live_url,
        headers={"Authorization": f"Bearer {token}"},
        # Business rules that JSON Schema cannot state (weeks start on Monday, a done
        # activity is not in the future, a time zone exists) reject some schema-valid
        # input by design; each has its own tests.
        excluded_checks=[positive_data_acceptance],
    )
