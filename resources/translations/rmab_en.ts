<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>ActivityPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Cancelling %n job(s).</source>
            <translation>
                <numerusform>Cancelling %n job.</numerusform>
                <numerusform>Cancelling %n jobs.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Queued %n job(s) to run again.</source>
            <translation>
                <numerusform>Queued %n job to run again.</numerusform>
                <numerusform>Queued %n jobs to run again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Saved %n log line(s) to {path}.</source>
            <translation>
                <numerusform>Saved %n log line to {path}.</numerusform>
                <numerusform>Saved %n log lines to {path}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Stopping %n job(s)…</source>
            <translation>
                <numerusform>Stopping %n job…</numerusform>
                <numerusform>Stopping %n jobs…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AddUrlDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>%n chapter</source>
            <translation>
                <numerusform>%n chapter</numerusform>
                <numerusform>%n chapter</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Approve %n</source>
            <translation>
                <numerusform>&amp;Approve %n</numerusform>
                <numerusform>&amp;Approve %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Deny %n</source>
            <translation>
                <numerusform>&amp;Deny %n</numerusform>
                <numerusform>&amp;Deny %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Approved %n request(s).</source>
            <translation>
                <numerusform>Approved %n request.</numerusform>
                <numerusform>Approved %n requests.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Denied %n request(s).</source>
            <translation>
                <numerusform>Denied %n request.</numerusform>
                <numerusform>Denied %n requests.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AudibleDialogs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>%n book(s) skipped:</source>
            <translation>
                <numerusform>%n book skipped:</numerusform>
                <numerusform>%n books skipped:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>%n book(s) will be requested:</source>
            <translation>
                <numerusform>%n book will be requested:</numerusform>
                <numerusform>%n books will be requested:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Request %n book(s)</source>
            <translation>
                <numerusform>Request %n book</numerusform>
                <numerusform>Request %n books</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AudibleLibraryPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n book(s) could not be requested: {details}</source>
            <translation>
                <numerusform>%n book could not be requested: {details}</numerusform>
                <numerusform>%n books could not be requested: {details}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n book requested.</numerusform>
                <numerusform>%n books requested.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n row(s) could not be read.</source>
            <translation>
                <numerusform>%n row could not be read.</numerusform>
                <numerusform>%n rows could not be read.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n title(s)</source>
            <translation>
                <numerusform>%n title</numerusform>
                <numerusform>%n titles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BlocklistPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>%n blocked release(s)</source>
            <translation>
                <numerusform>%n blocked release</numerusform>
                <numerusform>%n blocked releases</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BookDate</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Similar to {titles} and %n more of your books</source>
            <translation>
                <numerusform>Similar to {titles} and %n more of your books</numerusform>
                <numerusform>Similar to {titles} and %n more of your books</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>{service} answered and offers %n model(s).</source>
            <translation>
                <numerusform>{service} answered and offers %n model.</numerusform>
                <numerusform>{service} answered and offers %n models.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BookDatePage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>%n model(s) offered.</source>
            <translation>
                <numerusform>%n model offered.</numerusform>
                <numerusform>%n models offered.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BookPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n book</numerusform>
                <numerusform>%n books</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>★ {rating} (%n rating(s))</source>
            <translation>
                <numerusform>★ {rating} (%n rating)</numerusform>
                <numerusform>★ {rating} (%n ratings)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogActions</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>%n book(s) will never be requested automatically.</source>
            <translation>
                <numerusform>%n book will never be requested automatically.</numerusform>
                <numerusform>%n books will never be requested automatically.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refreshed {list} ({region}): %n book(s)</source>
            <translation>
                <numerusform>Refreshed {list} ({region}): %n book</numerusform>
                <numerusform>Refreshed {list} ({region}): %n books</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DesktopApp</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>%n job(s) still running. Quit anyway?

Running jobs are stopped now and start again the next time you open the app.</source>
            <translation>
                <numerusform>%n job still running. Quit anyway?

Running jobs are stopped now and start again the next time you open the app.</numerusform>
                <numerusform>%n jobs still running. Quit anyway?

