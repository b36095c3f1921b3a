"""The one address check behind every address option and field (typed, pasted or given)."""

from __future__ import annotations

import pytest

from rmab_desktop.domain.addresses import AddressKind, AddressState, check_address, require_address
from rmab_desktop.domain.errors import ValidationError

A, M, X = AddressState.ACCEPTABLE, AddressState.INTERMEDIATE, AddressState.INVALID

WEB = [
    ("http://plex.local:32400", A),
    (" https://abs.example.com/audiobookshelf ", A),
    ("http://user:pw@192.168.1.10:8080/path?x=1", A),
    ("http://[::1]:9091/transmission/rpc", A),
    ("http://my_nas.lan", A),
    ("", M),
    ("h", M),
    ("https:/", M),
    ("http://", M),
    ("http://plex.local:", M),
    ("plex.local", M),  # typing on: a scheme is still to come
    ("localhost:8080", M),
    ("plex.local:abc", X),
    ("htp:/bad url", X),
    ("htp:/bad", X),
    ("http:/bad", X),
    ("ftp://files.example.com", X),
    ("http://has space", X),
    ("http://host:0", X),
    ("http://host:65536", X),
    ("http://bad!host", X),
    ("http://host\x07", X),
]


@pytest.mark.parametrize(("text", "state"), WEB)
def test_web_addresses(text: str, state: AddressState) -> None:
    check = check_address(text)
    assert check.state is state, check
    assert bool(check.problem) is (state is not A)


NOTIFICATION = [
    ("discord://webhook_id/webhook_token", A),
    ("tgram://123456:ABC-DEF/987", A),  # a bot token holds ':' and is no port
    ("discord", M),
    ("discord://", M),
    ("json://host/a b", X),
]


@pytest.mark.parametrize(("text", "state"), NOTIFICATION)
def test_notification_addresses(text: str, state: AddressState) -> None:
    assert check_address(text, AddressKind.NOTIFICATION).state is state


def test_states_are_qvalidator_states() -> None:
    from PySide6.QtGui import QValidator

    for state in AddressState:
        assert QValidator.State(state.value).name.lower() == state.name.lower()


def test_require_address_names_the_field_and_masks_passwords() -> None:
    assert require_address(" http://host:1 ", "The address") == "http://host:1"
    with pytest.raises(ValidationError) as failure:
        require_address("http://admin:hunter2@host:99999", "The Plex address")
    assert failure.value.user_message.startswith("The Plex address 'http://admin:***@host:99999'")
    assert "hunter2" not in failure.value.user_message and failure.value.hint
    with pytest.raises(ValidationError) as failure:
        require_address("discord://id/se cret", "The notification address", AddressKind.NOTIFICATION)
    assert "se cret" not in failure.value.user_message


DAEMON = [
    ("127.0.0.1:58846", A),
    ("nas.local", A),  # the client's default port
    ("nas.local:", M),
    ("http://127.0.0.1:58846", X),  # Deluge's RPC is not http
    ("nas.local:99999", X),
    ("nas local:58846", X),
]


@pytest.mark.parametrize(("text", "state"), DAEMON)
def test_daemon_addresses(text: str, state: AddressState) -> None:
    assert check_address(text, AddressKind.DAEMON).state is state
