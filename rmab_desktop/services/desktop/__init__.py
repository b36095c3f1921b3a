"""Qt-free desktop integration: start at login and keeping the computer awake, per OS."""
