<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>&amp;Licence text…</source>
            <translation>&amp;Lizenztext…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>&lt;b&gt;Bundled components&lt;/b&gt;</source>
            <translation>&lt;b&gt;Enthaltene Komponenten&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>About {app}</source>
            <translation>Über {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Bundled components</source>
            <translation>Enthaltene Komponenten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Component</source>
            <translation>Komponente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Free software under the &lt;b&gt;GNU General Public License v3.0 or later&lt;/b&gt; (GPL-3.0-or-later). You may share and change it under its terms; it comes with NO WARRANTY. &lt;a href='{homepage}'&gt;Source code and issues&lt;/a&gt;</source>
            <translation>Freie Software unter der &lt;b&gt;GNU General Public License v3.0 oder später&lt;/b&gt; (GPL-3.0-or-later). Sie dürfen sie unter deren Bedingungen weitergeben und verändern; sie wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt. &lt;a href='{homepage}'&gt;Quellcode und Fehlermeldungen&lt;/a&gt;</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>GNU General Public License v3.0</source>
            <translation>GNU General Public License v3.0</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Licence</source>
            <translation>Lizenz</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Licence text</source>
            <translation>Lizenztext</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Qt and PySide6 are used under the LGPL-3.0 and ship as separate, replaceable libraries (&lt;a href='{source}'&gt;source&lt;/a&gt;). mutagen (GPL-2.0-or-later) is why the whole app is GPL. Each component's licence text is in its package metadata.</source>
            <translation>Qt und PySide6 werden unter der LGPL-3.0 verwendet und als separate, austauschbare Bibliotheken ausgeliefert (&lt;a href='{source}'&gt;Quellcode&lt;/a&gt;). Wegen mutagen (GPL-2.0-or-later) steht die gesamte App unter der GPL. Der Lizenztext jeder Komponente steht in ihren Paketmetadaten.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Request an audiobook and find it tagged and organized in your library.</source>
            <translation>Hörbuch anfragen – und es landet getaggt und sortiert in Ihrer Bibliothek.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Version {version}</source>
            <translation>Version {version}</translation>
        </message>
    </context>
    <context>
        <name>ActivityPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Activity</source>
            <translation>Aktivität</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Cancelling %n job(s).</source>
            <translation>
                <numerusform>%n Auftrag wird abgebrochen.</numerusform>
                <numerusform>%n Aufträge werden abgebrochen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Disable</source>
            <translation>Deaktivieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Edit schedule…</source>
            <translation>Zeitplan bearbeiten…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Enable</source>
            <translation>Aktivieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Everything the app does in the background: running and waiting jobs, schedules, and the log.</source>
            <translation>Alles, was die App im Hintergrund erledigt: laufende und wartende Aufträge, Zeitpläne und das Protokoll.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Export log</source>
            <translation>Protokoll exportieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter jobs</source>
            <translation>Aufträge filtern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter jobs, or req-12…</source>
            <translation>Aufträge filtern oder req-12…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter log messages</source>
            <translation>Protokollmeldungen filtern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter messages, or req-12 / job-345…</source>
            <translation>Meldungen filtern oder req-12 / job-345…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Jobs</source>
            <translation>Aufträge</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Jobs that run on their own. Times are in your local time zone.</source>
            <translation>Aufträge, die von selbst laufen. Zeiten in Ihrer lokalen Zeitzone.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Level</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Log</source>
            <translation>Protokoll</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Log files (*.log *.txt)</source>
            <translation>Protokolldateien (*.log *.txt)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Lowest level shown</source>
            <translation>Niedrigste angezeigte Stufe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>No jobs match this filter. Try another tab or clear the search.</source>
            <translation>Kein Auftrag passt zu diesem Filter. Wählen Sie einen anderen Reiter oder leeren Sie die Suche.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>No jobs yet</source>
            <translation>Noch keine Aufträge</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Nothing matches</source>
            <translation>Keine Treffer</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Queued %n job(s) to run again.</source>
            <translation>
                <numerusform>%n Auftrag wird erneut ausgeführt.</numerusform>
                <numerusform>%n Aufträge werden erneut ausgeführt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Retry</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Run now</source>
            <translation>Jetzt ausführen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Run the selected failed or cancelled jobs again now</source>
            <translation>Ausgewählte fehlgeschlagene oder abgebrochene Aufträge jetzt erneut ausführen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Save the log lines shown (with the current filter) to a text file</source>
            <translation>Angezeigte Protokollzeilen (mit dem aktuellen Filter) in eine Textdatei speichern</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Saved %n log line(s) to {path}.</source>
            <translation>
                <numerusform>%n Protokollzeile in {path} gespeichert.</numerusform>
                <numerusform>%n Protokollzeilen in {path} gespeichert.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Schedules</source>
            <translation>Zeitpläne</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Searches, downloads and imports show up here while they run. Scheduled maintenance starts on its own; see the Schedules tab.</source>
            <translation>Suchen, Downloads und Importe erscheinen hier, solange sie laufen. Geplante Wartung startet von selbst; siehe Reiter „Zeitpläne“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Show jobs</source>
            <translation>Aufträge anzeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Stop the selected running or queued jobs</source>
            <translation>Ausgewählte laufende oder wartende Aufträge stoppen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Stopping %n job(s)…</source>
            <translation>
                <numerusform>%n Auftrag wird gestoppt…</numerusform>
                <numerusform>%n Aufträge werden gestoppt…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Type a reference from a notification or a report (req-12, job-345) to see only its lines</source>
            <translation>Geben Sie eine Referenz aus einer Benachrichtigung oder einem Bericht ein (req-12, job-345), um nur die zugehörigen Zeilen zu sehen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>{filter} ({count})</source>
            <comment>a job filter tab and its count</comment>
            <translation>{filter} ({count})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” is disabled.</source>
            <translation>„{name}“ ist deaktiviert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” is enabled.</source>
            <translation>„{name}“ ist aktiviert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” now runs on “{cron}”.</source>
            <translation>„{name}“ läuft jetzt nach „{cron}“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” queued as job #{id}.</source>
            <translation>„{name}“ als Auftrag #{id} eingereiht.</translation>
        </message>
    </context>
    <context>
        <name>AddUrlDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>%n chapter</source>
            <translation>
                <numerusform>%n Kapitel</numerusform>
                <numerusform>%n Kapitel</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Add from URL</source>
            <translation>Aus URL hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Downloading…</source>
            <translation>Wird heruntergeladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Imported into {folder}</source>
            <translation>Importiert nach {folder}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Look up</source>
            <translation>Abrufen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Looking at the page…</source>
            <translation>Seite wird geprüft…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Paste a link first.</source>
            <translation>Fügen Sie zuerst einen Link ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Paste a link to a page with audio: a video, a podcast episode, LibriVox, the Internet Archive.</source>
            <translation>Fügen Sie einen Link zu einer Seite mit Audio ein: ein Video, eine Podcast-Folge, LibriVox, das Internet Archive.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Stop</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Stopping…</source>
            <translation>Wird angehalten…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>goes to {folder}</source>
            <translation>landet in {folder}</translation>
        </message>
    </context>
    <context>
        <name>AddressField</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/address_field.py" />
            <source>Not typed: {problem}</source>
            <translation>Nicht übernommen: {problem}</translation>
        </message>
    </context>
    <context>
        <name>Addresses</name>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>'{host}' is not a host name or IP address.</source>
            <translation>„{host}“ ist kein Hostname und keine IP-Adresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>A daemon address has no scheme: only host:port.</source>
            <translation>Eine Daemon-Adresse hat kein Schema: nur host:port.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>A daemon address looks like 127.0.0.1:58846.</source>
            <translation>Eine Daemon-Adresse sieht so aus: 127.0.0.1:58846.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>An Apprise address looks like discord://webhook_id/webhook_token or mailto://user@example.com.</source>
            <translation>Eine Apprise-Adresse sieht so aus: discord://webhook_id/webhook_token oder mailto://user@example.com.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>An address cannot contain spaces.</source>
            <translation>Eine Adresse darf keine Leerzeichen enthalten.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>An address looks like http://192.168.1.10:8080 or https://plex.example.com.</source>
            <translation>Eine Adresse sieht so aus: http://192.168.1.10:8080 oder https://plex.example.com.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Complete the address after {scheme}://.</source>
            <translation>Vervollständigen Sie die Adresse nach {scheme}://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Complete the address.</source>
            <translation>Vervollständigen Sie die Adresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Did you mean http://{address}?</source>
            <translation>Meinten Sie http://{address}?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Enter an address.</source>
            <translation>Geben Sie eine Adresse ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Enter the host name or IP address.</source>
            <translation>Geben Sie den Hostnamen oder die IP-Adresse ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Enter the port number.</source>
            <translation>Geben Sie die Portnummer ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Put a port number after the colon, e.g. http://plex.local:32400.</source>
            <translation>Geben Sie nach dem Doppelpunkt eine Portnummer an, z. B. http://plex.local:32400.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address contains control characters.</source>
            <translation>Die Adresse enthält Steuerzeichen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address has no scheme (such as discord://).</source>
            <translation>Der Adresse fehlt das Schema (etwa discord://).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address has no scheme; start it with http:// or https://.</source>
            <translation>Der Adresse fehlt das Schema; beginnen Sie sie mit http:// oder https://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address must start with a scheme and two slashes, such as http://.</source>
            <translation>Die Adresse muss mit einem Schema und zwei Schrägstrichen beginnen, etwa http://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address starts with '{scheme}://'; it must start with http:// or https://.</source>
            <translation>Die Adresse beginnt mit „{scheme}://“; sie muss mit http:// oder https:// beginnen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The port '{port}' is not a number from 1 to 65535.</source>
            <translation>Der Port „{port}“ ist keine Zahl von 1 bis 65535.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>{what} '{address}' is not a usable address: {problem}</source>
            <translation>{what} „{address}“ ist keine verwendbare Adresse: {problem}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>{what} is not a usable address: {problem}</source>
            <translation>{what} ist keine verwendbare Adresse: {problem}</translation>
        </message>
    </context>
    <context>
        <name>ApiPages</name>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Drag this button to your bookmarks bar. On an Audible book page, click the bookmark: ReadMeABook Desktop requests that book for you.</source>
            <translation>Ziehen Sie diese Schaltfläche in Ihre Lesezeichenleiste. Klicken Sie auf einer Audible-Buchseite auf das Lesezeichen: ReadMeABook Desktop fragt das Buch für Sie an.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>No book was given. Use the bookmark on an Audible book page.</source>
            <translation>Es wurde kein Buch angegeben. Verwenden Sie das Lesezeichen auf einer Audible-Buchseite.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Open an Audible book page first.</source>
            <translation>Öffnen Sie zuerst eine Audible-Buchseite.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Paste an API token (Settings &gt; Local API in the app). It stays in this browser.</source>
            <translation>Fügen Sie ein API-Token ein (in der App unter Einstellungen &gt; Lokale API). Es bleibt in diesem Browser.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Request from Audible</source>
            <translation>Von Audible anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Request in ReadMeABook</source>
            <translation>In ReadMeABook anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Requesting…</source>
            <translation>Wird angefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Save token and request</source>
            <translation>Token speichern und anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>The request failed:</source>
            <translation>Die Anfrage ist fehlgeschlagen:</translation>
        </message>
    </context>
    <context>
        <name>ApiTokens</name>
        <message>
            <location filename="../../rmab_desktop/services/local_api/tokens.py" />
            <source>Only an administrator can make API tokens for other users.</source>
            <translation>Nur ein Administrator kann API-Token für andere Benutzer erstellen.</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Approve</source>
            <translation>&amp;Freigeben</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Approve %n</source>
            <translation>
                <numerusform>%n &amp;freigeben</numerusform>
                <numerusform>%n &amp;freigeben</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Deny</source>
            <translation>A&amp;blehnen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Deny %n</source>
            <translation>
                <numerusform>%n a&amp;blehnen</numerusform>
                <numerusform>%n a&amp;blehnen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>, </source>
            <comment>between names</comment>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Approvals</source>
            <translation>Freigaben</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Approved %n request(s).</source>
            <translation>
                <numerusform>%n Anfrage freigegeben.</numerusform>
                <numerusform>%n Anfragen freigegeben.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Approving…</source>
            <translation>Wird freigegeben…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Audiobook</source>
            <translation>Hörbuch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Book</source>
            <translation>Buch</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Denied %n request(s).</source>
            <translation>
                <numerusform>%n Anfrage abgelehnt.</numerusform>
                <numerusform>%n Anfragen abgelehnt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Denying…</source>
            <translation>Wird abgelehnt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Ebook</source>
            <translation>E-Book</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Note for the requester</source>
            <translation>Notiz für die anfragende Person</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Note for the requester (optional)</source>
            <translation>Notiz für die anfragende Person (optional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Nothing waits for approval</source>
            <translation>Nichts wartet auf Freigabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Only administrators approve requests</source>
            <translation>Nur Administratoren geben Anfragen frei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Request {id}: {error}</source>
            <translation>Anfrage {id}: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requested</source>
            <translation>Angefragt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requested by</source>
            <translation>Angefragt von</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requests from people without automatic approval wait here until an administrator decides.</source>
            <translation>Anfragen von Personen ohne automatische Freigabe warten hier, bis ein Administrator entscheidet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requests waiting for approval</source>
            <translation>Anfragen, die auf Freigabe warten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Result of the last decision</source>
            <translation>Ergebnis der letzten Entscheidung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Select &amp;all</source>
            <translation>&amp;Alle auswählen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>When someone without automatic approval requests a book, it waits here and the administrators are notified.</source>
            <translation>Fragt jemand ohne automatische Freigabe ein Buch an, wartet die Anfrage hier und die Administratoren werden benachrichtigt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Your own requests and their approval show on the Requests page.</source>
            <translation>Ihre eigenen Anfragen und deren Freigabe sehen Sie auf der Seite „Anfragen“.</translation>
        </message>
    </context>
    <context>
        <name>AudibleDialogs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>%n book(s) skipped:</source>
            <translation>
                <numerusform>%n Buch übersprungen:</numerusform>
                <numerusform>%n Bücher übersprungen:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>%n book(s) will be requested:</source>
            <translation>
                <numerusform>%n Buch wird angefragt:</numerusform>
                <numerusform>%n Bücher werden angefragt:</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Address after login</source>
            <translation>&amp;Adresse nach der Anmeldung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Marketplace</source>
            <translation>&amp;Marktplatz</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Open login page</source>
            <translation>Anmeldeseite ö&amp;ffnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Sign in</source>
            <translation>Anmel&amp;den</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>1. Choose your marketplace and open the login page in your browser.
2. Log in to Amazon. The browser then shows an error page: that is expected.
3. Copy that page's whole address and paste it below.</source>
            <translation>1. Wählen Sie Ihren Marktplatz und öffnen Sie die Anmeldeseite in Ihrem Browser.
2. Melden Sie sich bei Amazon an. Der Browser zeigt danach eine Fehlerseite: Das ist so vorgesehen.
3. Kopieren Sie die vollständige Adresse dieser Seite und fügen Sie sie unten ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Address after login</source>
            <translation>Adresse nach der Anmeldung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Books that are skipped</source>
            <translation>Übersprungene Bücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Books that will be requested</source>
            <translation>Bücher, die angefragt werden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Marketplace</source>
            <translation>Marktplatz</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>No browser opened. Open this address yourself:
{url}</source>
            <translation>Es wurde kein Browser geöffnet. Öffnen Sie diese Adresse selbst:
{url}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Nothing to request: every wishlist book is owned, in your library, requested or ignored.</source>
            <translation>Nichts anzufragen: Jedes Buch der Wunschliste ist gekauft, in Ihrer Bibliothek, angefragt oder ignoriert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Registering this device with Audible…</source>
            <translation>Dieses Gerät wird bei Audible registriert…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Request %n book(s)</source>
            <translation>
                <numerusform>%n Buch anfragen</numerusform>
                <numerusform>%n Bücher anfragen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Request everything missing</source>
            <translation>Alles Fehlende anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Sign in to Audible</source>
            <translation>Bei Audible anmelden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>The login page is open in your browser.</source>
            <translation>Die Anmeldeseite ist in Ihrem Browser geöffnet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>already in your library</source>
            <translation>bereits in Ihrer Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>already requested</source>
            <translation>bereits angefragt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>https://www.amazon…/ap/maplanding?…</source>
            <translation>https://www.amazon…/ap/maplanding?…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>ignored</source>
            <translation>ignoriert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>owned on Audible</source>
            <translation>bei Audible gekauft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>{title} ({asin}): {reason}</source>
            <translation>{title} ({asin}): {reason}</translation>
        </message>
    </context>
    <context>
        <name>AudibleLibraryJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/audible_library/__init__.py" />
            <source>Audible {region}: library {added} added, {updated} updated, {removed} removed; wishlist {wished} titles</source>
            <translation>Audible {region}: Bibliothek {added} hinzugefügt, {updated} aktualisiert, {removed} entfernt; Wunschliste {wished} Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/audible_library/__init__.py" />
            <source>Sync the Audible library</source>
            <translation>Audible-Bibliothek synchronisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/audible_library/__init__.py" />
            <source>Sync the Audible library and wishlist</source>
            <translation>Audible-Bibliothek und Wunschliste synchronisieren</translation>
        </message>
    </context>
    <context>
        <name>AudibleLibraryPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n book(s) could not be requested: {details}</source>
            <translation>
                <numerusform>%n Buch konnte nicht angefragt werden: {details}</numerusform>
                <numerusform>%n Bücher konnten nicht angefragt werden: {details}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n Buch angefragt.</numerusform>
                <numerusform>%n Bücher angefragt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n row(s) could not be read.</source>
            <translation>
                <numerusform>%n Zeile konnte nicht gelesen werden.</numerusform>
                <numerusform>%n Zeilen konnten nicht gelesen werden.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n title(s)</source>
            <translation>
                <numerusform>%n Titel</numerusform>
                <numerusform>%n Titel</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>&amp;Import export…</source>
            <translation>Export &amp;importieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>&amp;Request everything missing…</source>
            <translation>Alles Fehlende an&amp;fragen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>&amp;Table view</source>
            <translation>&amp;Tabellenansicht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>All titles</source>
            <translation>Alle Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Anywhere</source>
            <translation>Überall</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible</source>
            <translation>Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible import</source>
            <translation>Audible-Import</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible library</source>
            <translation>Audible-Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible synced</source>
            <translation>Audible synchronisiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible titles as a table</source>
            <translation>Audible-Titel als Tabelle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible titles as covers</source>
            <translation>Audible-Titel als Cover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Exports (*.json *.csv *.tsv)</source>
            <translation>Exporte (*.json *.csv *.tsv)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/audible_card_delegate.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Finished</source>
            <translation>Beendet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>I&amp;gnore / unignore</source>
            <translation>I&amp;gnorieren an/aus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Import an Audible export</source>
            <translation>Audible-Export importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Import an audible-cli or Libation export (JSON, CSV or TSV)</source>
            <translation>Export aus audible-cli oder Libation importieren (JSON, CSV oder TSV)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Import an export…</source>
            <translation>Export importieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Importing {name}…</source>
            <translation>„{name}“ wird importiert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/audible_card_delegate.py" />
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>In library</source>
            <translation>In Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>In my library</source>
            <translation>In meiner Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>In progress</source>
            <translation>Begonnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>In the local library</source>
            <translation>In der lokalen Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Library</source>
            <translation>Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Library or wishlist</source>
            <translation>Bibliothek oder Wunschliste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Library: {added} added, {updated} updated, {removed} removed. Wishlist: {wished} titles.</source>
            <translation>Bibliothek: {added} hinzugefügt, {updated} aktualisiert, {removed} entfernt. Wunschliste: {wished} Titel.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Listening state</source>
            <translation>Hörstatus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>My rating</source>
            <translation>Meine Bewertung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Narrator</source>
            <translation>Sprecher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Never request the selected wishlist books (or allow them again)</source>
            <translation>Die ausgewählten Bücher der Wunschliste nie anfragen (oder wieder zulassen)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>No Audible titles yet</source>
            <translation>Noch keine Audible-Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>No title matches these filters.</source>
            <translation>Kein Titel passt zu diesen Filtern.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Not in my library</source>
            <translation>Nicht in meiner Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Not started</source>
            <translation>Nicht begonnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Nothing here yet.</source>
            <translation>Hier ist noch nichts.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Purchased</source>
            <translation>Gekauft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Recently added</source>
            <translation>Zuletzt hinzugefügt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Request every wishlist book that is not owned, in your library, requested or ignored</source>
            <translation>Jedes Buch der Wunschliste anfragen, das weder gekauft noch in Ihrer Bibliothek, angefragt oder ignoriert ist</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Requesting…</source>
            <translation>Wird angefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>S&amp;ync now</source>
            <translation>&amp;Jetzt synchronisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Search the Audible titles</source>
            <translation>Audible-Titel durchsuchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Search title, author, narrator or series</source>
            <translation>Titel, Autor, Sprecher oder Reihe suchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Select wishlist books first.</source>
            <translation>Wählen Sie zuerst Bücher der Wunschliste aus.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Series</source>
            <translation>Reihe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Show the titles as a table instead of covers</source>
            <translation>Titel als Tabelle statt als Cover anzeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign &amp;in…</source>
            <translation>&amp;Anmelden…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign &amp;out</source>
            <translation>A&amp;bmelden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign in to Audible and sync, or import an export from audible-cli or Libation.</source>
            <translation>Melden Sie sich bei Audible an und synchronisieren Sie, oder importieren Sie einen Export aus audible-cli oder Libation.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign in to sync</source>
            <translation>Zum Synchronisieren anmelden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Signed in as {name}</source>
            <translation>Angemeldet als {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Signed out; this device is deregistered.</source>
            <translation>Abgemeldet; die Registrierung dieses Geräts ist aufgehoben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sort by</source>
            <translation>Sortieren nach</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Syncing with Audible…</source>
            <translation>Wird mit Audible synchronisiert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>The audiobooks you own on Audible, how far you listened, and your wishlist.</source>
            <translation>Ihre bei Audible gekauften Hörbücher, wie weit Sie sie gehört haben, und Ihre Wunschliste.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Wishlist</source>
            <translation>Wunschliste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>{added} added, {updated} updated, {unchanged} unchanged.</source>
            <translation>{added} hinzugefügt, {updated} aktualisiert, {unchanged} unverändert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>{count} · last import {when}</source>
            <translation>{count} · zuletzt importiert {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>{count} · last sync {when}</source>
            <translation>{count} · zuletzt synchronisiert {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>{percent}% listened</source>
            <translation>{percent} % gehört</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>{series} #{position}</source>
            <translation>{series} #{position}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>{title} (ignored)</source>
            <translation>{title} (ignoriert)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>★ {rating}</source>
            <translation>★ {rating}</translation>
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/banner.py" />
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/banner.py" />
            <source>Dismiss this message</source>
            <translation>Diese Meldung schließen</translation>
        </message>
    </context>
    <context>
        <name>BlocklistPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>%n blocked release(s)</source>
            <translation>
                <numerusform>%n gesperrtes Release</numerusform>
                <numerusform>%n gesperrte Releases</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Book</source>
            <translation>&amp;Buch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Guid or info-hash</source>
            <translation>&amp;GUID oder Info-Hash</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Reason</source>
            <translation>Gr&amp;und</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Added</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Add…</source>
            <translation>Hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Allow the selected releases again</source>
            <translation>Ausgewählte Releases wieder zulassen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Block a release</source>
            <translation>Release sperren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Block a release by hand</source>
            <translation>Release manuell sperren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocked by hand</source>
            <translation>Manuell gesperrt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocked releases</source>
            <translation>Gesperrte Releases</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocklist</source>
            <translation>Sperrliste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Book</source>
            <translation>Buch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Every book</source>
            <translation>Alle Bücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Filter by book, release, indexer or reason</source>
            <translation>Nach Buch, Release, Indexer oder Grund filtern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Filter the blocklist</source>
            <translation>Sperrliste filtern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Indexer</source>
            <translation>Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Nothing is blocked.</source>
            <translation>Nichts ist gesperrt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Release</source>
            <translation>Release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Release &amp;title</source>
            <translation>Release-&amp;Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Releases that failed (stalled, broken, wrong book) are blocked for that book, so the next candidate is tried instead. Remove an entry to allow a release again.</source>
            <translation>Fehlgeschlagene Releases (hängengeblieben, defekt, falsches Buch) werden für dieses Buch gesperrt, damit stattdessen der nächste Kandidat versucht wird. Entfernen Sie einen Eintrag, um ein Release wieder zuzulassen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>e.g. wrong narrator, bad rip</source>
            <translation>z. B. falscher Sprecher, schlechter Rip</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>every book</source>
            <translation>alle Bücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>the release's guid/link, or its 40-character info-hash</source>
            <translation>GUID/Link des Releases oder sein 40-stelliger Info-Hash</translation>
        </message>
    </context>
    <context>
        <name>BookActions</name>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Never request any edition</source>
            <translation>Keine Ausgabe je anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Never request this</source>
            <translation>Nie anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Open folder</source>
            <translation>Ordner öffnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Play</source>
            <translation>Abspielen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Re-tag</source>
            <translation>Neu taggen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Report a problem…</source>
            <translation>Problem melden…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Request the series' new books for you as they come out</source>
            <translation>Neue Bände der Reihe für Sie anfragen, sobald sie erscheinen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Rescan</source>
            <translation>Neu einlesen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>View on Audible</source>
            <translation>Bei Audible ansehen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Watch this series</source>
            <translation>Reihe beobachten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Watches, shelves and “Request everything missing” pass every edition over</source>
            <translation>Beobachtungen, Regale und „Alles Fehlende anfragen“ übergehen jede Ausgabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Watches, shelves and “Request everything missing” pass this edition over</source>
            <translation>Beobachtungen, Regale und „Alles Fehlende anfragen“ übergehen diese Ausgabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Write title, author, narrator, series and cover tags into the files again</source>
            <translation>Titel, Autor, Sprecher, Reihe und Cover erneut als Tags in die Dateien schreiben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Wrong book, bad audio or the wrong edition: tell the administrators</source>
            <translation>Falsches Buch, fehlerhaftes Audio oder falsche Ausgabe: den Administratoren melden</translation>
        </message>
    </context>
    <context>
        <name>BookDate</name>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Already read: {title}</source>
            <translation>Schon gelesen: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>BookDate needs a few books you like first.</source>
            <translation>BookDate braucht zuerst ein paar Bücher, die Ihnen gefallen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Not interested: {title}</source>
            <translation>Kein Interesse: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Pick one of the listed models.</source>
            <translation>Wählen Sie eines der aufgeführten Modelle.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Requested: {title}</source>
            <translation>Angefragt: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Scan your library, import your Audible library, or set up an AI provider.</source>
            <translation>Scannen Sie Ihre Bibliothek, importieren Sie Ihre Audible-Bibliothek oder richten Sie einen KI-Anbieter ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Similar to {titles}</source>
            <translation>Ähnlich wie {titles}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Similar to {titles} and %n more of your books</source>
            <translation>
                <numerusform>Ähnlich wie {titles} und %n weiteres Ihrer Bücher</numerusform>
                <numerusform>Ähnlich wie {titles} und %n weitere Ihrer Bücher</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>{service} answered and offers %n model(s).</source>
            <translation>
                <numerusform>{service} hat geantwortet und bietet %n Modell an.</numerusform>
                <numerusform>{service} hat geantwortet und bietet %n Modelle an.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>{service} answered, but offers no model called '{model}'.</source>
            <translation>{service} hat geantwortet, bietet aber kein Modell namens „{model}“ an.</translation>
        </message>
    </context>
    <context>
        <name>BookDatePage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>%n model(s) offered.</source>
            <translation>
                <numerusform>%n Modell angeboten.</numerusform>
                <numerusform>%n Modelle angeboten.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>AI provider</source>
            <translation>KI-Anbieter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>API key</source>
            <translation>API-Schlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Already read (up arrow)</source>
            <translation>Schon gelesen (Pfeil hoch)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Asking the provider for its models…</source>
            <translation>Modelle werden beim Anbieter abgefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>BookDate</source>
            <translation>BookDate</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Finding books for you…</source>
            <translation>Bücher werden gesucht…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>List models</source>
            <translation>Modelle abrufen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Narrated by {names}</source>
            <translation>Gesprochen von {names}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>No cards right now</source>
            <translation>Gerade keine Karten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>No new recommendations right now. Rate or add a few books, or set up an AI provider.</source>
            <translation>Gerade keine neuen Empfehlungen. Bewerten oder ergänzen Sie ein paar Bücher oder richten Sie einen KI-Anbieter ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>None: Audible's similar books of the ones you like</source>
            <translation>Keiner: ähnliche Audible-Bücher zu Ihren Lieblingsbüchern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Not interested (left arrow)</source>
            <translation>Kein Interesse (Pfeil links)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Nothing to undo.</source>
            <translation>Nichts rückgängig zu machen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Only books I rated</source>
            <translation>Nur bewertete Bücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>OpenAI-compatible address (Ollama, LM Studio, …)</source>
            <translation>OpenAI-kompatible Adresse (Ollama, LM Studio, …)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Optional: e.g. 'Short books, no horror.'</source>
            <translation>Optional: z. B. „Kurze Bücher, kein Horror.“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Recommendation: {title} by {author}</source>
            <translation>Empfehlung: {title} von {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Request this book (right arrow)</source>
            <translation>Dieses Buch anfragen (Pfeil rechts)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Right to request, left if it is not for you, up if you have read it. Drag the card, use the arrow keys or the buttons.</source>
            <translation>Rechts zum Anfragen, links wenn es nichts für Sie ist, nach oben wenn Sie es gelesen haben. Ziehen Sie die Karte oder nutzen Sie die Pfeiltasten oder Schaltflächen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Save</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Saved.</source>
            <translation>Gespeichert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Show what will be sent…</source>
            <translation>Gesendetes anzeigen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>The whole library</source>
            <translation>Die ganze Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>This is sent to the AI provider with each new batch:</source>
            <translation>Das wird mit jedem neuen Stapel an den KI-Anbieter gesendet:</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Undo</source>
            <translation>Rückgängig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Undo the last swipe (Ctrl+Z)</source>
            <translation>Letztes Wischen rückgängig machen (Strg+Z)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Up to 25 favourites</source>
            <translation>Bis zu 25 Lieblingsbücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>What BookDate sends</source>
            <translation>Was BookDate sendet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>What it is told</source>
            <translation>Was es erfährt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Where recommendations come from</source>
            <translation>Woher die Empfehlungen kommen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Your wishes</source>
            <translation>Ihre Wünsche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>{title} is back.</source>
            <translation>„{title}“ ist zurück.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>↑ Read it</source>
            <translation>↑ Gelesen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>★ {rating}</source>
            <translation>★ {rating}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>♥ Request</source>
            <translation>♥ Anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>✕ Not for me</source>
            <translation>✕ Nichts für mich</translation>
        </message>
    </context>
    <context>
        <name>BookGrid</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Available</source>
            <translation>Verfügbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Downloading</source>
            <translation>Wird geladen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>In library</source>
            <translation>In Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Owned on Audible</source>
            <translation>Bei Audible gekauft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Requested</source>
            <translation>Angefragt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>{series} #{position}</source>
            <translation>{series} #{position}</translation>
        </message>
    </context>
    <context>
        <name>BookPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source> · </source>
            <comment>between facts</comment>
            <translation> · </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n Buch</numerusform>
                <numerusform>%n Bücher</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>, </source>
            <comment>between names</comment>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Already in your library</source>
            <translation>Bereits in Ihrer Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Already owned on Audible</source>
            <translation>Bereits bei Audible gekauft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Also the ebook</source>
            <translation>Auch das E-Book</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Ask for this audiobook: it is searched, downloaded and imported</source>
            <translation>Dieses Hörbuch anfragen: Es wird gesucht, heruntergeladen und importiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Availability</source>
            <translation>Verfügbarkeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>By {authors}</source>
            <translation>Von {authors}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Cover</source>
            <translation>Cover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Narrated by {narrators}</source>
            <translation>Gelesen von {narrators}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>No books found.</source>
            <translation>Keine Bücher gefunden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>No cover</source>
            <translation>Kein Cover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Only the ebook: also when the audiobook is already here</source>
            <translation>Nur das E-Book: auch wenn das Hörbuch schon vorhanden ist</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Other editions: {links}</source>
            <translation>Andere Ausgaben: {links}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request its new books for you as they come out</source>
            <translation>Neue Bücher für Sie anfragen, sobald sie erscheinen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request the ebook</source>
            <translation>E-Book anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Requesting…</source>
            <translation>Wird angefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Series: {series}</source>
            <translation>Reihe: {series}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Series: {series}, book {position}</source>
            <translation>Reihe: {series}, Band {position}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Similar books</source>
            <translation>Ähnliche Bücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>This book could not be loaded</source>
            <translation>Dieses Buch konnte nicht geladen werden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>View on Audible</source>
            <translation>Bei Audible ansehen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Watch this author</source>
            <translation>Autor beobachten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Watch this series</source>
            <translation>Reihe beobachten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Watching {name}: new books are requested for you.</source>
            <translation>{name} wird beobachtet: neue Bücher werden für Sie angefragt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>You already own “{title}” on Audible. Request it anyway?</source>
            <translation>Sie besitzen „{title}“ bereits bei Audible. Trotzdem anfragen?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>format unknown</source>
            <translation>Format unbekannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>language unknown</source>
            <translation>Sprache unbekannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>no rating</source>
            <translation>keine Bewertung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>release date unknown</source>
            <translation>Erscheinungsdatum unbekannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>released {date}</source>
            <translation>erschienen am {date}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>unknown</source>
            <comment>an unknown author or narrator</comment>
            <translation>unbekannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>unknown length</source>
            <translation>Länge unbekannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>{badge} (another edition)</source>
            <translation>{badge} (andere Ausgabe)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>{message} Request it again, for another edition or narration? The copy you have stays where it is.</source>
            <translation>{message} Erneut anfragen, für eine andere Ausgabe oder Lesung? Ihr vorhandenes Exemplar bleibt, wo es ist.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>★ {rating} (%n rating(s))</source>
            <translation>
                <numerusform>★ {rating} (%n Bewertung)</numerusform>
                <numerusform>★ {rating} (%n Bewertungen)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogActions</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>%n book(s) will never be requested automatically.</source>
            <translation>
                <numerusform>%n Buch wird nie automatisch angefragt.</numerusform>
                <numerusform>%n Bücher werden nie automatisch angefragt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>Ignore list</source>
            <translation>Ignorierliste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>No browser could open {url}.</source>
            <translation>Kein Browser konnte {url} öffnen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>View on Audible</source>
            <translation>Bei Audible ansehen</translation>
        </message>
    </context>
    <context>
        <name>CatalogJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Audible ({region})</source>
            <translation>Audible ({region})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Audible answers.</source>
            <translation>Audible antwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Could not refresh categories: {error}</source>
            <translation>Kategorien konnten nicht aktualisiert werden: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Could not refresh {list} ({region}): {error}</source>
            <translation>{list} ({region}) konnte nicht aktualisiert werden: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refresh Discover sections from Audible</source>
            <translation>Entdecken-Bereiche von Audible aktualisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refresh the Audible catalog</source>
            <translation>Audible-Katalog aktualisieren</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refreshed {list} ({region}): %n book(s)</source>
            <translation>
                <numerusform>{list} ({region}) aktualisiert: %n Buch</numerusform>
                <numerusform>{list} ({region}) aktualisiert: %n Bücher</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogPages</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Book {asin}</source>
            <translation>Buch {asin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Books by {author}</source>
            <translation>Bücher von {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Series: {series}</source>
            <translation>Reihe: {series}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>The Audible catalog cannot be reached. Saved sections are shown; searching needs a connection. ({reason})</source>
            <translation>Der Audible-Katalog ist nicht erreichbar. Gespeicherte Bereiche werden angezeigt; die Suche braucht eine Verbindung. ({reason})</translation>
        </message>
    </context>
    <context>
        <name>CatalogSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source> MB</source>
            <comment>a size unit after a number, with its leading space</comment>
            <translation> MB</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>&amp;Marketplace</source>
            <translation>&amp;Marktplatz</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>&amp;Test</source>
            <translation>&amp;Testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>A&amp;pprove requests automatically (administrators are always approved)</source>
            <translation>Anfragen automatisch &amp;freigeben (Administratoren werden immer freigegeben)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Addresses start with http:// or https:// (the Audnexus address is required).</source>
            <translation>Adressen beginnen mit http:// oder https:// (die Audnexus-Adresse ist erforderlich).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Asking Audible…</source>
            <translation>Audible wird abgefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible &amp;address</source>
            <translation>Audible-&amp;Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible answered.</source>
            <translation>Audible hat geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible catalog</source>
            <translation>Audible-Katalog</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audne&amp;xus address</source>
            <translation>Audne&amp;xus-Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Cover &amp;cache</source>
            <translation>Cover-&amp;Cache</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Test result</source>
            <translation>Testergebnis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>empty: the marketplace's own address (api.audible.&lt;domain&gt;)</source>
            <translation>leer: die eigene Adresse des Marktplatzes (api.audible.&lt;domain&gt;)</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Error details</source>
            <translation>Fehlerdetails</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Hide details</source>
            <translation>Details ausblenden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Open log folder</source>
            <translation>Protokollordner öffnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Show details</source>
            <translation>Details anzeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Something went wrong.</source>
            <translation>Etwas ist schiefgelaufen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>The details were written to the log file:
{path}</source>
            <translation>Die Details wurden in die Protokolldatei geschrieben:
{path}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>{app} hit an unexpected error and that action did not finish. Your library and requests are safe; background jobs will resume.

{summary}</source>
            <translation>{app} ist auf einen unerwarteten Fehler gestoßen, die Aktion wurde nicht abgeschlossen. Ihre Bibliothek und Anfragen sind sicher; Hintergrundaufträge laufen weiter.

{summary}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>{app} — unexpected error</source>
            <translation>{app} – unerwarteter Fehler</translation>
        </message>
    </context>
    <context>
        <name>CronDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>&amp;Cron</source>
            <translation>&amp;Cron</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Edit schedule — {name}</source>
            <translation>Zeitplan bearbeiten – {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Examples: “0 */6 * * *” every six hours · “30 3 * * *” daily at 03:30 · “0 9 * * 1” Mondays at 09:00</source>
            <translation>Beispiele: „0 */6 * * *“ alle sechs Stunden · „30 3 * * *“ täglich um 03:30 · „0 9 * * 1“ montags um 09:00</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Next runs or the problem</source>
            <translation>Nächste Ausführungen oder das Problem</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Next runs: {times}</source>
            <translation>Nächste Ausführungen: {times}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>minute hour day-of-month month day-of-week</source>
            <translation>Minute Stunde Tag-des-Monats Monat Wochentag</translation>
        </message>
    </context>
    <context>
        <name>DatabaseErrors</name>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>'{address}' is not a database address.</source>
            <translation>„{address}“ ist keine Datenbankadresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check that PostgreSQL is running there and accepts connections on that port.</source>
            <translation>Prüfen Sie, ob PostgreSQL dort läuft und Verbindungen auf diesem Port annimmt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check that PostgreSQL runs there and that no firewall silently drops the connection; for a slow link, add ?connect_timeout=30 (seconds) to the database address.</source>
            <translation>Prüfen Sie, ob PostgreSQL dort läuft und keine Firewall die Verbindung stillschweigend verwirft; bei einer langsamen Verbindung hängen Sie ?connect_timeout=30 (Sekunden) an die Datenbankadresse an.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check the database address, and for a file its folder and permissions.</source>
            <translation>Prüfen Sie die Datenbankadresse und bei einer Datei deren Ordner und Berechtigungen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check the host name in the database address and that this computer is on the same network.</source>
            <translation>Prüfen Sie den Hostnamen in der Datenbankadresse und ob dieser Computer im selben Netzwerk ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check the user name and password in the database address.</source>
            <translation>Prüfen Sie Benutzername und Passwort in der Datenbankadresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Close other copies of the app or tools using the file, then try again.</source>
            <translation>Schließen Sie andere Instanzen der App oder Programme, die die Datei verwenden, und versuchen Sie es dann erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Create it first (createdb -O {user} {database}) or correct its name in the address.</source>
            <translation>Legen Sie sie zuerst an (createdb -O {user} {database}) oder korrigieren Sie ihren Namen in der Adresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Create the folder, or correct the path in the database address.</source>
            <translation>Legen Sie den Ordner an oder korrigieren Sie den Pfad in der Datenbankadresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Free some space on that disk and try again; the change that did not fit was not saved.</source>
            <translation>Geben Sie auf diesem Datenträger Speicherplatz frei und versuchen Sie es erneut; die Änderung, die nicht mehr passte, wurde nicht gespeichert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Give the path of a file inside it, e.g. {path}/rmab.sqlite3.</source>
            <translation>Geben Sie den Pfad einer Datei darin an, z. B. {path}/rmab.sqlite3.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Give your user write access to the file and its folder, or use another location.</source>
            <translation>Geben Sie Ihrem Benutzer Schreibrechte für die Datei und ihren Ordner oder wählen Sie einen anderen Ort.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Move the file aside and start again, or put back a copy from the backups folder {backups}; the app changes nothing in a damaged file.</source>
            <translation>Verschieben Sie die Datei an einen anderen Ort und starten Sie neu, oder stellen Sie eine Kopie aus dem Sicherungsordner {backups} wieder her; die App ändert nichts an einer beschädigten Datei.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Start the address with postgresql+psycopg:// (PostgreSQL) or sqlite:/// (a database file).</source>
            <translation>Beginnen Sie die Adresse mit postgresql+psycopg:// (PostgreSQL) oder sqlite:/// (eine Datenbankdatei).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Start the address with postgresql+psycopg:// to use the PostgreSQL driver the app ships with.</source>
            <translation>Beginnen Sie die Adresse mit postgresql+psycopg://, um den mitgelieferten PostgreSQL-Treiber der App zu verwenden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database address starts with '{scheme}', a kind of database the app does not know.</source>
            <translation>Die Datenbankadresse beginnt mit „{scheme}“, einer Datenbankart, die die App nicht kennt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database driver '{module}' that '{scheme}' asks for is not installed.</source>
            <translation>Der Datenbanktreiber „{module}“, den „{scheme}“ benötigt, ist nicht installiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database file {path} cannot be written (it or its folder is read-only).</source>
            <translation>Die Datenbankdatei {path} kann nicht geschrieben werden (sie oder ihr Ordner ist schreibgeschützt).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database file {path} is damaged and cannot be read ({detail}).</source>
            <translation>Die Datenbankdatei {path} ist beschädigt und kann nicht gelesen werden ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} cannot be reached ({detail}).</source>
            <translation>Der Datenbankserver {host} ist nicht erreichbar ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} did not accept the user '{user}' or its password.</source>
            <translation>Der Datenbankserver {host} hat den Benutzer „{user}“ oder sein Passwort nicht akzeptiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} did not answer on port {port} within {seconds} seconds.</source>
            <translation>Der Datenbankserver {host} hat auf Port {port} nicht innerhalb von {seconds} Sekunden geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} has no database named '{database}'.</source>
            <translation>Der Datenbankserver {host} hat keine Datenbank namens „{database}“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} refused the connection on port {port}.</source>
            <translation>Der Datenbankserver {host} hat die Verbindung auf Port {port} abgelehnt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database {address} cannot be opened ({detail}).</source>
            <translation>Die Datenbank {address} kann nicht geöffnet werden ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database {address} is locked by another program.</source>
            <translation>Die Datenbank {address} ist von einem anderen Programm gesperrt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The disk holding the database {address} is full.</source>
            <translation>Der Datenträger mit der Datenbank {address} ist voll.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The folder {folder} for the database file does not exist.</source>
            <translation>Der Ordner {folder} für die Datenbankdatei existiert nicht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Use postgresql+psycopg://USER:PASSWORD@HOST/DATABASE, or sqlite:////full/path/file.sqlite3; leave it out to use the profile's own database.</source>
            <translation>Verwenden Sie postgresql+psycopg://USER:PASSWORD@HOST/DATABASE oder sqlite:////full/path/file.sqlite3; ohne Angabe wird die eigene Datenbank des Profils verwendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>{path} is a folder, not a database file.</source>
            <translation>{path} ist ein Ordner, keine Datenbankdatei.</translation>
        </message>
    </context>
    <context>
        <name>DesktopApp</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>%n job(s) still running. Quit anyway?

Running jobs are stopped now and start again the next time you open the app.</source>
            <translation>
                <numerusform>%n Auftrag läuft noch. Trotzdem beenden?

Laufende Aufträge werden jetzt gestoppt und beim nächsten Start der App erneut gestartet.</numerusform>
                <numerusform>%n Aufträge laufen noch. Trotzdem beenden?

Laufende Aufträge werden jetzt gestoppt und beim nächsten Start der App erneut gestartet.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Automation paused</source>
            <translation>Automatik pausiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Automation resumed</source>
            <translation>Automatik fortgesetzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Join…</source>
            <translation>Beitreten…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Quit ReadMeABook?</source>
            <translation>ReadMeABook beenden?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>ReadMeABook keeps working in the tray. Quit from its menu.</source>
            <translation>ReadMeABook arbeitet im Infobereich weiter. Beenden Sie es über dessen Menü.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Searches, downloads and imports run again.</source>
            <translation>Suchen, Downloads und Importe laufen wieder.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Searches, downloads and imports wait until you resume.</source>
            <translation>Suchen, Downloads und Importe warten, bis Sie fortsetzen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Secrets are locked: services that need a password or API key will not work until you unlock them in Settings &gt; General.</source>
            <translation>Zugangsdaten sind gesperrt: Dienste, die ein Passwort oder einen API-Schlüssel brauchen, funktionieren erst, wenn Sie sie unter Einstellungen &gt; Allgemein entsperren.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Still running</source>
            <translation>Läuft noch</translation>
        </message>
    </context>
    <context>
        <name>DesktopSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;About ReadMeABook Desktop…</source>
            <translation>Ü&amp;ber ReadMeABook Desktop…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;Keep the computer awake while downloading or importing</source>
            <translation>Computer beim Herunterladen oder Importieren &amp;wach halten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;Start ReadMeABook when I log in</source>
            <translation>ReadMeABook bei der Anmeldung &amp;starten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>Start at login</source>
            <translation>Beim Anmelden starten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>The screen may still turn off; only sleep is held back, and only while work runs.</source>
            <translation>Der Bildschirm kann sich weiterhin ausschalten; nur der Ruhezustand wird verhindert, und nur solange gearbeitet wird.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>This computer</source>
            <translation>Dieser Computer</translation>
        </message>
    </context>
    <context>
        <name>DiscoverPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n Buch</numerusform>
                <numerusform>%n Bücher</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Add a row of books: popular, new releases or a category</source>
            <translation>Eine Bücherreihe hinzufügen: beliebt, Neuerscheinungen oder eine Kategorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Add section</source>
            <translation>Bereich hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Audible could not be reached, so this section has no books yet ({reason}). Check your internet connection, then press ⟳ on this section to try again.</source>
            <translation>Audible war nicht erreichbar, daher enthält dieser Bereich noch keine Bücher ({reason}). Prüfen Sie Ihre Internetverbindung und klicken Sie dann in diesem Bereich auf ⟳, um es erneut zu versuchen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Audible lists no books for this section in its marketplace. Remove it with ✕, or add another one with Add section.</source>
            <translation>Audible führt in seinem Marktplatz keine Bücher für diesen Bereich. Entfernen Sie ihn mit ✕ oder fügen Sie mit „Bereich hinzufügen“ einen anderen hinzu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Category</source>
            <translation>Kategorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Discover</source>
            <translation>Entdecken</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Loading categories…</source>
            <translation>Kategorien werden geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Move down</source>
            <translation>Nach unten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Move up</source>
            <translation>Nach oben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>New releases</source>
            <translation>Neuerscheinungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>New, popular and recommended audiobooks from Audible; open one to request it.</source>
            <translation>Neue, beliebte und empfohlene Hörbücher von Audible; öffnen Sie eines, um es anzufragen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Nothing saved yet for this section; asking Audible for it…</source>
            <translation>Für diesen Bereich ist noch nichts gespeichert; Audible wird gefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Number of books</source>
            <translation>Anzahl der Bücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Popular</source>
            <translation>Beliebt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Refresh from Audible</source>
            <translation>Von Audible aktualisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Remove this section</source>
            <translation>Diesen Bereich entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Section “{title}”</source>
            <translation>Bereich „{title}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>The saved books of this section could not be read: {reason} {hint}</source>
            <translation>Die gespeicherten Bücher dieses Bereichs konnten nicht gelesen werden: {reason} {hint}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>These are the books saved earlier: Audible could not be reached ({reason}). Press ⟳ on this section to try again.</source>
            <translation>Dies sind die zuvor gespeicherten Bücher: Audible war nicht erreichbar ({reason}). Klicken Sie in diesem Bereich auf ⟳, um es erneut zu versuchen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>This section could not be refreshed from Audible: {reason} Press ⟳ on this section to try again; if it keeps failing, remove it with ✕.</source>
            <translation>Dieser Bereich konnte nicht von Audible aktualisiert werden: {reason} Klicken Sie in diesem Bereich auf ⟳, um es erneut zu versuchen; scheitert es weiterhin, entfernen Sie ihn mit ✕.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>could not refresh</source>
            <translation>Aktualisierung fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>refreshing…</source>
            <translation>wird aktualisiert…</translation>
        </message>
    </context>
    <context>
        <name>DownloadCleanup</name>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/cleanup.py" />
            <source>Cleanup of '{title}' skipped: {reason}</source>
            <translation>Aufräumen von „{title}“ übersprungen: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/cleanup.py" />
            <source>Removed '{title}' from the download client (seeding done)</source>
            <translation>„{title}“ aus dem Download-Client entfernt (Seeding beendet)</translation>
        </message>
    </context>
    <context>
        <name>DownloadClientSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source> KiB/s</source>
            <translation> KiB/s</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source> h</source>
            <comment>hours after a number</comment>
            <translation> Std.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source> min</source>
            <comment>minutes after a number</comment>
            <translation> Min.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Add</source>
            <translation>&amp;Hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Category</source>
            <translation>&amp;Kategorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Give up after</source>
            <translation>&amp;Aufgeben nach</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Password</source>
            <translation>&amp;Passwort</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Save to (client's view)</source>
            <translation>&amp;Speichern in (Sicht des Clients)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Test connection and folders</source>
            <translation>Verbindung und Ordner &amp;testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;User name</source>
            <translation>Ben&amp;utzername</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Verify the HTTPS certificate</source>
            <translation>HTTPS-Zertifikat &amp;überprüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>API &amp;key</source>
            <translation>API-Schlüsse&amp;l</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Add or choose a client first.</source>
            <translation>Fügen Sie zuerst einen Client hinzu oder wählen Sie einen aus.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Addr&amp;ess</source>
            <translation>A&amp;dresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Category &amp;after import</source>
            <translation>Kate&amp;gorie nach dem Import</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Category (qBittorrent, SABnzbd, NZBGet) or label (Transmission, Deluge)</source>
            <translation>Kategorie (qBittorrent, SABnzbd, NZBGet) oder Label (Transmission, Deluge)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Category or label the download moves to once the book is imported</source>
            <translation>Kategorie oder Label, in die der Download wechselt, sobald das Buch importiert ist</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Download clients</source>
            <translation>Download-Clients</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Downloads the app makes itself: audio from a link (Add from URL)</source>
            <translation>Downloads, die die App selbst ausführt: Audio aus einem Link (Aus URL hinzufügen)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Enabled</source>
            <translation>Aktiviert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Enter the client's address.</source>
            <translation>Geben Sie die Adresse des Clients ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Indexer settings and tracker minimums override the default seeding rule.</source>
            <translation>Indexer-Einstellungen und Tracker-Mindestwerte haben Vorrang vor der Standard-Seedingregel.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Kind of client to add</source>
            <translation>Art des hinzuzufügenden Clients</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Monitoring and seeding</source>
            <translation>Überwachung und Seeding</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>No progress for this long: the release is blocklisted and the next one tried</source>
            <translation>So lange ohne Fortschritt: Das Release wird gesperrt und das nächste versucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Path &amp;mapping: client's folder</source>
            <translation>Pfadzuordnung: &amp;Ordner des Clients</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Pr&amp;iority</source>
            <translation>Pr&amp;iorität</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Priority</source>
            <translation>Priorität</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Protocol</source>
            <translation>Protokoll</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Remove usenet and direct downloads once in the &amp;library</source>
            <translation>Usenet- und Direkt-Downloads entfernen, sobald sie in der &amp;Bibliothek sind</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>S&amp;talled after</source>
            <translation>Stillstand na&amp;ch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Search &amp;again after</source>
            <translation>&amp;Wieder suchen nach</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Seed &amp;for (default)</source>
            <translation>Seeden &amp;für (Standard)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Seed to ratio (&amp;default)</source>
            <translation>Seeden bis &amp;Ratio (Standard)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Speed limit for &amp;links</source>
            <translation>Geschwindigkeitsgren&amp;ze für Links</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>The client for each protocol gets the releases; with several, the lowest priority number is used first. Public-domain books download directly and need no client.</source>
            <translation>Der Client des jeweiligen Protokolls erhält die Releases; bei mehreren wird die niedrigste Prioritätszahl zuerst verwendet. Gemeinfreie Bücher werden direkt heruntergeladen und brauchen keinen Client.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Use t&amp;his client</source>
            <translation>Diesen Client &amp;verwenden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>as the client sees it, e.g. /downloads</source>
            <translation>aus Sicht des Clients, z. B. /downloads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>built in</source>
            <translation>integriert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>empty: leave it in its category</source>
            <translation>leer: in seiner Kategorie belassen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>empty: the client's own download folder</source>
            <translation>leer: der eigene Download-Ordner des Clients</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no limit</source>
            <translation>unbegrenzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no ratio rule</source>
            <translation>keine Ratio-Regel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no time rule</source>
            <translation>keine Zeitregel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>the same folder on this computer, e.g. /mnt/nas/downloads</source>
            <translation>derselbe Ordner auf diesem Computer, z. B. /mnt/nas/downloads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>… is &amp;on this computer at</source>
            <translation>… liegt auf diesem Co&amp;mputer unter</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>⚠ The password of %n client(s) cannot be read: no keychain works on this computer. They are kept; enter each password again to use them.</source>
            <translation>
                <numerusform>⚠ Das Passwort von %n Client kann nicht gelesen werden: Auf diesem Computer funktioniert kein Schlüsselbund. Der Client bleibt erhalten; geben Sie das Passwort erneut ein, um ihn zu verwenden.</numerusform>
                <numerusform>⚠ Die Passwörter von %n Clients können nicht gelesen werden: Auf diesem Computer funktioniert kein Schlüsselbund. Die Clients bleiben erhalten; geben Sie jedes Passwort erneut ein, um sie zu verwenden.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DownloadClients</name>
        <message>
            <location filename="../../rmab_desktop/services/downloads/probe.py" />
            <source>Connected to {client} {version}.</source>
            <translation>Mit {client} {version} verbunden.</translation>
        </message>
    </context>
    <context>
        <name>EbookSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Add each imported ebook to Calibre (calibredb add)</source>
            <translation>Jedes importierte E-Book zu Calibre hinzufügen (calibredb add)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Calibre</source>
            <translation>Calibre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Calibre library</source>
            <translation>Calibre-Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Calibre's default library</source>
            <translation>Standardbibliothek von Calibre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Ebook folder</source>
            <translation>E-Book-Ordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Ebook folder template</source>
            <translation>Vorlage für E-Book-Ordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Empty: the library's folder template</source>
            <translation>Leer: die Ordnervorlage der Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>For example: {folder}/</source>
            <translation>Zum Beispiel: {folder}/</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Found on the PATH</source>
            <translation>Im PATH gefunden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Found: {version}</source>
            <translation>Gefunden: {version}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Free ebook sources</source>
            <translation>Freie E-Book-Quellen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Gutendex address</source>
            <translation>Gutendex-Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Internet Archive address</source>
            <translation>Internet-Archive-Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Looking for calibredb…</source>
            <translation>calibredb wird gesucht…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Next to the audiobook, in the library folder</source>
            <translation>Neben dem Hörbuch, im Bibliotheksordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Search Project Gutenberg, Standard Ebooks and the Internet Archive (public domain only)</source>
            <translation>Project Gutenberg, Standard Ebooks und das Internet Archive durchsuchen (nur gemeinfreie Werke)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Standard Ebooks address</source>
            <translation>Standard-Ebooks-Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Template</source>
            <translation>Vorlage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Test</source>
            <translation>Testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Where ebooks go</source>
            <translation>Wohin E-Books kommen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>calibredb program</source>
            <translation>calibredb-Programm</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Check the address and that the service is running, then use Test again.</source>
            <translation>Prüfen Sie die Adresse und ob der Dienst läuft, und klicken Sie dann erneut auf „Testen“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Check the database address and that the server is running.</source>
            <translation>Prüfen Sie die Datenbankadresse und ob der Server läuft.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Check the user name, password or API key in Settings.</source>
            <translation>Prüfen Sie Benutzername, Passwort oder API-Schlüssel in den Einstellungen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Enter the secret again in Settings.</source>
            <translation>Geben Sie die Zugangsdaten in den Einstellungen erneut ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Free some space on that disk and try again; nothing was changed by the failed step.</source>
            <translation>Geben Sie auf diesem Datenträger Speicherplatz frei und versuchen Sie es erneut; der fehlgeschlagene Schritt hat nichts verändert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>No secure keychain is available on this system. Install and start one (for example GNOME Keyring or KWallet) and restart the app.</source>
            <translation>Auf diesem System ist kein sicherer Schlüsselbund verfügbar. Installieren und starten Sie einen (zum Beispiel GNOME Keyring oder KWallet) und starten Sie die App neu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Open Settings and check this value.</source>
            <translation>Öffnen Sie die Einstellungen und prüfen Sie diesen Wert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>The service answered too slowly. Check your connection or try again later.</source>
            <translation>Der Dienst hat zu langsam geantwortet. Prüfen Sie Ihre Verbindung oder versuchen Sie es später erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>The service asked us to slow down; the app will retry automatically.</source>
            <translation>Der Dienst hat um weniger Anfragen gebeten; die App versucht es automatisch erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>The service sent an answer the app cannot read. Check the address points to the right service.</source>
            <translation>Der Dienst hat eine Antwort gesendet, die die App nicht lesen kann. Prüfen Sie, ob die Adresse auf den richtigen Dienst zeigt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Unlock your system keychain, or install one (GNOME Keyring, KWallet, macOS Keychain).</source>
            <translation>Entsperren Sie den Schlüsselbund Ihres Systems oder installieren Sie einen (GNOME Keyring, KWallet, macOS-Schlüsselbund).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Your keychain is locked. Unlock it (log in again or open your keychain app) and retry.</source>
            <translation>Ihr Schlüsselbund ist gesperrt. Entsperren Sie ihn (melden Sie sich erneut an oder öffnen Sie Ihre Schlüsselbund-App) und versuchen Sie es erneut.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Audible catalog</source>
            <translation>Audible-Katalog</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Getting ready</source>
            <translation>Vorbereitung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Library scan</source>
            <translation>Bibliotheksscan</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>No keychain could keep them. Choose an encrypted file or unlock it in Settings &gt; General, then enter them again in Settings.</source>
            <translation>Kein Schlüsselbund konnte sie aufbewahren. Wählen Sie unter Einstellungen &gt; Allgemein eine verschlüsselte Datei oder entsperren Sie sie dort, und geben Sie sie dann in den Einstellungen erneut ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>S&amp;kip setup</source>
            <translation>Einrichtung ü&amp;berspringen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saved, except the passwords and keys of: {items}.</source>
            <translation>Gespeichert, außer den Passwörtern und Schlüsseln von: {items}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saved. Your secrets are kept safe.</source>
            <translation>Gespeichert. Ihre Zugangsdaten werden sicher aufbewahrt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saving your choices and loading your catalog and library.</source>
            <translation>Ihre Auswahl wird gespeichert, Katalog und Bibliothek werden geladen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Set up ReadMeABook</source>
            <translation>ReadMeABook einrichten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>You can close this window: the work continues in the background (see Activity).</source>
            <translation>Sie können dieses Fenster schließen: Die Arbeit läuft im Hintergrund weiter (siehe Aktivität).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{status} ({error})</source>
            <translation>{status} ({error})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: cancelled</source>
            <translation>{task}: abgebrochen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: done</source>
            <translation>{task}: fertig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: failed</source>
            <translation>{task}: fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: not needed</source>
            <translation>{task}: nicht nötig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: not started</source>
            <translation>{task}: nicht gestartet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: running</source>
            <translation>{task}: läuft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: waiting</source>
            <translation>{task}: wartet</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>%n min ago</source>
            <translation>
                <numerusform>vor %n Min.</numerusform>
                <numerusform>vor %n Min.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Today {time}</source>
            <translation>Heute {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Tomorrow {time}</source>
            <translation>Morgen {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Yesterday {time}</source>
            <translation>Gestern {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>d MMM yyyy</source>
            <comment>a date far from today, in Qt date format</comment>
            <translation>d. MMM yyyy</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>ddd d MMM yyyy HH:mm:ss</source>
            <comment>an exact time, in Qt format</comment>
            <translation>ddd, d. MMM yyyy HH:mm:ss</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>in %n min</source>
            <translation>
                <numerusform>in %n Min.</numerusform>
                <numerusform>in %n Min.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>just now</source>
            <translation>gerade eben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{days} d {hours} h</source>
            <translation>{days} T. {hours} Std.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{hours} h {minutes} min</source>
            <translation>{hours} Std. {minutes} Min.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{minutes} min</source>
            <translation>{minutes} Min.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{number}%</source>
            <comment>a percentage</comment>
            <translation>{number} %</translation>
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
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&amp;Pause automation (no searches, downloads or imports)</source>
            <translation>Automatik &amp;pausieren (keine Suchen, Downloads oder Importe)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&amp;Theme</source>
            <translation>&amp;Design</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&lt;b&gt;{state}&lt;/b&gt; — {message}</source>
            <translation>&lt;b&gt;{state}&lt;/b&gt; – {message}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>A new language applies the next time the app starts.</source>
            <translation>Eine neue Sprache gilt ab dem nächsten Start der App.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Appearance</source>
            <translation>Darstellung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Behaviour</source>
            <translation>Verhalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Checking your system keychain…</source>
            <translation>Schlüsselbund des Systems wird geprüft…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Data</source>
            <translation>Daten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Data folder</source>
            <translation>Datenordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Database</source>
            <translation>Datenbank</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Encrypted file</source>
            <translation>Verschlüsselte Datei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Follow the system</source>
            <translation>Wie das System</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Locked</source>
            <translation>Gesperrt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Log file</source>
            <translation>Protokolldatei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Not available</source>
            <translation>Nicht verfügbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Passwords and API keys</source>
            <translation>Passwörter und API-Schlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Secure</source>
            <translation>Sicher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Show desktop &amp;notifications</source>
            <translation>Desktop-&amp;Benachrichtigungen anzeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Start &amp;minimized to the tray</source>
            <translation>&amp;Minimiert im Infobereich starten</translation>
        </message>
    </context>
    <context>
        <name>HealthJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Check services</source>
            <translation>Dienste prüfen</translation>
        </message>
    </context>
    <context>
        <name>HouseholdKeySettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Export</source>
            <translation>&amp;Exportieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Export household key…</source>
            <translation>Haushaltsschlüssel &amp;exportieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Join</source>
            <translation>&amp;Beitreten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Join with a key file…</source>
            <translation>Mit einer Schlüsseldatei &amp;beitreten…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Passphrase</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Repeat</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>At least 8 characters</source>
            <translation>Mindestens 8 Zeichen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Checking the household key…</source>
            <translation>Haushaltsschlüssel wird geprüft…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Choose a key file, or paste the text of its QR code.</source>
            <translation>Wählen Sie eine Schlüsseldatei oder fügen Sie den Text ihres QR-Codes ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Choose a passphrase for the key file. Whoever has the file and the passphrase can read the household's passwords and API keys: give them only to a desktop of the household.</source>
            <translation>Wählen Sie eine Passphrase für die Schlüsseldatei. Wer Datei und Passphrase hat, kann die Passwörter und API-Schlüssel des Haushalts lesen: Geben Sie sie nur an einen Desktop des Haushalts weiter.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Export household key</source>
            <translation>Haushaltsschlüssel exportieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Export the key on a desktop of the household first.</source>
            <translation>Exportieren Sie den Schlüssel zuerst auf einem Desktop des Haushalts.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Household key (*.rmabkey)</source>
            <translation>Haushaltsschlüssel (*.rmabkey)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Household key state</source>
            <translation>Zustand des Haushaltsschlüssels</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Join the household</source>
            <translation>Dem Haushalt beitreten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Key &amp;file</source>
            <translation>Schlüssel&amp;datei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>No household key exists yet. It is made when the first password or API key is saved; then export it for the other desktops.</source>
            <translation>Es gibt noch keinen Haushaltsschlüssel. Er entsteht, sobald das erste Passwort oder der erste API-Schlüssel gespeichert wird; exportieren Sie ihn dann für die anderen Desktops.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Open a household key</source>
            <translation>Haushaltsschlüssel öffnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Opening the key…</source>
            <translation>Schlüssel wird geöffnet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Protecting the key with your passphrase…</source>
            <translation>Schlüssel wird mit Ihrer Passphrase geschützt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>QR &amp;text</source>
            <translation>QR-&amp;Text</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Save the household key</source>
            <translation>Haushaltsschlüssel speichern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Saved to {path}. On the new desktop, join with this file or scan the code, and enter the passphrase.</source>
            <translation>Gespeichert unter {path}. Treten Sie auf dem neuen Desktop mit dieser Datei bei oder scannen Sie den Code, und geben Sie die Passphrase ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Single-user mode: passwords and API keys stay in this computer's keychain. The household key is used once several people share this database.</source>
            <translation>Einzelbenutzermodus: Passwörter und API-Schlüssel bleiben im Schlüsselbund dieses Computers. Der Haushaltsschlüssel wird verwendet, sobald mehrere Personen diese Datenbank teilen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Text of the QR code</source>
            <translation>Text des QR-Codes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The .rmabkey file exported on another desktop</source>
            <translation>Die auf einem anderen Desktop exportierte .rmabkey-Datei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The household key could not be checked.</source>
            <translation>Der Haushaltsschlüssel konnte nicht geprüft werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The key file as a QR code</source>
            <translation>Die Schlüsseldatei als QR-Code</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The passphrase chosen at export</source>
            <translation>Die beim Export gewählte Passphrase</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The same passphrase again</source>
            <translation>Dieselbe Passphrase noch einmal</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The two passphrases differ.</source>
            <translation>Die beiden Passphrasen unterscheiden sich.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>This desktop has not joined the household yet, so it cannot read the shared passwords and API keys. On a desktop of the household, export the key; then join here with the file.</source>
            <translation>Dieser Desktop ist dem Haushalt noch nicht beigetreten und kann die gemeinsamen Passwörter und API-Schlüssel daher nicht lesen. Exportieren Sie den Schlüssel auf einem Desktop des Haushalts und treten Sie hier mit der Datei bei.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>This desktop holds the household key: it reads the shared passwords and API keys. Export the key to let another desktop join.</source>
            <translation>Dieser Desktop hat den Haushaltsschlüssel: Er liest die gemeinsamen Passwörter und API-Schlüssel. Exportieren Sie den Schlüssel, damit ein weiterer Desktop beitreten kann.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>This desktop's key belongs to another household. Join again with a key file exported on a desktop of this household.</source>
            <translation>Der Schlüssel dieses Desktops gehört zu einem anderen Haushalt. Treten Sie erneut mit einer Schlüsseldatei bei, die auf einem Desktop dieses Haushalts exportiert wurde.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Type the same passphrase twice.</source>
            <translation>Geben Sie zweimal dieselbe Passphrase ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>…or paste the text of the QR code here</source>
            <translation>…oder fügen Sie hier den Text des QR-Codes ein</translation>
        </message>
    </context>
    <context>
        <name>ImportLibraryDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) can move</source>
            <translation>
                <numerusform>%n Buch kann verschoben werden</numerusform>
                <numerusform>%n Bücher können verschoben werden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) cannot (see Problem)</source>
            <translation>
                <numerusform>%n Buch nicht (siehe Problem)</numerusform>
                <numerusform>%n Bücher nicht (siehe Problem)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) found</source>
            <translation>
                <numerusform>%n Buch gefunden</numerusform>
                <numerusform>%n Bücher gefunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n confident match(es)</source>
            <translation>
                <numerusform>%n sicherer Treffer</numerusform>
                <numerusform>%n sichere Treffer</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Accept selected</source>
            <translation>Auswahl &amp;annehmen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Choose match…</source>
            <translation>&amp;Treffer wählen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Link accepted books</source>
            <translation>Angenommene Bücher &amp;verknüpfen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Move %n book(s)</source>
            <translation>
                <numerusform>%n Buch &amp;verschieben</numerusform>
                <numerusform>%n Bücher &amp;verschieben</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Move these books</source>
            <translation>Diese Bücher &amp;verschieben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Preview moves</source>
            <translation>Vorschau &amp;anzeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Scan</source>
            <translation>&amp;Scannen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>(not set)</source>
            <translation>(nicht festgelegt)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept the %n confident match(es)</source>
            <translation>
                <numerusform>Den %n sicheren Treffer annehmen</numerusform>
                <numerusform>Die %n sicheren Treffer annehmen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept the confident matches</source>
            <translation>Sichere Treffer annehmen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept, fix or skip each book. Only books marked &lt;b&gt;Link&lt;/b&gt; are linked; the others stay as they are.</source>
            <translation>Nehmen Sie jedes Buch an, korrigieren oder überspringen Sie es. Nur mit &lt;b&gt;Verknüpfen&lt;/b&gt; markierte Bücher werden verknüpft; die anderen bleiben unverändert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Cancel scan</source>
            <translation>Scan abbrechen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Choose a folder first.</source>
            <translation>Wählen Sie zuerst einen Ordner.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Choose match</source>
            <translation>Treffer wählen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Confidence</source>
            <translation>Sicherheit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Decision</source>
            <translation>Entscheidung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Folder to import</source>
            <translation>Zu importierender Ordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Import an existing library</source>
            <translation>Vorhandene Bibliothek importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Library folder</source>
            <translation>Bibliotheksordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Library import</source>
            <translation>Bibliotheksimport</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Link</source>
            <translation>Verknüpfen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s) to the catalog.</source>
            <translation>
                <numerusform>%n Buch mit dem Katalog verknüpft.</numerusform>
                <numerusform>%n Bücher mit dem Katalog verknüpft.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s).</source>
            <translation>
                <numerusform>%n Buch verknüpft.</numerusform>
                <numerusform>%n Bücher verknüpft.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Matching</source>
            <translation>Abgleichen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Move %n book folder(s) into {folder}?</source>
            <translation>
                <numerusform>%n Buchordner nach {folder} verschieben?</numerusform>
                <numerusform>%n Buchordner nach {folder} verschieben?</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Move books</source>
            <translation>Bücher verschieben</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s) into the library.</source>
            <translation>
                <numerusform>%n Buch in die Bibliothek verschoben.</numerusform>
                <numerusform>%n Bücher in die Bibliothek verschoben.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s).</source>
            <translation>
                <numerusform>%n Buch verschoben.</numerusform>
                <numerusform>%n Bücher verschoben.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>No book is marked Link yet.</source>
            <translation>Noch kein Buch ist mit „Verknüpfen“ markiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Not decided</source>
            <translation>Offen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Planned moves</source>
            <translation>Geplante Verschiebungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Proposed match</source>
            <translation>Vorgeschlagener Treffer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Proposed matches</source>
            <translation>Vorgeschlagene Treffer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Reading</source>
            <translation>Lesen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Reorganize (optional)</source>
            <translation>Neu ordnen (optional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Review the proposed matches</source>
            <translation>Vorgeschlagene Treffer prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>S&amp;kip selected</source>
            <translation>Auswahl ü&amp;berspringen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Saving</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Scanning…</source>
            <translation>Wird gescannt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Select one book to choose its match.</source>
            <translation>Wählen Sie ein Buch aus, um seinen Treffer festzulegen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Set the library folder in Settings first.</source>
            <translation>Legen Sie zuerst den Bibliotheksordner in den Einstellungen fest.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The app knows no books yet: request or search some first.</source>
            <translation>Die App kennt noch keine Bücher: Fragen Sie zuerst welche an oder suchen Sie danach.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The app reads the folder and its tags and proposes which book each folder is. It changes nothing on disk until you review the proposals and agree.</source>
            <translation>Die App liest den Ordner und seine Tags und schlägt vor, welches Buch jeder Ordner enthält. Auf dem Datenträger ändert sich nichts, bis Sie die Vorschläge geprüft und zugestimmt haben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The linked books can be moved into your library folder &lt;b&gt;{folder}&lt;/b&gt; following the naming template. Preview first: every move is listed, and nothing moves until you press Move.</source>
            <translation>Die verknüpften Bücher können gemäß der Ordnervorlage in Ihren Bibliotheksordner &lt;b&gt;{folder}&lt;/b&gt; verschoben werden. Zuerst die Vorschau: Jede Verschiebung wird aufgelistet, und nichts wird verschoben, bis Sie auf „Verschieben“ klicken.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>To</source>
            <translation>Nach</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Walking</source>
            <translation>Durchsuchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Which book is {folder}?</source>
            <translation>Welches Buch ist {folder}?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Which folder holds your audiobooks?</source>
            <translation>In welchem Ordner liegen Ihre Hörbücher?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Why</source>
            <translation>Grund</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{books}; {matches}. Review them, then link.</source>
            <translation>{books}; {matches}. Prüfen Sie sie, dann verknüpfen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{moved} Not moved: {failed}</source>
            <translation>{moved} Nicht verschoben: {failed}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{phase}: {done} of %n file(s)…</source>
            <translation>
                <numerusform>{phase}: {done} von %n Datei…</numerusform>
                <numerusform>{phase}: {done} von %n Dateien…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{phase}…</source>
            <translation>{phase}…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{ready}, {left}.</source>
            <translation>{ready}, {left}.</translation>
        </message>
    </context>
    <context>
        <name>IndexerLimits</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>%n grab(s)</source>
            <translation>
                <numerusform>%n Abruf</numerusform>
                <numerusform>%n Abrufe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>%n search(es)</source>
            <translation>
                <numerusform>%n Suche</numerusform>
                <numerusform>%n Suchen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>It is tried again once the indexer's day starts over; raise the limit in Settings &gt; Indexers.</source>
            <translation>Es wird erneut versucht, sobald der Tag des Indexers neu beginnt; erhöhen Sie das Limit unter Einstellungen &gt; Indexer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>Today: {searches}, {grabs}.</source>
            <translation>Heute: {searches}, {grabs}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{name} has used {used} of its {limit} grabs today.</source>
            <translation>{name} hat heute {used} von {limit} Abrufen verbraucht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{name} has used {used} of its {limit} searches today.</source>
            <translation>{name} hat heute {used} von {limit} Suchen verbraucht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{used} of {limit} grabs</source>
            <translation>{used} von {limit} Abrufen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{used} of {limit} searches</source>
            <translation>{used} von {limit} Suchen</translation>
        </message>
    </context>
    <context>
        <name>IndexerSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source> min</source>
            <comment>minutes after a number</comment>
            <translation> Min.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Add</source>
            <translation>&amp;Hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Grabs per day</source>
            <translation>Geh&amp;olte Releases pro Tag</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Load indexers from Prowlarr</source>
            <translation>Indexer aus Prowlarr &amp;laden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Priority</source>
            <translation>&amp;Priorität</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Test</source>
            <translation>&amp;Testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Type</source>
            <translation>T&amp;yp</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>1 is the most trusted indexer, 50 the least (as in Prowlarr)</source>
            <translation>1 ist der vertrauenswürdigste Indexer, 50 der am wenigsten vertrauenswürdige (wie in Prowlarr)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>API &amp;key</source>
            <translation>API-&amp;Schlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Addr&amp;ess</source>
            <translation>A&amp;dresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Asking Prowlarr…</source>
            <translation>Prowlarr wird abgefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobook &amp;categories</source>
            <translation>Hörbuch-&amp;Kategorien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobook categories</source>
            <translation>Hörbuch-Kategorien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobooks</source>
            <translation>Hörbücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Downloads a day; further grabs wait for the next day</source>
            <translation>Downloads pro Tag; weitere Releases werden erst am nächsten Tag geholt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Eb&amp;ook categories</source>
            <translation>E-Book-Kate&amp;gorien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Ebook categories</source>
            <translation>E-Book-Kategorien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Ebooks</source>
            <translation>E-Books</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Enabled</source>
            <translation>Aktiviert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>For the indexer selected in the Prowlarr list</source>
            <translation>Für den in der Prowlarr-Liste ausgewählten Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexer</source>
            <translation>Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexer {number}</source>
            <translation>Indexer {number}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexers</source>
            <translation>Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexers in Prowlarr</source>
            <translation>Indexer in Prowlarr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Internet Archive / LibriVox (free, no account)</source>
            <translation>Internet Archive / LibriVox (kostenlos, ohne Konto)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Newznab feed (usenet)</source>
            <translation>Newznab-Feed (Usenet)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Priority</source>
            <translation>Priorität</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Protocol</source>
            <translation>Protokoll</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr (all its indexers)</source>
            <translation>Prowlarr (alle seine Indexer)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr has %n indexer(s).</source>
            <translation>
                <numerusform>Prowlarr hat %n Indexer.</numerusform>
                <numerusform>Prowlarr hat %n Indexer.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr indexers: categories per indexer</source>
            <translation>Prowlarr-Indexer: Kategorien pro Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searc&amp;h this indexer</source>
            <translation>Diesen Indexer d&amp;urchsuchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searches a day; the search skips this indexer once they are used</source>
            <translation>Suchen pro Tag; sind sie aufgebraucht, überspringt die Suche diesen Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searches per &amp;day</source>
            <translation>Suchen pro T&amp;ag</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Seed &amp;ratio before removal</source>
            <translation>Seed-&amp;Ratio vor dem Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Seed t&amp;ime before removal</source>
            <translation>Seed-&amp;Zeit vor dem Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Select or add an indexer first.</source>
            <translation>Wählen Sie zuerst einen Indexer aus oder fügen Sie einen hinzu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Torznab feed (torrents: Jackett, a tracker)</source>
            <translation>Torznab-Feed (Torrents: Jackett, ein Tracker)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>as the indexer reports</source>
            <translation>wie vom Indexer gemeldet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>client default</source>
            <translation>Client-Standard</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default</source>
            <translation>standard</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default ({categories})</source>
            <translation>standard ({categories})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default; or e.g. 3030, 3130; or none</source>
            <translation>standard; oder z. B. 3030, 3130; oder keine</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default; or e.g. 7020; or none</source>
            <translation>standard; oder z. B. 7020; oder keine</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>skipped</source>
            <translation>übersprungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>⚠ The API key of %n indexer(s) cannot be read: no keychain works on this computer. They are kept; enter each key again to search them.</source>
            <translation>
                <numerusform>⚠ Der API-Schlüssel von %n Indexer kann nicht gelesen werden: Auf diesem Computer funktioniert kein Schlüsselbund. Der Indexer bleibt erhalten; geben Sie den Schlüssel erneut ein, um ihn zu durchsuchen.</numerusform>
                <numerusform>⚠ Die API-Schlüssel von %n Indexern können nicht gelesen werden: Auf diesem Computer funktioniert kein Schlüsselbund. Die Indexer bleiben erhalten; geben Sie jeden Schlüssel erneut ein, um sie zu durchsuchen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Indexers</name>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>Add an indexer in Settings &gt; Indexers.</source>
            <translation>Fügen Sie unter Einstellungen &gt; Indexer einen Indexer hinzu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>It does not list categories {categories}.</source>
            <translation>Die Kategorien {categories} führt er nicht auf.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>No indexer is enabled.</source>
            <translation>Kein Indexer ist aktiviert.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>Prowlarr {version} answered with %n enabled indexer(s).</source>
            <translation>
                <numerusform>Prowlarr {version} hat mit %n aktivierten Indexer geantwortet.</numerusform>
                <numerusform>Prowlarr {version} hat mit %n aktivierten Indexern geantwortet.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>The Internet Archive answered.</source>
            <translation>Das Internet Archive hat geantwortet.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>{title} answered with %n category code(s).</source>
            <translation>
                <numerusform>{title} hat mit %n Kategoriecode geantwortet.</numerusform>
                <numerusform>{title} hat mit %n Kategoriecodes geantwortet.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InteractiveSearch</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>#</source>
            <translation>#</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n acceptable</source>
            <translation>
                <numerusform>%n akzeptabel</numerusform>
                <numerusform>%n akzeptabel</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n Ergebnis</numerusform>
                <numerusform>%n Ergebnisse</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>&amp;Grab this release</source>
            <translation>Dieses Release &amp;holen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Accepted</source>
            <translation>Akzeptiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Blocklisted</source>
            <translation>Gesperrt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Blocklisted: it failed for this book before</source>
            <translation>Gesperrt: Es ist für dieses Buch schon einmal fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Grab a rejected release?</source>
            <translation>Abgelehntes Release holen?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Grabbing “{title}”…</source>
            <translation>„{title}“ wird geholt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Indexer</source>
            <translation>Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Interactive search: {title}</source>
            <translation>Interaktive Suche: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>No results. Check the indexers in Settings, or set custom search terms on the request.</source>
            <translation>Keine Ergebnisse. Prüfen Sie die Indexer in den Einstellungen oder legen Sie eigene Suchbegriffe für die Anfrage fest.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Rejected</source>
            <translation>Abgelehnt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Releases found</source>
            <translation>Gefundene Releases</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Score</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Score parts:</source>
            <translation>Punkte im Einzelnen:</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Search failed: {reason}</source>
            <translation>Suche fehlgeschlagen: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Searching every indexer…</source>
            <translation>Alle Indexer werden durchsucht…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Seeders</source>
            <translation>Seeder</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Verdict</source>
            <translation>Urteil</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Why</source>
            <translation>Grund</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Why this score</source>
            <translation>Grund für diese Punktzahl</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{counts} Greyed rows were rejected or are blocklisted; hover or select one to see why. You can still grab any of them.</source>
            <translation>{counts} Graue Zeilen wurden abgelehnt oder sind gesperrt; zeigen Sie mit der Maus darauf oder wählen Sie eine aus, um den Grund zu sehen. Sie können trotzdem jede davon holen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{results}, {acceptable}.</source>
            <translation>{results}, {acceptable}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{verdict}, score {score}</source>
            <translation>{verdict}, {score} Punkte</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>“{title}” is {verdict}:
{reason}

Grab it anyway?</source>
            <translation>„{title}“ ist {verdict}:
{reason}

Trotzdem holen?</translation>
        </message>
    </context>
    <context>
        <name>JobPump</name>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Another app instance on this database runs automation; this one requests and watches.</source>
            <translation>Eine andere Instanz der App auf dieser Datenbank führt die Automatik aus; diese hier fragt an und beobachtet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Automation paused</source>
            <translation>Automatik pausiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Automation: on</source>
            <translation>Automatik: an</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Automation: standby</source>
            <translation>Automatik: Bereitschaft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Interrupted because the app quit; it will run again at the next start.</source>
            <translation>Unterbrochen, weil die App beendet wurde; wird beim nächsten Start erneut ausgeführt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Searches, downloads and imports are paused. Resume from the tray or Settings.</source>
            <translation>Suchen, Downloads und Importe sind pausiert. Setzen Sie sie über den Infobereich oder die Einstellungen fort.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>This instance runs searches, downloads, imports and scheduled jobs.</source>
            <translation>Diese Instanz führt Suchen, Downloads, Importe und geplante Aufträge aus.</translation>
        </message>
    </context>
    <context>
        <name>JobQueue</name>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>A worker that lost this job (attempt {attempt}) finished late; its outcome was discarded.</source>
            <translation>Ein Worker, der diesen Auftrag verloren hatte (Versuch {attempt}), ist verspätet fertig geworden; sein Ergebnis wurde verworfen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Failed: {error}</source>
            <translation>Fehlgeschlagen: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Failed: {error}; retrying at {time} UTC</source>
            <translation>Fehlgeschlagen: {error}; neuer Versuch um {time} UTC</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Finished in {seconds} s</source>
            <translation>Beendet nach {seconds} s</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Started (attempt {attempt} of {attempts})</source>
            <translation>Gestartet (Versuch {attempt} von {attempts})</translation>
        </message>
    </context>
    <context>
        <name>JobsTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Attempts</source>
            <translation>Versuche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Created {time}</source>
            <translation>Erstellt {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Finished</source>
            <translation>Beendet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Job</source>
            <translation>Auftrag</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Last error</source>
            <translation>Letzter Fehler</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Queued</source>
            <translation>Wartend</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Retrying</source>
            <translation>Neuer Versuch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
    </context>
    <context>
        <name>Keychain</name>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>No secure keychain was found ({backend}). Choose a passphrase to keep passwords and API keys in an encrypted file, or install a keychain (GNOME Keyring or KWallet on Linux).</source>
            <translation>Es wurde kein sicherer Schlüsselbund gefunden ({backend}). Wählen Sie eine Passphrase, um Passwörter und API-Schlüssel in einer verschlüsselten Datei aufzubewahren, oder installieren Sie einen Schlüsselbund (GNOME Keyring oder KWallet unter Linux).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>No system keychain works here ({backend}); secrets are kept in a file encrypted with your passphrase.</source>
            <translation>Hier funktioniert kein Schlüsselbund des Systems ({backend}); Zugangsdaten liegen in einer mit Ihrer Passphrase verschlüsselten Datei.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>No system keychain works here ({backend}); your secrets file is locked. Enter your passphrase to unlock it.</source>
            <translation>Hier funktioniert kein Schlüsselbund des Systems ({backend}); Ihre Datei mit Zugangsdaten ist gesperrt. Geben Sie Ihre Passphrase ein, um sie zu entsperren.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>Secrets are kept in your system keychain ({backend}).</source>
            <translation>Zugangsdaten liegen im Schlüsselbund des Systems ({backend}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>Your system keychain ({backend}) is locked. Unlock it to let the app use saved passwords and API keys.</source>
            <translation>Der Schlüsselbund Ihres Systems ({backend}) ist gesperrt. Entsperren Sie ihn, damit die App gespeicherte Passwörter und API-Schlüssel verwenden kann.</translation>
        </message>
    </context>
    <context>
        <name>Languages</name>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Chinese</source>
            <translation>Chinesisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Czech</source>
            <translation>Tschechisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Danish</source>
            <translation>Dänisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Dutch</source>
            <translation>Niederländisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>English</source>
            <translation>Englisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Finnish</source>
            <translation>Finnisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>French</source>
            <translation>Französisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>German</source>
            <translation>Deutsch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Hungarian</source>
            <translation>Ungarisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Italian</source>
            <translation>Italienisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Japanese</source>
            <translation>Japanisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Korean</source>
            <translation>Koreanisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Norwegian</source>
            <translation>Norwegisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Polish</source>
            <translation>Polnisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Portuguese</source>
            <translation>Portugiesisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Russian</source>
            <translation>Russisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Spanish</source>
            <translation>Spanisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Swedish</source>
            <translation>Schwedisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Turkish</source>
            <translation>Türkisch</translation>
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Could not open {path}.</source>
            <translation>{path} konnte nicht geöffnet werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Library</source>
            <translation>Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>No audio file of “{title}” could be opened.</source>
            <translation>Keine Audiodatei von „{title}“ konnte geöffnet werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Open folder</source>
            <translation>Ordner öffnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Play</source>
            <translation>Abspielen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Problem reported</source>
            <translation>Problem gemeldet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tag this book?</source>
            <translation>Dieses Buch neu taggen?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tagged</source>
            <translation>Neu getaggt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tagging is not available in this build</source>
            <translation>Neu taggen ist in dieser Version nicht verfügbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Tags of “{title}” were written.</source>
            <translation>Die Tags von „{title}“ wurden geschrieben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>The administrators were told about “{title}”.</source>
            <translation>Die Administratoren wurden über „{title}“ informiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Write the title, authors, narrators, series, cover and description of “{title}” into its audio files? Tags it has no value for (such as a genre) and tags it does not manage are kept.</source>
            <translation>Titel, Autoren, Sprecher, Reihe, Cover und Beschreibung von „{title}“ in die Audiodateien schreiben? Tags ohne Wert (etwa ein Genre) und Tags, die die App nicht verwaltet, bleiben erhalten.</translation>
        </message>
    </context>
    <context>
        <name>LibraryAvailability</name>
        <message>
            <location filename="../../rmab_desktop/services/library/availability.py" />
            <source>Found in the library at {path} ({reason})</source>
            <translation>In der Bibliothek gefunden unter {path} ({reason})</translation>
        </message>
    </context>
    <context>
        <name>LibraryBackends</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>%n book(s) listed</source>
            <translation>
                <numerusform>%n Buch aufgelistet</numerusform>
                <numerusform>%n Bücher aufgelistet</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>Connected to Audiobookshelf; library '{library}'.</source>
            <translation>Mit Audiobookshelf verbunden; Bibliothek „{library}“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>Connected to Plex {version}; library '{library}'.</source>
            <translation>Mit Plex {version} verbunden; Bibliothek „{library}“.</translation>
        </message>
    </context>
    <context>
        <name>LibraryImport</name>
        <message>
            <location filename="../../rmab_desktop/services/library/importing.py" />
            <source>Moved {done} of {total}</source>
            <translation>{done} von {total} verschoben</translation>
        </message>
    </context>
    <context>
        <name>LibraryJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n Buch</numerusform>
                <numerusform>%n Bücher</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>%n request(s) now available</source>
            <translation>
                <numerusform>%n Anfrage jetzt verfügbar</numerusform>
                <numerusform>%n Anfragen jetzt verfügbar</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>Library folder</source>
            <translation>Bibliotheksordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>Library refreshed from {backend}: {books} ({added} new, {removed} gone); {requests}</source>
            <translation>Bibliothek aktualisiert ({backend}): {books} ({added} neu, {removed} entfernt); {requests}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>Refresh the library</source>
            <translation>Bibliothek aktualisieren</translation>
        </message>
    </context>
    <context>
        <name>LibraryPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source> · </source>
            <comment>between facts</comment>
            <translation> · </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n author(s)</source>
            <translation>
                <numerusform>%n Autor</numerusform>
                <numerusform>%n Autoren</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n Buch</numerusform>
                <numerusform>%n Bücher</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s) in your library folder.</source>
            <translation>
                <numerusform>%n Buch in Ihrem Bibliotheksordner.</numerusform>
                <numerusform>%n Bücher in Ihrem Bibliotheksordner.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s) in your {server} library.</source>
            <translation>
                <numerusform>%n Buch in Ihrer {server}-Bibliothek.</numerusform>
                <numerusform>%n Bücher in Ihrer {server}-Bibliothek.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Add from URL…</source>
            <translation>Aus URL hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Books</source>
            <translation>Bücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Books shown</source>
            <translation>Angezeigte Bücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Choose your library folder or server in Settings, then refresh. Books you request arrive here.</source>
            <translation>Wählen Sie in den Einstellungen Ihren Bibliotheksordner oder Server und aktualisieren Sie dann. Angefragte Bücher erscheinen hier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Import existing library…</source>
            <translation>Bibliothek importieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Import the audio of a link (video, podcast, LibriVox) as a book</source>
            <translation>Das Audio eines Links (Video, Podcast, LibriVox) als Buch importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library</source>
            <translation>Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library refreshed</source>
            <translation>Bibliothek aktualisiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library totals</source>
            <translation>Bibliothek gesamt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Looking for books…</source>
            <translation>Bücher werden gesucht…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Preparing search…</source>
            <translation>Suche wird vorbereitet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Read the library again from its backend (folder scan, Plex or Audiobookshelf)</source>
            <translation>Bibliothek erneut aus ihrer Quelle lesen (Ordnerscan, Plex oder Audiobookshelf)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Reading tags…</source>
            <translation>Tags werden gelesen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Refresh library</source>
            <translation>Bibliothek aktualisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Refreshing…</source>
            <translation>Wird aktualisiert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search the library</source>
            <translation>Bibliothek durchsuchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search titles, authors, narrators and series. Fields: author: narrator: series: title: year: format: asin: path: missing:cover|asin|series|narrator|year|match has:…  Quote values with spaces (series:"dark tower"), put - before a term to exclude it, years as 1990..1999 or &gt;2010.</source>
            <translation>Titel, Autoren, Sprecher und Reihen durchsuchen. Felder: author: narrator: series: title: year: format: asin: path: missing:cover|asin|series|narrator|year|match has:…  Werte mit Leerzeichen in Anführungszeichen setzen (series:"dark tower"), ein - vor einem Begriff schließt ihn aus, Jahre als 1990..1999 oder &gt;2010.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search: king   author:"le guin"   year:1990..1999   missing:cover</source>
            <translation>Suche: king   author:"le guin"   year:1990..1999   missing:cover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>The books you already have, as your library folder or server knows them.</source>
            <translation>Ihre vorhandenen Bücher, wie Ihr Bibliotheksordner oder Server sie kennt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Your library is empty</source>
            <translation>Ihre Bibliothek ist leer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{duration} of listening</source>
            <translation>{duration} Hörzeit</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{shown} of %n book(s)</source>
            <translation>
                <numerusform>{shown} von %n Buch</numerusform>
                <numerusform>{shown} von %n Büchern</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryScan</name>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Choose a folder you can write to, or fix its permissions.</source>
            <translation>Wählen Sie einen Ordner, in den Sie schreiben können, oder korrigieren Sie seine Berechtigungen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Choose an existing folder.</source>
            <translation>Wählen Sie einen vorhandenen Ordner.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/scanner.py" />
            <source>Choose the folder that holds your audiobooks.</source>
            <translation>Wählen Sie den Ordner mit Ihren Hörbüchern.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Choose your library folder in Settings.</source>
            <translation>Wählen Sie Ihren Bibliotheksordner in den Einstellungen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Library folder {root} is readable and writable.</source>
            <translation>Der Bibliotheksordner {root} ist lesbar und beschreibbar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>No library folder is set.</source>
            <translation>Es ist kein Bibliotheksordner festgelegt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>The app cannot write into {root} ({reason}).</source>
            <translation>Die App kann nicht in {root} schreiben ({reason}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/scanner.py" />
            <source>{path} is not a folder</source>
            <translation>{path} ist kein Ordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>{path} is not inside the library folder {root}.</source>
            <translation>{path} liegt nicht im Bibliotheksordner {root}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: links to {target}, outside the library folder; skipped</source>
            <translation>{path}: verweist auf {target} außerhalb des Bibliotheksordners; übersprungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: name is not valid UTF-8; skipped</source>
            <translation>{path}: Name ist kein gültiges UTF-8; übersprungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: not a regular file; skipped</source>
            <translation>{path}: keine reguläre Datei; übersprungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: {reason}</source>
            <translation>{path}: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>{root} is not a folder.</source>
            <translation>{root} ist kein Ordner.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/scanner.py" />
            <source>{subpath} is not inside the library folder {root_path}</source>
            <translation>{subpath} liegt nicht im Bibliotheksordner {root_path}</translation>
        </message>
    </context>
    <context>
        <name>LibrarySettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Address</source>
            <translation>&amp;Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Folder</source>
            <translation>&amp;Ordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Library</source>
            <translation>&amp;Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Test</source>
            <translation>&amp;Testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>({milliseconds} ms)</source>
            <translation>({milliseconds} ms)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>/data/audiobooks (as the server sees it)</source>
            <translation>/data/audiobooks (aus Sicht des Servers)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>A folder on this computer (the app scans it)</source>
            <translation>Ein Ordner auf diesem Computer (die App scannt ihn)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Approve the sign-in in your browser; this page waits for Plex.</source>
            <translation>Bestätigen Sie die Anmeldung im Browser; diese Seite wartet auf Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Asking the server…</source>
            <translation>Server wird abgefragt…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation>
                <numerusform>Gefundene Hörbuch-Bibliotheken: %n.</numerusform>
                <numerusform>Gefundene Hörbuch-Bibliotheken: %n.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Audiobookshelf: an API token</source>
            <translation>Audiobookshelf: ein API-Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Browse for the library folder</source>
            <translation>Bibliotheksordner auswählen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>F&amp;ind libraries</source>
            <translation>Bibliotheken &amp;finden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Library &amp;server</source>
            <translation>Bibliotheks&amp;server</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Library folder</source>
            <translation>Bibliotheksordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Lo&amp;cal path</source>
            <translation>&amp;Lokaler Pfad</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Only needed when the server runs elsewhere (NAS, Docker) and sees your library folder under another path.</source>
            <translation>Nur nötig, wenn der Server woanders läuft (NAS, Docker) und Ihren Bibliotheksordner unter einem anderen Pfad sieht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Opening plex.tv…</source>
            <translation>plex.tv wird geöffnet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Opens plex.tv in your browser; the token arrives here when you approve</source>
            <translation>Öffnet plex.tv im Browser; das Token kommt hier an, sobald Sie zustimmen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Plex (a Music library)</source>
            <translation>Plex (eine Musikbibliothek)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Plex: your X-Plex-Token</source>
            <translation>Plex: Ihr X-Plex-Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Server &amp;path</source>
            <translation>Server&amp;pfad</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Sign in &amp;with Plex…</source>
            <translation>&amp;Mit Plex anmelden…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>T&amp;oken</source>
            <translation>To&amp;ken</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Test result</source>
            <translation>Testergebnis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Testing…</source>
            <translation>Wird getestet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>The server has no audiobook library.</source>
            <translation>Der Server hat keine Hörbuch-Bibliothek.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Where your audiobooks are organized</source>
            <translation>Wo Ihre Hörbücher einsortiert werden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>the same folder on this computer</source>
            <translation>derselbe Ordner auf diesem Computer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>✔ Signed in with Plex. Choose the library, then Test.</source>
            <translation>✔ Mit Plex angemeldet. Wählen Sie die Bibliothek, dann „Testen“.</translation>
        </message>
    </context>
    <context>
        <name>LibraryTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>ASIN {asin}</source>
            <translation>ASIN {asin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Length</source>
            <translation>Länge</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Narrator</source>
            <translation>Sprecher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Series</source>
            <translation>Reihe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Year</source>
            <translation>Jahr</translation>
        </message>
    </context>
    <context>
        <name>ListsPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n Buch</numerusform>
                <numerusform>%n Bücher</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Add book…</source>
            <translation>&amp;Buch hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Delete list</source>
            <translation>Liste &amp;löschen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Kind</source>
            <translation>&amp;Art</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;New list…</source>
            <translation>&amp;Neue Liste…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Note…</source>
            <translation>Noti&amp;z…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Share with the household</source>
            <translation>Mit dem &amp;Haushalt teilen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>ASIN of the book</source>
            <translation>ASIN des Buchs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add &amp;tier…</source>
            <translation>&amp;Stufe hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add a book</source>
            <translation>Buch hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add a book by its ASIN</source>
            <translation>Ein Buch über seine ASIN hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add a tier</source>
            <translation>Stufe hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Alt+Down</source>
            <translation>Alt+Pfeil nach unten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Alt+Up</source>
            <translation>Alt+Pfeil nach oben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Books in order</source>
            <translation>Bücher in Reihenfolge</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Colour…</source>
            <translation>Farbe…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Copy 1200×630 to the clipboard</source>
            <translation>1200×630 in die Zwischenablage kopieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Ctrl+Down</source>
            <translation>Strg+Pfeil nach unten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Ctrl+Up</source>
            <translation>Strg+Pfeil nach oben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Delete</source>
            <translation>Entf</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>E&amp;xport…</source>
            <translation>E&amp;xportieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Export a list, then import that file.</source>
            <translation>Exportieren Sie eine Liste und importieren Sie dann diese Datei.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Export list</source>
            <translation>Liste exportieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>F2</source>
            <translation>F2</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>I&amp;mport…</source>
            <translation>I&amp;mportieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Import a list exported as JSON</source>
            <translation>Eine als JSON exportierte Liste importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Import list</source>
            <translation>Liste importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Label</source>
            <translation>Bezeichnung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Lists</source>
            <translation>Listen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Make a recommendation list or a tier list, then drag books into it.</source>
            <translation>Erstellen Sie eine Empfehlungsliste oder eine Tier-Liste und ziehen Sie dann Bücher hinein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move &amp;up</source>
            <translation>Nach &amp;oben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move do&amp;wn</source>
            <translation>Nach &amp;unten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move down</source>
            <translation>Nach unten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move up</source>
            <translation>Nach oben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>New list</source>
            <translation>Neue Liste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>New list…</source>
            <translation>Neue Liste…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>No lists yet</source>
            <translation>Noch keine Listen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Not placed yet</source>
            <translation>Noch nicht eingeordnet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Note for {title}</source>
            <translation>Notiz zu „{title}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>PNG images (*.png)</source>
            <translation>PNG-Bilder (*.png)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Recommendation lists and tier lists. Drag books in from Search, Discover or the Audible library.</source>
            <translation>Empfehlungslisten und Tier-Listen. Ziehen Sie Bücher aus „Suche“, „Entdecken“ oder der Audible-Bibliothek hinein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Recommendations</source>
            <translation>Empfehlungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Recommendations (ordered, a note per book)</source>
            <translation>Empfehlungen (geordnet, eine Notiz pro Buch)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Remove tier</source>
            <translation>Stufe entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Rename tier</source>
            <translation>Stufe umbenennen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Rename…</source>
            <translation>Umbenennen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>S&amp;hared with the household</source>
            <translation>Mit dem Haushalt &amp;geteilt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1080×1080 (dark)…</source>
            <translation>1080×1080 speichern (dunkel)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1080×1080 (light)…</source>
            <translation>1080×1080 speichern (hell)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1200×630 (dark)…</source>
            <translation>1200×630 speichern (dunkel)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1200×630 (light)…</source>
            <translation>1200×630 speichern (hell)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save share image</source>
            <translation>Bild zum Teilen speichern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save the list as JSON</source>
            <translation>Liste als JSON speichern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Saved {name}.</source>
            <translation>„{name}“ gespeichert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Select a book in the list first.</source>
            <translation>Wählen Sie zuerst ein Buch in der Liste aus.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Share &amp;image…</source>
            <translation>B&amp;ild teilen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>The share image is on the clipboard.</source>
            <translation>Das Bild zum Teilen liegt in der Zwischenablage.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier a&amp;bove</source>
            <translation>Eine Stufe &amp;höher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier be&amp;low</source>
            <translation>Eine Stufe &amp;tiefer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier colour</source>
            <translation>Farbe der Stufe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier list</source>
            <translation>Tier-Liste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier list (S, A, B, C, D)</source>
            <translation>Tier-Liste (S, A, B, C, D)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier {label}</source>
            <translation>Stufe {label}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Your lists</source>
            <translation>Ihre Listen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>unknown author</source>
            <translation>unbekannter Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>{book} — {note}</source>
            <translation>{book} – {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>{name} is not a list file.</source>
            <translation>„{name}“ ist keine Listendatei.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>{rank}. {title}</source>
            <translation>{rank}. {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>{title} by {author}</source>
            <translation>{title} von {author}</translation>
        </message>
    </context>
    <context>
        <name>LocalApiSettings</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n Tag</numerusform>
                <numerusform>%n Tage</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Done</source>
            <translation>&amp;Fertig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Expires after</source>
            <translation>&amp;Läuft ab nach</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;For</source>
            <translation>&amp;Für</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Listen on</source>
            <translation>&amp;Lauschen auf</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;New token…</source>
            <translation>&amp;Neues Token…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Port</source>
            <translation>&amp;Port</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Start</source>
            <translation>&amp;Starten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Stop</source>
            <translation>&amp;Stoppen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>API tokens</source>
            <translation>API-Tokens</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Anyone on your network can reach the API then. Tokens still guard every call, but the connection is not encrypted: use it only on a network you trust.</source>
            <translation>Dann kann jeder in Ihrem Netzwerk die API erreichen. Tokens schützen weiterhin jeden Aufruf, aber die Verbindung ist nicht verschlüsselt: Nutzen Sie das nur in einem Netzwerk, dem Sie vertrauen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>C&amp;reate</source>
            <translation>&amp;Erstellen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Copied</source>
            <translation>Kopiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Copy the token now: it is shown only this once. Keep it like a password.</source>
            <translation>Kopieren Sie das Token jetzt: Es wird nur dieses eine Mal angezeigt. Bewahren Sie es wie ein Passwort auf.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Every device on the local network</source>
            <translation>Alle Geräte im lokalen Netzwerk</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Expired</source>
            <translation>Abgelaufen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Expires</source>
            <translation>Läuft ab</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Last used</source>
            <translation>Zuletzt benutzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Make a token for each script or device that uses the API; revoke it when it is done.</source>
            <translation>Erstellen Sie ein Token für jedes Skript oder Gerät, das die API nutzt; widerrufen Sie es, wenn es nicht mehr gebraucht wird.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Making the token…</source>
            <translation>Token wird erstellt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Never</source>
            <translation>Nie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>New API token</source>
            <translation>Neues API-Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>No API tokens yet</source>
            <translation>Noch keine API-Tokens</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Not running: {error}</source>
            <translation>Läuft nicht: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Re&amp;voke</source>
            <translation>&amp;Widerrufen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Revoke the token {prefix}… ({name})? Scripts using it stop working at once.</source>
            <translation>Das Token {prefix}… ({name}) widerrufen? Skripte, die es nutzen, funktionieren sofort nicht mehr.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Revoke token</source>
            <translation>Token widerrufen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Revoked</source>
            <translation>Widerrufen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Running at {url}. &lt;a href="{docs}"&gt;API description&lt;/a&gt; · &lt;a href="{page}"&gt;Request from Audible&lt;/a&gt;</source>
            <translation>Läuft unter {url}. &lt;a href="{docs}"&gt;API-Beschreibung&lt;/a&gt; · &lt;a href="{page}"&gt;Von Audible anfragen&lt;/a&gt;</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Scripts, home automation and your browser can request and follow books through a local HTTP API. It is off until you start it; every call needs an API token.</source>
            <translation>Skripte, Hausautomation und Ihr Browser können über eine lokale HTTP-API Bücher anfragen und verfolgen. Sie ist aus, bis Sie sie starten; jeder Aufruf braucht ein API-Token.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Starting the API…</source>
            <translation>API wird gestartet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Stopped.</source>
            <translation>Gestoppt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Stopping the API…</source>
            <translation>API wird gestoppt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>The new token</source>
            <translation>Das neue Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>This computer only</source>
            <translation>Nur dieser Computer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Token</source>
            <translation>Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>User</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>e.g. Home Assistant</source>
            <translation>z. B. Home Assistant</translation>
        </message>
    </context>
    <context>
        <name>LogTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Debug</source>
            <translation>Debug</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Info</source>
            <translation>Info</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Level</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;About {app}</source>
            <translation>Ü&amp;ber {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Documentation</source>
            <translation>&amp;Dokumentation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Find in This Page</source>
            <translation>Auf dieser Seite &amp;suchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Go</source>
            <translation>&amp;Gehe zu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Import from ReadMeABook / AudioBookRequest…</source>
            <translation>Aus ReadMeABook / AudioBookRequest &amp;importieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Tastenkürzel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Refresh This Page</source>
            <translation>Diese Seite &amp;aktualisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Report a Problem…</source>
            <translation>Problem &amp;melden…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Automation</source>
            <translation>Automatik</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Background jobs</source>
            <translation>Hintergrundaufträge</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Choose a page; Ctrl+1 to Ctrl+9 open the first nine</source>
            <translation>Seite wählen; Strg+1 bis Strg+9 öffnen die ersten neun</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Jobs: {running} running, {queued} queued</source>
            <translation>Aufträge: {running} laufen, {queued} wartend</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Jobs: {running} running, {queued} queued, {failed} failed</source>
            <translation>Aufträge: {running} laufen, {queued} wartend, {failed} fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain</source>
            <translation>Schlüsselbund</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: checking…</source>
            <translation>Schlüsselbund: wird geprüft…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: locked</source>
            <translation>Schlüsselbund: gesperrt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: secure</source>
            <translation>Schlüsselbund: sicher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: unavailable</source>
            <translation>Schlüsselbund: nicht verfügbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>No pages are installed in this build.</source>
            <translation>In dieser Version sind keine Seiten installiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Nothing here yet</source>
            <translation>Hier ist noch nichts</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Open &amp;Log Folder</source>
            <translation>&amp;Protokollordner öffnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Opening your library…</source>
            <translation>Ihre Bibliothek wird geöffnet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Pages</source>
            <translation>Seiten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>S&amp;witch User…</source>
            <translation>Benutzer &amp;wechseln…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Search the &amp;Catalog</source>
            <translation>&amp;Katalog durchsuchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Secrets: encrypted file</source>
            <translation>Zugangsdaten: verschlüsselte Datei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Sign &amp;Out</source>
            <translation>A&amp;bmelden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Sign &amp;Out ({name})</source>
            <translation>A&amp;bmelden ({name})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>This takes a moment.</source>
            <translation>Das dauert einen Moment.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{error}
The details are in the log file.</source>
            <translation>{error}
Die Details stehen in der Protokolldatei.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{menu} › {command}</source>
            <translation>{menu} › {command}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/pages_model.py" />
            <source>{page} ({count} waiting)</source>
            <comment>a sidebar page with its badge</comment>
            <translation>{page} ({count} wartend)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{page} could not be opened</source>
            <translation>{page} konnte nicht geöffnet werden</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/maintenance.py" />
            <source>Diagnostic wait</source>
            <translation>Diagnose-Wartezeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/maintenance.py" />
            <source>Diagnostic wait of {seconds} s finished</source>
            <translation>Diagnose-Wartezeit von {seconds} s beendet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/maintenance.py" />
            <source>Prune old job history</source>
            <translation>Alten Auftragsverlauf bereinigen</translation>
        </message>
    </context>
    <context>
        <name>Marketplaces</name>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Australia</source>
            <translation>Australien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Brazil</source>
            <translation>Brasilien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Canada</source>
            <translation>Kanada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>France</source>
            <translation>Frankreich</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Germany</source>
            <translation>Deutschland</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>India</source>
            <translation>Indien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Italy</source>
            <translation>Italien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Japan</source>
            <translation>Japan</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Spain</source>
            <translation>Spanien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>United Kingdom</source>
            <translation>Vereinigtes Königreich</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>United States</source>
            <translation>Vereinigte Staaten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>{marketplace} ({code})</source>
            <translation>{marketplace} ({code})</translation>
        </message>
    </context>
    <context>
        <name>MigrationImport</name>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>'{address}' is not a PostgreSQL address; ReadMeABook keeps its data in PostgreSQL.</source>
            <translation>„{address}“ ist keine PostgreSQL-Adresse; ReadMeABook speichert seine Daten in PostgreSQL.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Audiobooks</source>
            <translation>Hörbücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Audiobookshelf API key</source>
            <translation>Audiobookshelf-API-Schlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Blocked in {app}</source>
            <translation>In {app} gesperrt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Blocked releases</source>
            <translation>Gesperrte Releases</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Brought over from {app}, where it was '{status}'</source>
            <translation>Aus {app} übernommen, dort „{status}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Copy CONFIG_ENCRYPTION_KEY from ReadMeABook's /app/config/.secrets file, or leave the key out and enter the secrets again afterwards.</source>
            <translation>Kopiere CONFIG_ENCRYPTION_KEY aus der Datei /app/config/.secrets von ReadMeABook, oder lass den Schlüssel weg und gib die Zugangsdaten danach neu ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Discover sections</source>
            <translation>Entdecken-Bereiche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Download client passwords</source>
            <translation>Passwörter der Download-Clients</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Download history</source>
            <translation>Download-Verlauf</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>Give the DATABASE_URL of ReadMeABook, e.g. postgresql://USER:PASSWORD@HOST:5432/readmeabook.</source>
            <translation>Gib die DATABASE_URL von ReadMeABook an, z. B. postgresql://USER:PASSWORD@HOST:5432/readmeabook.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>Give the address of the database ReadMeABook uses (DATABASE_URL in its container).</source>
            <translation>Gib die Adresse der Datenbank an, die ReadMeABook nutzt (DATABASE_URL in seinem Container).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>Give the path of AudioBookRequest's database file (db.sqlite in its config folder).</source>
            <translation>Gib den Pfad der Datenbankdatei von AudioBookRequest an (db.sqlite in seinem Konfigurationsordner).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Hardcover token of the shelf {name}</source>
            <translation>Hardcover-Token des Regals {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Notification target {name}</source>
            <translation>Benachrichtigungsziel {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Notification targets</source>
            <translation>Benachrichtigungsziele</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Password of user {name}</source>
            <translation>Passwort von Benutzer {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Plex token</source>
            <translation>Plex-Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Prowlarr API key</source>
            <translation>Prowlarr-API-Schlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Reading shelves</source>
            <translation>Leseregale</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Settings, Notifications: add it again</source>
            <translation>Einstellungen, Benachrichtigungen: neu hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Settings: set up this connection again</source>
            <translation>Einstellungen: diese Verbindung neu einrichten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Shelves page: add the Hardcover shelf again with the token</source>
            <translation>Seite Regale: das Hardcover-Regal mit dem Token neu hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>The database {address} is not a ReadMeABook database (it has no {tables} table).</source>
            <translation>Die Datenbank {address} ist keine ReadMeABook-Datenbank (ihr fehlt die Tabelle {tables}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>The key does not open ReadMeABook's secrets.</source>
            <translation>Der Schlüssel öffnet die Zugangsdaten von ReadMeABook nicht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>The request names no book or no user.</source>
            <translation>Die Anfrage nennt kein Buch oder keinen Benutzer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>The table {table} is missing; nothing of it comes over.</source>
            <translation>Die Tabelle {table} fehlt; nichts daraus wird übernommen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>The user signs in once and sets a new one</source>
            <translation>Der Benutzer meldet sich einmal an und legt ein neues fest</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Users</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Watched authors and series</source>
            <translation>Beobachtete Autoren und Reihen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>a second user called '{name}': merged with the first</source>
            <translation>ein zweiter Benutzer namens „{name}“: mit dem ersten zusammengeführt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>backends of type '{kind}' have no counterpart here</source>
            <translation>Ziele vom Typ „{kind}“ haben hier kein Gegenstück</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>deleted in ReadMeABook</source>
            <translation>in ReadMeABook gelöscht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>events with no counterpart left out: {events}</source>
            <translation>Ereignisse ohne Gegenstück weggelassen: {events}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no Audible ASIN</source>
            <translation>es hat keine Audible-ASIN</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no Audible ASIN, so it cannot be matched to a book</source>
            <translation>es hat keine Audible-ASIN und lässt sich daher keinem Buch zuordnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no address</source>
            <translation>es hat keine Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no title</source>
            <translation>es hat keinen Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it names no Audible book; request the book again by searching for it</source>
            <translation>sie nennt kein Audible-Buch; suche das Buch und frage es neu an</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it was '{status}' in {app}; it will be searched again</source>
            <translation>sie war in {app} „{status}“; sie wird erneut gesucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it was deleted in {app}</source>
            <translation>sie wurde in {app} gelöscht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its book was not brought over</source>
            <translation>sein Buch wurde nicht übernommen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its request was not brought over</source>
            <translation>seine Anfrage wurde nicht übernommen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its secret needs ReadMeABook's key; enter it again</source>
            <translation>sein Geheimnis braucht den Schlüssel von ReadMeABook; gib es neu ein</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its user was not brought over</source>
            <translation>sein Benutzer wurde nicht übernommen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its user was not brought over; it is kept without a user</source>
            <translation>ihr Benutzer wurde nicht übernommen; sie bleibt ohne Benutzer erhalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>merged with the user '{name}' already here</source>
            <translation>mit dem vorhandenen Benutzer „{name}“ zusammengeführt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>merged with your own account on this computer</source>
            <translation>mit deinem eigenen Konto auf diesem Computer zusammengeführt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>sign-up not approved in ReadMeABook</source>
            <translation>Registrierung in ReadMeABook nicht genehmigt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the Apprise backend has neither URLs nor a server with a configuration key</source>
            <translation>das Apprise-Ziel hat weder URLs noch einen Server mit Konfigurationsschlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the Discord webhook address is not a webhook address</source>
            <translation>die Discord-Webhook-Adresse ist keine Webhook-Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the Pushover backend lacks its user key or app token</source>
            <translation>dem Pushover-Ziel fehlt der Benutzerschlüssel oder das App-Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>the category section names no category</source>
            <translation>der Kategoriebereich nennt keine Kategorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the ntfy backend names no topic</source>
            <translation>das ntfy-Ziel nennt kein Thema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>the user name '{name}' is shorter than 3 characters</source>
            <translation>der Benutzername „{name}“ ist kürzer als 3 Zeichen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>unknown kind of section '{kind}'</source>
            <translation>unbekannte Bereichsart „{kind}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>unknown status '{status}'; it needs a look</source>
            <translation>unbekannter Status „{status}“; bitte prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>{app} kept no hash or id of this release</source>
            <translation>{app} hat von diesem Release keinen Hash und keine ID behalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>{app} kept no link, hash or id of this release</source>
            <translation>{app} hat von diesem Release keinen Link, Hash und keine ID behalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>{app} sends its own message body to this address; add it again as an Apprise URL</source>
            <translation>{app} sendet an diese Adresse einen eigenen Nachrichtentext; füge sie als Apprise-URL neu hinzu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>{path} is not a file.</source>
            <translation>{path} ist keine Datei.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>{path} is not an AudioBookRequest database (it has no {tables} table).</source>
            <translation>{path} ist keine AudioBookRequest-Datenbank (ihr fehlt die Tabelle {tables}).</translation>
        </message>
    </context>
    <context>
        <name>MigrationImportDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>%n secret is encrypted: without the key it is listed to enter again.</source>
            <translation>
                <numerusform>%n Geheimnis ist verschlüsselt: ohne den Schlüssel wird es zur erneuten Eingabe aufgelistet.</numerusform>
                <numerusform>%n Geheimnisse sind verschlüsselt: ohne den Schlüssel werden sie zur erneuten Eingabe aufgelistet.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Added</source>
            <translation>Hinzugefügt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Already here</source>
            <translation>Schon vorhanden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>AudioBookRequest (database file)</source>
            <translation>AudioBookRequest (Datenbankdatei)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>AudioBookRequest database</source>
            <translation>AudioBookRequest-Datenbank</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Bring users, requests, books, history, shelves and notification targets over from ReadMeABook or AudioBookRequest. Their database is only read; importing again later brings over only what is new.</source>
            <translation>Übernimm Benutzer, Anfragen, Bücher, Verlauf, Regale und Benachrichtigungsziele aus ReadMeABook oder AudioBookRequest. Deren Datenbank wird nur gelesen; ein späterer erneuter Import übernimmt nur Neues.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Bringing everything over…</source>
            <translation>Alles wird übernommen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Bringing over {item}</source>
            <translation>Übernehme {item}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Brought over with changes</source>
            <translation>Mit Änderungen übernommen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>CONFIG_ENCRYPTION_KEY (optional)</source>
            <translation>CONFIG_ENCRYPTION_KEY (optional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Database</source>
            <translation>Datenbank</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Database address</source>
            <translation>Datenbankadresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Database file</source>
            <translation>Datenbankdatei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Done. Nothing was new: everything came over before.</source>
            <translation>Fertig. Nichts war neu: alles wurde schon früher übernommen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Done. What could not come over, and what to enter again, is listed below.</source>
            <translation>Fertig. Was nicht übernommen werden konnte und was neu einzugeben ist, steht unten.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Encryption key</source>
            <translation>Verschlüsselungsschlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Everything came over as it was.</source>
            <translation>Alles wurde unverändert übernommen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Everything can be read. Press Import to bring it over.</source>
            <translation>Alles ist lesbar. Klicke auf Importieren, um es zu übernehmen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>For example</source>
            <translation>Zum Beispiel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Found</source>
            <translation>Gefunden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Give the database first.</source>
            <translation>Gib zuerst die Datenbank an.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Give the database, then press Preview.</source>
            <translation>Gib die Datenbank an und klicke dann auf Vorschau.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Import from</source>
            <translation>Importieren aus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Import from ReadMeABook / AudioBookRequest</source>
            <translation>Aus ReadMeABook / AudioBookRequest importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Not brought over</source>
            <translation>Nicht übernommen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>ReadMeABook (PostgreSQL database)</source>
            <translation>ReadMeABook (PostgreSQL-Datenbank)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Reading the database…</source>
            <translation>Datenbank wird gelesen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Report</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
            <translation>SQLite-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Stop</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Stopped. What came over is kept; import again to bring over the rest.</source>
            <translation>Angehalten. Bereits Übernommenes bleibt; importiere erneut, um den Rest zu übernehmen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Stopping…</source>
            <translation>Wird angehalten…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>To enter again</source>
            <translation>Neu einzugeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>What comes over</source>
            <translation>Was übernommen wird</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>With ReadMeABook's key its secrets (notification targets, Hardcover tokens) come over; without it they are listed to enter again.</source>
            <translation>Mit dem Schlüssel von ReadMeABook werden seine Zugangsdaten (Benachrichtigungsziele, Hardcover-Tokens) übernommen; ohne ihn werden sie zur erneuten Eingabe aufgelistet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>{kind}: {reason}</source>
            <translation>{kind}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>NotificationDelivery</name>
        <message>
            <location filename="../../rmab_desktop/services/notifications/service.py" />
            <source>'{name}' is disabled; not sent.</source>
            <translation>„{name}“ ist deaktiviert; nicht gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>(invalid URL)</source>
            <translation>(ungültige URL)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Apprise does not recognise this notification URL.</source>
            <translation>Apprise erkennt diese Benachrichtigungs-URL nicht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Check the URL (host, token, topic) and that the service is reachable; the app retries automatically.</source>
            <translation>Prüfen Sie die URL (Host, Token, Thema) und ob der Dienst erreichbar ist; die App versucht es automatisch erneut.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Could not deliver to {target}: no answer, timed out after %n second(s).</source>
            <translation>
                <numerusform>Zustellung an {target} nicht möglich: keine Antwort, Zeitüberschreitung nach %n Sekunde.</numerusform>
                <numerusform>Zustellung an {target} nicht möglich: keine Antwort, Zeitüberschreitung nach %n Sekunden.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Could not deliver to {target}: {reason}</source>
            <translation>Zustellung an {target} nicht möglich: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/service.py" />
            <source>Sent '{title}' to {name}</source>
            <translation>„{title}“ an {name} gesendet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/service.py" />
            <source>The notification backend was deleted; nothing to send.</source>
            <translation>Der Benachrichtigungsdienst wurde gelöscht; es wird nichts gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>The notification service accepted the connection but did not answer. Check that it is running and not overloaded; the app retries automatically.</source>
            <translation>Der Benachrichtigungsdienst hat die Verbindung angenommen, aber nicht geantwortet. Prüfen Sie, ob er läuft und nicht überlastet ist; die App versucht es automatisch erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Use an Apprise URL such as discord://webhook_id/webhook_token, ntfys://topic, pover://user@token, mailtos://user:password@example.com, json://host/path or form://host/path.</source>
            <translation>Verwenden Sie eine Apprise-URL wie discord://webhook_id/webhook_token, ntfys://topic, pover://user@token, mailtos://user:password@example.com, json://host/path oder form://host/path.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>the service did not accept it</source>
            <translation>der Dienst hat sie nicht angenommen</translation>
        </message>
    </context>
    <context>
        <name>NotificationEvents</name>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Available in the library</source>
            <translation>In der Bibliothek verfügbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Awaiting approval</source>
            <translation>Wartet auf Freigabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Grabbed / downloading</source>
            <translation>Geholt / wird geladen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Issue reported</source>
            <translation>Problem gemeldet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>New book of a watched author or series</source>
            <translation>Neues Buch eines beobachteten Autors oder einer Reihe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request approved</source>
            <translation>Anfrage freigegeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request created</source>
            <translation>Anfrage erstellt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request denied</source>
            <translation>Anfrage abgelehnt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Service down</source>
            <translation>Dienst ausgefallen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Service recovered</source>
            <translation>Dienst wieder erreichbar</translation>
        </message>
    </context>
    <context>
        <name>NotificationJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/notifications/__init__.py" />
            <source>Send notification</source>
            <translation>Benachrichtigung senden</translation>
        </message>
    </context>
    <context>
        <name>NotificationSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Add…</source>
            <translation>&amp;Hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Edit…</source>
            <translation>&amp;Bearbeiten…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Enabled</source>
            <translation>&amp;Aktiviert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Add notification</source>
            <translation>Benachrichtigung hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Apprise &amp;URL</source>
            <translation>Apprise-&amp;URL</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Each URL is kept in the household's shared secrets, encrypted.</source>
            <translation>Jede URL wird verschlüsselt in den gemeinsamen Zugangsdaten des Haushalts aufbewahrt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Each URL is kept in your encrypted secrets file.</source>
            <translation>Jede URL wird in Ihrer verschlüsselten Datei mit Zugangsdaten aufbewahrt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Each URL is kept in your system keychain.</source>
            <translation>Jede URL wird im Schlüsselbund Ihres Systems aufbewahrt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Edit notification</source>
            <translation>Benachrichtigung bearbeiten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Enter an Apprise URL first.</source>
            <translation>Geben Sie zuerst eine Apprise-URL ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Events</source>
            <translation>Ereignisse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Leave empty to keep the saved URL</source>
            <translation>Leer lassen, um die gespeicherte URL zu behalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>No URL can be saved until this computer has the household key (Settings &gt; Household key).</source>
            <translation>Es kann keine URL gespeichert werden, bis dieser Computer den Haushaltsschlüssel hat (Einstellungen &gt; Haushaltsschlüssel).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>No URL can be saved until you choose a passphrase for an encrypted secrets file (Settings &gt; General).</source>
            <translation>Es kann keine URL gespeichert werden, bis Sie eine Passphrase für eine verschlüsselte Datei mit Zugangsdaten wählen (Einstellungen &gt; Allgemein).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>No URL can be saved until you unlock your keychain or secrets file (Settings &gt; General).</source>
            <translation>Es kann keine URL gespeichert werden, bis Sie Ihren Schlüsselbund oder Ihre Datei mit Zugangsdaten entsperren (Einstellungen &gt; Allgemein).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Notification targets</source>
            <translation>Benachrichtigungsziele</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Notify about</source>
            <translation>Benachrichtigen bei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>On</source>
            <translation>Ein</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Remove '{name}' and its saved URL from the keychain?</source>
            <translation>„{name}“ und die gespeicherte URL aus dem Schlüsselbund entfernen?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Remove notification</source>
            <translation>Benachrichtigung entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>S&amp;how</source>
            <translation>An&amp;zeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Saved URL</source>
            <translation>Gespeicherte URL</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Saved: {url}</source>
            <translation>Gespeichert: {url}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Send &amp;test</source>
            <translation>&amp;Test senden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Send notifications to Discord, Slack, Telegram, ntfy, Gotify, Pushover, email or any webhook through &lt;a href="{wiki}"&gt;Apprise URLs&lt;/a&gt;. {place}</source>
            <translation>Senden Sie Benachrichtigungen an Discord, Slack, Telegram, ntfy, Gotify, Pushover, E-Mail oder jeden Webhook über &lt;a href="{wiki}"&gt;Apprise-URLs&lt;/a&gt;. {place}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Sending a test notification…</source>
            <translation>Testbenachrichtigung wird gesendet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Sending a test to {name}…</source>
            <translation>Test an {name} wird gesendet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Show the URL</source>
            <translation>URL anzeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>e.g. Family Discord</source>
            <translation>z. B. Familien-Discord</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>e.g. discord://webhook_id/token, ntfys://my-topic, tgram://bot_token/chat_id, json://host/path</source>
            <translation>z. B. discord://webhook_id/token, ntfys://my-topic, tgram://bot_token/chat_id, json://host/path</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message>
            <location filename="../../rmab_desktop/services/notifications/events.py" />
            <source>Reference: {ref}</source>
            <comment>a notification's correlation id</comment>
            <translation>Referenz: {ref}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/events.py" />
            <source>{title} by {author}</source>
            <translation>{title} von {author}</translation>
        </message>
    </context>
    <context>
        <name>Organize</name>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Added to Calibre: {report}</source>
            <translation>Zu Calibre hinzugefügt: {report}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Category not changed: {error}</source>
            <translation>Kategorie nicht geändert: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Choose it in Settings &gt; Library.</source>
            <translation>Wählen Sie ihn unter Einstellungen &gt; Bibliothek.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Download moved to category “{category}”</source>
            <translation>Download in die Kategorie „{category}“ verschoben</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Import failed after %n attempt(s): {error}</source>
            <translation>
                <numerusform>Import nach %n Versuch fehlgeschlagen: {error}</numerusform>
                <numerusform>Import nach %n Versuchen fehlgeschlagen: {error}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Import stopped: {error}</source>
            <translation>Import abgebrochen: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Library server not refreshed: {error}</source>
            <translation>Bibliotheksserver nicht aktualisiert: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>No library folder is set</source>
            <translation>Kein Bibliotheksordner festgelegt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Not added to Calibre: {error}</source>
            <translation>Nicht zu Calibre hinzugefügt: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Organizing {source} into {library}</source>
            <translation>{source} wird in {library} einsortiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Retry the download.</source>
            <translation>Wiederholen Sie den Download.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>The import into {path} was completed at start-up</source>
            <translation>Der Import nach {path} wurde beim Start abgeschlossen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>The job does not say where the download is</source>
            <translation>Der Auftrag gibt nicht an, wo der Download liegt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Wrong book downloaded ({reason}); release blocklisted, searching again</source>
            <translation>Falsches Buch heruntergeladen ({reason}); Release gesperrt, es wird erneut gesucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Wrong content: {reason}</source>
            <translation>Falscher Inhalt: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>done</source>
            <translation>erledigt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>“{title}” is now in the library at {path}</source>
            <translation>„{title}“ ist jetzt in der Bibliothek unter {path}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>“{title}” was already in the library at {path}</source>
            <translation>„{title}“ war bereits in der Bibliothek unter {path}</translation>
        </message>
    </context>
    <context>
        <name>OrganizeErrors</name>
        <message>
            <location filename="../../rmab_desktop/services/organize/safe_names.py" />
            <source>'{relative}' is not a relative path inside the library</source>
            <translation>„{relative}“ ist kein relativer Pfad innerhalb der Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/safe_names.py" />
            <source>'{relative}' would leave the library folder {base}</source>
            <translation>„{relative}“ würde den Bibliotheksordner {base} verlassen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '&lt;' has no closing '&gt;'</source>
            <translation>Zu einem „&lt;“ fehlt das schließende „&gt;“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '&gt;' has no opening '&lt;'</source>
            <translation>Zu einem „&gt;“ fehlt das öffnende „&lt;“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '{{' has no closing '}}'</source>
            <translation>Zu einem „{{“ fehlt das schließende „}}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '}}' has no opening '{{' (write '}}}}' for a literal brace)</source>
            <translation>Zu einem „}}“ fehlt das öffnende „{{“ (schreiben Sie „}}}}“ für eine wörtliche Klammer)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>A file has no readable duration; chapters were not merged</source>
            <translation>Eine Datei hat keine lesbare Dauer; Kapitel wurden nicht zusammengeführt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>An optional block &lt;...&gt; must contain a token</source>
            <translation>Ein optionaler Block &lt;...&gt; muss einen Platzhalter enthalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Another book already uses this folder. Move or rename it, or change the path template.</source>
            <translation>Ein anderes Buch nutzt diesen Ordner bereits. Verschieben oder benennen Sie ihn um, oder ändern Sie die Pfadvorlage.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>Calibre's calibredb program was not found.</source>
            <translation>Das Programm calibredb von Calibre wurde nicht gefunden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/writing.py" />
            <source>Cannot tag {name}: {ext} files are not supported</source>
            <translation>{name} kann nicht getaggt werden: {ext}-Dateien werden nicht unterstützt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/writing.py" />
            <source>Cannot tag {name}: {reason}</source>
            <translation>{name} kann nicht getaggt werden: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/ebooks.py" />
            <source>Cannot write metadata into {name}: {reason}</source>
            <translation>Metadaten können nicht in {name} geschrieben werden: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>Chapter merge cancelled</source>
            <translation>Zusammenführen der Kapitel abgebrochen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>Chapter merge failed: {reason}</source>
            <translation>Zusammenführen der Kapitel fehlgeschlagen: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Choose it in Settings &gt; Library.</source>
            <translation>Wählen Sie ihn unter Einstellungen &gt; Bibliothek.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Copy of {name} does not match the original (disk error?)</source>
            <translation>Die Kopie von {name} stimmt nicht mit dem Original überein (Datenträgerfehler?)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Copy of {name} has the wrong size</source>
            <translation>Die Kopie von {name} hat die falsche Größe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Free some space in the library folder and import again; the download is untouched.</source>
            <translation>Geben Sie im Bibliotheksordner Speicherplatz frei und importieren Sie erneut; der Download bleibt unverändert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Hard link check failed for {name}</source>
            <translation>Prüfung des Hardlinks für {name} fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>Install Calibre, or enter the path of calibredb in Settings &gt; Ebooks.</source>
            <translation>Installieren Sie Calibre oder geben Sie den Pfad zu calibredb unter Einstellungen &gt; E-Books ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Library folder {library_root} does not exist</source>
            <translation>Der Bibliotheksordner {library_root} existiert nicht</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Merged %n file(s) into one M4B; chapters: {chapters}</source>
            <translation>
                <numerusform>%n Datei zu einer M4B zusammengeführt; Kapitel: {chapters}</numerusform>
                <numerusform>%n Dateien zu einer M4B zusammengeführt; Kapitel: {chapters}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>No audio files in {source}</source>
            <translation>Keine Audiodateien in {source}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/ebooks.py" />
            <source>No ebook files in {source}</source>
            <translation>Keine E-Book-Dateien in {source}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Nothing was changed in the library. Check the message, then retry the import.</source>
            <translation>In der Bibliothek wurde nichts geändert. Prüfen Sie die Meldung und wiederholen Sie dann den Import.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>Optional blocks &lt;...&gt; cannot be nested</source>
            <translation>Optionale Blöcke &lt;...&gt; können nicht verschachtelt werden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Source file {source} is missing</source>
            <translation>Die Quelldatei {source} fehlt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Tags not embedded: the files are hard links, and tagging would change the seeding copy</source>
            <translation>Tags nicht eingebettet: Die Dateien sind Hardlinks, und das Taggen würde die Kopie ändern, die geseedet wird</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>The download folder was moved or deleted. Check the download client, then retry.</source>
            <translation>Der Download-Ordner wurde verschoben oder gelöscht. Prüfen Sie den Download-Client und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>The download holds no audio files (wrong content, or an archive that was not unpacked).</source>
            <translation>Der Download enthält keine Audiodateien (falscher Inhalt oder ein nicht entpacktes Archiv).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/ebooks.py" />
            <source>The download holds no ebook file (EPUB, AZW3, MOBI or PDF): wrong content, or an archive.</source>
            <translation>Der Download enthält keine E-Book-Datei (EPUB, AZW3, MOBI oder PDF): falscher Inhalt oder ein Archiv.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>The ebook is in the library; check Settings &gt; Ebooks &gt; Calibre, then test it there.</source>
            <translation>Das E-Book ist in der Bibliothek; prüfen Sie Einstellungen &gt; E-Books &gt; Calibre und testen Sie es dort.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/writing.py" />
            <source>The file may be damaged or not the format its extension says; it was imported untagged.</source>
            <translation>Die Datei ist möglicherweise beschädigt oder nicht im Format, das ihre Endung angibt; sie wurde ohne Tags importiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>The library disk is full: {target_rel} was not imported.</source>
            <translation>Der Datenträger der Bibliothek ist voll: {target_rel} wurde nicht importiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>The separate files were imported instead.</source>
            <translation>Stattdessen wurden die einzelnen Dateien importiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template is empty</source>
            <translation>Die Vorlage ist leer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template must be a relative path (no leading '/' or drive letter)</source>
            <translation>Die Vorlage muss ein relativer Pfad sein (ohne führendes „/“ oder Laufwerksbuchstaben)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template must contain {{title}} so every book gets its own folder</source>
            <translation>Die Vorlage muss {{title}} enthalten, damit jedes Buch einen eigenen Ordner bekommt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template produced an empty path</source>
            <translation>Die Vorlage hat einen leeren Pfad ergeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Unknown import mode '{mode}' (use copy, hardlink or move)</source>
            <translation>Unbekannter Importmodus „{mode}“ (verwenden Sie copy, hardlink oder move)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>Unknown token {{{token}}}; known: {items}</source>
            <translation>Unbekannter Platzhalter {{{token}}}; bekannt: {items}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>Use tokens like {author} and {title}, '/' between folders and &lt;...&gt; around optional parts.</source>
            <translation>Verwenden Sie Platzhalter wie {author} und {title}, „/“ zwischen Ordnern und &lt;...&gt; um optionale Teile.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>calibredb could not run: {reason}</source>
            <translation>calibredb konnte nicht ausgeführt werden: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>calibredb failed: {reason}</source>
            <translation>calibredb ist fehlgeschlagen: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>ffmpeg failed: {reason}</source>
            <translation>ffmpeg ist fehlgeschlagen: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>ffmpeg is not installed, so chapters cannot be merged</source>
            <translation>ffmpeg ist nicht installiert, daher können Kapitel nicht zusammengeführt werden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>ffmpeg took too long</source>
            <translation>ffmpeg hat zu lange gebraucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{destination} appeared in the library meanwhile</source>
            <translation>{destination} ist inzwischen in der Bibliothek aufgetaucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{file}: a hard link is impossible ({reason}); copied instead</source>
            <translation>{file}: Ein Hardlink ist nicht möglich ({reason}); stattdessen kopiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>{file}: empty file skipped</source>
            <translation>{file}: leere Datei übersprungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>{file}: sample skipped</source>
            <translation>{file}: Hörprobe übersprungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>{source} does not exist</source>
            <translation>{source} existiert nicht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{target_rel} already exists in the library with other files</source>
            <translation>{target_rel} existiert bereits mit anderen Dateien in der Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{target_rel} already holds {what}</source>
            <translation>{target_rel} enthält bereits {what}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{target_rel} appeared in the library meanwhile</source>
            <translation>{target_rel} ist inzwischen in der Bibliothek aufgetaucht</translation>
        </message>
    </context>
    <context>
        <name>OrganizeJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/organize/__init__.py" />
            <source>Organize and import a download</source>
            <translation>Download einsortieren und importieren</translation>
        </message>
    </context>
    <context>
        <name>OrganizeSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>&amp;Default</source>
            <translation>&amp;Standard</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>&amp;Files</source>
            <translation>&amp;Dateien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Book folders</source>
            <translation>Buchordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Copy (keeps the download for seeding)</source>
            <translation>Kopieren (Download bleibt zum Seeden erhalten)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Folder template</source>
            <translation>Ordnervorlage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Hard link (no extra space; same drive; tags not embedded)</source>
            <translation>Harter Link (kein Zusatzplatz; gleiches Laufwerk; Tags nicht eingebettet)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Importing</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Install ffmpeg to merge chapters.</source>
            <translation>Installieren Sie ffmpeg, um Kapitel zusammenzuführen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>M&amp;erge multi-file books into one M4B with chapters</source>
            <translation>Mehrteilige Bücher zu einer M4B mit Kapiteln &amp;zusammenführen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Merge multi-file books into one M4B with chapters (needs ffmpeg, not found)</source>
            <translation>Mehrteilige Bücher zu einer M4B mit Kapiteln zusammenführen (benötigt ffmpeg, nicht gefunden)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Move (the download folder is emptied)</source>
            <translation>Verschieben (der Download-Ordner wird geleert)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Preview:</source>
            <translation>Vorschau:</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Put the default folder template back</source>
            <translation>Standard-Ordnervorlage wiederherstellen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Tokens: {tokens}. Put optional parts in &lt;…&gt;: they vanish when a token inside is empty. '/' separates folders; write {open} and {close} for literal braces.</source>
            <translation>Platzhalter: {tokens}. Optionale Teile in &lt;…&gt; setzen: Sie entfallen, wenn ein Platzhalter darin leer ist. „/“ trennt Ordner; für wörtliche geschweifte Klammern {open} und {close} schreiben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Write &amp;metadata.json, desc.txt and reader.txt (Audiobookshelf)</source>
            <translation>&amp;metadata.json, desc.txt und reader.txt schreiben (Audiobookshelf)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Write &amp;tags and the cover into the audio files (Plex, Audiobookshelf)</source>
            <translation>&amp;Tags und Cover in die Audiodateien schreiben (Plex, Audiobookshelf)</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Activity</source>
            <translation>Aktivität</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Approvals</source>
            <translation>Freigaben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Audible library</source>
            <translation>Audible-Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Blocklist</source>
            <translation>Sperrliste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>BookDate</source>
            <translation>BookDate</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Discover</source>
            <translation>Entdecken</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Library</source>
            <translation>Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Lists</source>
            <translation>Listen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Reading shelves</source>
            <translation>Leseregale</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Reported problems</source>
            <translation>Gemeldete Probleme</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Search</source>
            <translation>Suche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Service status</source>
            <translation>Dienststatus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Upcoming</source>
            <translation>Demnächst</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Users</source>
            <translation>Benutzer</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Waiting for an administrator: %n reported problem(s).</source>
            <translation>
                <numerusform>Wartet auf einen Administrator: %n gemeldetes Problem.</numerusform>
                <numerusform>Warten auf einen Administrator: %n gemeldete Probleme.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Waiting for your approval: %n request(s).</source>
            <translation>
                <numerusform>Wartet auf Ihre Freigabe: %n Anfrage.</numerusform>
                <numerusform>Warten auf Ihre Freigabe: %n Anfragen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Watching</source>
            <translation>Beobachtet</translation>
        </message>
    </context>
    <context>
        <name>Pipeline</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n Ergebnis</numerusform>
                <numerusform>%n Ergebnisse</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Blocklisted “{release}”: {reason}</source>
            <translation>„{release}“ gesperrt: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Check the path mapping of the download client in Settings.</source>
            <translation>Prüfen Sie die Pfadzuordnung des Download-Clients in den Einstellungen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not be grabbed: {error}</source>
            <translation>Konnte nicht geholt werden: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not hand the release over: {error}</source>
            <translation>Das Release konnte nicht übergeben werden: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not remove the download: {error}</source>
            <translation>Der Download konnte nicht entfernt werden: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not remove the failed download: {error}</source>
            <translation>Der fehlgeschlagene Download konnte nicht entfernt werden: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Download client unreachable: {error}</source>
            <translation>Download-Client nicht erreichbar: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Download failed ({reason}) and no other release is left</source>
            <translation>Download fehlgeschlagen ({reason}) und kein anderes Release mehr übrig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Download failed ({reason}); trying the next release</source>
            <translation>Download fehlgeschlagen ({reason}); das nächste Release wird versucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Downloaded to {folder}; organizing</source>
            <translation>Heruntergeladen nach {folder}; wird einsortiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Downloaded {percent}</source>
            <translation>{percent} heruntergeladen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Downloaded, but {folder} is not visible on this computer</source>
            <translation>Heruntergeladen, aber {folder} ist auf diesem Computer nicht sichtbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Every candidate release failed</source>
            <translation>Alle infrage kommenden Releases sind fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Finished; waiting for its folder to appear here</source>
            <translation>Fertig; wartet darauf, dass sein Ordner hier erscheint</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Finished; waiting for {folder} to appear here</source>
            <translation>Fertig; wartet darauf, dass {folder} hier erscheint</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grab limit reached ({reason})</source>
            <translation>Tageslimit fürs Holen erreicht ({reason})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grab skipped: the request is {status}</source>
            <translation>Holen übersprungen: Die Anfrage hat den Status „{status}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grabbed “{release}” from {indexer} with {client}</source>
            <translation>„{release}“ von {indexer} mit {client} geholt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grabbed “{release}” with {client}</source>
            <translation>„{release}“ mit {client} geholt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Interactive search: “{release}” chosen by the user</source>
            <translation>Interaktive Suche: „{release}“ vom Benutzer gewählt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>No acceptable release found</source>
            <translation>Kein akzeptables Release gefunden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Not finished after {hours} h</source>
            <translation>Nach {hours} Std. nicht fertig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Not grabbed now: {error}</source>
            <translation>Jetzt nicht geholt: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Replaced by the user</source>
            <translation>Vom Benutzer ersetzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Search failed: {error}</source>
            <translation>Suche fehlgeschlagen: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Search skipped: the request is {status}</source>
            <translation>Suche übersprungen: Die Anfrage hat den Status „{status}“</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Searching again for %n waiting request(s)</source>
            <translation>
                <numerusform>Erneute Suche für %n wartende Anfrage</numerusform>
                <numerusform>Erneute Suche für %n wartende Anfragen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Searching indexers</source>
            <translation>Indexer werden durchsucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Stalled: no progress for {minutes} min ({state})</source>
            <translation>Stillstand: seit {minutes} Min. kein Fortschritt ({state})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Stopped monitoring: {reason}; the download was removed</source>
            <translation>Überwachung beendet: {reason}; der Download wurde entfernt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>The client reports a failure</source>
            <translation>Der Client meldet einen Fehler</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>The download client stayed unreachable for {minutes} min: {error}</source>
            <translation>Der Download-Client war {minutes} Min. lang nicht erreichbar: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>The download disappeared from the client ({client})</source>
            <translation>Der Download ist aus dem Client verschwunden ({client})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>the request is {status}</source>
            <translation>die Anfrage hat den Status „{status}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>the request was deleted</source>
            <translation>die Anfrage wurde gelöscht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>{reason}; searching again after {time} UTC</source>
            <translation>{reason}; erneute Suche nach {time} UTC</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>{results}, {accepted} accepted, {blocked} blocklisted</source>
            <translation>{results}, {accepted} akzeptiert, {blocked} gesperrt</translation>
        </message>
    </context>
    <context>
        <name>PipelineJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Clean up seeded downloads</source>
            <translation>Fertig geseedete Downloads aufräumen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Grab a release</source>
            <translation>Release holen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Monitor a download</source>
            <translation>Download überwachen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Retry missing searches</source>
            <translation>Fehlende Suchen wiederholen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Search for a request</source>
            <translation>Anfrage suchen</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>%n release(s) blocked for this book.</source>
            <translation>
                <numerusform>%n Release für dieses Buch gesperrt.</numerusform>
                <numerusform>%n Releases für dieses Buch gesperrt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>&amp;Dismiss</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>&amp;Replace</source>
            <translation>&amp;Ersetzen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Answer: {note}</source>
            <translation>Antwort: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Block this release for the book, remove the files the app imported and search again</source>
            <translation>Dieses Release für das Buch sperren, die von der App importierten Dateien entfernen und neu suchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Book</source>
            <translation>Buch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Books someone said are wrong: replace them with another release, or dismiss the report.</source>
            <translation>Bücher, die jemand als fehlerhaft gemeldet hat: durch ein anderes Release ersetzen oder den Problembericht verwerfen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Close the report; the book stays as it is</source>
            <translation>Den Problembericht schließen; das Buch bleibt, wie es ist</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Kept %n file(s) the app did not import.</source>
            <translation>
                <numerusform>%n nicht von der App importierte Datei wurde behalten.</numerusform>
                <numerusform>%n nicht von der App importierte Dateien wurden behalten.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Like Replace, but you choose the new release yourself</source>
            <translation>Wie „Ersetzen“, aber Sie wählen das neue Release selbst</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>No problems reported</source>
            <translation>Keine Probleme gemeldet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Note for the reporter</source>
            <translation>Notiz für die meldende Person</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Note for the reporter (optional)</source>
            <translation>Notiz für die meldende Person (optional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Note: {note}</source>
            <translation>Notiz: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Pick the new release in the search window.</source>
            <translation>Wählen Sie das neue Release im Suchfenster.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Removed %n file(s) the app had imported.</source>
            <translation>
                <numerusform>%n von der App importierte Datei wurde entfernt.</numerusform>
                <numerusform>%n von der App importierte Dateien wurden entfernt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Replace and &amp;pick…</source>
            <translation>Ersetzen und &amp;wählen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Replacing…</source>
            <translation>Wird ersetzt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Report dismissed.</source>
            <translation>Problembericht verworfen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Reported</source>
            <translation>Gemeldet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Reported by</source>
            <translation>Gemeldet von</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Reported problems</source>
            <translation>Gemeldete Probleme</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Result of the last action</source>
            <translation>Ergebnis der letzten Aktion</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Searching again for the same request.</source>
            <translation>Für dieselbe Anfrage wird neu gesucht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Select a report to see it.</source>
            <translation>Wählen Sie einen Problembericht aus, um ihn zu sehen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Something wrong with a book? Select it on the Library or Requests page and report it.</source>
            <translation>Stimmt etwas mit einem Buch nicht? Wählen Sie es auf der Seite „Bibliothek“ oder „Anfragen“ aus und melden Sie es.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>The selected report</source>
            <translation>Der ausgewählte Problembericht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>When someone reports a wrong book, bad audio or the wrong edition from the Library or Requests page, the report waits here and the administrators are notified.</source>
            <translation>Meldet jemand auf der Seite „Bibliothek“ oder „Anfragen“ ein falsches Buch, fehlerhaftes Audio oder die falsche Ausgabe, wartet der Problembericht hier und die Administratoren werden benachrichtigt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>You reported no problems</source>
            <translation>Sie haben keine Probleme gemeldet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>someone</source>
            <translation>jemandem</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>“{title}”: {kind}, reported by {reporter}; requested by {requester}.</source>
            <translation>„{title}“: {kind}, gemeldet von {reporter}; angefragt von {requester}.</translation>
        </message>
    </context>
    <context>
        <name>ProgressDelegate</name>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/progress_delegate.py" />
            <source>{number}%</source>
            <comment>a percentage</comment>
            <translation>{number} %</translation>
        </message>
    </context>
    <context>
        <name>RankingSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source> MB</source>
            <comment>megabytes after a number</comment>
            <translation> MB</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source> kbps</source>
            <comment>kilobits per second after a number</comment>
            <translation> kbit/s</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source> min</source>
            <comment>minutes after a number</comment>
            <translation> Min.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Below this bitrate for the runtime</source>
            <translation>&amp;Unter dieser Bitrate für die Laufzeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Forbidden words</source>
            <translation>&amp;Verbotene Wörter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Preferred words</source>
            <translation>&amp;Bevorzugte Wörter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Smaller than (runtime unknown)</source>
            <translation>&amp;Kleiner als (Laufzeit unbekannt)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Up</source>
            <translation>Nach &amp;oben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Abo&amp;ve this bitrate for the runtime</source>
            <translation>Üb&amp;er dieser Bitrate für die Laufzeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Also &amp;accept these languages</source>
            <translation>Auch diese Sprachen &amp;akzeptieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Always rejected: another title, another book of the series, box sets, abridged or dramatized editions (unless that is what you asked for). Interactive search shows rejected releases greyed with the reason, and you may still pick one.</source>
            <translation>Immer abgelehnt: ein anderer Titel, ein anderes Buch der Reihe, Sammelboxen, gekürzte oder dramatisierte Ausgaben (außer Sie haben genau das angefragt). Die interaktive Suche zeigt abgelehnte Releases ausgegraut mit Grund an, und Sie können trotzdem eines wählen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Among the rest, prefer</source>
            <translation>Unter den übrigen bevorzugen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Auth&amp;or</source>
            <translation>Au&amp;tor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Book &amp;title</source>
            <translation>Buc&amp;htitel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Do&amp;wn</source>
            <translation>Nach u&amp;nten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Fewer seeders t&amp;han</source>
            <translation>Weniger Seeder a&amp;ls</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Fo&amp;rmats, best first</source>
            <translation>&amp;Formate, bestes zuerst</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>German, multi</source>
            <translation>Deutsch, multi</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Indexer fla&amp;gs (points)</source>
            <translation>Indexer-Fla&amp;gs (Punkte)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Languages accepted besides the book's own, by name or code; “multi” accepts releases in several languages.</source>
            <translation>Sprachen, die außer der des Buchs akzeptiert werden, als Name oder Kürzel; „multi“ akzeptiert Releases in mehreren Sprachen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Move the selected format down</source>
            <translation>Ausgewähltes Format nach unten verschieben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Move the selected format up</source>
            <translation>Ausgewähltes Format nach oben verschieben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Never grab automatically</source>
            <translation>Nie automatisch holen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Other</source>
            <translation>Andere</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>R&amp;untime</source>
            <translation>Lauf&amp;zeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Reject releases marked with another &amp;language than the book's</source>
            <translation>Releases mit einer anderen &amp;Sprache als der des Buches ablehnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Release na&amp;me</source>
            <translation>Release-Na&amp;me</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Release si&amp;ze</source>
            <translation>&amp;Release-Größe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Restore &amp;defaults</source>
            <translation>Standard &amp;wiederherstellen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Saved.</source>
            <translation>Gespeichert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>The release must name an &amp;author of the book</source>
            <translation>Das Release muss einen &amp;Autor des Buches nennen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Try it</source>
            <translation>Ausprobieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Verdict for this release</source>
            <translation>Urteil für dieses Release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>sample, excerpt, summary</source>
            <translation>sample, excerpt, summary, Hörprobe, Auszug</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>to</source>
            <comment>from one bitrate to another</comment>
            <translation>bis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>unabridged, chapterized</source>
            <translation>unabridged, chapterized, ungekürzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format} sounds right from</source>
            <translation>{format} klingt gut von</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format}: highest bitrate that sounds right</source>
            <translation>{format}: höchste passende Bitrate</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format}: lowest bitrate that sounds right</source>
            <translation>{format}: niedrigste passende Bitrate</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{verdict}, score {score} ({parts})</source>
            <translation>{verdict}, {score} Punkte ({parts})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>✔ Accepted</source>
            <translation>✔ Akzeptiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>✘ Rejected</source>
            <translation>✘ Abgelehnt</translation>
        </message>
    </context>
    <context>
        <name>ReleaseRanking</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>%n seeder(s)</source>
            <translation>
                <numerusform>%n Seeder</numerusform>
                <numerusform>%n Seeder</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>%n seeder(s) (minimum {minimum})</source>
            <translation>
                <numerusform>%n Seeder (Minimum {minimum})</numerusform>
                <numerusform>%n Seeder (Minimum {minimum})</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>About {kbps} kbps ({source}), above the {format} window {low}-{high}</source>
            <translation>Etwa {kbps} kbit/s ({source}), über dem {format}-Bereich {low}–{high}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>About {kbps} kbps ({source}), below the {format} window {low}-{high}</source>
            <translation>Etwa {kbps} kbit/s ({source}), unter dem {format}-Bereich {low}–{high}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>About {kbps} kbps ({source}), inside the {format} window {low}-{high}</source>
            <translation>Etwa {kbps} kbit/s ({source}), innerhalb des {format}-Bereichs {low}–{high}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/__init__.py" />
            <source>Accepted: this is the wanted book</source>
            <translation>Akzeptiert: Das ist das gesuchte Buch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Author found in the title: {name}</source>
            <translation>Autor im Titel gefunden: {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Author found: {names}</source>
            <translation>Autor gefunden: {names}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Bitrate unknown (no runtime or size)</source>
            <translation>Bitrate unbekannt (keine Laufzeit oder Größe)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Flag {flag}: {points}</source>
            <translation>Flag {flag}: {points}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Indexer priority {priority}</source>
            <translation>Indexer-Priorität {priority}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Indexer {indexer} priority {priority}</source>
            <translation>Indexer {indexer}, Priorität {priority}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Narrator named</source>
            <translation>Sprecher genannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>No author named in the release (allowed in interactive search)</source>
            <translation>Kein Autor im Release genannt (in der interaktiven Suche erlaubt)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Preferred word “{word}”: {points}</source>
            <translation>Bevorzugtes Wort „{word}“: {points}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Published %n day(s) ago</source>
            <translation>
                <numerusform>Vor %n Tag veröffentlicht</numerusform>
                <numerusform>Vor %n Tagen veröffentlicht</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Rejected: {reason}</source>
            <translation>Abgelehnt: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Seeders unknown</source>
            <translation>Seeder unbekannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Series number {number} matches</source>
            <translation>Bandnummer {number} passt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Subtitle named</source>
            <translation>Untertitel genannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a box set or omnibus ({what}), not a single book</source>
            <translation>eine Sammelbox oder Sammelausgabe ({what}), kein einzelnes Buch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a dramatized adaptation, not the wanted narration</source>
            <translation>eine dramatisierte Fassung, nicht die gesuchte Lesung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a longer, different title: “... {words}”</source>
            <translation>ein längerer, anderer Titel: „... {words}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a numbered sequel (“... {number}”)</source>
            <translation>eine nummerierte Fortsetzung („... {number}“)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a release in several languages; the book is in {language}</source>
            <translation>ein Release in mehreren Sprachen; das Buch ist auf {language}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>an abridged edition; the wanted book is unabridged</source>
            <translation>eine gekürzte Ausgabe; das gesuchte Buch ist ungekürzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>an audiobook, not an ebook</source>
            <translation>ein Hörbuch, kein E-Book</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>an ebook, not an audiobook</source>
            <translation>ein E-Book, kein Hörbuch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>another language ({found}); the book is in {language}</source>
            <translation>eine andere Sprache ({found}); Sprache des Buches: {language}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>books {first}-{last}</source>
            <translation>Bände {first}–{last}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>estimated from size and runtime</source>
            <translation>geschätzt aus Größe und Laufzeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>forbidden word “{word}”</source>
            <translation>verbotenes Wort „{word}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>from the release name</source>
            <translation>aus dem Release-Namen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>in a book category and too small for an audiobook</source>
            <translation>in einer Buchkategorie und zu klein für ein Hörbuch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>in a video/software category ({category}), not an audiobook one</source>
            <translation>in einer Video-/Software-Kategorie ({category}), keiner Hörbuch-Kategorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>in an audio category, not an ebook one</source>
            <translation>in einer Audio-Kategorie, keiner E-Book-Kategorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>marked iNT, a release in a language other than English</source>
            <translation>als iNT markiert, ein Release in einer anderen Sprache als Englisch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>no author of the book named (wanted {authors})</source>
            <translation>kein Autor des Buches genannt (gesucht: {authors})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>not the audiobook itself (“{word}”)</source>
            <translation>nicht das Hörbuch selbst („{word}“)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>one numbered volume (“... {number} - {word} ...”)</source>
            <translation>ein einzelner nummerierter Band („... {number} - {word} ...“)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>only {part} of the book</source>
            <translation>nur {part} des Buches</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>only {size} MB: too small to be an audiobook</source>
            <translation>nur {size} MB: zu klein für ein Hörbuch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>series number {found} but the book is number {wanted}</source>
            <translation>Bandnummer {found}, aber das Buch ist Band {wanted}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>several books listed (also “{other}”)</source>
            <translation>mehrere Bücher aufgeführt (auch „{other}“)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>the wanted book has no title</source>
            <translation>das gesuchte Buch hat keinen Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>title words missing: {words}</source>
            <translation>fehlende Titelwörter: {words}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>too large for a {hours} h book (about {kbps} kbps)</source>
            <translation>zu groß für ein Buch mit {hours} Std. (etwa {kbps} kbit/s)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>too small for a {hours} h book (about {kbps} kbps): a sample, an abridged edition or something else</source>
            <translation>zu klein für ein Buch mit {hours} Std. (etwa {kbps} kbit/s): eine Hörprobe, eine gekürzte Ausgabe oder etwas anderes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>unknown format</source>
            <translation>unbekanntes Format</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>unstructured words before the title: “{words}”</source>
            <translation>unstrukturierte Wörter vor dem Titel: „{words}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>written by someone else (“{other}”), not {author}</source>
            <translation>von jemand anderem geschrieben („{other}“), nicht von {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{format}: ebook preference {rank} of {count}</source>
            <translation>{format}: E-Book-Rang {rank} von {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{format}: preference {rank} of {count}</source>
            <translation>{format}: Rang {rank} von {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{format}: preference {rank} of {count} (also names {others})</source>
            <translation>{format}: Rang {rank} von {count} (nennt auch {others})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{protocol} download (no seeders needed)</source>
            <translation>{protocol}-Download (keine Seeder nötig)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>{size} MB: too large for an ebook</source>
            <translation>{size} MB: zu groß für ein E-Book</translation>
        </message>
    </context>
    <context>
        <name>ReportBookProblemDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>%n character(s) left</source>
            <translation>
                <numerusform>%n Zeichen übrig</numerusform>
                <numerusform>%n Zeichen übrig</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>%n character(s) too many</source>
            <translation>
                <numerusform>%n Zeichen zu viel</numerusform>
                <numerusform>%n Zeichen zu viel</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>&amp;Note for the administrators (optional)</source>
            <translation>&amp;Notiz für die Administratoren (optional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>&amp;Report</source>
            <translation>&amp;Melden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Characters left</source>
            <translation>Verbleibende Zeichen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>For example: the files are another book, or chapter 12 is missing.</source>
            <translation>Zum Beispiel: Die Dateien sind ein anderes Buch, oder Kapitel 12 fehlt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Note for the administrators</source>
            <translation>Notiz für die Administratoren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Report a problem with this book</source>
            <translation>Problem mit diesem Buch melden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Sending…</source>
            <translation>Wird gesendet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>What is wrong with “{title}”?</source>
            <translation>Was stimmt mit „{title}“ nicht?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Why the report was not sent</source>
            <translation>Warum die Meldung nicht gesendet wurde</translation>
        </message>
    </context>
    <context>
        <name>ReportProblem</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Choose another folder, for example your Documents folder, and try again.</source>
            <translation>Wählen Sie einen anderen Ordner, zum Beispiel Ihren Dokumente-Ordner, und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Could not save the report to {path}: {reason}</source>
            <translation>Der Bericht konnte nicht unter {path} gespeichert werden: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Problem report saved</source>
            <translation>Problembericht gespeichert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Save a problem report</source>
            <translation>Problembericht speichern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Show in Folder</source>
            <translation>Im Ordner zeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>The problem report was not saved</source>
            <translation>Der Problembericht wurde nicht gespeichert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>The report was saved to:
{path}

Passwords, API keys and tokens were removed from it. Attach this file to your bug report.</source>
            <translation>Der Bericht wurde gespeichert unter:
{path}

Passwörter, API-Schlüssel und Tokens wurden daraus entfernt. Hängen Sie diese Datei an Ihre Fehlermeldung an.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Zip archives (*.zip)</source>
            <translation>ZIP-Archive (*.zip)</translation>
        </message>
    </context>
    <context>
        <name>ReportedProblems</name>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>An administrator looks at it soon; it stays open until then.</source>
            <translation>Ein Administrator sieht ihn sich bald an; bis dahin bleibt er offen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Corrupt or incomplete audio</source>
            <translation>Audio beschädigt oder unvollständig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Dismiss the report and request the book again.</source>
            <translation>Verwerfen Sie den Problembericht und fragen Sie das Buch erneut an.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Dismissed</source>
            <translation>Verworfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Follow the request on the Requests page until it arrives.</source>
            <translation>Verfolgen Sie die Anfrage auf der Seite „Anfragen“, bis das Buch da ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>No book with the ASIN {asin} is available in the library.</source>
            <translation>Kein Buch mit der ASIN {asin} ist in der Bibliothek verfügbar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Only a book that is available in the library can have a problem reported.</source>
            <translation>Nur für ein Buch, das in der Bibliothek verfügbar ist, kann ein Problem gemeldet werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Only an administrator can dismiss reported problems.</source>
            <translation>Nur ein Administrator kann gemeldete Probleme verwerfen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Only an administrator can replace reported books.</source>
            <translation>Nur ein Administrator kann gemeldete Bücher ersetzen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Open</source>
            <translation>Offen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Other</source>
            <translation>Sonstiges</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Problem reported: {title}</source>
            <translation>Problem gemeldet: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Refresh the list: another administrator may have handled it.</source>
            <translation>Aktualisieren Sie die Liste: Vielleicht hat ein anderer Administrator ihn schon bearbeitet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Replaced</source>
            <translation>Ersetzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Replacing the book after a reported problem ({kind}); an administrator picks the release</source>
            <translation>Das Buch wird nach einem gemeldeten Problem ersetzt ({kind}); ein Administrator wählt das Release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Replacing the book after a reported problem ({kind}); searching again</source>
            <translation>Das Buch wird nach einem gemeldeten Problem ersetzt ({kind}); neue Suche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Report problems with books the app brought into the library.</source>
            <translation>Melden Sie Probleme mit Büchern, die die App in die Bibliothek gebracht hat.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Reported problem {id} does not exist.</source>
            <translation>Gemeldetes Problem {id} existiert nicht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Reported: {kind}</source>
            <translation>Gemeldet: {kind}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Request {id} does not exist.</source>
            <translation>Anfrage {id} existiert nicht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Shorten the note.</source>
            <translation>Kürzen Sie die Notiz.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>The library server still lists the book: {error}</source>
            <translation>Der Bibliotheksserver führt das Buch noch: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>The note is {count} characters long; at most {limit} fit.</source>
            <translation>Die Notiz ist {count} Zeichen lang; höchstens {limit} passen hinein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>The request of this book was deleted; there is nothing to replace.</source>
            <translation>Die Anfrage dieses Buchs wurde gelöscht; es gibt nichts zu ersetzen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>This report was already handled ({status}).</source>
            <translation>Dieser Problembericht wurde schon bearbeitet ({status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Wrong book</source>
            <translation>Falsches Buch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Wrong narrator or edition</source>
            <translation>Falscher Sprecher oder falsche Ausgabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>You already reported a problem with this book (report {id}).</source>
            <translation>Sie haben für dieses Buch schon ein Problem gemeldet (Bericht {id}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>{admin} dismissed the reported problem</source>
            <translation>{admin} hat das gemeldete Problem verworfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>{admin} replaced the reported book</source>
            <translation>{admin} hat das gemeldete Buch ersetzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>{user} reported a problem: {kind}</source>
            <translation>{user} hat ein Problem gemeldet: {kind}</translation>
        </message>
    </context>
    <context>
        <name>RequestJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>%n request(s) waiting for the request limit went ahead</source>
            <translation>
                <numerusform>%n Anfrage, die auf das Anfragelimit wartete, geht weiter</numerusform>
                <numerusform>%n Anfragen, die auf das Anfragelimit warteten, gehen weiter</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>%n requested book(s) came out; their search is queued</source>
            <translation>
                <numerusform>%n angefragtes Buch ist erschienen; die Suche ist eingereiht</numerusform>
                <numerusform>%n angefragte Bücher sind erschienen; ihre Suche ist eingereiht</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Check release days</source>
            <translation>Erscheinungstermine prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Search books released today</source>
            <translation>Heute erschienene Bücher suchen</translation>
        </message>
    </context>
    <context>
        <name>RequestLimitSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>&amp;Save for this user</source>
            <translation>Für diesen Benutzer &amp;speichern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>&amp;User</source>
            <translation>&amp;Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Everyone in the household</source>
            <translation>Alle im Haushalt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Limit this &amp;administrator too</source>
            <translation>Auch diesen &amp;Administrator begrenzen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Loading the limits…</source>
            <translation>Limits werden geladen …</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>No limit</source>
            <translation>Kein Limit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>One user</source>
            <translation>Ein Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests beyond a limit wait as “Waiting for request limit” and go ahead by themselves when the day or week allows. Administrators are not limited unless they choose to be.</source>
            <translation>Anfragen über einem Limit warten als „Wartet auf Anfragelimit“ und gehen von selbst weiter, sobald Tag oder Woche es erlauben. Administratoren sind nur begrenzt, wenn sie es selbst wählen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per &amp;day</source>
            <translation>Anfragen pro &amp;Tag</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per &amp;week</source>
            <translation>Anfragen pro &amp;Woche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per da&amp;y</source>
            <translation>Anfragen pro Ta&amp;g</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per day for everyone</source>
            <translation>Anfragen pro Tag für alle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per day for this user</source>
            <translation>Anfragen pro Tag für diesen Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per wee&amp;k</source>
            <translation>Anfragen pro Wo&amp;che</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per week for everyone</source>
            <translation>Anfragen pro Woche für alle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per week for this user</source>
            <translation>Anfragen pro Woche für diesen Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Saved the limits of {user}.</source>
            <translation>Limits von {user} gespeichert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>The limits could not be read: {error} Close Settings and open it again.</source>
            <translation>Die Limits konnten nicht gelesen werden: {error} Schließen Sie die Einstellungen und öffnen Sie sie erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Use &amp;own limits instead of the household's</source>
            <translation>&amp;Eigene Limits statt der des Haushalts</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>User</source>
            <translation>Benutzer</translation>
        </message>
    </context>
    <context>
        <name>RequestStatus</name>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>'{title}' was already requested by someone else; you were added to that request.</source>
            <translation>„{title}“ wurde bereits von jemand anderem angefragt; Sie wurden dieser Anfrage hinzugefügt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Ask an administrator of this household.</source>
            <translation>Fragen Sie eine Person, die diesen Haushalt verwaltet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Available</source>
            <translation>Verfügbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting approval</source>
            <translation>Wartet auf Freigabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting release</source>
            <translation>Wartet auf Erscheinen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting search</source>
            <translation>Wartet auf Suche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Denied</source>
            <translation>Abgelehnt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Downloaded</source>
            <translation>Heruntergeladen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Downloading</source>
            <translation>Wird geladen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Needs attention</source>
            <translation>Handlungsbedarf</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Open Library to listen to it, or report an issue if the files are wrong.</source>
            <translation>Öffnen Sie die Bibliothek, um es anzuhören, oder melden Sie ein Problem, wenn die Dateien falsch sind.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Open Requests to follow the existing request.</source>
            <translation>Öffnen Sie die Anfragen, um die bestehende Anfrage zu verfolgen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Processing</source>
            <translation>Wird verarbeitet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Requested '{title}' ({status}).</source>
            <translation>„{title}“ angefragt ({status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Searching</source>
            <translation>Suche läuft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Waiting for request limit</source>
            <translation>Wartet auf Anfragelimit</translation>
        </message>
    </context>
    <context>
        <name>Requests</name>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved automatically</source>
            <translation>Automatisch freigegeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved by {admin}</source>
            <translation>Freigegeben von {admin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved by {admin}: {note}</source>
            <translation>Freigegeben von {admin}: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Cancelled by {user}</source>
            <translation>Abgebrochen von {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Deleted by {user}</source>
            <translation>Gelöscht von {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Denied by {admin}</source>
            <translation>Abgelehnt von {admin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Denied by {admin}: {note}</source>
            <translation>Abgelehnt von {admin}: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only an administrator can approve requests.</source>
            <translation>Nur ein Administrator kann Anfragen freigeben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only an administrator can deny requests.</source>
            <translation>Nur ein Administrator kann Anfragen ablehnen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only the person who made this request or an administrator can cancel it.</source>
            <translation>Nur die Person, die diese Anfrage gestellt hat, oder ein Administrator kann sie abbrechen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only the person who made this request or an administrator can delete it.</source>
            <translation>Nur die Person, die diese Anfrage gestellt hat, oder ein Administrator kann sie löschen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only the person who made this request or an administrator can retry it.</source>
            <translation>Nur die Person, die diese Anfrage gestellt hat, oder ein Administrator kann sie wiederholen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Over the request limit; goes ahead after {time} UTC</source>
            <translation>Über dem Anfragelimit; geht nach {time} UTC weiter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Released</source>
            <translation>Erschienen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Search again, asked by {user}</source>
            <translation>Erneute Suche, angestoßen von {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Search terms reset</source>
            <translation>Suchbegriffe zurückgesetzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Search terms set to “{terms}”</source>
            <translation>Suchbegriffe auf „{terms}“ gesetzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be approved now.</source>
            <translation>Diese Anfrage hat den Status „{status}“; sie kann jetzt nicht freigegeben werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be cancelled now.</source>
            <translation>Diese Anfrage hat den Status „{status}“; sie kann jetzt nicht abgebrochen werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be denied now.</source>
            <translation>Diese Anfrage hat den Status „{status}“; sie kann jetzt nicht abgelehnt werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be retried now.</source>
            <translation>Diese Anfrage hat den Status „{status}“; sie kann jetzt nicht wiederholt werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Waiting for an administrator to approve</source>
            <translation>Wartet auf Freigabe durch einen Administrator</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Waits with its audiobook request for the request limit</source>
            <translation>Wartet mit seiner Hörbuch-Anfrage auf das Anfragelimit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>You already requested another edition of this book (“{title}”); that request is “{status}” (request {id}).</source>
            <translation>Sie haben bereits eine andere Ausgabe dieses Buches angefragt („{title}“); diese Anfrage hat den Status „{status}“ (Anfrage {id}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>You already requested this book (“{title}”); that request is “{status}” (request {id}).</source>
            <translation>Sie haben dieses Buch bereits angefragt („{title}“); diese Anfrage hat den Status „{status}“ (Anfrage {id}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{reason}; waiting for the release on {date}</source>
            <translation>{reason}; wartet auf das Erscheinen am {date}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{reason}; waiting for the search</source>
            <translation>{reason}; wartet auf die Suche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{status}: {title}</source>
            <translation>{status}: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} asked for “{title}”; it waits for an administrator to approve or deny it.</source>
            <translation>{user} möchte „{title}“; die Anfrage wartet darauf, dass ein Administrator sie freigibt oder ablehnt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} joined this request</source>
            <translation>{user} hat sich dieser Anfrage angeschlossen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} requested the audiobook “{title}”</source>
            <translation>{user} hat das Hörbuch „{title}“ angefragt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} requested the ebook “{title}”</source>
            <translation>{user} hat das E-Book „{title}“ angefragt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>“{title}” is already available in the library.</source>
            <translation>„{title}“ ist bereits in der Bibliothek verfügbar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>“{title}” is on your ignore list.</source>
            <translation>„{title}“ steht auf Ihrer Ignorierliste.</translation>
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>&amp;Show</source>
            <translation>&amp;Anzeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>&amp;by</source>
            <comment>show requests with this status by this user</comment>
            <translation>&amp;von</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>, </source>
            <comment>between names</comment>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Approve</source>
            <translation>Freigeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Attempts: search {search}, download {download}, import {imported}</source>
            <translation>Versuche: Suche {search}, Download {download}, Import {imported}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>By {authors} · {kind} · {region} · requested by {user}</source>
            <translation>Von {authors} · {kind} · {region} · angefragt von {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Cancel request</source>
            <translation>Anfrage abbrechen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Delete with files…</source>
            <translation>Mit Dateien löschen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Deny</source>
            <translation>Ablehnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent}</source>
            <translation>Wird geladen: {percent}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent} at {speed}</source>
            <translation>Wird geladen: {percent} mit {speed}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent} at {speed}, about {time} left</source>
            <translation>Wird geladen: {percent} mit {speed}, noch etwa {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent}, about {time} left</source>
            <translation>Wird geladen: {percent}, noch etwa {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Every book asked for and where it is: searching, downloading, in the library, or stuck.</source>
            <translation>Jedes angefragte Buch und wo es gerade steht: in der Suche, im Download, in der Bibliothek oder hängengeblieben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Everyone</source>
            <translation>Allen Benutzern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>File of the book (audio or ebook)</source>
            <translation>Datei des Buchs (Audio oder E-Book)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Filter requests</source>
            <translation>Anfragen filtern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Filter…</source>
            <translation>Filtern…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Find a book on Discover or Search and press Request: the app searches your indexers, downloads it and adds it to your library. Each request and its progress appears here.</source>
            <translation>Suchen Sie ein Buch unter „Entdecken“ oder „Suche“ und klicken Sie auf „Anfragen“: Die App durchsucht Ihre Indexer, lädt es herunter und fügt es Ihrer Bibliothek hinzu. Jede Anfrage und ihr Fortschritt erscheinen hier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Folder that holds the book</source>
            <translation>Ordner mit dem Buch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Import a folder by hand…</source>
            <translation>Ordner manuell importieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Import files by hand…</source>
            <translation>Dateien manuell importieren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Import started; the request follows it.</source>
            <translation>Import gestartet; die Anfrage folgt ihm.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Looking at {path}…</source>
            <translation>{path} wird geprüft…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>More</source>
            <translation>Mehr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>No requests yet</source>
            <translation>Noch keine Anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note for the approval or denial</source>
            <translation>Notiz zur Freigabe oder Ablehnung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note for the approval or denial (optional)</source>
            <translation>Notiz zur Freigabe oder Ablehnung (optional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note: {note}</source>
            <translation>Notiz: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Problem reported; the administrators were told.</source>
            <translation>Problem gemeldet; die Administratoren wurden informiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Re-check the library</source>
            <translation>Bibliothek erneut prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Released on {date}; the search starts that day.</source>
            <translation>Erscheint am {date}; die Suche beginnt an diesem Tag.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Report a problem…</source>
            <translation>Problem melden…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Request deleted.</source>
            <translation>Anfrage gelöscht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search again</source>
            <translation>Erneut suchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search interactively…</source>
            <translation>Interaktiv suchen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search with other words</source>
            <translation>Mit anderen Wörtern suchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search with other words…</source>
            <translation>Mit anderen Wörtern suchen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Searching again with your words.</source>
            <translation>Es wird erneut mit Ihren Wörtern gesucht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>See every release found and choose one yourself</source>
            <translation>Alle gefundenen Releases sehen und selbst eines wählen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Select a request to see what happened.</source>
            <translation>Wählen Sie eine Anfrage aus, um den Verlauf zu sehen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Show requests by</source>
            <translation>Anfragen anzeigen von</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Show requests with status</source>
            <translation>Anfragen mit Status anzeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Start over</source>
            <translation>Neu beginnen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Started over: searching from scratch.</source>
            <translation>Neu begonnen: Die Suche startet von vorn.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>The library was checked again.</source>
            <translation>Die Bibliothek wurde erneut geprüft.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Ways out for a stuck request</source>
            <translation>Auswege für eine hängengebliebene Anfrage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>What happened to this request</source>
            <translation>Verlauf dieser Anfrage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Words to search the indexers for (empty: the title and author):</source>
            <translation>Wörter, nach denen die Indexer durchsucht werden (leer: Titel und Autor):</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Wrong book, bad audio or the wrong edition: tell the administrators</source>
            <translation>Falsches Buch, fehlerhaftes Audio oder falsche Ausgabe: den Administratoren melden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>You may not search interactively any more; ask an administrator.</source>
            <translation>Sie dürfen nicht mehr interaktiv suchen; wenden Sie sich an einen Administrator.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>audiobook</source>
            <translation>Hörbuch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>ebook</source>
            <translation>E-Book</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>someone</source>
            <translation>jemandem</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>unknown</source>
            <comment>an unknown author</comment>
            <translation>unbekannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>{title} — {status}</source>
            <translation>{title} – {status}</translation>
        </message>
    </context>
    <context>
        <name>RequestsTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Awaiting approval</source>
            <translation>Wartet auf Freigabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>In progress</source>
            <translation>In Arbeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Level</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Requested</source>
            <translation>Angefragt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Requested by</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Waiting</source>
            <translation>Wartend</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>What happened</source>
            <translation>Ereignis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>{title} (ebook)</source>
            <translation>{title} (E-Book)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>{user} +{count}</source>
            <comment>a requester and how many others joined</comment>
            <translation>{user} +{count}</translation>
        </message>
    </context>
    <context>
        <name>Rescue</name>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Import by hand of {path}</source>
            <translation>Import von Hand aus {path}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Pick a file or folder that holds the book.</source>
            <translation>Wählen Sie eine Datei oder einen Ordner mit dem Buch.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Re-checked: no files at {folder} any more; searching again</source>
            <translation>Erneut geprüft: keine Dateien mehr in {folder}; es wird wieder gesucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Re-checked: no files linked to it any more; searching again</source>
            <translation>Erneut geprüft: keine verknüpften Dateien mehr; es wird wieder gesucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Re-checked: the book is in the library at {folder}</source>
            <translation>Erneut geprüft: das Buch ist in der Bibliothek unter {folder}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Started over: searching from scratch</source>
            <translation>Neu begonnen: es wird von vorn gesucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>{path} does not exist.</source>
            <translation>{path} existiert nicht.</translation>
        </message>
    </context>
    <context>
        <name>RescueDialogs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>%n file stays: the app did not import it.</source>
            <translation>
                <numerusform>%n Datei bleibt: Die App hat sie nicht importiert.</numerusform>
                <numerusform>%n Dateien bleiben: Die App hat sie nicht importiert.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Book {number}</source>
            <translation>Buch {number}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Delete the request and its files</source>
            <translation>Anfrage und ihre Dateien löschen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Download</source>
            <translation>Download</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Files to import</source>
            <translation>Zu importierende Dateien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Import by hand</source>
            <translation>Manuell importieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Library entry</source>
            <translation>Bibliothekseintrag</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Only what this app downloaded and imported for the request is removed.</source>
            <translation>Entfernt wird nur, was diese App für die Anfrage heruntergeladen und importiert hat.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Remove the download now, without waiting for its seeding rules</source>
            <translation>Download jetzt entfernen, ohne auf seine Seeding-Regeln zu warten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Removes</source>
            <translation>Entfernt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>These files go into {folder}. Your files stay where they are; copies are tagged.</source>
            <translation>Diese Dateien kommen nach {folder}. Ihre Dateien bleiben, wo sie sind; die Kopien werden getaggt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>To (in the library)</source>
            <translation>Nach (in der Bibliothek)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>What is removed</source>
            <translation>Was entfernt wird</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>after its seeding rules are met</source>
            <translation>sobald seine Seeding-Regeln erfüllt sind</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>now, with its data</source>
            <translation>jetzt, mit seinen Daten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>{folder} (when nothing else is left in it)</source>
            <translation>{folder} (wenn nichts anderes mehr darin liegt)</translation>
        </message>
    </context>
    <context>
        <name>RssMonitor</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>%n release(s) grabbed</source>
            <translation>
                <numerusform>%n Release geholt</numerusform>
                <numerusform>%n Releases geholt</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>Check indexer feeds for new releases</source>
            <translation>Indexer-Feeds auf neue Releases prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/monitor.py" />
            <source>Found “{release}” in the new releases of {indexer}</source>
            <translation>„{release}“ unter den neuen Releases von {indexer} gefunden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/monitor.py" />
            <source>polled {minutes} min ago; its limit of {limit} searches a day allows no more</source>
            <translation>vor {minutes} Min. abgefragt; sein Limit von {limit} Suchen am Tag erlaubt nicht mehr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>{feed}: {count}</source>
            <translation>{feed}: {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>{feed}: {error}</source>
            <translation>{feed}: {error}</translation>
        </message>
    </context>
    <context>
        <name>SchedulesTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Cron</source>
            <translation>Cron</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Double-click to edit</source>
            <translation>Zum Bearbeiten doppelklicken</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Enabled</source>
            <translation>Aktiviert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Last run</source>
            <translation>Letzte Ausführung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Next run</source>
            <translation>Nächste Ausführung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>No</source>
            <translation>Nein</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Runs</source>
            <translation>Ausführungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>never</source>
            <translation>nie</translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>%n result(s) for “{query}” in {marketplace}</source>
            <translation>
                <numerusform>%n Ergebnis für „{query}“ in {marketplace}</numerusform>
                <numerusform>%n Ergebnisse für „{query}“ in {marketplace}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Anything</source>
            <translation>Alles</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Arrow keys choose a book; Enter opens it</source>
            <translation>Pfeiltasten wählen ein Buch; Eingabe öffnet es</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible answers again: search the Audible catalog.</source>
            <translation>Audible antwortet wieder: Durchsuchen Sie den Audible-Katalog.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible asked the app to slow down ({reason}). Wait a minute, then press Enter to search again.</source>
            <translation>Audible hat die App gebeten, weniger Anfragen zu senden ({reason}). Warten Sie eine Minute und drücken Sie dann die Eingabetaste, um erneut zu suchen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible cannot be reached right now ({reason}), so searching will not find anything. Check your internet connection; Search works again as soon as Audible answers.</source>
            <translation>Audible ist gerade nicht erreichbar ({reason}), daher findet die Suche nichts. Prüfen Sie Ihre Internetverbindung; die Suche funktioniert wieder, sobald Audible antwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible could not be reached, so nothing was found ({reason}). Check your internet connection, then press Enter to search again.</source>
            <translation>Audible war nicht erreichbar, daher wurde nichts gefunden ({reason}). Prüfen Sie Ihre Internetverbindung und drücken Sie dann die Eingabetaste, um erneut zu suchen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible sent an answer the app cannot read ({reason}). Press Enter to search again, or choose another marketplace.</source>
            <translation>Audible hat eine Antwort gesendet, die die App nicht lesen kann ({reason}). Drücken Sie die Eingabetaste, um erneut zu suchen, oder wählen Sie einen anderen Marktplatz.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Best sellers</source>
            <translation>Bestseller</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Find any audiobook in the Audible catalog by title, author or narrator.</source>
            <translation>Finden Sie jedes Hörbuch im Audible-Katalog nach Titel, Autor oder Sprecher.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Marketplace</source>
            <translation>Marktplatz</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Narrator</source>
            <translation>Sprecher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Newest</source>
            <translation>Neueste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>No results for “{query}”.</source>
            <translation>Keine Ergebnisse für „{query}“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Rating</source>
            <translation>Bewertung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Relevance</source>
            <translation>Relevanz</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search</source>
            <translation>Suche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search in</source>
            <translation>Suchen in</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search results</source>
            <translation>Suchergebnisse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search the Audible catalog</source>
            <translation>Audible-Katalog durchsuchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search the Audible catalog.</source>
            <translation>Durchsuchen Sie den Audible-Katalog.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Searching for “{query}”…</source>
            <translation>Suche nach „{query}“…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Sort results by</source>
            <translation>Ergebnisse sortieren nach</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>The search failed: {reason} {hint}</source>
            <translation>Die Suche ist fehlgeschlagen: {reason} {hint}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Title, author, narrator…</source>
            <translation>Titel, Autor, Sprecher…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Type something to search for.</source>
            <translation>Geben Sie einen Suchbegriff ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Type, then press Enter; suggestions appear as you type</source>
            <translation>Eingeben und Eingabetaste drücken; Vorschläge erscheinen beim Tippen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>{country} ({code})</source>
            <comment>a marketplace</comment>
            <translation>{country} ({code})</translation>
        </message>
    </context>
    <context>
        <name>SecretPlaces</name>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read (no working keychain): choose a passphrase, then enter it again</source>
            <translation>Nicht lesbar (kein funktionierender Schlüsselbund): Passphrase wählen, dann erneut eingeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read: enter it again</source>
            <translation>Nicht lesbar: erneut eingeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read: this computer needs the household key first</source>
            <translation>Nicht lesbar: Dieser Computer braucht zuerst den Haushaltsschlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read: unlock your keychain or secrets file first</source>
            <translation>Nicht lesbar: zuerst Schlüsselbund oder Datei mit Zugangsdaten entsperren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Saved in the household's shared secrets; type to replace it</source>
            <translation>In den gemeinsamen Zugangsdaten des Haushalts gespeichert; zum Ersetzen neu eingeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Saved in your encrypted secrets file; type to replace it</source>
            <translation>In Ihrer verschlüsselten Datei mit Zugangsdaten gespeichert; zum Ersetzen neu eingeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Saved in your keychain; type to replace it</source>
            <translation>Im Schlüsselbund gespeichert; zum Ersetzen neu eingeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>kept in the household's shared secrets</source>
            <translation>wird in den gemeinsamen Zugangsdaten des Haushalts aufbewahrt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>kept in your encrypted secrets file</source>
            <translation>wird in Ihrer verschlüsselten Datei mit Zugangsdaten aufbewahrt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>kept in your system keychain</source>
            <translation>wird im Schlüsselbund Ihres Systems aufbewahrt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>not saved yet: choose a passphrase for an encrypted file first</source>
            <translation>noch nicht speicherbar: zuerst eine Passphrase für eine verschlüsselte Datei wählen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>not saved yet: this computer needs the household key first</source>
            <translation>noch nicht speicherbar: Dieser Computer braucht zuerst den Haushaltsschlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>not saved yet: unlock your keychain or secrets file first</source>
            <translation>noch nicht speicherbar: zuerst Schlüsselbund oder Datei mit Zugangsdaten entsperren</translation>
        </message>
    </context>
    <context>
        <name>SecretsFile</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Create</source>
            <translation>&amp;Erstellen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Not now</source>
            <translation>&amp;Nicht jetzt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Passphrase</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Repeat it</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Unlock</source>
            <translation>&amp;Entsperren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&lt;b&gt;Passwords and API keys cannot be saved yet.&lt;/b&gt; {why} Everything else is saved.</source>
            <translation>&lt;b&gt;Passwörter und API-Schlüssel können noch nicht gespeichert werden.&lt;/b&gt; {why} Alles andere ist gespeichert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>At least {count} characters.</source>
            <translation>Mindestens {count} Zeichen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Creating…</source>
            <translation>Wird erstellt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Encrypted secrets file</source>
            <translation>Verschlüsselte Datei für Zugangsdaten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>No system keychain works here. Choose a passphrase to keep passwords and API keys in a file encrypted with it. You will enter it once each time the app starts; it cannot be recovered if you forget it.</source>
            <translation>Hier funktioniert kein Schlüsselbund des Systems. Wählen Sie eine Passphrase, um Passwörter und API-Schlüssel in einer damit verschlüsselten Datei aufzubewahren. Sie geben sie bei jedem Start der App einmal ein; vergessen Sie sie, lässt sie sich nicht wiederherstellen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>The two passphrases differ.</source>
            <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>U&amp;nlock…</source>
            <translation>E&amp;ntsperren…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Unlock your secrets</source>
            <translation>Zugangsdaten entsperren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Unlocking…</source>
            <translation>Wird entsperrt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Use an &amp;encrypted file…</source>
            <translation>&amp;Verschlüsselte Datei verwenden…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Your passwords and API keys are in a file encrypted with your passphrase. Enter it to use them.</source>
            <translation>Ihre Passwörter und API-Schlüssel liegen in einer mit Ihrer Passphrase verschlüsselten Datei. Geben Sie sie ein, um sie zu verwenden.</translation>
        </message>
    </context>
    <context>
        <name>SeriesPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n Buch angefragt.</numerusform>
                <numerusform>%n Bücher angefragt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Audible lists no books here in this marketplace.</source>
            <translation>Audible führt hier in diesem Marktplatz keine Bücher.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Books by {author}</source>
            <translation>Bücher von {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Loading the books from Audible…</source>
            <translation>Bücher werden von Audible geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>No books found</source>
            <translation>Keine Bücher gefunden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Number</source>
            <translation>Band</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Release</source>
            <translation>Erscheinungsdatum</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Request missing</source>
            <translation>Fehlende anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Request missing ({count})</source>
            <translation>Fehlende anfragen ({count})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Requesting…</source>
            <translation>Wird angefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Series: {series}</source>
            <translation>Reihe: {series}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watch this author</source>
            <translation>Autor beobachten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watch this series</source>
            <translation>Reihe beobachten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watching</source>
            <translation>Beobachten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watching {name}: new books are requested for you.</source>
            <translation>{name} wird beobachtet: neue Bücher werden für Sie angefragt.</translation>
        </message>
    </context>
    <context>
        <name>ServiceCard</name>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Down</source>
            <translation>Ausgefallen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Latency {latency}   ·   Checked {when}</source>
            <translation>Latenz {latency}   ·   Geprüft {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>No checks in the last 24 h</source>
            <translation>Keine Prüfungen in den letzten 24 Std.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Not checked yet</source>
            <translation>Noch nicht geprüft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Slow</source>
            <translation>Langsam</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Up</source>
            <translation>Erreichbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Uptime 24 h {day}   ·   7 d {week}</source>
            <translation>Verfügbarkeit 24 Std. {day}   ·   7 T. {week}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>never</source>
            <comment>never checked</comment>
            <translation>nie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>{number} ms</source>
            <comment>milliseconds</comment>
            <translation>{number} ms</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>{number} s</source>
            <comment>seconds</comment>
            <translation>{number} s</translation>
        </message>
    </context>
    <context>
        <name>ServiceErrors</name>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>'{region}' is not an Audible marketplace.</source>
            <translation>„{region}“ ist kein Audible-Marktplatz.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>'{url}' is not a Deluge daemon address (host:port).</source>
            <translation>„{url}“ ist keine Adresse eines Deluge-Daemons (Host:Port).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>'{url}' is not a web address.</source>
            <translation>„{url}“ ist keine Webadresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>'{url}' is not an http(s) address.</source>
            <translation>„{url}“ ist keine http(s)-Adresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/direct_http.py" />
            <source>A direct download needs http(s) URLs.</source>
            <translation>Ein direkter Download braucht http(s)-URLs.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Audible ({region}) has no category {category_id}.</source>
            <translation>Audible ({region}) hat keine Kategorie {category_id}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible answered HTTP {status_code} for your {path}.</source>
            <translation>Audible hat für Ihre {path} mit HTTP {status_code} geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible did not deregister this device (HTTP {status_code}).</source>
            <translation>Audible hat dieses Gerät nicht abgemeldet (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible no longer accepts this sign-in.</source>
            <translation>Audible akzeptiert diese Anmeldung nicht mehr.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible refused this sign-in.</source>
            <translation>Audible hat diese Anmeldung abgelehnt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible refused to register this device (HTTP {status_code}).</source>
            <translation>Audible hat die Registrierung dieses Geräts abgelehnt (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Audible sent a product that is not an object.</source>
            <translation>Audible hat ein Produkt gesendet, das kein Objekt ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Audible's answer has no '{key}'.</source>
            <translation>Der Antwort von Audible fehlt „{key}“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible's registration answer is incomplete.</source>
            <translation>Die Registrierungsantwort von Audible ist unvollständig.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible's sign-in service answered HTTP {status_code}.</source>
            <translation>Der Anmeldedienst von Audible hat mit HTTP {status_code} geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible's token answer is incomplete.</source>
            <translation>Die Token-Antwort von Audible ist unvollständig.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Audiobooks in Plex live in a Music library; choose that one.</source>
            <translation>Hörbücher liegen in Plex in einer Musikbibliothek; wählen Sie diese.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audiobookshelf.py" />
            <source>Audiobookshelf sent an unreadable item.</source>
            <translation>Audiobookshelf hat einen unlesbaren Eintrag gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audiobookshelf.py" />
            <source>Audiobookshelf sent no item list.</source>
            <translation>Audiobookshelf hat keine Eintragsliste gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audiobookshelf.py" />
            <source>Audiobookshelf sent no library list.</source>
            <translation>Audiobookshelf hat keine Bibliotheksliste gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audnexus.py" />
            <source>Audnexus has no book {asin}.</source>
            <translation>Audnexus hat kein Buch {asin}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audnexus.py" />
            <source>Audnexus sent a {what} without an ASIN.</source>
            <translation>Audnexus hat einen Eintrag ({what}) ohne ASIN gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Cannot connect to Deluge at {url}.</source>
            <translation>Keine Verbindung zu Deluge unter {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Cannot connect to Transmission at {url}.</source>
            <translation>Keine Verbindung zu Transmission unter {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Cannot connect to qBittorrent at {url}.</source>
            <translation>Keine Verbindung zu qBittorrent unter {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Cannot connect to {service} at {base_url}.</source>
            <translation>Keine Verbindung zu {service} unter {base_url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>Cannot connect to {service}.</source>
            <translation>Keine Verbindung zu {service}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>Cannot make a torrent of {path}: {reason}</source>
            <translation>Aus {path} kann kein Torrent erstellt werden: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>Check ControlUsername and ControlPassword (NZBGet: Settings &gt; Security).</source>
            <translation>Prüfen Sie ControlUsername und ControlPassword (NZBGet: Settings &gt; Security).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Check rpc-username and rpc-password (Transmission: Preferences &gt; Remote).</source>
            <translation>Prüfen Sie rpc-username und rpc-password (Transmission: Einstellungen &gt; Fernsteuerung).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>Check that the address is a Torznab/Newznab API URL (it usually ends in /api).</source>
            <translation>Prüfen Sie, ob die Adresse eine Torznab/Newznab-API-URL ist (sie endet meist auf /api).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Check the WebUI user name and password (qBittorrent: Tools &gt; Options &gt; Web UI).</source>
            <translation>Prüfen Sie Benutzername und Passwort des WebUI (qBittorrent: Extras &gt; Optionen &gt; WebUI).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Check the address and port (default 9091), that remote access is enabled and this computer is in its whitelist.</source>
            <translation>Prüfen Sie Adresse und Port (Standard 9091), ob der Fernzugriff aktiviert ist und dieser Computer auf der Positivliste steht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Check the address and port, and that qBittorrent's Web UI is enabled.</source>
            <translation>Prüfen Sie Adresse und Port und ob das WebUI von qBittorrent aktiviert ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Check the address, and that the server is running.</source>
            <translation>Prüfen Sie die Adresse und ob der Server läuft.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>Check the address: it is the RSS link of the shelf, not the shelf page.</source>
            <translation>Prüfen Sie die Adresse: Es ist der RSS-Link des Regals, nicht die Seite des Regals.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Check the base URL and pick a model from the list.</source>
            <translation>Prüfen Sie die Basis-URL und wählen Sie ein Modell aus der Liste.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Check the daemon's address and port (default 58846) and that it allows remote connections.</source>
            <translation>Prüfen Sie Adresse und Port des Daemons (Standard 58846) und ob er Fernverbindungen zulässt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Check the user name and password; too many failed logins make qBittorrent ban the address for a while.</source>
            <translation>Prüfen Sie Benutzername und Passwort; nach zu vielen Fehlversuchen sperrt qBittorrent die Adresse eine Zeit lang.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Choose a library in Settings.</source>
            <translation>Wählen Sie eine Bibliothek in den Einstellungen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>Copy the API key from SABnzbd: Config &gt; General &gt; Security.</source>
            <translation>Kopieren Sie den API-Schlüssel aus SABnzbd: Config &gt; General &gt; Security.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>Copy the RSS link from the bottom of your Goodreads shelf page.</source>
            <translation>Kopieren Sie den RSS-Link vom unteren Rand Ihrer Goodreads-Regalseite.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>Copy the feed URL from Jackett or Prowlarr (it ends in /api or /torznab/).</source>
            <translation>Kopieren Sie die Feed-URL aus Jackett oder Prowlarr (sie endet auf /api oder /torznab/).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge at {url} did not answer in time.</source>
            <translation>Deluge unter {url} hat nicht rechtzeitig geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge at {url} refused the user name or password.</source>
            <translation>Deluge unter {url} hat Benutzername oder Passwort abgelehnt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge needs a .torrent file or a magnet link.</source>
            <translation>Deluge braucht eine .torrent-Datei oder einen Magnet-Link.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge: {reason}</source>
            <translation>Deluge: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Enter the key again in BookDate settings.</source>
            <translation>Geben Sie den Schlüssel in den BookDate-Einstellungen erneut ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>Enter the server address in Settings.</source>
            <translation>Geben Sie die Serveradresse in den Einstellungen ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>Goodreads sent something that is not a shelf feed.</source>
            <translation>Goodreads hat etwas gesendet, das kein Regal-Feed ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover could not answer: {reason}</source>
            <translation>Hardcover konnte nicht antworten: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover did not say whose token this is.</source>
            <translation>Hardcover hat nicht mitgeteilt, wem dieses Token gehört.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover refused the token.</source>
            <translation>Hardcover hat das Token abgelehnt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover sent an answer of the wrong shape.</source>
            <translation>Hardcover hat eine Antwort in falscher Form gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover sent an answer without data.</source>
            <translation>Hardcover hat eine Antwort ohne Daten gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet at {url} refused the user name or password.</source>
            <translation>NZBGet unter {url} hat Benutzername oder Passwort abgelehnt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet could not remove item {item_id}.</source>
            <translation>NZBGet konnte Eintrag {item_id} nicht entfernen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet could not run '{method}': {reason}</source>
            <translation>NZBGet konnte „{method}“ nicht ausführen: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet did not accept '{name}'.</source>
            <translation>NZBGet hat „{name}“ nicht angenommen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet needs the NZB file's content.</source>
            <translation>NZBGet braucht den Inhalt der NZB-Datei.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet sent a reply that is not a JSON-RPC envelope.</source>
            <translation>NZBGet hat eine Antwort gesendet, die kein JSON-RPC-Umschlag ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>No Hardcover token is saved.</source>
            <translation>Es ist kein Hardcover-Token gespeichert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>No server address is set.</source>
            <translation>Es ist keine Serveradresse festgelegt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>No {service} model is chosen.</source>
            <translation>Es ist kein Modell für {service} gewählt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Not a Plex image path.</source>
            <translation>Kein Plex-Bildpfad.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>Not a magnet link.</source>
            <translation>Kein Magnet-Link.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>Not a valid .torrent file ({reason}).</source>
            <translation>Keine gültige .torrent-Datei ({reason}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Pages start at 1.</source>
            <translation>Seiten beginnen bei 1.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Paste a fresh token from hardcover.app/account/api.</source>
            <translation>Fügen Sie ein neues Token von hardcover.app/account/api ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Paste your token from hardcover.app/account/api.</source>
            <translation>Fügen Sie Ihr Token von hardcover.app/account/api ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Pick a model in BookDate settings.</source>
            <translation>Wählen Sie ein Modell in den BookDate-Einstellungen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex has no library with id {key}.</source>
            <translation>Plex hat keine Bibliothek mit der ID {key}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex library '{title}' is a {type} library, not a music library.</source>
            <translation>Die Plex-Bibliothek „{title}“ ist eine Bibliothek vom Typ {type}, keine Musikbibliothek.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent JSON without a MediaContainer.</source>
            <translation>Plex hat JSON ohne MediaContainer gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent XML the app cannot read.</source>
            <translation>Plex hat XML gesendet, das die App nicht lesen kann.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent XML without a MediaContainer.</source>
            <translation>Plex hat XML ohne MediaContainer gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent a MediaContainer with unreadable items.</source>
            <translation>Plex hat einen MediaContainer mit unlesbaren Einträgen gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd at {url} refused the API key.</source>
            <translation>SABnzbd unter {url} hat den API-Schlüssel abgelehnt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd did not accept '{name}'.</source>
            <translation>SABnzbd hat „{name}“ nicht angenommen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd needs an NZB file or an NZB URL.</source>
            <translation>SABnzbd braucht eine NZB-Datei oder eine NZB-URL.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd refused '{mode}': {reason}</source>
            <translation>SABnzbd hat „{mode}“ abgelehnt: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd's history answer has no 'history'.</source>
            <translation>Der Verlaufsantwort von SABnzbd fehlt „history“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd's queue answer has no 'queue'.</source>
            <translation>Der Warteschlangenantwort von SABnzbd fehlt „queue“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Sign in again; the code from the browser is valid for a few minutes only.</source>
            <translation>Melden Sie sich erneut an; der Code aus dem Browser ist nur wenige Minuten gültig.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>The NZB file may be damaged; the next release will be tried.</source>
            <translation>Die NZB-Datei ist möglicherweise beschädigt; das nächste Release wird versucht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>The address does not lead to an RSS feed.</source>
            <translation>Die Adresse führt nicht zu einem RSS-Feed.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>The magnet link carries no BitTorrent info-hash.</source>
            <translation>Der Magnet-Link enthält keinen BitTorrent-Info-Hash.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>The service is having trouble; the app will try again later.</source>
            <translation>Der Dienst hat Probleme; die App versucht es später erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>The {service} address is not a valid URL.</source>
            <translation>Die Adresse von {service} ist keine gültige URL.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>This Audible sign-in has no refresh token.</source>
            <translation>Diese Audible-Anmeldung hat kein Aktualisierungstoken.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>This address does not answer like Prowlarr.</source>
            <translation>Diese Adresse antwortet nicht wie Prowlarr.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>This address does not answer like a Plex server.</source>
            <translation>Diese Adresse antwortet nicht wie ein Plex-Server.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission at {url} did not answer in time.</source>
            <translation>Transmission unter {url} hat nicht rechtzeitig geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission at {url} refused the user name or password.</source>
            <translation>Transmission unter {url} hat Benutzername oder Passwort abgelehnt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission at {url} sent an answer the app cannot read ({kind}).</source>
            <translation>Transmission unter {url} hat eine Antwort gesendet, die die App nicht lesen kann ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission needs a .torrent file or a magnet link.</source>
            <translation>Transmission braucht eine .torrent-Datei oder einen Magnet-Link.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission: {reason}</source>
            <translation>Transmission: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Try again later.</source>
            <translation>Versuchen Sie es später erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Try again, or remove the device under Amazon &gt; Your devices.</source>
            <translation>Versuchen Sie es erneut oder entfernen Sie das Gerät unter Amazon &gt; Meine Geräte.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>Use Prowlarr's address, e.g. http://localhost:9696.</source>
            <translation>Verwenden Sie die Adresse von Prowlarr, z. B. http://localhost:9696.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Use a user from the daemon's auth file (Deluge: Preferences &gt; Daemon).</source>
            <translation>Verwenden Sie einen Benutzer aus der auth-Datei des Daemons (Deluge: Einstellungen &gt; Daemon).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Use one of: {items}.</source>
            <translation>Verwenden Sie einen davon: {items}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Use the API's base URL, e.g. http://localhost:11434/v1 for Ollama.</source>
            <translation>Verwenden Sie die Basis-URL der API, z. B. http://localhost:11434/v1 für Ollama.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>You have no Hardcover list called '{target}'.</source>
            <translation>Sie haben keine Hardcover-Liste namens „{target}“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>plex.tv sent a Home the app cannot read.</source>
            <translation>plex.tv hat ein Home gesendet, das die App nicht lesen kann.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>plex.tv sent a PIN the app cannot read.</source>
            <translation>plex.tv hat eine PIN gesendet, die die App nicht lesen kann.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>plex.tv sent an account the app cannot read.</source>
            <translation>plex.tv hat ein Konto gesendet, das die App nicht lesen kann.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} answered with an error: {reason}</source>
            <translation>qBittorrent unter {url} hat mit einem Fehler geantwortet: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} did not answer in time.</source>
            <translation>qBittorrent unter {url} hat nicht rechtzeitig geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} refused access ({kind}).</source>
            <translation>qBittorrent unter {url} hat den Zugriff verweigert ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} refused the user name or password.</source>
            <translation>qBittorrent unter {url} hat Benutzername oder Passwort abgelehnt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} sent an answer the app cannot read ({kind}).</source>
            <translation>qBittorrent unter {url} hat eine Antwort gesendet, die die App nicht lesen kann ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent did not accept '{name}'.</source>
            <translation>qBittorrent hat „{name}“ nicht angenommen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent needs a .torrent file or a magnet link.</source>
            <translation>qBittorrent braucht eine .torrent-Datei oder einen Magnet-Link.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent: {reason}</source>
            <translation>qBittorrent: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{base_url} answered, but not like an AI model service.</source>
            <translation>{base_url} hat geantwortet, aber nicht wie ein KI-Modelldienst.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>{path} holds no files.</source>
            <translation>{path} enthält keine Dateien.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} answered HTTP {status}.</source>
            <translation>{service} hat mit HTTP {status} geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/gutendex.py" />
            <location filename="../../rmab_desktop/clients/standard_ebooks.py" />
            <source>{service} answered in an unknown shape.</source>
            <translation>{service} hat in unbekannter Form geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} did not answer in time.</source>
            <translation>{service} hat nicht rechtzeitig geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deadline.py" />
            <source>{service} did not finish answering within {waited} seconds.</source>
            <translation>{service} hat seine Antwort nicht innerhalb von {waited} Sekunden abgeschlossen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} does not know this item (HTTP 404).</source>
            <translation>{service} kennt diesen Eintrag nicht (HTTP 404).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} had a server error (HTTP {status_code}).</source>
            <translation>{service} hatte einen Serverfehler (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/internet_archive.py" />
            <source>{service} has no files for item '{identifier}'.</source>
            <translation>{service} hat keine Dateien für den Eintrag „{identifier}“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} has no such model or address ({path}).</source>
            <translation>{service} kennt dieses Modell oder diese Adresse nicht ({path}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} has no such resource ({path}).</source>
            <translation>{service} hat keine solche Ressource ({path}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} is limiting requests (HTTP 429).</source>
            <translation>{service} begrenzt die Anfragen (HTTP 429).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} is rate limiting requests. Try again in a minute.</source>
            <translation>{service} begrenzt die Anfragen. Versuchen Sie es in einer Minute erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} is rate limiting requests. Try again in {seconds} seconds.</source>
            <translation>{service} begrenzt die Anfragen. Versuchen Sie es in {seconds} Sekunden erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} redirected too many times.</source>
            <translation>{service} hat zu oft weitergeleitet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} refused the API key (HTTP {status}).</source>
            <translation>{service} hat den API-Schlüssel abgelehnt (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} refused the request (HTTP {status_code}).</source>
            <translation>{service} hat die Anfrage abgelehnt (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} refused the token (HTTP {status}).</source>
            <translation>{service} hat das Token abgelehnt (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/internet_archive.py" />
            <source>{service} search answered in an unknown shape.</source>
            <translation>Die Suche von {service} hat in unbekannter Form geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>{service} search did not return a list.</source>
            <translation>Die Suche von {service} hat keine Liste geliefert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent JSON nested too deeply to read.</source>
            <translation>{service} hat JSON gesendet, das zu tief verschachtelt ist, um es zu lesen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent XML that is not a caps document.</source>
            <translation>{service} hat XML gesendet, das kein caps-Dokument ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent XML that is not a search feed.</source>
            <translation>{service} hat XML gesendet, das kein Such-Feed ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent XML with forbidden constructs.</source>
            <translation>{service} hat XML mit unzulässigen Konstrukten gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent a body that is not JSON.</source>
            <translation>{service} hat einen Inhalt gesendet, der kein JSON ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/standard_ebooks.py" />
            <source>{service} sent a feed that is not valid XML.</source>
            <translation>{service} hat einen Feed gesendet, der kein gültiges XML ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent a number the app cannot use ({reason}).</source>
            <translation>{service} hat eine Zahl gesendet, die die App nicht verwenden kann ({reason}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent an answer larger than {megabytes} MB.</source>
            <translation>{service} hat eine Antwort gesendet, die größer als {megabytes} MB ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>{service} sent an answer that is not JSON.</source>
            <translation>{service} hat eine Antwort gesendet, die kein JSON ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an answer that is not XML.</source>
            <translation>{service} hat eine Antwort gesendet, die kein XML ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent an answer the app cannot read ({kind}).</source>
            <translation>{service} hat eine Antwort gesendet, die die App nicht lesen kann ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an empty answer.</source>
            <translation>{service} hat eine leere Antwort gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an empty release file.</source>
            <translation>{service} hat eine leere Release-Datei gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an error page instead of a file.</source>
            <translation>{service} hat statt einer Datei eine Fehlerseite gesendet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service}: there is no Torznab/Newznab API at this address (HTTP 404).</source>
            <translation>{service}: Unter dieser Adresse gibt es keine Torznab/Newznab-API (HTTP 404).</translation>
        </message>
    </context>
    <context>
        <name>ServiceHealth</name>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>Unexpected error: {error}</source>
            <translation>Unerwarteter Fehler: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} answers again ({latency} ms).</source>
            <translation>{service} antwortet wieder ({latency} ms).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} did not answer.</source>
            <translation>{service} hat nicht geantwortet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} is back</source>
            <translation>{service} ist wieder erreichbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} is down</source>
            <translation>{service} ist ausgefallen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} is down: {error}</source>
            <translation>{service} ist ausgefallen: {error}</translation>
        </message>
    </context>
    <context>
        <name>ServiceKinds</name>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Audible catalog</source>
            <translation>Audible-Katalog</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Download client</source>
            <translation>Download-Client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Indexer</source>
            <translation>Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Library server</source>
            <translation>Bibliotheksserver</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Notifications</source>
            <translation>Benachrichtigungen</translation>
        </message>
    </context>
    <context>
        <name>ServiceStatus</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Degraded</source>
            <translation>Beeinträchtigt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Down</source>
            <translation>Ausgefallen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Unknown</source>
            <translation>Unbekannt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Up</source>
            <translation>Erreichbar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>{service}: {state}</source>
            <translation>{service}: {state}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Catalog &amp; requests</source>
            <translation>Katalog &amp; Anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Desktop</source>
            <translation>Desktop</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Download clients</source>
            <translation>Download-Clients</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Ebooks</source>
            <translation>E-Books</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Household key</source>
            <translation>Haushaltsschlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Indexers</source>
            <translation>Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Library</source>
            <translation>Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Local API</source>
            <translation>Lokale API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Notifications</source>
            <translation>Benachrichtigungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Organize</source>
            <translation>Einsortieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Ranking</source>
            <translation>Rangfolge</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Request limits</source>
            <translation>Anfragelimits</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>Settings sections</source>
            <translation>Einstellungsbereiche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Setup assistant</source>
            <translation>Einrichtungsassistent</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>{section} could not be opened</source>
            <translation>{section} konnte nicht geöffnet werden</translation>
        </message>
    </context>
    <context>
        <name>Setup</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/setup.py" />
            <source>Audible ({region}) answered: %n suggestion(s) for a sample search.</source>
            <translation>
                <numerusform>Audible ({region}) hat geantwortet: %n Vorschlag für eine Beispielsuche.</numerusform>
                <numerusform>Audible ({region}) hat geantwortet: %n Vorschläge für eine Beispielsuche.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SetupAssistant</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Address</source>
            <translation>Adr&amp;esse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Client</source>
            <translation>&amp;Client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Find libraries</source>
            <translation>Bibliotheken &amp;suchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Library</source>
            <translation>&amp;Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Marketplace</source>
            <translation>&amp;Marktplatz</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Password</source>
            <translation>&amp;Passwort</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Same folder here</source>
            <translation>Derselbe Ordner hie&amp;r</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Test</source>
            <translation>&amp;Testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;User name</source>
            <translation>Ben&amp;utzername</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>API &amp;key</source>
            <translation>API-Sc&amp;hlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>API key</source>
            <translation>API-Schlüssel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Apprise &amp;URL</source>
            <translation>Apprise-&amp;URL</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Asking the server…</source>
            <translation>Server wird abgefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Audible marketplace</source>
            <translation>Audible-Marktplatz</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation>
                <numerusform>Gefundene Hörbuch-Bibliotheken: %n.</numerusform>
                <numerusform>Gefundene Hörbuch-Bibliotheken: %n.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Books are discovered and identified in this marketplace (an ASIN belongs to one).</source>
            <translation>Bücher werden in diesem Marktplatz gefunden und erkannt (eine ASIN gehört zu genau einem).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Books are organized and tagged into this folder; a server can then show them.</source>
            <translation>Bücher werden in diesen Ordner einsortiert und getaggt; ein Server kann sie dann anzeigen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Browse for: {folder}</source>
            <translation>Auswählen: {folder}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Cate&amp;gory</source>
            <translation>Kate&amp;gorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Choose a download client first.</source>
            <translation>Wählen Sie zuerst einen Download-Client.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Choose at least one source of releases. Prowlarr searches all its indexers at once.</source>
            <translation>Wählen Sie mindestens eine Quelle für Releases. Prowlarr durchsucht alle seine Indexer auf einmal.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Client's &amp;download folder</source>
            <translation>Download-&amp;Ordner des Clients</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Create one on the server, then try again.</source>
            <translation>Legen Sie eine auf dem Server an und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Download client</source>
            <translation>Download-Client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Download folder on this computer</source>
            <translation>Download-Ordner auf diesem Computer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Enter an Apprise URL first, or leave it empty to skip.</source>
            <translation>Geben Sie zuerst eine Apprise-URL ein oder lassen Sie das Feld leer, um den Schritt zu überspringen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Enter the indexer's address first.</source>
            <translation>Geben Sie zuerst die Adresse des Indexers ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Fill in both folders of the path mapping, or neither.</source>
            <translation>Füllen Sie beide Ordner der Pfadzuordnung aus oder keinen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>In a few steps you choose where your audiobooks live, which Audible marketplace to browse, where to search for releases, which download client fetches them and how you want to be notified.

Each step has a Test button. Anything you leave empty can be set later in Settings, and this assistant can be opened again from Settings &gt; Setup.</source>
            <translation>In wenigen Schritten legen Sie fest, wo Ihre Hörbücher liegen, welchen Audible-Marktplatz Sie durchsuchen, wo nach Releases gesucht wird, welcher Download-Client sie holt und wie Sie benachrichtigt werden möchten.

Jeder Schritt hat eine Schaltfläche „Testen“. Was Sie leer lassen, können Sie später in den Einstellungen festlegen; dieser Assistent lässt sich unter Einstellungen &gt; Einrichtungsassistent erneut öffnen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Internet Archive / LibriVox: public-domain books, no account needed</source>
            <translation>Internet Archive / LibriVox: gemeinfreie Bücher, kein Konto nötig</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Just a folder (the app scans it)</source>
            <translation>Nur ein Ordner (die App scannt ihn)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Library &amp;folder</source>
            <translation>Bibliotheks&amp;ordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Library folder</source>
            <translation>Bibliotheksordner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>None for now</source>
            <translation>Vorerst keiner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Notifications</source>
            <translation>Benachrichtigungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Optional: also notify a phone or chat (Discord, Telegram, ntfy, Pushover, email …) with an Apprise URL. Desktop notifications are always on.</source>
            <translation>Optional: zusätzlich ein Telefon oder einen Chat (Discord, Telegram, ntfy, Pushover, E-Mail …) über eine Apprise-URL benachrichtigen. Desktop-Benachrichtigungen sind immer aktiv.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Save and start</source>
            <translation>Speichern und starten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Send &amp;test</source>
            <translation>&amp;Test senden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Shown by</source>
            <translation>Angezeigt von</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>T&amp;oken</source>
            <translation>To&amp;ken</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test</source>
            <translation>Testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test Internet Archive / LibriVox</source>
            <translation>Internet Archive / LibriVox testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test {indexer}</source>
            <translation>{indexer} testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The client that downloads torrents or NZBs. Public-domain books download directly and need none.</source>
            <translation>Der Client, der Torrents oder NZBs herunterlädt. Gemeinfreie Bücher werden direkt geladen und brauchen keinen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The client's folder and the same folder as this computer sees it.</source>
            <translation>Der Ordner des Clients und derselbe Ordner aus Sicht dieses Computers.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The server has no audiobook library.</source>
            <translation>Der Server hat keine Hörbuch-Bibliothek.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Torznab / Newznab indexer</source>
            <translation>Torznab-/Newznab-Indexer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Welcome to ReadMeABook</source>
            <translation>Willkommen bei ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Where to search</source>
            <translation>Wo gesucht wird</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Your library</source>
            <translation>Ihre Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>as the client sees it, e.g. /downloads</source>
            <translation>aus Sicht des Clients, z. B. /downloads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>e.g. /home/me/Audiobooks</source>
            <translation>z. B. /home/ich/Hörbücher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>e.g. ntfys://my-topic or discord://webhook_id/webhook_token</source>
            <translation>z. B. ntfys://my-topic oder discord://webhook_id/webhook_token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>the same folder on this computer, e.g. /mnt/nas/downloads</source>
            <translation>derselbe Ordner auf diesem Computer, z. B. /mnt/nas/downloads</translation>
        </message>
    </context>
    <context>
        <name>SetupSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/setup_settings.py" />
            <source>&amp;Open the setup assistant…</source>
            <translation>Einrichtungsassistenten ö&amp;ffnen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/setup_settings.py" />
            <source>The setup assistant walks through the library, the Audible marketplace, indexers, the download client and notifications, with a Test for each. What you already set up is kept unless you change it there.</source>
            <translation>Der Einrichtungsassistent führt durch Bibliothek, Audible-Marktplatz, Indexer, Download-Client und Benachrichtigungen, jeweils mit einem Test. Bereits Eingerichtetes bleibt erhalten, sofern Sie es dort nicht ändern.</translation>
        </message>
    </context>
    <context>
        <name>ShelvesJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Shelf {shelf} did not sync: {error}</source>
            <translation>Regal {shelf} wurde nicht abgeglichen: {error}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Shelf {shelf} synced: %n new book(s).</source>
            <translation>
                <numerusform>Regal {shelf} abgeglichen: %n neues Buch.</numerusform>
                <numerusform>Regal {shelf} abgeglichen: %n neue Bücher.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Sync reading shelves</source>
            <translation>Leseregale synchronisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Sync reading shelves into requests</source>
            <translation>Leseregale in Anfragen übernehmen</translation>
        </message>
    </context>
    <context>
        <name>ShelvesPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>A one-off import. 'to-read' takes the books you want; 'all' takes every book.</source>
            <translation>Ein einmaliger Import. „to-read“ übernimmt die Bücher, die Sie lesen möchten; „all“ übernimmt alle.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>A reading status (want-to-read, currently-reading, read) or a list's short name from its address.</source>
            <translation>Ein Lesestatus (want-to-read, currently-reading, read) oder der Kurzname einer Liste aus ihrer Adresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add a Goodreads shelf, a Hardcover list or a CSV export: the books on it become requests.</source>
            <translation>Fügen Sie ein Goodreads-Regal, eine Hardcover-Liste oder einen CSV-Export hinzu: Die Bücher darauf werden zu Anfragen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add a reading shelf</source>
            <translation>Leseregal hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add and sync</source>
            <translation>Hinzufügen und synchronisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add shelf…</source>
            <translation>Regal hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Adding the shelf and looking up its books on Audible…</source>
            <translation>Regal wird hinzugefügt und seine Bücher werden bei Audible gesucht…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Audible has more than one possible audiobook for these, or one by another author. Nothing is requested until you choose.</source>
            <translation>Audible hat hierfür mehr als ein mögliches Hörbuch oder eines von einem anderen Autor. Nichts wird angefragt, bevor Sie wählen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Books on your Goodreads and Hardcover shelves become requests when Audible has them for sure. Removing a shelf keeps its requests and books.</source>
            <translation>Bücher aus Ihren Goodreads- und Hardcover-Regalen werden zu Anfragen, wenn Audible sie sicher hat. Wird ein Regal entfernt, bleiben seine Anfragen und Bücher.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>CSV import</source>
            <translation>CSV-Import</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose file…</source>
            <translation>Datei wählen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose the export</source>
            <translation>Export wählen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose the right book</source>
            <translation>Das richtige Buch wählen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose {title}</source>
            <translation>„{title}“ wählen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Cover of {title}</source>
            <translation>Cover von „{title}“</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Goodreads or StoryGraph export (CSV)</source>
            <translation>Goodreads- oder StoryGraph-Export (CSV)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Goodreads shelf</source>
            <translation>Goodreads-Regal</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Goodreads shelf (RSS link)</source>
            <translation>Goodreads-Regal (RSS-Link)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Hardcover</source>
            <translation>Hardcover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Hardcover list or reading status</source>
            <translation>Hardcover-Liste oder Lesestatus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Hardcover token</source>
            <translation>Hardcover-Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Loading shelves…</source>
            <translation>Regale werden geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Narrated by {names}</source>
            <translation>Gesprochen von {names}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>No books yet: sync to read the shelf.</source>
            <translation>Noch keine Bücher: synchronisieren Sie, um das Regal zu lesen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>No reading shelves yet</source>
            <translation>Noch keine Leseregale</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>None of these</source>
            <translation>Keines davon</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Not synced yet.</source>
            <translation>Noch nicht synchronisiert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Nothing is waiting: every shelf book found its audiobook, or has none.</source>
            <translation>Nichts wartet: Jedes Regalbuch hat sein Hörbuch gefunden oder hat keines.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>On your shelf “{shelf}”: &lt;b&gt;{title}&lt;/b&gt; by {author}</source>
            <translation>In Ihrem Regal „{shelf}“: &lt;b&gt;{title}&lt;/b&gt; von {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Open the shelf on Goodreads and copy the RSS link at the bottom of the page.</source>
            <translation>Öffnen Sie das Regal auf Goodreads und kopieren Sie den RSS-Link unten auf der Seite.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Pause</source>
            <translation>Pausieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Reading shelves</source>
            <translation>Leseregale</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Remove shelf</source>
            <translation>Regal entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Remove this shelf? Requests it made and books in your library stay.</source>
            <translation>Dieses Regal entfernen? Seine Anfragen und die Bücher in Ihrer Bibliothek bleiben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Removing…</source>
            <translation>Wird entfernt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Requesting your choice…</source>
            <translation>Ihre Wahl wird angefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Shelf</source>
            <translation>Regal</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Shelf in the export</source>
            <translation>Regal im Export</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Sync all</source>
            <translation>Alle synchronisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Sync now</source>
            <translation>Jetzt synchronisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Synced {when}</source>
            <translation>Synchronisiert {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Syncing every shelf…</source>
            <translation>Alle Regale werden synchronisiert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Syncing the shelf…</source>
            <translation>Regal wird synchronisiert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>The last sync failed: {error} Check the shelf's address or token, then sync again.</source>
            <translation>Die letzte Synchronisierung ist fehlgeschlagen: {error} Prüfen Sie die Adresse oder das Token des Regals und synchronisieren Sie erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>This one</source>
            <translation>Dieses</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>from hardcover.app/account/api; {place}</source>
            <translation>von hardcover.app/account/api; {place}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>in library</source>
            <translation>in der Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>matched, not requested</source>
            <translation>gefunden, nicht angefragt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>no audiobook</source>
            <translation>kein Hörbuch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>not looked up yet</source>
            <translation>noch nicht gesucht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>paused</source>
            <translation>pausiert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>requested</source>
            <translation>angefragt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>the exported .csv file</source>
            <translation>die exportierte .csv-Datei</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>unknown author</source>
            <translation>unbekannter Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>waiting for a choice</source>
            <translation>zur Auswahl</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Close a book window</source>
            <translation>Buchfenster schließen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Command</source>
            <translation>Befehl</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Enter</source>
            <translation>Eingabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Esc, Ctrl+W</source>
            <translation>Esc, Strg+W</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Everything in the app can be reached from the keyboard.</source>
            <translation>Alles in der App ist per Tastatur erreichbar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keyboard Shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keyboard shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keys</source>
            <translation>Tasten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Library › {action}</source>
            <translation>Bibliothek › {action}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Menu key, Shift+F10</source>
            <translation>Menütaste, Umschalt+F10</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Move between controls</source>
            <translation>Zwischen Bedienelementen wechseln</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Open the selected book (Search, Discover, author and series lists)</source>
            <translation>Ausgewähltes Buch öffnen (Suche, Entdecken, Autoren- und Reihenlisten)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Show a book's actions</source>
            <translation>Aktionen eines Buches anzeigen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Tab, Shift+Tab</source>
            <translation>Tab, Umschalt+Tab</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Ask an administrator to approve it on the Users page, then sign in again.</source>
            <translation>Bitten Sie einen Administrator, es auf der Seite „Benutzer“ freizugeben, und melden Sie sich dann erneut an.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Ask an administrator.</source>
            <translation>Wenden Sie sich an einen Administrator.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Check both and try again; passwords are case-sensitive.</source>
            <translation>Prüfen Sie beides und versuchen Sie es erneut; beim Passwort zählt die Groß- und Kleinschreibung.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Check the code, or ask an administrator for a new one.</source>
            <translation>Prüfen Sie den Code oder bitten Sie einen Administrator um einen neuen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Only an administrator can invite people.</source>
            <translation>Nur ein Administrator kann Personen einladen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>This account is turned off.</source>
            <translation>Dieses Konto ist deaktiviert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>This invite code is not valid (wrong, used or expired).</source>
            <translation>Dieser Einladungscode ist ungültig (falsch, bereits benutzt oder abgelaufen).</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/household/sign_in_limits.py" />
            <source>Too many wrong passwords for '{name}'. Try again in %n minute(s).</source>
            <translation>
                <numerusform>Zu viele falsche Passwörter für „{name}“. Versuchen Sie es in %n Minute erneut.</numerusform>
                <numerusform>Zu viele falsche Passwörter für „{name}“. Versuchen Sie es in %n Minuten erneut.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/sign_in_limits.py" />
            <source>Wait, or ask an administrator to set a new password.</source>
            <translation>Warten Sie oder bitten Sie einen Administrator, ein neues Passwort festzulegen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Wrong user name or password.</source>
            <translation>Falscher Benutzername oder falsches Passwort.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Your account is waiting for an administrator's approval.</source>
            <translation>Ihr Konto wartet auf die Freigabe durch einen Administrator.</translation>
        </message>
    </context>
    <context>
        <name>SignInWindow</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Ask for an account</source>
            <translation>Konto &amp;beantragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Back</source>
            <translation>&amp;Zurück</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Continue</source>
            <translation>&amp;Weiter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Create account</source>
            <translation>Konto &amp;erstellen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Create an account</source>
            <translation>Konto &amp;erstellen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Display name</source>
            <translation>&amp;Anzeigename</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Password</source>
            <translation>&amp;Passwort</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Remember me on this computer</source>
            <translation>Auf diesem Computer an&amp;gemeldet bleiben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Repeat password</source>
            <translation>Passwort &amp;wiederholen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Sign in</source>
            <translation>&amp;Anmelden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;User name</source>
            <translation>&amp;Benutzername</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Approve the sign-in in your browser; this window waits for Plex.</source>
            <translation>Bestätigen Sie die Anmeldung im Browser; dieses Fenster wartet auf Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Ask for an account</source>
            <translation>Ein Konto beantragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Choose a user name.</source>
            <translation>Wählen Sie einen Benutzernamen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Create your account with an invite code</source>
            <translation>Konto mit einem Einladungscode erstellen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Creating your account…</source>
            <translation>Ihr Konto wird erstellt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Enter the invite code an administrator gave you.</source>
            <translation>Geben Sie den Einladungscode ein, den Sie von einem Administrator bekommen haben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Enter your user name and password.</source>
            <translation>Geben Sie Benutzername und Passwort ein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>I have an &amp;invite code</source>
            <translation>Ich habe einen &amp;Einladungscode</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Invite &amp;code</source>
            <translation>Einladungs&amp;code</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Opening plex.tv…</source>
            <translation>plex.tv wird geöffnet…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>P&amp;rofile</source>
            <translation>P&amp;rofil</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Passwords need at least {count} characters.</source>
            <translation>Passwörter brauchen mindestens {count} Zeichen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Profile P&amp;IN</source>
            <translation>P&amp;IN des Profils</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign in to {app}</source>
            <translation>Bei {app} anmelden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign in with &amp;Plex…</source>
            <translation>Mit &amp;Plex anmelden…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign in with Plex</source>
            <translation>Mit Plex anmelden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign-in message</source>
            <translation>Anmeldemeldung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Signed in to Plex as {name}. Who is using the app?</source>
            <translation>Bei Plex angemeldet als {name}. Wer benutzt die App?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Signing in…</source>
            <translation>Anmeldung…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>The two passwords differ.</source>
            <translation>Die beiden Passwörter stimmen nicht überein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Who is using {app}?</source>
            <translation>Wer benutzt {app}?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Your account waits for an administrator's approval. Sign in once they approved it.</source>
            <translation>Ihr Konto wartet auf die Freigabe durch einen Administrator. Melden Sie sich an, sobald es freigegeben ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>at least {count} characters</source>
            <translation>mindestens {count} Zeichen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>e.g. {code}</source>
            <translation>z. B. {code}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>optional</source>
            <translation>optional</translation>
        </message>
    </context>
    <context>
        <name>StartupError</name>
        <message>
            <location filename="../../rmab_desktop/__main__.py" />
            <source>The app could not start ({detail}).</source>
            <translation>Die App konnte nicht starten ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/__main__.py" />
            <source>The log file has the details; please include it when you report the problem.</source>
            <translation>Die Details stehen in der Protokolldatei; bitte fügen Sie sie bei, wenn Sie das Problem melden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/__main__.py" />
            <source>{app} cannot start</source>
            <translation>{app} kann nicht starten</translation>
        </message>
    </context>
    <context>
        <name>StateStack</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>Could not load</source>
            <translation>Konnte nicht geladen werden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>This takes a moment.</source>
            <translation>Das dauert einen Moment.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>Try again</source>
            <translation>Erneut versuchen</translation>
        </message>
    </context>
    <context>
        <name>StatusPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Add the Audible marketplace, an indexer, a download client or a library server in Settings (or the setup wizard); each one then gets a card here.</source>
            <translation>Fügen Sie in den Einstellungen (oder im Einrichtungsassistenten) den Audible-Marktplatz, einen Indexer, einen Download-Client oder einen Bibliotheksserver hinzu; jeder erhält dann hier eine Karte.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Check every configured service now</source>
            <translation>Alle eingerichteten Dienste jetzt prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Check now</source>
            <translation>Jetzt prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Checked every 10 minutes. A service that goes down is reported once, and again when it is back.</source>
            <translation>Alle 10 Minuten geprüft. Ein ausgefallener Dienst wird einmal gemeldet und erneut, sobald er wieder erreichbar ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Checking…</source>
            <translation>Wird geprüft…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>No services to check yet</source>
            <translation>Noch keine Dienste zu prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Service status</source>
            <translation>Dienststatus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Services</source>
            <translation>Dienste</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>{down} of %n down</source>
            <translation>
                <numerusform>{down} von %n ausgefallen</numerusform>
                <numerusform>{down} von %n ausgefallen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TaskErrors</name>
        <message>
            <location filename="../../rmab_desktop/workers/runner.py" />
            <source>This is a bug. The details are in the log file.</source>
            <translation>Das ist ein Programmfehler. Die Details stehen in der Protokolldatei.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/runner.py" />
            <source>Unexpected error: {error}</source>
            <translation>Unerwarteter Fehler: {error}</translation>
        </message>
    </context>
    <context>
        <name>TestButton</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_button.py" />
            <source>Test</source>
            <translation>Testen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_button.py" />
            <source>Testing…</source>
            <translation>Wird getestet…</translation>
        </message>
    </context>
    <context>
        <name>TestResult</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_result.py" />
            <source>✓ {message}</source>
            <translation>✓ {message}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_result.py" />
            <source>✓ {message} ({latency} ms)</source>
            <translation>✓ {message} ({latency} ms)</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>%n job(s) running</source>
            <translation>
                <numerusform>%n Auftrag läuft</numerusform>
                <numerusform>%n Aufträge laufen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Hide window</source>
            <translation>Fenster ausblenden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>No active jobs</source>
            <translation>Keine aktiven Aufträge</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Pause automation</source>
            <translation>Automatik pausieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Show window</source>
            <translation>Fenster anzeigen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>{app} — %n running</source>
            <translation>
                <numerusform>{app} – %n läuft</numerusform>
                <numerusform>{app} – %n laufen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>{app} — paused</source>
            <translation>{app} – pausiert</translation>
        </message>
    </context>
    <context>
        <name>UpcomingPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n Buch</numerusform>
                <numerusform>%n Bücher</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>&amp;Agenda</source>
            <translation>&amp;Agenda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>&amp;Month</source>
            <translation>&amp;Monat</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>&amp;Refresh</source>
            <translation>A&amp;ktualisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>&amp;Try again</source>
            <translation>&amp;Erneut versuchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Books released on the chosen day</source>
            <translation>Bücher, die am gewählten Tag erscheinen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Loading upcoming releases…</source>
            <translation>Kommende Neuerscheinungen werden geladen …</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>No requested book comes out on this day.</source>
            <translation>An diesem Tag erscheint kein angefragtes Buch.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Nothing upcoming</source>
            <translation>Nichts in Aussicht</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Release calendar</source>
            <translation>Erscheinungskalender</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Release day and book</source>
            <translation>Erscheinungstag und Buch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Request</source>
            <translation>Anfrage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Request a book before its release day (a pre-order on Audible) and it appears here.</source>
            <translation>Fragen Sie ein Buch vor seinem Erscheinungsdatum an (eine Vorbestellung bei Audible), dann erscheint es hier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Requested books that are not out yet, by release day (your calendar's dates). Each is searched for on its release day.</source>
            <translation>Angefragte Bücher, die noch nicht erschienen sind, nach Erscheinungsdatum (Daten Ihres Kalenders). Jedes wird an seinem Erscheinungstag gesucht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Series</source>
            <translation>Reihe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Try again in a moment.</source>
            <translation>Versuchen Sie es gleich noch einmal.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Upcoming releases</source>
            <translation>Kommende Neuerscheinungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Upcoming releases by day</source>
            <translation>Kommende Neuerscheinungen nach Tag</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Upcoming releases could not be loaded</source>
            <translation>Kommende Neuerscheinungen konnten nicht geladen werden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{date}: {count}</source>
            <translation>{date}: {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{series}, book {position}</source>
            <translation>{series}, Band {position}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{status} (watching {name})</source>
            <translation>{status} (beobachtet: {name})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{title} (ebook)</source>
            <translation>{title} (E-Book)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{title} by {authors}</source>
            <translation>{title} von {authors}</translation>
        </message>
    </context>
    <context>
        <name>UpkeepJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>%n book(s) added or changed</source>
            <translation>
                <numerusform>%n Buch hinzugefügt oder geändert</numerusform>
                <numerusform>%n Bücher hinzugefügt oder geändert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>%n request(s) now available</source>
            <translation>
                <numerusform>%n Anfrage jetzt verfügbar</numerusform>
                <numerusform>%n Anfragen jetzt verfügbar</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Check recently added books</source>
            <translation>Kürzlich hinzugefügte Bücher prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retry failed imports</source>
            <translation>Fehlgeschlagene Importe wiederholen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retrying the import</source>
            <translation>Import wird wiederholt</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retrying the import of %n request(s)</source>
            <translation>
                <numerusform>Import von %n Anfrage wird wiederholt</numerusform>
                <numerusform>Import von %n Anfragen wird wiederholt</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>{books}; {requests}</source>
            <translation>{books}; {requests}</translation>
        </message>
    </context>
    <context>
        <name>UrlImport</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/url_audio/service.py" />
            <source>'{title}' is now in the library at {path} (%n chapter(s))</source>
            <translation>
                <numerusform>„{title}“ ist jetzt in der Bibliothek unter {path} (%n Kapitel)</numerusform>
                <numerusform>„{title}“ ist jetzt in der Bibliothek unter {path} (%n Kapitel)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/url_audio/source.py" />
            <source>Check the link in a browser; the site may need an account, or yt-dlp may not know it.</source>
            <translation>Prüfen Sie den Link in einem Browser; die Website erfordert vielleicht ein Konto, oder yt-dlp kennt sie nicht.</translation>
        </message>
    </context>
    <context>
        <name>UserDialogs</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Display name</source>
            <translation>&amp;Anzeigename</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Give them to</source>
            <translation>&amp;Übergeben an</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Keep them as {name}'s history</source>
            <translation>Als Verlauf von {name} &amp;behalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Password</source>
            <translation>&amp;Passwort</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Repeat password</source>
            <translation>Passwort &amp;wiederholen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;User name</source>
            <translation>&amp;Benutzername</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Add a user</source>
            <translation>Benutzer hinzufügen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Administrators may do everything; these apply if they become users.</source>
            <translation>Administratoren dürfen alles; diese Einstellungen gelten, wenn sie Benutzer werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Give this code to the new person. In the sign-in window they choose "I have an invite code" and create their account. It works once, for 7 days, and is not shown again.</source>
            <translation>Geben Sie diesen Code der neuen Person. Im Anmeldefenster wählt sie „Ich habe einen Einladungscode“ und erstellt ihr Konto. Er gilt einmal, 7 Tage lang, und wird nicht noch einmal angezeigt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Household default ({state})</source>
            <translation>Vorgabe des Haushalts ({state})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>I understand that {name} loses access</source>
            <translation>Mir ist klar, dass {name} den Zugang verliert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Invite code</source>
            <translation>Einladungscode</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>May download books to this computer</source>
            <translation>Darf Bücher auf diesen Computer herunterladen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>May search indexers and pick a release</source>
            <translation>Darf Indexer durchsuchen und ein Release wählen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>New owner of the requests</source>
            <translation>Neuer Besitzer der Anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>New password for {name}</source>
            <translation>Neues Passwort für {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>On</source>
            <translation>An</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Passwords need at least {count} characters.</source>
            <translation>Passwörter brauchen mindestens {count} Zeichen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Permissions of {name}</source>
            <translation>Berechtigungen von {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>R&amp;ole</source>
            <translation>R&amp;olle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Remove {name}</source>
            <translation>{name} entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Requests are approved automatically</source>
            <translation>Anfragen werden automatisch freigegeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Save</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>The two passwords differ.</source>
            <translation>Die beiden Passwörter stimmen nicht überein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>User</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>User names need at least {count} characters.</source>
            <translation>Benutzernamen brauchen mindestens {count} Zeichen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>at least {count} characters</source>
            <translation>mindestens {count} Zeichen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>how the app greets them (optional)</source>
            <translation>wie die App die Person anspricht (optional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>off</source>
            <translation>aus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>on</source>
            <translation>an</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>{name} can no longer sign in. Their requests stay; choose who owns them now.</source>
            <translation>{name} kann sich nicht mehr anmelden. Die Anfragen bleiben; wählen Sie, wem sie jetzt gehören.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>{name} signs in with it from now on; remembered sign-ins end and a lock is lifted.</source>
            <translation>{name} meldet sich ab jetzt damit an; gemerkte Anmeldungen enden und eine Sperre wird aufgehoben.</translation>
        </message>
    </context>
    <context>
        <name>Users</name>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Ask another administrator to remove your account.</source>
            <translation>Bitten Sie einen anderen Administrator, Ihr Konto zu entfernen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Choose a longer password.</source>
            <translation>Wählen Sie ein längeres Passwort.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Choose a longer user name.</source>
            <translation>Wählen Sie einen längeren Benutzernamen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Choose another user name.</source>
            <translation>Wählen Sie einen anderen Benutzernamen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Choose someone else, or keep them as history.</source>
            <translation>Wählen Sie jemand anderen oder behalten Sie sie als Verlauf.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Give the administrator a password first (rmab users password {name}).</source>
            <translation>Geben Sie dem Administrator zuerst ein Passwort (rmab users password {name}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>List the users with: rmab users list</source>
            <translation>Die Benutzer auflisten: rmab users list</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Make someone else an administrator instead.</source>
            <translation>Machen Sie stattdessen jemand anderen zum Administrator.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can add users.</source>
            <translation>Nur ein Administrator kann Benutzer hinzufügen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can approve sign-ups.</source>
            <translation>Nur ein Administrator kann Registrierungen freigeben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change another person's password.</source>
            <translation>Nur ein Administrator kann das Passwort einer anderen Person ändern.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change permissions.</source>
            <translation>Nur ein Administrator kann Berechtigungen ändern.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change roles.</source>
            <translation>Nur ein Administrator kann Rollen ändern.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change the household defaults.</source>
            <translation>Nur ein Administrator kann die Haushaltsvorgaben ändern.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can remove users.</source>
            <translation>Nur ein Administrator kann Benutzer entfernen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Passwords need at least {count} characters.</source>
            <translation>Passwörter brauchen mindestens {count} Zeichen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Remove another user, or keep this one.</source>
            <translation>Entfernen Sie einen anderen Benutzer oder behalten Sie diesen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Requests can only go to another user who is not removed.</source>
            <translation>Anfragen können nur an einen anderen, nicht entfernten Benutzer übergehen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>The administrator '{name}' has no password yet: with a second user, everyone signs in.</source>
            <translation>Der Administrator „{name}“ hat noch kein Passwort: Mit einem zweiten Benutzer meldet sich jeder an.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>The first administrator cannot be removed.</source>
            <translation>Der erste Administrator kann nicht entfernt werden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>The first administrator cannot lose the admin role.</source>
            <translation>Der erste Administrator kann die Administratorrolle nicht verlieren.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>There is already a user called '{name}'.</source>
            <translation>Es gibt bereits einen Benutzer „{name}“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>There is no user called '{name}'.</source>
            <translation>Es gibt keinen Benutzer „{name}“.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>User names need at least {count} characters.</source>
            <translation>Benutzernamen brauchen mindestens {count} Zeichen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>User {id} does not exist.</source>
            <translation>Benutzer {id} existiert nicht.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>You cannot remove yourself.</source>
            <translation>Sie können sich nicht selbst entfernen.</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>%n sign-up(s) waiting for approval.</source>
            <translation>
                <numerusform>%n Registrierung wartet auf Freigabe.</numerusform>
                <numerusform>%n Registrierungen warten auf Freigabe.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>%n user(s)</source>
            <translation>
                <numerusform>%n Benutzer</numerusform>
                <numerusform>%n Benutzer</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>&amp;Add…</source>
            <translation>&amp;Hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>&amp;Invite…</source>
            <translation>&amp;Einladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>&amp;Remove…</source>
            <translation>&amp;Entfernen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>A new password for the selected person, e.g. after a lockout</source>
            <translation>Ein neues Passwort für die gewählte Person, z. B. nach einer Sperre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>A one-time code a new person enters in the sign-in window</source>
            <translation>Ein einmaliger Code, den eine neue Person im Anmeldefenster eingibt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>A&amp;pprove</source>
            <translation>&amp;Freigeben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Auto-approve</source>
            <translation>Automatische Freigabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Download</source>
            <translation>Download</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Everyone who uses this household's desktops. Administrators approve requests and manage users; a permission is the household default unless set for a person.</source>
            <translation>Alle, die die Computer dieses Haushalts benutzen. Administratoren geben Anfragen frei und verwalten Benutzer; eine Berechtigung folgt der Vorgabe des Haushalts, sofern sie nicht für eine Person festgelegt ist.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Household defaults</source>
            <translation>Vorgaben des Haushalts</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Interactive search</source>
            <translation>Interaktive Suche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Invite created.</source>
            <translation>Einladung erstellt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Let the selected person who signed up start</source>
            <translation>Die gewählte Person, die sich registriert hat, freischalten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Loading users…</source>
            <translation>Benutzer werden geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Make &amp;administrator</source>
            <translation>Zum &amp;Administrator machen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Make &amp;user</source>
            <translation>Zum &amp;Benutzer machen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Only administrators can change users; you can look.</source>
            <translation>Nur Administratoren können Benutzer ändern; Sie können sie ansehen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>P&amp;ermissions…</source>
            <translation>B&amp;erechtigungen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Re&amp;fresh</source>
            <translation>A&amp;ktualisieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Saving…</source>
            <translation>Speichern…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Set pass&amp;word…</source>
            <translation>Pass&amp;wort festlegen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Signs in with</source>
            <translation>Meldet sich an mit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>The users could not be read</source>
            <translation>Die Benutzer konnten nicht gelesen werden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>This takes a moment.</source>
            <translation>Das dauert einen Moment.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Try again</source>
            <translation>Erneut versuchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>User</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Users</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Users status</source>
            <translation>Status der Benutzer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Waiting for approval</source>
            <translation>Wartet auf Freigabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>You are the only user. Add or invite someone to share this library as a household.</source>
            <translation>Sie sind der einzige Benutzer. Fügen Sie jemanden hinzu oder laden Sie jemanden ein, um diese Bibliothek als Haushalt zu teilen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>no way to sign in yet</source>
            <translation>noch keine Anmeldemöglichkeit</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>off</source>
            <translation>aus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>on</source>
            <translation>an</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>password</source>
            <translation>Passwort</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>{role} (first)</source>
            <translation>{role} (erster)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>{state} (default)</source>
            <translation>{state} (Vorgabe)</translation>
        </message>
    </context>
    <context>
        <name>Watching</name>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>Audible lists “{title}” in no series.</source>
            <translation>Audible führt „{title}“ in keiner Reihe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Audiobook</source>
            <translation>Hörbuch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Audiobook and ebook</source>
            <translation>Hörbuch und E-Book</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Downloading</source>
            <translation>Wird heruntergeladen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Ebook</source>
            <translation>E-Book</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Ignored</source>
            <translation>Ignoriert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>In library</source>
            <translation>In der Bibliothek</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Missing</source>
            <translation>Fehlt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>New from {name}: {title}</source>
            <translation>Neu von {name}: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>New releases</source>
            <translation>Neuerscheinungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Next book only</source>
            <translation>Nur der nächste Band</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Not yet released</source>
            <translation>Noch nicht erschienen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Requested</source>
            <translation>Angefragt</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>Requested because you watch {name}.</source>
            <translation>Angefragt, weil Sie {name} beobachten.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>Requested because you watch {name}; it comes out on {date}.</source>
            <translation>Angefragt, weil Sie {name} beobachten; erscheint am {date}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Whole back catalogue</source>
            <translation>Gesamter Katalog</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>You already watch “{name}”.</source>
            <translation>Sie beobachten „{name}“ bereits.</translation>
        </message>
    </context>
    <context>
        <name>WatchingJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>Check watched authors and series</source>
            <translation>Beobachtete Autoren und Reihen prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>Request new books of watched authors and series</source>
            <translation>Neue Bücher beobachteter Autoren und Reihen anfragen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: %n new book(s) requested: {titles}</source>
            <translation>
                <numerusform>{watch}: %n neues Buch angefragt: {titles}</numerusform>
                <numerusform>{watch}: %n neue Bücher angefragt: {titles}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: not checked: {error}</source>
            <translation>{watch}: nicht geprüft: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: nothing new</source>
            <translation>{watch}: nichts Neues</translation>
        </message>
    </context>
    <context>
        <name>WatchingPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n book(s) requested by this watch so far</source>
            <translation>
                <numerusform>Bisher %n Buch durch diese Beobachtung angefragt</numerusform>
                <numerusform>Bisher %n Bücher durch diese Beobachtung angefragt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n Buch angefragt.</numerusform>
                <numerusform>%n Bücher angefragt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n new book(s) requested.</source>
            <translation>
                <numerusform>%n neues Buch angefragt.</numerusform>
                <numerusform>%n neue Bücher angefragt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>(paused)</source>
            <translation>(pausiert)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>ASIN</source>
            <translation>ASIN</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Applies to</source>
            <translation>Gilt für</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Authors and series you watch: their new books are requested for you once a day. Open an author or a series from a book to watch it.</source>
            <translation>Autoren und Reihen, die Sie beobachten: Ihre neuen Bücher werden einmal täglich für Sie angefragt. Öffnen Sie den Autor oder die Reihe eines Buchs, um sie zu beobachten.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Books on it are never requested by watches, shelves or “Request everything missing”.</source>
            <translation>Bücher darauf werden nie durch Beobachtungen, Regale oder „Alles Fehlende anfragen“ angefragt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Check all now</source>
            <translation>Alle jetzt prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Check now</source>
            <translation>Jetzt prüfen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Check the connection in Service status, then try again.</source>
            <translation>Prüfen Sie die Verbindung unter Dienststatus und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Checking every watch…</source>
            <translation>Alle Beobachtungen werden geprüft…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Checking {name}…</source>
            <translation>{name} wird geprüft…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Could not load this</source>
            <translation>Konnte nicht geladen werden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Edit watch: {name}</source>
            <translation>Beobachtung bearbeiten: {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Edit…</source>
            <translation>Bearbeiten…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Every edition</source>
            <translation>Alle Ausgaben</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Every series you own part of is complete, as far as Audible lists it.</source>
            <translation>Jede Reihe, von der Sie Bände besitzen, ist vollständig, soweit Audible sie führt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Ignore list</source>
            <translation>Ignorierliste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Last check</source>
            <translation>Letzte Prüfung</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Last check failed: {error}</source>
            <translation>Letzte Prüfung fehlgeschlagen: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Loading your ignore list…</source>
            <translation>Ignorierliste wird geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Loading your watches…</source>
            <translation>Beobachtungen werden geladen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Look again</source>
            <translation>Erneut suchen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Looking up your series on Audible…</source>
            <translation>Ihre Reihen werden bei Audible nachgeschlagen…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Missing in your series</source>
            <translation>Fehlt in Ihren Reihen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Mode</source>
            <translation>Modus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>No gaps in your series</source>
            <translation>Keine Lücken in Ihren Reihen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Not checked yet</source>
            <translation>Noch nicht geprüft</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Nothing new</source>
            <translation>Nichts Neues</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Number</source>
            <translation>Band</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Open a book, then its author or series, and choose “Watch”. New books are requested for you.</source>
            <translation>Öffnen Sie ein Buch, dann seinen Autor oder seine Reihe, und wählen Sie „Beobachten“. Neue Bücher werden für Sie angefragt.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Pause</source>
            <translation>Pausieren</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Release</source>
            <translation>Erscheinungsdatum</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Remove from the list</source>
            <translation>Von der Liste entfernen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Removing…</source>
            <translation>Wird entfernt…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request %n missing book(s)? Books not out yet wait for their release day.</source>
            <translation>
                <numerusform>%n fehlendes Buch anfragen? Noch nicht erschienene Bücher warten auf ihr Erscheinen.</numerusform>
                <numerusform>%n fehlende Bücher anfragen? Noch nicht erschienene Bücher warten auf ihr Erscheinen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request every missing book</source>
            <translation>Alle fehlenden Bücher anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request missing books</source>
            <translation>Fehlende Bücher anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request missing in this series</source>
            <translation>Fehlende dieser Reihe anfragen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Requested: {titles}</source>
            <translation>Angefragt: {titles}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Requesting…</source>
            <translation>Wird angefragt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Series</source>
            <translation>Reihe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Series and book</source>
            <translation>Reihe und Buch</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Stop watching</source>
            <translation>Nicht mehr beobachten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Stop watching {name}? The requests it made stay.</source>
            <translation>{name} nicht mehr beobachten? Die bisherigen Anfragen bleiben.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>This edition</source>
            <translation>Diese Ausgabe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Watches</source>
            <translation>Beobachtungen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Watching</source>
            <translation>Beobachtet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>What it found</source>
            <translation>Gefunden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>You watch nothing yet</source>
            <translation>Sie beobachten noch nichts</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Your ignore list is empty</source>
            <translation>Ihre Ignorierliste ist leer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>{series}: you have {owned}, {missing} missing</source>
            <translation>{series}: {owned} vorhanden, {missing} fehlen</translation>
        </message>
    </context>
</TS>
