"""ReadMeABook Desktop: from "I want that audiobook" to a tagged book in your library."""

__version__ = "0.1.0"
APP_NAME = "ReadMeABook Desktop"
APP_SLUG = "rmab-desktop"
APP_ID = "io.github.readmeabook.Desktop"
ORG_NAME = "ReadMeABook"
KEYRING_SERVICE = "rmab-desktop"
