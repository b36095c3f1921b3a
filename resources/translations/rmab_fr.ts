<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>&amp;Licence text…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>&lt;b&gt;Bundled components&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>About {app}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Bundled components</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Component</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Free software under the &lt;b&gt;GNU General Public License v3.0 or later&lt;/b&gt; (GPL-3.0-or-later). You may share and change it under its terms; it comes with NO WARRANTY. &lt;a href='{homepage}'&gt;Source code and issues&lt;/a&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>GNU General Public License v3.0</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Licence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Licence text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Qt and PySide6 are used under the LGPL-3.0 and ship as separate, replaceable libraries (&lt;a href='{source}'&gt;source&lt;/a&gt;). mutagen (GPL-2.0-or-later) is why the whole app is GPL. Each component's licence text is in its package metadata.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Request an audiobook and find it tagged and organized in your library.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Version {version}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ActivityPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Activity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Cancelling %n job(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Debug</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Disable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Edit schedule…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Enable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Everything the app does in the background: running and waiting jobs, schedules, and the log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Export log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Export…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter jobs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter log messages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter messages…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Info</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Jobs that run on their own. Times are in your local time zone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Log files (*.log *.txt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Lowest level shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>No jobs match this filter. Try another tab or clear the search.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>No jobs yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Nothing matches</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Queued %n job(s) to run again.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Run now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Run the selected failed or cancelled jobs again now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Save the log lines shown (with the current filter) to a text file</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Saved %n log line(s) to {path}.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Schedules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Searches, downloads and imports show up here while they run. Scheduled maintenance starts on its own; see the Schedules tab.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Show jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Stop the selected running or queued jobs</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Stopping %n job(s)…</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>{filter} ({count})</source>
            <comment>a job filter tab and its count</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” is disabled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” is enabled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” now runs on “{cron}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” queued as job #{id}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/banner.py" />
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/banner.py" />
            <source>Dismiss this message</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BlocklistPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>%n blocked release(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Guid or info-hash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Add…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Allow the selected releases again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Block a release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Block a release by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocked by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocked releases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Every book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Filter by book, release, indexer or reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Filter the blocklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Indexer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Nothing is blocked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Release &amp;title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Releases that failed (stalled, broken, wrong book) are blocked for that book, so the next candidate is tried instead. Remove an entry to allow a release again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>e.g. wrong narrator, bad rip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>every book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>the release's guid/link, or its 40-character info-hash</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BookActions</name>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Open folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Play</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Re-tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Rescan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>View on Audible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Write title, author, narrator, series and cover tags into the files again</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BookGrid</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Downloading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>In library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Requested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>{series} #{position}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BookPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source> · </source>
            <comment>between facts</comment>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>%n book(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>, </source>
            <comment>between names</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Also the ebook</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Ask for this audiobook: it is searched, downloaded and imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>By {authors}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Cover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Narrated by {narrators}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>No books found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>No cover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Other editions: {links}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Requesting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Series: {series}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Series: {series}, book {position}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Similar books</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>This book could not be loaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>View on Audible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>format unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>language unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>no rating</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>release date unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>released {date}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>unknown</source>
            <comment>an unknown author or narrator</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>unknown length</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>{badge} (another edition)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>★ {rating} (%n rating(s))</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogActions</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>No browser could open {url}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>View on Audible</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CatalogPages</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Book {asin}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Books by {author}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Series: {series}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>The Audible catalog cannot be reached. Saved sections are shown; searching needs a connection. ({reason})</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CatalogSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source> MB</source>
            <comment>a size unit after a number, with its leading space</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>&amp;Marketplace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>&amp;Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>A&amp;pprove requests automatically (administrators are always approved)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Addresses start with http:// or https:// (the Audnexus address is required).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Asking Audible…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible &amp;address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible answered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible catalog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audne&amp;xus address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Cover &amp;cache</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Test result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>empty: the marketplace's own address (api.audible.&lt;domain&gt;)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Error details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Hide details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Open log folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Show details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Something went wrong.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>The details were written to the log file:
{path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>{app} hit an unexpected error and that action did not finish. Your library and requests are safe; background jobs will resume.

{summary}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>{app} — unexpected error</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CronDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>&amp;Cron</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Edit schedule — {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Examples: “0 */6 * * *” every six hours · “30 3 * * *” daily at 03:30 · “0 9 * * 1” Mondays at 09:00</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Next runs or the problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Next runs: {times}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>minute hour day-of-month month day-of-week</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DesktopApp</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>%n job(s) still running. Quit anyway?

Running jobs are stopped now and start again the next time you open the app.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Automation paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Automation resumed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Quit ReadMeABook?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>ReadMeABook keeps working in the tray. Quit from its menu.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Searches, downloads and imports run again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Searches, downloads and imports wait until you resume.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Still running</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DesktopSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;About ReadMeABook Desktop…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;Keep the computer awake while downloading or importing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;Start ReadMeABook when I log in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>Start at login</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>The screen may still turn off; only sleep is held back, and only while work runs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>This computer</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DiscoverPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>%n book(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Add a row of books: popular, new releases or a category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Add section</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Discover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Loading categories…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Move down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Move up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>New releases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>New, popular and recommended audiobooks from Audible; open one to request it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Nothing saved yet for this section.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Number of books</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Popular</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Refresh from Audible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Remove this section</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Section “{title}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>could not refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>refreshing…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DownloadClientSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source> h</source>
            <comment>hours after a number</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source> min</source>
            <comment>minutes after a number</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Give up after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Save to (client's view)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Test connection and folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Verify the HTTPS certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>API &amp;key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Add or choose a client first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Addr&amp;ess</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Category (qBittorrent, SABnzbd, NZBGet) or label (Transmission)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Download clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Enter the client's address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Indexer settings and tracker minimums override the default seeding rule.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Kind of client to add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Monitoring and seeding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>No progress for this long: the release is blocklisted and the next one tried</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Path &amp;mapping: client's folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Pr&amp;iority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Protocol</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Remove usenet and direct downloads once in the &amp;library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>S&amp;talled after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Saved in your keychain; type to replace it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Search &amp;again after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Seed &amp;for (default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Seed to ratio (&amp;default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>The client for each protocol gets the releases; with several, the lowest priority number is used first. Public-domain books download directly and need no client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Use t&amp;his client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>as the client sees it, e.g. /downloads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>built in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>empty: the client's own download folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no ratio rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no time rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>the same folder on this computer, e.g. /mnt/nas/downloads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>… is &amp;on this computer at</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Audible catalog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Getting ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Library scan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>S&amp;kip setup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saved. Your secrets are in the system keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saving your choices and loading your catalog and library.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Set up ReadMeABook</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>You can close this window: the work continues in the background (see Activity).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{status} ({error})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: not needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: not started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: waiting</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>%n min ago</source>
            <translation>
                <numerusform>il y a %n min</numerusform>
                <numerusform>il y a %n min</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Today {time}</source>
            <translation>Aujourd’hui {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Tomorrow {time}</source>
            <translation>Demain {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Yesterday {time}</source>
            <translation>Hier {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>d MMM yyyy</source>
            <comment>a date far from today, in Qt date format</comment>
            <translation>d MMM yyyy</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>ddd d MMM yyyy HH:mm:ss</source>
            <comment>an exact time, in Qt format</comment>
            <translation>ddd d MMM yyyy HH:mm:ss</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>in %n min</source>
            <translation>
                <numerusform>dans %n min</numerusform>
                <numerusform>dans %n min</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>just now</source>
            <translation>à l’instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{days} d {hours} h</source>
            <translation>{days} j {hours} h</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{hours} h {minutes} min</source>
            <translation>{hours} h {minutes} min</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{minutes} min</source>
            <translation>{minutes} min</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{size}/s</source>
            <translation>{size}/s</translation>
        </message>
    </context>
    <context>
        <name>GeneralSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&amp;Pause automation (no searches, downloads or imports)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&amp;Theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&lt;b&gt;{state}&lt;/b&gt; — {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>A new language applies the next time the app starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Appearance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Behaviour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Checking your system keychain…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Could not check the keychain: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Follow the system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Locked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Log file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Not available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Passwords and API keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Secure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Show desktop &amp;notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Start &amp;minimized to the tray</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportLibraryDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) can move</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) cannot (see Problem)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) found</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n confident match(es)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Accept selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Choose match…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Link accepted books</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Move %n book(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Move these books</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Preview moves</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Scan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>(not set)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept the %n confident match(es)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept the confident matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept, fix or skip each book. Only books marked &lt;b&gt;Link&lt;/b&gt; are linked; the others stay as they are.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Cancel scan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Choose a folder first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Choose match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Confidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Decision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Folder to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Import an existing library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Library folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Library import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Link</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s) to the catalog.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Matching</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Move %n book folder(s) into {folder}?</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Move books</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s) into the library.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>No book is marked Link yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Not decided</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Planned moves</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Proposed match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Proposed matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Reading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Reorganize (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Review the proposed matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>S&amp;kip selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Saving</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Scanning…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Select one book to choose its match.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Set the library folder in Settings first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Skip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The app knows no books yet: request or search some first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The app reads the folder and its tags and proposes which book each folder is. It changes nothing on disk until you review the proposals and agree.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The linked books can be moved into your library folder &lt;b&gt;{folder}&lt;/b&gt; following the naming template. Preview first: every move is listed, and nothing moves until you press Move.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Walking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Which book is {folder}?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Which folder holds your audiobooks?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{books}; {matches}. Review them, then link.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{moved} Not moved: {failed}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{phase}: {done} of %n file(s)…</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{phase}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{ready}, {left}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IndexerSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source> min</source>
            <comment>minutes after a number</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Load indexers from Prowlarr</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>1 is the most trusted indexer, 50 the least (as in Prowlarr)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>API &amp;key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Addr&amp;ess</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Asking Prowlarr…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobook &amp;categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobook categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobooks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Eb&amp;ook categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Ebook categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Ebooks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>For the indexer selected in the Prowlarr list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexer {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexers in Prowlarr</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Internet Archive / LibriVox (free, no account)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Newznab feed (usenet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Protocol</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr (all its indexers)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr has %n indexer(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr indexers: categories per indexer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Saved in your keychain; type to replace it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searc&amp;h this indexer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Seed &amp;ratio before removal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Seed t&amp;ime before removal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Select or add an indexer first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Torznab feed (torrents: Jackett, a tracker)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>client default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default ({categories})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default; or e.g. 3030, 3130; or none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default; or e.g. 7020; or none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>yes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InteractiveSearch</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>#</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n acceptable</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n result(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>&amp;Grab this release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Accepted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Blocklisted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Blocklisted: it failed for this book before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Grab a rejected release?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Grabbing “{title}”…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Indexer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Interactive search: {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>No results. Check the indexers in Settings, or set custom search terms on the request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Rejected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Releases found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Score parts:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Search failed: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Searching every indexer…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Seeders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Verdict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Why this score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{counts} Greyed rows were rejected or are blocklisted; hover or select one to see why. You can still grab any of them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{results}, {acceptable}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{verdict}, score {score}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>“{title}” is {verdict}:
{reason}

Grab it anyway?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobsTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>#</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Created {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Last error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Retrying</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Could not open {path}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>No audio file of “{title}” could be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Open folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Play</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tagged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tagging is not available in this build</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Tags of “{title}” were written.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source> · </source>
            <comment>between facts</comment>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n author(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s) in your {backend} library.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Books</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Books shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Choose your library folder or server in Settings, then refresh. Books you request arrive here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Import existing library…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library refreshed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library totals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Looking for books…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Preparing search…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Read the library again from its backend (folder scan, Plex or Audiobookshelf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Reading tags…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Refresh library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Refreshing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search titles, authors, narrators and series. Fields: author: narrator: series: title: year: format: asin: path: missing:cover|asin|series|narrator|year|match has:…  Quote values with spaces (series:"dark tower"), put - before a term to exclude it, years as 1990..1999 or &gt;2010.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search: king   author:"le guin"   year:1990..1999   missing:cover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>The books you already have, as your library folder or server knows them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Your library is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{backend} library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{duration} of listening</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{shown} of %n book(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>LibrarySettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>({milliseconds} ms)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>/data/audiobooks (as the server sees it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>A folder on this computer (the app scans it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Approve the sign-in in your browser; this page waits for Plex.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Asking the server…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Audiobookshelf: an API token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Browse for the library folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>F&amp;ind libraries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Library &amp;server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Library folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Lo&amp;cal path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Only needed when the server runs elsewhere (NAS, Docker) and sees your library folder under another path.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Opening plex.tv…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Opens plex.tv in your browser; the token arrives here when you approve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Plex (a Music library)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Plex: your X-Plex-Token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Saved in your keychain; type to replace it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Server &amp;path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Sign in &amp;with Plex…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>T&amp;oken</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Test result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Testing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>The server has no audiobook library.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Where your audiobooks are organized</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>the same folder on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>✔ Signed in with Plex. Choose the library, then Test.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>ASIN {asin}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Author</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Length</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Narrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Series</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Year</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Debug</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Info</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Find in This Page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Go</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Refresh This Page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>, </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Automation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Background jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Choose a page; Ctrl+1 to Ctrl+9 open the first nine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Jobs: {running} running, {queued} queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Jobs: {running} running, {queued} queued, {failed} failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: locked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: secure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: unavailable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>No pages are installed in this build.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Nothing here yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Open &amp;Log Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Opening your library…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Search the &amp;Catalog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>This takes a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{error}
The details are in the log file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{menu} › {command}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{page} could not be opened</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Marketplaces</name>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Australia</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Brazil</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Canada</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>France</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Germany</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>India</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Italy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Japan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Spain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>United Kingdom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>United States</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>{marketplace} ({code})</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NotificationEvents</name>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Available in the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Awaiting approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Grabbed / downloading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Issue reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request approved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request denied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Service down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Service recovered</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NotificationSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Add…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Add notification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Apprise &amp;URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Edit notification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Enter an Apprise URL first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Events</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Leave empty to keep the saved URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Notification targets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Notify about</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>On</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Remove '{name}' and its saved URL from the keychain?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Remove notification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>S&amp;how</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Saved URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Saved: {url}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Send &amp;test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Send notifications to Discord, Slack, Telegram, ntfy, Gotify, Pushover, email or any webhook through &lt;a href="{wiki}"&gt;Apprise URLs&lt;/a&gt;. Each URL is kept in your system keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Sending a test notification…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Sending a test to {name}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Show the URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>e.g. Family Discord</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>e.g. discord://webhook_id/token, ntfys://my-topic, tgram://bot_token/chat_id, json://host/path</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrganizeSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>&amp;Default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>&amp;Files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Book folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Copy (keeps the download for seeding)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Folder template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Hard link (no extra space; same drive; tags not embedded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Importing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Install ffmpeg to merge chapters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>M&amp;erge multi-file books into one M4B with chapters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Merge multi-file books into one M4B with chapters (needs ffmpeg, not found)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Move (the download folder is emptied)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Preview:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Put the default folder template back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Tokens: {tokens}. Put optional parts in &lt;…&gt;: they vanish when a token inside is empty. '/' separates folders; write {open} and {close} for literal braces.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Write &amp;metadata.json, desc.txt and reader.txt (Audiobookshelf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Write &amp;tags and the cover into the audio files (Plex, Audiobookshelf)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Activity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Blocklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Discover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Service status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProgressDelegate</name>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/progress_delegate.py" />
            <source>{number}%</source>
            <comment>a percentage</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RankingSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source> MB</source>
            <comment>megabytes after a number</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source> kbps</source>
            <comment>kilobits per second after a number</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source> min</source>
            <comment>minutes after a number</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Below this bitrate for the runtime</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Forbidden words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Preferred words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Smaller than (runtime unknown)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Abo&amp;ve this bitrate for the runtime</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Always rejected: another title, another book of the series, box sets, abridged or dramatized editions (unless that is what you asked for). Interactive search shows rejected releases greyed with the reason, and you may still pick one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Among the rest, prefer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Auth&amp;or</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Book &amp;title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Do&amp;wn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Fewer seeders t&amp;han</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Fo&amp;rmats, best first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Indexer fla&amp;gs (points)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Move the selected format down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Move the selected format up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Never grab automatically</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>R&amp;untime</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Reject releases marked with another &amp;language than the book's</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Release na&amp;me</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Release si&amp;ze</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Restore &amp;defaults</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>The release must name an &amp;author of the book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Try it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Verdict for this release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>sample, excerpt, summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>to</source>
            <comment>from one bitrate to another</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>unabridged, chapterized</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format} sounds right from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format}: highest bitrate that sounds right</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format}: lowest bitrate that sounds right</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{verdict}, score {score} ({parts})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>✔ Accepted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>✘ Rejected</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RequestStatus</name>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>'{title}' was already requested by someone else; you were added to that request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Denied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Downloaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Downloading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Needs attention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Processing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Requested '{title}' ({status}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Searching</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Requests</name>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved automatically</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved by {admin}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved by {admin}: {note}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Denied by {admin}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Denied by {admin}: {note}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{reason}; waiting for the release on {date}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{reason}; waiting for the search</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>&amp;Show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>&amp;by</source>
            <comment>show requests with this status by this user</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>, </source>
            <comment>between names</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Approve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Attempts: search {search}, download {download}, import {imported}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>By {authors} · {kind} · {region} · requested by {user}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Cancel request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Deny</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent} at {speed}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent} at {speed}, about {time} left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent}, about {time} left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Every book asked for and where it is: searching, downloading, in the library, or stuck.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Everyone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Filter requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Filter…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note for the approval or denial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note for the approval or denial (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note: {note}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Released on {date}; the search starts that day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Request deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search interactively…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>See every release found and choose one yourself</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Select a request to see what happened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Show requests by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Show requests with status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>What happened to this request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>audiobook</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>ebook</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>someone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>unknown</source>
            <comment>an unknown author</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>{number}%</source>
            <comment>a percentage</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>{title} — {status}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RequestsTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Author</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Awaiting approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>In progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Requested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Requested by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>What happened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>{title} (ebook)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>{user} +{count}</source>
            <comment>a requester and how many others joined</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SchedulesTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Cron</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Double-click to edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Last run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Next run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>No</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>never</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>%n result(s) for “{query}” in {marketplace}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Anything</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Arrow keys choose a book; Enter opens it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Author</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Best sellers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Find any audiobook in the Audible catalog by title, author or narrator.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Marketplace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Narrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Newest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>No results for “{query}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Rating</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Relevance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search the Audible catalog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search the Audible catalog.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Searching for “{query}”…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Sort results by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Title, author, narrator…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Type something to search for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Type, then press Enter; suggestions appear as you type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>{country} ({code})</source>
            <comment>a marketplace</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServiceCard</name>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Latency {latency}   ·   Checked {when}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>No checks in the last 24 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Not checked yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Slow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Uptime 24 h {day}   ·   7 d {week}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>never</source>
            <comment>never checked</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>{number} ms</source>
            <comment>milliseconds</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>{number} s</source>
            <comment>seconds</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>{number}%</source>
            <comment>a percentage</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServiceKinds</name>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Audible catalog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Download client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Indexer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Library server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Notifications</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServiceStatus</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Degraded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>{service}: {state}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Catalog &amp; requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Desktop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Download clients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>General</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Indexers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Organize</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Ranking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>Settings sections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Setup assistant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>{section} could not be opened</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SetupAssistant</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Find libraries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Marketplace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Same folder here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>API &amp;key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Apprise &amp;URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Asking the server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Audible marketplace</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Books are discovered and identified in this marketplace (an ASIN belongs to one).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Books are organized and tagged into this folder; a server can then show them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Browse for: {folder}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Cate&amp;gory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Choose a download client first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Choose at least one source of releases. Prowlarr searches all its indexers at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Client's &amp;download folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Create one on the server, then try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Download client</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Download folder on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Enter an Apprise URL first, or leave it empty to skip.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Enter the indexer's address first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Fill in both folders of the path mapping, or neither.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>In a few steps you choose where your audiobooks live, which Audible marketplace to browse, where to search for releases, which download client fetches them and how you want to be notified.

Each step has a Test button. Anything you leave empty can be set later in Settings, and this assistant can be opened again from Settings &gt; Setup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Internet Archive / LibriVox: public-domain books, no account needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Just a folder (the app scans it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Library &amp;folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Library folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>None for now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Optional: also notify a phone or chat (Discord, Telegram, ntfy, Pushover, email …) with an Apprise URL. Desktop notifications are always on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Save and start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Send &amp;test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Shown by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>T&amp;oken</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test Internet Archive / LibriVox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test {indexer}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The client that downloads torrents or NZBs. Public-domain books download directly and need none.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The client's folder and the same folder as this computer sees it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The server has no audiobook library.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Torznab / Newznab indexer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Welcome to ReadMeABook</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Where to search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Your library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>as the client sees it, e.g. /downloads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>e.g. /home/me/Audiobooks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>e.g. ntfys://my-topic or discord://webhook_id/webhook_token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>kept in your system keychain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>the same folder on this computer, e.g. /mnt/nas/downloads</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SetupSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/setup_settings.py" />
            <source>&amp;Open the setup assistant…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/setup_settings.py" />
            <source>The setup assistant walks through the library, the Audible marketplace, indexers, the download client and notifications, with a Test for each. What you already set up is kept unless you change it there.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Close a book window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Esc, Ctrl+W</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Everything in the app can be reached from the keyboard.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Library › {action}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Menu key, Shift+F10</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Move between controls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Open the selected book (Search, Discover, author and series lists)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Show a book's actions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Tab, Shift+Tab</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatusPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Add the Audible marketplace, an indexer, a download client or a library server in Settings (or the setup wizard); each one then gets a card here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Check every configured service now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Check now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Checked every 10 minutes. A service that goes down is reported once, and again when it is back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>No services to check yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Service status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Services</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>{down} of %n down</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>Tables</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/row_model.py" />
            <source>{value}%</source>
            <comment>a percentage</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TestButton</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_button.py" />
            <source>Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_button.py" />
            <source>Testing…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TestResult</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_result.py" />
            <source>✓ {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_result.py" />
            <source>✓ {message} ({latency} ms)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>%n job(s) running</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Hide window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>No active jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Pause automation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Show window</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>{app} — %n running</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>{app} — paused</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
