"""One module per external system; httpx or the service's own client; typed errors, domain objects."""
