"""Fake sleep-inhibit services on a D-Bus bus (jeepney), one per process.

``python -m tests.fakes.sleep_inhibitors gnome`` owns ``org.gnome.SessionManager`` on the session
bus and answers ``Inhibit(susu) -> u`` / ``Uninhibit(u)`` like gnome-session; ``... logind`` owns
``org.freedesktop.login1`` on the *system* bus (point ``DBUS_SYSTEM_BUS_ADDRESS`` at a private
bus) and answers ``Inhibit(ssss) -> h`` with the write end of a pipe, as logind does: the block
lasts until every copy of that fd is closed, which the fake sees as end-of-file on the read end.
Each event is one JSON line on stdout, after ``{"ready": true}``.
"""

from __future__ import annotations

import json
import os
import sys
import threading

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection


def _emit(record: dict[str, object]) -> None:
    print(json.dumps(record), flush=True)


def _member(msg) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    fields = msg.header.fields
    return fields.get(HeaderFields.member, ""), fields.get(HeaderFields.signature, "")


def serve_gnome(conn: DBusConnection) -> None:
    cookies = iter(range(7001, 8000))
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        member, signature = _member(msg)
        if member == "Inhibit" and signature == "susu":
            cookie = next(cookies)
            _emit({"inhibit": list(msg.body), "cookie": cookie})
            conn.send(new_method_return(msg, "u", (cookie,)))
        elif member == "Uninhibit" and signature == "u":
            _emit({"uninhibit": msg.body[0]})
            conn.send(new_method_return(msg))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,)))


def _watch_release(read_end: int, block: int) -> None:
    os.read(read_end, 1)  # returns at end-of-file: the last write end is closed
    os.close(read_end)
    _emit({"released": block})


def serve_logind(conn: DBusConnection) -> None:
    blocks = 0
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        member, signature = _member(msg)
        if member != "Inhibit" or signature != "ssss":
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,)))
            continue
        blocks += 1
        read_end, write_end = os.pipe()
        _emit({"inhibit": list(msg.body), "block": blocks})
        conn.send(new_method_return(msg, "h", (write_end,)))
        os.close(write_end)  # the caller holds the only copy now
        threading.Thread(target=_watch_release, args=(read_end, blocks), daemon=True).start()


SERVICES = {
    "gnome": ("SESSION", "org.gnome.SessionManager", serve_gnome),
    "logind": ("SYSTEM", "org.freedesktop.login1", serve_logind),
}


def main() -> int:
    bus, name, serve = SERVICES[sys.argv[1]]
    with open_dbus_connection(bus=bus, enable_fds=True) as conn:
        conn.send_and_get_reply(message_bus.RequestName(name), timeout=5)
        _emit({"ready": True})
        serve(conn)
    return 0


if __name__ == "__main__":
    sys.exit(main())
