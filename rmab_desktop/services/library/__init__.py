"""Library: the app's own folder scanner, matching, and the library backends."""