Running jobs are stopped now and start again the next time you open the app.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DiscoverPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n book</numerusform>
                <numerusform>%n books</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DownloadClientSettings</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>⚠ The password of %n client(s) cannot be read: no keychain works on this computer. They are kept; enter each password again to use them.</source>
            <translation>
                <numerusform>⚠ The password of %n client cannot be read: no keychain works on this computer. They are kept; enter each password again to use them.</numerusform>
                <numerusform>⚠ The password of %n clients cannot be read: no keychain works on this computer. They are kept; enter each password again to use them.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>%n min ago</source>
            <translation>
                <numerusform>%n min ago</numerusform>
                <numerusform>%n min ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>in %n min</source>
            <translation>
                <numerusform>in %n min</numerusform>
                <numerusform>in %n min</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportLibraryDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) can move</source>
            <translation>
                <numerusform>%n book can move</numerusform>
                <numerusform>%n books can move</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) cannot (see Problem)</source>
            <translation>
                <numerusform>%n book cannot (see Problem)</numerusform>
                <numerusform>%n books cannot (see Problem)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) found</source>
            <translation>
                <numerusform>%n book found</numerusform>
                <numerusform>%n books found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n confident match(es)</source>
            <translation>
                <numerusform>%n confident match</numerusform>
                <numerusform>%n confident matches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Move %n book(s)</source>
            <translation>
                <numerusform>&amp;Move %n book</numerusform>
                <numerusform>&amp;Move %n books</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept the %n confident match(es)</source>
            <translation>
                <numerusform>Accept the %n confident match</numerusform>
                <numerusform>Accept the %n confident matches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s) to the catalog.</source>
            <translation>
                <numerusform>Linked %n book to the catalog.</numerusform>
                <numerusform>Linked %n books to the catalog.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s).</source>
            <translation>
                <numerusform>Linked %n book.</numerusform>
                <numerusform>Linked %n books.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Move %n book folder(s) into {folder}?</source>
            <translation>
                <numerusform>Move %n book folder into {folder}?</numerusform>
                <numerusform>Move %n book folders into {folder}?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s) into the library.</source>
            <translation>
                <numerusform>Moved %n book into the library.</numerusform>
                <numerusform>Moved %n books into the library.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s).</source>
            <translation>
                <numerusform>Moved %n book.</numerusform>
                <numerusform>Moved %n books.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{phase}: {done} of %n file(s)…</source>
            <translation>
                <numerusform>{phase}: {done} of %n file…</numerusform>
                <numerusform>{phase}: {done} of %n files…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IndexerLimits</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>%n grab(s)</source>
            <translation>
                <numerusform>%n grab</numerusform>
                <numerusform>%n grabs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>%n search(es)</source>
            <translation>
                <numerusform>%n search</numerusform>
                <numerusform>%n searches</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IndexerSettings</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr has %n indexer(s).</source>
            <translation>
                <numerusform>Prowlarr has %n indexer.</numerusform>
                <numerusform>Prowlarr has %n indexers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>⚠ The API key of %n indexer(s) cannot be read: no keychain works on this computer. They are kept; enter each key again to search them.</source>
            <translation>
                <numerusform>⚠ The API key of %n indexer cannot be read: no keychain works on this computer. They are kept; enter each key again to search them.</numerusform>
                <numerusform>⚠ The API key of %n indexers cannot be read: no keychain works on this computer. They are kept; enter each key again to search them.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Indexers</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>Prowlarr {version} answered with %n enabled indexer(s).</source>
            <translation>
                <numerusform>Prowlarr {version} answered with %n enabled indexer.</numerusform>
                <numerusform>Prowlarr {version} answered with %n enabled indexers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>{title} answered with %n category code(s).</source>
            <translation>
                <numerusform>{title} answered with %n category code.</numerusform>
                <numerusform>{title} answered with %n category codes.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InteractiveSearch</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n acceptable</source>
            <translation>
                <numerusform>%n acceptable</numerusform>
                <numerusform>%n acceptable</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n result</numerusform>
                <numerusform>%n results</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryBackends</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>%n book(s) listed</source>
            <translation>
                <numerusform>%n book listed</numerusform>
                <numerusform>%n books listed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n book</numerusform>
                <numerusform>%n books</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>%n request(s) now available</source>
            <translation>
                <numerusform>%n request now available</numerusform>
                <numerusform>%n requests now available</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n author(s)</source>
            <translation>
                <numerusform>%n author</numerusform>
                <numerusform>%n authors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n book</numerusform>
                <numerusform>%n books</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s) in your library folder.</source>
            <translation>
                <numerusform>%n book in your library folder.</numerusform>
                <numerusform>%n books in your library folder.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s) in your {server} library.</source>
            <translation>
                <numerusform>%n book in your {server} library.</numerusform>
                <numerusform>%n books in your {server} library.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{shown} of %n book(s)</source>
            <translation>
                <numerusform>{shown} of %n book</numerusform>
                <numerusform>{shown} of %n books</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibrarySettings</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation>
                <numerusform>Audiobook libraries found: %n.</numerusform>
                <numerusform>Audiobook libraries found: %n.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ListsPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n book</numerusform>
                <numerusform>%n books</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LocalApiSettings</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MigrationImportDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>%n secret is encrypted: without the key it is listed to enter again.</source>
            <translation>
                <numerusform>%n secret is encrypted: without the key it is listed to enter again.</numerusform>
                <numerusform>%n secret is encrypted: without the key it is listed to enter again.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NotificationDelivery</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Could not deliver to {target}: no answer, timed out after %n second(s).</source>
            <translation>
                <numerusform>Could not deliver to {target}: no answer, timed out after %n second.</numerusform>
                <numerusform>Could not deliver to {target}: no answer, timed out after %n seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Organize</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Import failed after %n attempt(s): {error}</source>
            <translation>
                <numerusform>Import failed after %n attempt: {error}</numerusform>
                <numerusform>Import failed after %n attempts: {error}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OrganizeErrors</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Merged %n file(s) into one M4B; chapters: {chapters}</source>
            <translation>
                <numerusform>Merged %n file into one M4B; chapters: {chapters}</numerusform>
                <numerusform>Merged %n files into one M4B; chapters: {chapters}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Waiting for an administrator: %n reported problem(s).</source>
            <translation>
                <numerusform>Waiting for an administrator: %n reported problem.</numerusform>
                <numerusform>Waiting for an administrator: %n reported problems.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Waiting for your approval: %n request(s).</source>
            <translation>
                <numerusform>Waiting for your approval: %n request.</numerusform>
                <numerusform>Waiting for your approval: %n requests.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Pipeline</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n result</numerusform>
                <numerusform>%n results</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Searching again for %n waiting request(s)</source>
            <translation>
                <numerusform>Searching again for %n waiting request</numerusform>
                <numerusform>Searching again for %n waiting requests</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>%n release(s) blocked for this book.</source>
            <translation>
                <numerusform>%n release blocked for this book.</numerusform>
                <numerusform>%n releases blocked for this book.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Kept %n file(s) the app did not import.</source>
            <translation>
                <numerusform>Kept %n file the app did not import.</numerusform>
                <numerusform>Kept %n files the app did not import.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Removed %n file(s) the app had imported.</source>
            <translation>
                <numerusform>Removed %n file the app had imported.</numerusform>
                <numerusform>Removed %n files the app had imported.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReleaseRanking</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>%n seeder(s)</source>
            <translation>
                <numerusform>%n seeder</numerusform>
                <numerusform>%n seeders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>%n seeder(s) (minimum {minimum})</source>
            <translation>
                <numerusform>%n seeder (minimum {minimum})</numerusform>
                <numerusform>%n seeders (minimum {minimum})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Published %n day(s) ago</source>
            <translation>
                <numerusform>Published %n day ago</numerusform>
                <numerusform>Published %n days ago</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportBookProblemDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>%n character(s) left</source>
            <translation>
                <numerusform>%n character left</numerusform>
                <numerusform>%n characters left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>%n character(s) too many</source>
            <translation>
                <numerusform>%n character too many</numerusform>
                <numerusform>%n characters too many</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RequestJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>%n request(s) waiting for the request limit went ahead</source>
            <translation>
                <numerusform>%n request waiting for the request limit went ahead</numerusform>
                <numerusform>%n requests waiting for the request limit went ahead</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>%n requested book(s) came out; their search is queued</source>
            <translation>
                <numerusform>%n requested book came out; their search is queued</numerusform>
                <numerusform>%n requested books came out; their search is queued</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RescueDialogs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>%n file stays: the app did not import it.</source>
            <translation>
                <numerusform>%n file stays: the app did not import it.</numerusform>
                <numerusform>%n file stays: the app did not import it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RssMonitor</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>%n release(s) grabbed</source>
            <translation>
                <numerusform>%n release grabbed</numerusform>
                <numerusform>%n releases grabbed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>%n result(s) for “{query}” in {marketplace}</source>
            <translation>
                <numerusform>%n result for “{query}” in {marketplace}</numerusform>
                <numerusform>%n results for “{query}” in {marketplace}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SeriesPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n book requested.</numerusform>
                <numerusform>%n books requested.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Setup</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/setup.py" />
            <source>Audible ({region}) answered: %n suggestion(s) for a sample search.</source>
            <translation>
                <numerusform>Audible ({region}) answered: %n suggestion for a sample search.</numerusform>
                <numerusform>Audible ({region}) answered: %n suggestions for a sample search.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SetupAssistant</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation>
                <numerusform>Audiobook libraries found: %n.</numerusform>
                <numerusform>Audiobook libraries found: %n.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShelvesJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Shelf {shelf} synced: %n new book(s).</source>
            <translation>
                <numerusform>Shelf {shelf} synced: %n new book.</numerusform>
                <numerusform>Shelf {shelf} synced: %n new books.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/household/sign_in_limits.py" />
            <source>Too many wrong passwords for '{name}'. Try again in %n minute(s).</source>
            <translation>
                <numerusform>Too many wrong passwords for '{name}'. Try again in %n minute.</numerusform>
                <numerusform>Too many wrong passwords for '{name}'. Try again in %n minutes.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StatusPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>{down} of %n down</source>
            <translation>
                <numerusform>{down} of %n down</numerusform>
                <numerusform>{down} of %n down</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>%n job(s) running</source>
            <translation>
                <numerusform>%n job running</numerusform>
                <numerusform>%n jobs running</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>{app} — %n running</source>
            <translation>
                <numerusform>{app} — %n running</numerusform>
                <numerusform>{app} — %n running</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UpcomingPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n book</numerusform>
                <numerusform>%n books</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UpkeepJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>%n book(s) added or changed</source>
            <translation>
                <numerusform>%n book added or changed</numerusform>
                <numerusform>%n books added or changed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>%n request(s) now available</source>
            <translation>
                <numerusform>%n request now available</numerusform>
                <numerusform>%n requests now available</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retrying the import of %n request(s)</source>
            <translation>
                <numerusform>Retrying the import of %n request</numerusform>
                <numerusform>Retrying the import of %n requests</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UrlImport</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/url_audio/service.py" />
            <source>'{title}' is now in the library at {path} (%n chapter(s))</source>
            <translation>
                <numerusform>'{title}' is now in the library at {path} (%n chapter)</numerusform>
                <numerusform>'{title}' is now in the library at {path} (%n chapters)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>%n sign-up(s) waiting for approval.</source>
            <translation>
                <numerusform>%n sign-up waiting for approval.</numerusform>
                <numerusform>%n sign-ups waiting for approval.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>%n user(s)</source>
            <translation>
                <numerusform>%n user</numerusform>
                <numerusform>%n users</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WatchingJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: %n new book(s) requested: {titles}</source>
            <translation>
                <numerusform>{watch}: %n new book requested: {titles}</numerusform>
                <numerusform>{watch}: %n new books requested: {titles}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WatchingPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n book(s) requested by this watch so far</source>
            <translation>
                <numerusform>%n book requested by this watch so far</numerusform>
                <numerusform>%n books requested by this watch so far</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n book requested.</numerusform>
                <numerusform>%n books requested.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n new book(s) requested.</source>
            <translation>
                <numerusform>%n new book requested.</numerusform>
                <numerusform>%n new books requested.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request %n missing book(s)? Books not out yet wait for their release day.</source>
            <translation>
                <numerusform>Request %n missing book? Books not out yet wait for their release day.</numerusform>
                <numerusform>Request %n missing books? Books not out yet wait for their release day.</numerusform>
            </translation>
        </message>
    </context>
</TS>
