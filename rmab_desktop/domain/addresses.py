"""Is this text a usable service address? One Qt-free check for the command line and the UI.

:func:`check_address` judges text the way a field judges it while it is being typed: ``ACCEPTABLE``
(usable as it is), ``INTERMEDIATE`` (not yet usable, but typing more can make it so: ``http:/``,
``plex.local``) or ``INVALID`` (no amount of typing at the end fixes it: a space, a port that is not
a number, a scheme that is not http). The values of :class:`AddressState` are those of Qt's
``QValidator.State``, so a validator's ``validate()`` can return ``QValidator.State(check.state)``
and show ``check.problem`` / ``check.hint`` beside the field. :func:`require_address` is the same
check for text that is complete (a command line option, the OK button): anything but ACCEPTABLE
raises a :class:`~rmab_desktop.domain.errors.ValidationError` naming the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from urllib.parse import urlsplit

from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Translator

tr = Translator("Addresses")

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_SCHEME_START = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):/?$|^([A-Za-z][A-Za-z0-9+.-]*):/(?!/)")
_HOST = re.compile(r"^(?:[\w-]+(?:\.[\w-]+)*\.?|\[[0-9A-Fa-f:.]+\])$")
WEB_SCHEMES = ("http", "https")


class AddressState(IntEnum):
    """Ordered like ``QValidator.State``: Invalid = 0, Intermediate = 1, Acceptable = 2."""

    INVALID = 0
    INTERMEDIATE = 1
    ACCEPTABLE = 2


class AddressKind(StrEnum):
    WEB = "web"  # http(s)://host[:port][/path]: download clients, indexers, Plex, Audiobookshelf
    NOTIFICATION = "notification"  # any scheme://...: Apprise URLs (tokens may hold ':' and '/')
    DAEMON = "daemon"  # host[:port] of a daemon's own protocol, no scheme: Deluge's RPC


@dataclass(frozen=True)
class AddressCheck:
    state: AddressState
    address: str  # the text without surrounding blanks
    problem: str = ""
    hint: str = ""

    @property
    def ok(self) -> bool:
        return self.state is AddressState.ACCEPTABLE


def check_address(text: str, kind: AddressKind = AddressKind.WEB) -> AddressCheck:
    """How far ``text`` is from a usable address of ``kind`` (see the module's docstring)."""
    address = text.strip()
    example = _example(kind)
    if not address:
        return AddressCheck(AddressState.INTERMEDIATE, address, tr("Enter an address."), example)
    if any(ch.isspace() for ch in address):
        return AddressCheck(AddressState.INVALID, address, tr("An address cannot contain spaces."), example)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in address):
        return AddressCheck(
            AddressState.INVALID, address, tr("The address contains control characters."), example
        )
    scheme_match = _SCHEME.match(address)
    if kind is AddressKind.DAEMON:
        if scheme_match is not None:
            return AddressCheck(
                AddressState.INVALID, address, tr("A daemon address has no scheme: only host:port."), example
            )
        parts = _web_parts(f"http://{address}", example)
        return AddressCheck(parts.state, address, parts.problem, parts.hint)
    if scheme_match is None:
        return _without_scheme(address, kind, example)
    scheme = scheme_match.group(1).lower()
    rest = address[scheme_match.end() :]
    if kind is AddressKind.NOTIFICATION:
        if not rest:
            return AddressCheck(
                AddressState.INTERMEDIATE, address, tr("Complete the address after {scheme}://.").format(
                    scheme=scheme
                ), example
            )  # fmt: skip
        return AddressCheck(AddressState.ACCEPTABLE, address)
    if scheme not in WEB_SCHEMES:
        return AddressCheck(
            AddressState.INVALID,
            address,
            tr("The address starts with '{scheme}://'; it must start with http:// or https://.").format(
                scheme=scheme
            ),
            example,
        )
    return _web_parts(address, example)


