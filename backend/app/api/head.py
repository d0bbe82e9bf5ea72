"""HEAD is answered as GET without the body (RFC 9110, 9.3.2), for every route.

One ASGI middleware rather than a HEAD method on each route: a GET route added anywhere,
later (a config endpoint, the web app at `/`), answers HEAD without doing anything.
"""

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            # The headers go as GET's (its Content-Length included); the body does not.
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
