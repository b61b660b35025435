"""Request bodies for the JSON APIs (the wizard, the calculator), read with a hard limit."""
from __future__ import annotations

from flask import abort, current_app, request
from werkzeug.exceptions import ClientDisconnected


def read_body() -> bytes:
    """The request body, at most MAX_CONTENT_LENGTH bytes; a larger one is answered with a 413.

    With a Content-Length, Werkzeug refuses a body that is too large before it is read. A body
    sent in chunks has no length: Werkzeug then cuts it off at the limit without saying so, so
    the service would answer the first 64 KB (a 400 or even a 200). So read one byte more than
    allowed from the server's stream and refuse the body when that byte arrives.
    """
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or request.max_content_length
    environ = request.environ
    if limit is None or request.content_length is not None or "wsgi.input_terminated" not in environ:
        return request.get_data(cache=False)  # beyond a declared MAX_CONTENT_LENGTH this raises a 413
    stream, chunks, size = environ["wsgi.input"], [], 0
    while size <= limit:
        try:
            chunk = stream.read(limit + 1 - size)
        except (OSError, ValueError):  # a broken chunk or a client that went away
            raise ClientDisconnected() from None
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        _drain(stream)
        abort(413)
    return b"".join(chunks)


def _drain(stream, most: int = 1024 * 1024) -> None:
    """Read (and drop) what the client is still sending, up to `most` bytes, so that it can read
    the 413 instead of a connection reset; a client that sends more is cut off."""
    try:
        while most > 0:
            chunk = stream.read(min(most, 64 * 1024))
            if not chunk:
                return
            most -= len(chunk)
    except (OSError, ValueError):
        return
