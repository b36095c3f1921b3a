"""A minimal org.freedesktop.Notifications server for the session bus (jeepney).

Run it as its own process (``python -m tests.fakes.notification_daemon``) inside a
``dbus-run-session``: it owns the well-known name, prints ``READY``, then one JSON line per
received notification on stdout. Like dunst or GNOME Shell it answers GetServerInformation,
GetCapabilities, CloseNotification and refuses a Notify whose signature is not exactly
``susssasa{sv}i`` (printed as ``{"rejected": signature}``).
"""

from __future__ import annotations

import json
import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

BUS_NAME = "org.freedesktop.Notifications"
NOTIFY_SIGNATURE = "susssasa{sv}i"
NOTIFY_FIELDS = (
    "app_name",
    "replaces_id",
    "app_icon",
    "summary",
    "body",
    "actions",
    "hints",
    "expire_timeout",
)


def _emit(record: dict[str, object]) -> None:
    print(json.dumps(record, default=str), flush=True)


INTROSPECTION = """<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
  </interface>
</node>
"""


def _answer(msg, counter: list[int]):  # type: ignore[no-untyped-def]
    member = msg.header.fields.get(HeaderFields.member)
    signature = msg.header.fields.get(HeaderFields.signature, "")
    if member == "Introspect":
        return new_method_return(msg, "s", (INTROSPECTION,))
    if member == "GetServerInformation":
        return new_method_return(msg, "ssss", ("fake-notifyd", "rmab-tests", "1.0", "1.2"))
    if member == "GetCapabilities":
        return new_method_return(msg, "as", (["body"],))
    if member == "CloseNotification":
        return new_method_return(msg)
    if member == "Notify":
        if signature != NOTIFY_SIGNATURE:
            _emit({"rejected": signature})
            return new_error(
                msg, "org.freedesktop.DBus.Error.InvalidArgs", "s", (f"bad signature {signature}",)
            )
        counter[0] += 1
        record = dict(zip(NOTIFY_FIELDS, msg.body, strict=True))
        record["hints"] = {key: value[1] for key, value in record["hints"].items()}  # (sig, value)
        _emit({"notify": record, "id": counter[0]})
        return new_method_return(msg, "u", (counter[0],))
    return new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (f"no method {member}",))


def main() -> int:
    counter = [0]
    with open_dbus_connection(bus="SESSION") as conn:
        conn.send_and_get_reply(message_bus.RequestName(BUS_NAME), timeout=5)
        _emit({"ready": True})
        while True:
            msg = conn.receive()
            if msg.header.message_type == MessageType.method_call:
                conn.send(_answer(msg, counter))


if __name__ == "__main__":
    sys.exit(main())
