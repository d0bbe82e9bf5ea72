"""CSV responses: RFC 4180 (Python's `csv` module, CRLF line ends, quotes where needed),
streamed in chunks, with formula-looking cells defused for spreadsheets."""

import csv
import io
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Sequence
from typing import Any

from fastapi.responses import StreamingResponse

MEDIA_TYPE = "text/csv; charset=utf-8"
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(value: Any) -> Any:
    """`value`, with a leading `'` when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def csv_lines(rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([defused(cell) for cell in row] for row in rows)
    return buffer.getvalue()


async def _encoded(
    header: Sequence[str], chunks: AsyncIterable[Iterable[Sequence[Any]]]
) -> AsyncIterator[bytes]:
    yield csv_lines([header]).encode()
    async for chunk in chunks:
        yield csv_lines(chunk).encode()


def csv_response(
    header: Sequence[str], chunks: AsyncIterable[Iterable[Sequence[Any]]], filename: str
) -> StreamingResponse:
    """A streamed `text/csv` download: `header`, then each chunk of rows as it comes."""
    return StreamingResponse(
        _encoded(header, chunks),
        media_type=MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
