"""Request bodies whose fractions are read exactly: money must not pass through a float.

Python's JSON parser reads `1.0000000000000000001` as the float 1.0, so a body with
more decimals than allowed could slip through as fewer. Routes of this class parse
fractions as `Decimal` instead (integers stay `int`); a float field is never declared
on them.
"""

import json
from collections.abc import Callable, Coroutine
from decimal import Decimal
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute


class LosslessJsonRequest(Request):
    async def json(self) -> Any:
        # FastAPI reads the body once per request: nothing to cache.
        return json.loads(await self.body(), parse_float=Decimal)


class LosslessJsonRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def lossless_handler(request: Request) -> Response:
            return await handler(LosslessJsonRequest(request.scope, request.receive))

        return lossless_handler
