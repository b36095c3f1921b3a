"""The local HTTP API for scripts and home automation: tokens (``tokens.py``), the FastAPI app
(``app.py``), the pages a browser uses (``pages.py``) and the server thread (``server.py``)."""

from rmab_desktop.services.local_api.tokens import ApiTokenService, NewToken, TokenInfo

__all__ = ["ApiTokenService", "NewToken", "TokenInfo"]
