"""Which module writes each table: the one place that inserts, updates and deletes its rows.

Everyone else reads, or asks the owner through its API (e.g. the pipeline, organize and the
cleanup job all record downloads through ``services/downloads/history.py``). An owner is a module
or a feature package (then any module inside it). ``tests/unit/test_table_owners.py`` scans the
code and fails when a table is written anywhere else, or when a table has no owner here.
Tables no code writes yet name the feature package that will own them (``PLANNED``).
"""

from __future__ import annotations

S = "rmab_desktop.services"

OWNERS: dict[str, str] = {
    # catalog
    "works": f"{S}.catalog.cache",
    "work_asins": f"{S}.catalog.cache",
    "audible_cache": f"{S}.catalog.cache",
    "audible_categories": f"{S}.catalog.cache",
    "audible_category_ranks": f"{S}.catalog.cache",
    "audiobooks": f"{S}.catalog.audiobooks",
    "home_sections": f"{S}.catalog.service",
    # requests and users
    "requests": f"{S}.requests.service",
    "request_members": f"{S}.requests.service",
    "users": f"{S}.requests.users",
    "user_permissions": f"{S}.requests.users",
    "api_tokens": f"{S}.local_api.tokens",
    # household sign-in
    "user_sessions": f"{S}.household.accounts",
    "user_invites": f"{S}.household.accounts",
    "sign_in_failures": f"{S}.household.sign_in_limits",
    # downloads
    "download_history": f"{S}.downloads.history",
    "release_blocklist": f"{S}.downloads.blocklist",
    # library and organize
    "library_items": f"{S}.library",
    "library_files": f"{S}.library.scanner",
    "import_operations": f"{S}.organize.importer",
    # jobs
    "jobs": f"{S}.job_queue",
    "job_events": f"{S}.job_queue",
    "scheduled_jobs": f"{S}.scheduler",
    "automation_lease": f"{S}.automation_lease",
    # app plumbing
    "configuration": f"{S}.config_store",
    "shared_secrets": f"{S}.credentials",
    "notification_backends": f"{S}.notifications.service",
    "service_health_checks": f"{S}.health.service",
    # moving over from ReadMeABook or AudioBookRequest
    "import_mappings": f"{S}.migration_import",
    # reading shelves and BookDate
    "reading_shelves": f"{S}.shelves",
    "shelf_book_mappings": f"{S}.shelves",
    "bookdate_configs": f"{S}.bookdate",
    "bookdate_recommendations": f"{S}.bookdate",
    "bookdate_swipes": f"{S}.bookdate",
    # reported problems with books in the library
    "reported_issues": f"{S}.reported_issues",
    # indexer RSS monitoring
    "rss_feeds": f"{S}.rss",
    "rss_seen_items": f"{S}.rss",
    # watching authors and series; the ignore list every automation honours
    "watched_entities": f"{S}.watching",
    "watched_books": f"{S}.watching",
    "ignored_books": f"{S}.requests.ignore",
    # planned features: the package each table's writer will live in
    "audible_library_entries": f"{S}.audible_library",
    "audible_sync_history": f"{S}.audible_library",
    "user_lists": f"{S}.lists",
    "user_list_tiers": f"{S}.lists",
    "user_list_items": f"{S}.lists",
}

# Owners that do not exist yet: the feature packages the next issues add.
PLANNED: frozenset[str] = frozenset()


def owns(owner: str, module: str) -> bool:
    """Whether ``module`` (dotted) is ``owner`` or inside the ``owner`` package."""
    return module == owner or module.startswith(owner + ".")