def require_address(text: str, what: str, kind: AddressKind = AddressKind.WEB) -> str:
    """The address without blanks, or a ValidationError naming ``what``, with a hint.

    The message quotes a web address with its password masked, and no notification address at
    all (its tokens are secrets)."""
    check = check_address(text, kind)
    if check.ok:
        return check.address
    if kind is AddressKind.NOTIFICATION:
        message = tr("{what} is not a usable address: {problem}").format(what=what, problem=check.problem)
    else:
        shown = re.sub(r"//([^/@:]*):[^/@]*@", r"//\1:***@", check.address)
        message = tr("{what} '{address}' is not a usable address: {problem}").format(
            what=what, address=shown, problem=check.problem
        )
    raise ValidationError(message, hint=check.hint)


def _example(kind: AddressKind) -> str:
    if kind is AddressKind.DAEMON:
        return tr("A daemon address looks like 127.0.0.1:58846.")
    if kind is AddressKind.NOTIFICATION:
        return tr(
            "An Apprise address looks like discord://webhook_id/webhook_token or mailto://user@example.com."
        )
    return tr("An address looks like http://192.168.1.10:8080 or https://plex.example.com.")


def _without_scheme(address: str, kind: AddressKind, example: str) -> AddressCheck:
    """``plex.local``, ``http:/`` or ``htp:/bad``: a scheme still to come, or a wrong one."""
    partial = _SCHEME_START.match(address)
    if partial is not None:
        scheme = (partial.group(1) or partial.group(2)).lower()
        wanted = WEB_SCHEMES if kind is AddressKind.WEB else (scheme,)
        if partial.group(1) is not None and any(w.startswith(scheme) for w in wanted):
            return AddressCheck(AddressState.INTERMEDIATE, address, tr("Complete the address."), example)
        return AddressCheck(
            AddressState.INVALID,
            address,
            tr("The address must start with a scheme and two slashes, such as http://."),
            example,
        )
    if kind is AddressKind.WEB and any(w.startswith(address.lower()) for w in WEB_SCHEMES):
        return AddressCheck(AddressState.INTERMEDIATE, address, tr("Complete the address."), example)
    problem = tr("The address has no scheme; start it with http:// or https://.")
    if kind is AddressKind.WEB:
        with_scheme = _web_parts(f"http://{address}", example)
        if with_scheme.state is AddressState.INVALID:
            return AddressCheck(AddressState.INVALID, address, with_scheme.problem, with_scheme.hint)
        return AddressCheck(
            AddressState.INTERMEDIATE,
            address,
            problem,
            tr("Did you mean http://{address}?").format(address=address),
        )
    return AddressCheck(
        AddressState.INTERMEDIATE, address, tr("The address has no scheme (such as discord://)."), example
    )


def _web_parts(address: str, example: str) -> AddressCheck:
    """Host and port of an http(s) address."""
    parts = urlsplit(address)
    host_port = parts.netloc.rpartition("@")[2]
    if not host_port:
        return AddressCheck(
            AddressState.INTERMEDIATE, address, tr("Enter the host name or IP address."), example
        )
    host, _, port = host_port.rpartition(":") if not host_port.endswith("]") else (host_port, "", "")
    if not host:  # no colon: the whole is the host
        host, port = host_port, ""
    if host_port.endswith(":"):
        return AddressCheck(AddressState.INTERMEDIATE, address, tr("Enter the port number."), example)
    if port and (not port.isdigit() or not 1 <= int(port) <= 65535):
        return AddressCheck(
            AddressState.INVALID,
            address,
            tr("The port '{port}' is not a number from 1 to 65535.").format(port=port),
            tr("Put a port number after the colon, e.g. http://plex.local:32400."),
        )
    if not _HOST.match(host):
        return AddressCheck(
            AddressState.INVALID,
            address,
            tr("'{host}' is not a host name or IP address.").format(host=host),
            example,
        )
    return AddressCheck(AddressState.ACCEPTABLE, address)
