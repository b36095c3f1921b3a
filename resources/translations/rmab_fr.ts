<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>&amp;Licence text…</source>
            <translation>Texte de la &amp;licence…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>&lt;b&gt;Bundled components&lt;/b&gt;</source>
            <translation>&lt;b&gt;Composants inclus&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>About {app}</source>
            <translation>À propos de {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Bundled components</source>
            <translation>Composants inclus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Component</source>
            <translation>Composant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Free software under the &lt;b&gt;GNU General Public License v3.0 or later&lt;/b&gt; (GPL-3.0-or-later). You may share and change it under its terms; it comes with NO WARRANTY. &lt;a href='{homepage}'&gt;Source code and issues&lt;/a&gt;</source>
            <translation>Logiciel libre sous &lt;b&gt;licence publique générale GNU v3.0 ou ultérieure&lt;/b&gt; (GPL-3.0-or-later). Vous pouvez le partager et le modifier selon ses termes ; il est fourni SANS AUCUNE GARANTIE. &lt;a href='{homepage}'&gt;Code source et signalements&lt;/a&gt;</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>GNU General Public License v3.0</source>
            <translation>Licence publique générale GNU v3.0</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Licence</source>
            <translation>Licence</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Licence text</source>
            <translation>Texte de la licence</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Qt and PySide6 are used under the LGPL-3.0 and ship as separate, replaceable libraries (&lt;a href='{source}'&gt;source&lt;/a&gt;). mutagen (GPL-2.0-or-later) is why the whole app is GPL. Each component's licence text is in its package metadata.</source>
            <translation>Qt et PySide6 sont utilisés sous LGPL-3.0 et fournis comme bibliothèques séparées et remplaçables (&lt;a href='{source}'&gt;source&lt;/a&gt;). C'est à cause de mutagen (GPL-2.0-or-later) que toute l'application est sous GPL. Le texte de la licence de chaque composant figure dans les métadonnées de son paquet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Request an audiobook and find it tagged and organized in your library.</source>
            <translation>Demandez un livre audio et retrouvez-le tagué et rangé dans votre bibliothèque.</translation>
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
            <translation>Activité</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Cancelling %n job(s).</source>
            <translation>
                <numerusform>Annulation de %n tâche.</numerusform>
                <numerusform>Annulation de %n tâches.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Disable</source>
            <translation>Désactiver</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Edit schedule…</source>
            <translation>Modifier la planification…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Enable</source>
            <translation>Activer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Everything the app does in the background: running and waiting jobs, schedules, and the log.</source>
            <translation>Tout ce que l'application fait en arrière-plan : tâches en cours et en attente, planifications et journal.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Export log</source>
            <translation>Exporter le journal</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Export…</source>
            <translation>Exporter…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter jobs</source>
            <translation>Filtrer les tâches</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter jobs, or req-12…</source>
            <translation>Filtrer les tâches, ou req-12…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter log messages</source>
            <translation>Filtrer les messages du journal</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter messages, or req-12 / job-345…</source>
            <translation>Filtrer les messages, ou req-12 / job-345…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Jobs</source>
            <translation>Tâches</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Jobs that run on their own. Times are in your local time zone.</source>
            <translation>Tâches qui s'exécutent d'elles-mêmes. Les heures sont dans votre fuseau horaire.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Level</source>
            <translation>Niveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Log</source>
            <translation>Journal</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Log files (*.log *.txt)</source>
            <translation>Fichiers journaux (*.log *.txt)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Lowest level shown</source>
            <translation>Niveau minimal affiché</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>No jobs match this filter. Try another tab or clear the search.</source>
            <translation>Aucune tâche ne correspond à ce filtre. Essayez un autre onglet ou effacez la recherche.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>No jobs yet</source>
            <translation>Aucune tâche pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Nothing matches</source>
            <translation>Aucun résultat</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Queued %n job(s) to run again.</source>
            <translation>
                <numerusform>%n tâche remise en file d'attente.</numerusform>
                <numerusform>%n tâches remises en file d'attente.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Retry</source>
            <translation>Réessayer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Run now</source>
            <translation>Exécuter maintenant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Run the selected failed or cancelled jobs again now</source>
            <translation>Relancer maintenant les tâches échouées ou annulées sélectionnées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Save the log lines shown (with the current filter) to a text file</source>
            <translation>Enregistrer les lignes du journal affichées (avec le filtre actuel) dans un fichier texte</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Saved %n log line(s) to {path}.</source>
            <translation>
                <numerusform>%n ligne du journal enregistrée dans {path}.</numerusform>
                <numerusform>%n lignes du journal enregistrées dans {path}.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Schedules</source>
            <translation>Planifications</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Searches, downloads and imports show up here while they run. Scheduled maintenance starts on its own; see the Schedules tab.</source>
            <translation>Les recherches, téléchargements et imports apparaissent ici pendant leur exécution. La maintenance planifiée démarre d'elle-même ; voir l'onglet Planifications.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Show jobs</source>
            <translation>Afficher les tâches</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Stop the selected running or queued jobs</source>
            <translation>Arrêter les tâches sélectionnées en cours ou en attente</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Stopping %n job(s)…</source>
            <translation>
                <numerusform>Arrêt de %n tâche…</numerusform>
                <numerusform>Arrêt de %n tâches…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Type a reference from a notification or a report (req-12, job-345) to see only its lines</source>
            <translation>Saisissez une référence tirée d'une notification ou d'un rapport (req-12, job-345) pour n'afficher que ses lignes</translation>
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
            <translation>« {name} » est désactivée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” is enabled.</source>
            <translation>« {name} » est activée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” now runs on “{cron}”.</source>
            <translation>« {name} » s'exécute désormais selon « {cron} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” queued as job #{id}.</source>
            <translation>« {name} » mise en file d'attente comme tâche nº {id}.</translation>
        </message>
    </context>
    <context>
        <name>AddUrlDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>%n chapter</source>
            <translation>
                <numerusform>%n chapitre</numerusform>
                <numerusform>%n chapitres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Add from URL</source>
            <translation>Ajouter depuis une URL</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Downloading…</source>
            <translation>Téléchargement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Import</source>
            <translation>Importer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Imported into {folder}</source>
            <translation>Importé dans {folder}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Link</source>
            <translation>Lien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Look up</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Looking at the page…</source>
            <translation>Analyse de la page…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Paste a link first.</source>
            <translation>Collez d'abord un lien.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Paste a link to a page with audio: a video, a podcast episode, LibriVox, the Internet Archive.</source>
            <translation>Collez le lien d'une page contenant de l'audio : une vidéo, un épisode de podcast, LibriVox, l'Internet Archive.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Stopping…</source>
            <translation>Arrêt…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>goes to {folder}</source>
            <translation>ira dans {folder}</translation>
        </message>
    </context>
    <context>
        <name>AddressField</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/address_field.py" />
            <source>Not typed: {problem}</source>
            <translation>Saisie refusée : {problem}</translation>
        </message>
    </context>
    <context>
        <name>Addresses</name>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>'{host}' is not a host name or IP address.</source>
            <translation>« {host} » n'est ni un nom d'hôte ni une adresse IP.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>A daemon address has no scheme: only host:port.</source>
            <translation>L'adresse d'un démon n'a pas de schéma : seulement host:port.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>A daemon address looks like 127.0.0.1:58846.</source>
            <translation>Une adresse de démon ressemble à 127.0.0.1:58846.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>An Apprise address looks like discord://webhook_id/webhook_token or mailto://user@example.com.</source>
            <translation>Une adresse Apprise ressemble à discord://webhook_id/webhook_token ou mailto://user@example.com.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>An address cannot contain spaces.</source>
            <translation>Une adresse ne peut pas contenir d'espaces.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>An address looks like http://192.168.1.10:8080 or https://plex.example.com.</source>
            <translation>Une adresse ressemble à http://192.168.1.10:8080 ou https://plex.example.com.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Complete the address after {scheme}://.</source>
            <translation>Complétez l'adresse après {scheme}://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Complete the address.</source>
            <translation>Complétez l'adresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Did you mean http://{address}?</source>
            <translation>Vouliez-vous dire http://{address} ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Enter an address.</source>
            <translation>Saisissez une adresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Enter the host name or IP address.</source>
            <translation>Saisissez le nom d'hôte ou l'adresse IP.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Enter the port number.</source>
            <translation>Saisissez le numéro de port.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Put a port number after the colon, e.g. http://plex.local:32400.</source>
            <translation>Mettez un numéro de port après le deux-points, p. ex. http://plex.local:32400.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address contains control characters.</source>
            <translation>L'adresse contient des caractères de contrôle.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address has no scheme (such as discord://).</source>
            <translation>L'adresse n'a pas de schéma (comme discord://).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address has no scheme; start it with http:// or https://.</source>
            <translation>L'adresse n'a pas de schéma ; commencez-la par http:// ou https://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address must start with a scheme and two slashes, such as http://.</source>
            <translation>L'adresse doit commencer par un schéma suivi de deux barres obliques, comme http://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address starts with '{scheme}://'; it must start with http:// or https://.</source>
            <translation>L'adresse commence par « {scheme}:// » ; elle doit commencer par http:// ou https://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The port '{port}' is not a number from 1 to 65535.</source>
            <translation>Le port « {port} » n'est pas un nombre compris entre 1 et 65535.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>{what} '{address}' is not a usable address: {problem}</source>
            <translation>{what} (« {address} ») n'est pas une adresse utilisable : {problem}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>{what} is not a usable address: {problem}</source>
            <translation>{what} n'est pas une adresse utilisable : {problem}</translation>
        </message>
    </context>
    <context>
        <name>ApiPages</name>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Drag this button to your bookmarks bar. On an Audible book page, click the bookmark: ReadMeABook Desktop requests that book for you.</source>
            <translation>Faites glisser ce bouton dans votre barre de favoris. Sur la page d'un livre Audible, cliquez sur le favori : ReadMeABook Desktop demande ce livre pour vous.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>No book was given. Use the bookmark on an Audible book page.</source>
            <translation>Aucun livre n'a été indiqué. Utilisez le favori sur la page d'un livre Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Open an Audible book page first.</source>
            <translation>Ouvrez d'abord la page d'un livre Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Paste an API token (Settings &gt; Local API in the app). It stays in this browser.</source>
            <translation>Collez un jeton d'API (Paramètres &gt; API locale dans l'application). Il reste dans ce navigateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Request from Audible</source>
            <translation>Demander depuis Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Request in ReadMeABook</source>
            <translation>Demander dans ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Requesting…</source>
            <translation>Demande en cours…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Save token and request</source>
            <translation>Enregistrer le jeton et demander</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>The request failed:</source>
            <translation>La demande a échoué :</translation>
        </message>
    </context>
    <context>
        <name>ApiTokens</name>
        <message>
            <location filename="../../rmab_desktop/services/local_api/tokens.py" />
            <source>Only an administrator can make API tokens for other users.</source>
            <translation>Seul un administrateur peut créer des jetons d'API pour d'autres utilisateurs.</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Approve</source>
            <translation>&amp;Approuver</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Approve %n</source>
            <translation>
                <numerusform>&amp;Approuver %n</numerusform>
                <numerusform>&amp;Approuver %n</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Deny</source>
            <translation>&amp;Refuser</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Deny %n</source>
            <translation>
                <numerusform>&amp;Refuser %n</numerusform>
                <numerusform>&amp;Refuser %n</numerusform>
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
            <translation>Approbations</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Approved %n request(s).</source>
            <translation>
                <numerusform>%n demande approuvée.</numerusform>
                <numerusform>%n demandes approuvées.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Approving…</source>
            <translation>Approbation…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Audiobook</source>
            <translation>Livre audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Book</source>
            <translation>Livre</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Denied %n request(s).</source>
            <translation>
                <numerusform>%n demande refusée.</numerusform>
                <numerusform>%n demandes refusées.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Denying…</source>
            <translation>Refus…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Ebook</source>
            <translation>Livre numérique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Note for the requester</source>
            <translation>Note pour le demandeur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Note for the requester (optional)</source>
            <translation>Note pour le demandeur (facultatif)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Nothing waits for approval</source>
            <translation>Rien n'attend d'approbation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Only administrators approve requests</source>
            <translation>Seuls les administrateurs approuvent les demandes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Request {id}: {error}</source>
            <translation>Demande {id} : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requested</source>
            <translation>Demandé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requested by</source>
            <translation>Demandé par</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requests from people without automatic approval wait here until an administrator decides.</source>
            <translation>Les demandes des personnes sans approbation automatique attendent ici qu'un administrateur décide.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requests waiting for approval</source>
            <translation>Demandes en attente d'approbation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Result of the last decision</source>
            <translation>Résultat de la dernière décision</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Select &amp;all</source>
            <translation>Tout &amp;sélectionner</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>When someone without automatic approval requests a book, it waits here and the administrators are notified.</source>
            <translation>Quand une personne sans approbation automatique demande un livre, la demande attend ici et les administrateurs sont prévenus.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Your own requests and their approval show on the Requests page.</source>
            <translation>Vos propres demandes et leur approbation figurent dans la page Demandes.</translation>
        </message>
    </context>
    <context>
        <name>AudibleDialogs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>%n book(s) skipped:</source>
            <translation>
                <numerusform>%n livre ignoré :</numerusform>
                <numerusform>%n livres ignorés :</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>%n book(s) will be requested:</source>
            <translation>
                <numerusform>%n livre sera demandé :</numerusform>
                <numerusform>%n livres seront demandés :</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Address after login</source>
            <translation>&amp;Adresse après la connexion</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Marketplace</source>
            <translation>&amp;Boutique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Open login page</source>
            <translation>&amp;Ouvrir la page de connexion</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Sign in</source>
            <translation>&amp;Se connecter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>1. Choose your marketplace and open the login page in your browser.
2. Log in to Amazon. The browser then shows an error page: that is expected.
3. Copy that page's whole address and paste it below.</source>
            <translation>1. Choisissez votre boutique et ouvrez la page de connexion dans votre navigateur.
2. Connectez-vous à Amazon. Le navigateur affiche ensuite une page d'erreur : c'est normal.
3. Copiez l'adresse complète de cette page et collez-la ci-dessous.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Address after login</source>
            <translation>Adresse après la connexion</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Books that are skipped</source>
            <translation>Livres ignorés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Books that will be requested</source>
            <translation>Livres qui seront demandés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Marketplace</source>
            <translation>Boutique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>No browser opened. Open this address yourself:
{url}</source>
            <translation>Aucun navigateur ne s'est ouvert. Ouvrez vous-même cette adresse :
{url}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Nothing to request: every wishlist book is owned, in your library, requested or ignored.</source>
            <translation>Rien à demander : chaque livre de la liste d'envies est déjà acheté, dans votre bibliothèque, demandé ou ignoré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Registering this device with Audible…</source>
            <translation>Enregistrement de cet appareil auprès d'Audible…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Request %n book(s)</source>
            <translation>
                <numerusform>Demander %n livre</numerusform>
                <numerusform>Demander %n livres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Request everything missing</source>
            <translation>Demander tout ce qui manque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Sign in to Audible</source>
            <translation>Se connecter à Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>The login page is open in your browser.</source>
            <translation>La page de connexion est ouverte dans votre navigateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>already in your library</source>
            <translation>déjà dans votre bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>already requested</source>
            <translation>déjà demandé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>https://www.amazon…/ap/maplanding?…</source>
            <translation>https://www.amazon…/ap/maplanding?…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>ignored</source>
            <translation>ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>owned on Audible</source>
            <translation>acheté sur Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>{title} ({asin}): {reason}</source>
            <translation>{title} ({asin}) : {reason}</translation>
        </message>
    </context>
    <context>
        <name>AudibleLibraryJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/audible_library/__init__.py" />
            <source>Audible {region}: library {added} added, {updated} updated, {removed} removed; wishlist {wished} titles</source>
            <translation>Audible {region} : bibliothèque (ajoutés : {added}, mis à jour : {updated}, retirés : {removed}) ; liste d'envies (titres : {wished})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/audible_library/__init__.py" />
            <source>Sync the Audible library</source>
            <translation>Synchroniser la bibliothèque Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/audible_library/__init__.py" />
            <source>Sync the Audible library and wishlist</source>
            <translation>Synchroniser la bibliothèque et la liste d'envies Audible</translation>
        </message>
    </context>
    <context>
        <name>AudibleLibraryPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n book(s) could not be requested: {details}</source>
            <translation>
                <numerusform>%n livre n'a pas pu être demandé : {details}</numerusform>
                <numerusform>%n livres n'ont pas pu être demandés : {details}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n livre demandé.</numerusform>
                <numerusform>%n livres demandés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n row(s) could not be read.</source>
            <translation>
                <numerusform>%n ligne n'a pas pu être lue.</numerusform>
                <numerusform>%n lignes n'ont pas pu être lues.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n title(s)</source>
            <translation>
                <numerusform>%n titre</numerusform>
                <numerusform>%n titres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>&amp;Import export…</source>
            <translation>&amp;Importer un export…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>&amp;Request everything missing…</source>
            <translation>&amp;Demander tout ce qui manque…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>&amp;Table view</source>
            <translation>Vue en &amp;tableau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>All files (*)</source>
            <translation>Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>All titles</source>
            <translation>Tous les titres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Anywhere</source>
            <translation>Partout</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible</source>
            <translation>Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible import</source>
            <translation>Import Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible library</source>
            <translation>Bibliothèque Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible synced</source>
            <translation>Audible synchronisé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible titles as a table</source>
            <translation>Titres Audible en tableau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible titles as covers</source>
            <translation>Titres Audible en couvertures</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Exports (*.json *.csv *.tsv)</source>
            <translation>Exports (*.json *.csv *.tsv)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/audible_card_delegate.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Finished</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>I&amp;gnore / unignore</source>
            <translation>I&amp;gnorer / ne plus ignorer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Import an Audible export</source>
            <translation>Importer un export Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Import an audible-cli or Libation export (JSON, CSV or TSV)</source>
            <translation>Importer un export d'audible-cli ou de Libation (JSON, CSV ou TSV)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Import an export…</source>
            <translation>Importer un export…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Importing {name}…</source>
            <translation>Import de {name}…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/audible_card_delegate.py" />
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>In library</source>
            <translation>Dans la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>In my library</source>
            <translation>Dans ma bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>In progress</source>
            <translation>En cours</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>In the local library</source>
            <translation>Dans la bibliothèque locale</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Library or wishlist</source>
            <translation>Bibliothèque ou liste d'envies</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Library: {added} added, {updated} updated, {removed} removed. Wishlist: {wished} titles.</source>
            <translation>Bibliothèque — ajoutés : {added}, mis à jour : {updated}, retirés : {removed}. Liste d'envies — titres : {wished}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Listening state</source>
            <translation>État d'écoute</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>My rating</source>
            <translation>Ma note</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Narrator</source>
            <translation>Narrateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Never request the selected wishlist books (or allow them again)</source>
            <translation>Ne jamais demander les livres sélectionnés de la liste d'envies (ou les autoriser à nouveau)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>No Audible titles yet</source>
            <translation>Aucun titre Audible pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>No title matches these filters.</source>
            <translation>Aucun titre ne correspond à ces filtres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Not in my library</source>
            <translation>Pas dans ma bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Not started</source>
            <translation>Non commencé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Nothing here yet.</source>
            <translation>Rien ici pour l'instant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Purchased</source>
            <translation>Acheté le</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Recently added</source>
            <translation>Ajoutés récemment</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Request every wishlist book that is not owned, in your library, requested or ignored</source>
            <translation>Demander chaque livre de la liste d'envies qui n'est ni acheté, ni dans votre bibliothèque, ni demandé, ni ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Requesting…</source>
            <translation>Demande en cours…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>S&amp;ync now</source>
            <translation>S&amp;ynchroniser maintenant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Search the Audible titles</source>
            <translation>Rechercher dans les titres Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Search title, author, narrator or series</source>
            <translation>Rechercher un titre, un auteur, un narrateur ou une série</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Select wishlist books first.</source>
            <translation>Sélectionnez d'abord des livres de la liste d'envies.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Series</source>
            <translation>Série</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Show the titles as a table instead of covers</source>
            <translation>Afficher les titres en tableau plutôt qu'en couvertures</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign &amp;in…</source>
            <translation>Se &amp;connecter…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign &amp;out</source>
            <translation>Se déc&amp;onnecter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign in to Audible and sync, or import an export from audible-cli or Libation.</source>
            <translation>Connectez-vous à Audible et synchronisez, ou importez un export d'audible-cli ou de Libation.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign in to sync</source>
            <translation>Connectez-vous pour synchroniser</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Signed in as {name}</source>
            <translation>Connecté en tant que {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Signed out; this device is deregistered.</source>
            <translation>Déconnecté ; cet appareil n'est plus enregistré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sort by</source>
            <translation>Trier par</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Syncing with Audible…</source>
            <translation>Synchronisation avec Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>The audiobooks you own on Audible, how far you listened, and your wishlist.</source>
            <translation>Les livres audio que vous possédez sur Audible, votre progression d'écoute et votre liste d'envies.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Wishlist</source>
            <translation>Liste d'envies</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>{added} added, {updated} updated, {unchanged} unchanged.</source>
            <translation>Ajoutés : {added}, mis à jour : {updated}, inchangés : {unchanged}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>{count} · last import {when}</source>
            <translation>{count} · dernier import : {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>{count} · last sync {when}</source>
            <translation>{count} · dernière synchronisation : {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>{percent}% listened</source>
            <translation>écouté à {percent} %</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>{series} #{position}</source>
            <translation>{series}, t. {position}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>{title} (ignored)</source>
            <translation>{title} (ignoré)</translation>
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
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/banner.py" />
            <source>Dismiss this message</source>
            <translation>Fermer ce message</translation>
        </message>
    </context>
    <context>
        <name>BlocklistPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>%n blocked release(s)</source>
            <translation>
                <numerusform>%n release bloquée</numerusform>
                <numerusform>%n releases bloquées</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Book</source>
            <translation>&amp;Livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Guid or info-hash</source>
            <translation>&amp;GUID ou info-hash</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Reason</source>
            <translation>&amp;Raison</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Added</source>
            <translation>Ajoutée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Add…</source>
            <translation>Ajouter…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Allow the selected releases again</source>
            <translation>Autoriser à nouveau les releases sélectionnées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Block a release</source>
            <translation>Bloquer une release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Block a release by hand</source>
            <translation>Bloquer une release manuellement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocked by hand</source>
            <translation>Bloquée manuellement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocked releases</source>
            <translation>Releases bloquées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocklist</source>
            <translation>Liste de blocage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Book</source>
            <translation>Livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Every book</source>
            <translation>Tous les livres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Filter by book, release, indexer or reason</source>
            <translation>Filtrer par livre, release, indexeur ou raison</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Filter the blocklist</source>
            <translation>Filtrer la liste de blocage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Indexer</source>
            <translation>Indexeur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Nothing is blocked.</source>
            <translation>Rien n'est bloqué.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Reason</source>
            <translation>Raison</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Release</source>
            <translation>Release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Release &amp;title</source>
            <translation>&amp;Titre de la release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Releases that failed (stalled, broken, wrong book) are blocked for that book, so the next candidate is tried instead. Remove an entry to allow a release again.</source>
            <translation>Les releases en échec (bloquées, corrompues, mauvais livre) sont bloquées pour ce livre, et le candidat suivant est essayé à la place. Supprimez une entrée pour autoriser à nouveau une release.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>e.g. wrong narrator, bad rip</source>
            <translation>p. ex. mauvais narrateur, rip défectueux</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>every book</source>
            <translation>tous les livres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>the release's guid/link, or its 40-character info-hash</source>
            <translation>le GUID/lien de la release, ou son info-hash de 40 caractères</translation>
        </message>
    </context>
    <context>
        <name>BookActions</name>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Never request any edition</source>
            <translation>Ne jamais demander aucune édition</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Never request this</source>
            <translation>Ne jamais demander</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Open folder</source>
            <translation>Ouvrir le dossier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Play</source>
            <translation>Lire</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Re-tag</source>
            <translation>Retaguer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Report a problem…</source>
            <translation>Signaler un problème…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Request the series' new books for you as they come out</source>
            <translation>Demander pour vous les nouveaux tomes de la série dès leur parution</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Rescan</source>
            <translation>Réanalyser</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>View on Audible</source>
            <translation>Voir sur Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Watch this series</source>
            <translation>Suivre cette série</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Watches, shelves and “Request everything missing” pass every edition over</source>
            <translation>Les suivis, les étagères et « Demander tout ce qui manque » ignorent toutes les éditions</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Watches, shelves and “Request everything missing” pass this edition over</source>
            <translation>Les suivis, les étagères et « Demander tout ce qui manque » ignorent cette édition</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Write title, author, narrator, series and cover tags into the files again</source>
            <translation>Réécrire dans les fichiers les tags titre, auteur, narrateur, série et couverture</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Wrong book, bad audio or the wrong edition: tell the administrators</source>
            <translation>Mauvais livre, audio défectueux ou mauvaise édition : prévenir les administrateurs</translation>
        </message>
    </context>
    <context>
        <name>BookDate</name>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Already read: {title}</source>
            <translation>Déjà lu : {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>BookDate needs a few books you like first.</source>
            <translation>BookDate a d'abord besoin de quelques livres que vous aimez.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Not interested: {title}</source>
            <translation>Pas intéressé : {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Pick one of the listed models.</source>
            <translation>Choisissez l'un des modèles listés.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Requested: {title}</source>
            <translation>Demandé : {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Scan your library, import your Audible library, or set up an AI provider.</source>
            <translation>Analysez votre bibliothèque, importez votre bibliothèque Audible ou configurez un fournisseur d'IA.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Similar to {titles}</source>
            <translation>Semblable à {titles}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Similar to {titles} and %n more of your books</source>
            <translation>
                <numerusform>Semblable à {titles} et à %n autre de vos livres</numerusform>
                <numerusform>Semblable à {titles} et à %n autres de vos livres</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>{service} answered and offers %n model(s).</source>
            <translation>
                <numerusform>{service} a répondu et propose %n modèle.</numerusform>
                <numerusform>{service} a répondu et propose %n modèles.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>{service} answered, but offers no model called '{model}'.</source>
            <translation>{service} a répondu, mais ne propose aucun modèle nommé « {model} ».</translation>
        </message>
    </context>
    <context>
        <name>BookDatePage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>%n model(s) offered.</source>
            <translation>
                <numerusform>%n modèle proposé.</numerusform>
                <numerusform>%n modèles proposés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>AI provider</source>
            <translation>Fournisseur d'IA</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>API key</source>
            <translation>Clé API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Already read (up arrow)</source>
            <translation>Déjà lu (flèche haut)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Asking the provider for its models…</source>
            <translation>Demande des modèles au fournisseur…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>BookDate</source>
            <translation>BookDate</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Finding books for you…</source>
            <translation>Recherche de livres pour vous…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>List models</source>
            <translation>Lister les modèles</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Narrated by {names}</source>
            <translation>Lu par {names}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>No cards right now</source>
            <translation>Aucune carte pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>No new recommendations right now. Rate or add a few books, or set up an AI provider.</source>
            <translation>Aucune nouvelle recommandation pour l'instant. Notez ou ajoutez quelques livres, ou configurez un fournisseur d'IA.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>None: Audible's similar books of the ones you like</source>
            <translation>Aucun : les livres qu'Audible juge semblables à ceux que vous aimez</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Not interested (left arrow)</source>
            <translation>Pas intéressé (flèche gauche)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Nothing to undo.</source>
            <translation>Rien à annuler.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Only books I rated</source>
            <translation>Seulement les livres que j'ai notés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>OpenAI-compatible address (Ollama, LM Studio, …)</source>
            <translation>Adresse compatible OpenAI (Ollama, LM Studio, …)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Optional: e.g. 'Short books, no horror.'</source>
            <translation>Facultatif : p. ex. « Livres courts, pas d'horreur. »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Recommendation: {title} by {author}</source>
            <translation>Recommandation : {title} de {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Request this book (right arrow)</source>
            <translation>Demander ce livre (flèche droite)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Right to request, left if it is not for you, up if you have read it. Drag the card, use the arrow keys or the buttons.</source>
            <translation>À droite pour demander, à gauche si ce n'est pas pour vous, en haut si vous l'avez lu. Faites glisser la carte, utilisez les flèches du clavier ou les boutons.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Saved.</source>
            <translation>Enregistré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Show what will be sent…</source>
            <translation>Afficher ce qui sera envoyé…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>The whole library</source>
            <translation>Toute la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>This is sent to the AI provider with each new batch:</source>
            <translation>Ceci est envoyé au fournisseur d'IA à chaque nouvelle série :</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Undo</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Undo the last swipe (Ctrl+Z)</source>
            <translation>Annuler le dernier choix (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Up to 25 favourites</source>
            <translation>Jusqu'à 25 favoris</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>What BookDate sends</source>
            <translation>Ce que BookDate envoie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>What it is told</source>
            <translation>Ce qui lui est transmis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Where recommendations come from</source>
            <translation>Origine des recommandations</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Your wishes</source>
            <translation>Vos souhaits</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>{title} is back.</source>
            <translation>{title} est de retour.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>↑ Read it</source>
            <translation>↑ Déjà lu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>★ {rating}</source>
            <translation>★ {rating}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>♥ Request</source>
            <translation>♥ Demander</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>✕ Not for me</source>
            <translation>✕ Pas pour moi</translation>
        </message>
    </context>
    <context>
        <name>BookGrid</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Available</source>
            <translation>Disponible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Downloading</source>
            <translation>Téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>In library</source>
            <translation>Dans la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Owned on Audible</source>
            <translation>Acheté sur Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Requested</source>
            <translation>Demandé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>{series} #{position}</source>
            <translation>{series}, t. {position}</translation>
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
                <numerusform>%n livre</numerusform>
                <numerusform>%n livres</numerusform>
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
            <translation>Déjà dans votre bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Already owned on Audible</source>
            <translation>Déjà acheté sur Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Also the ebook</source>
            <translation>Aussi le livre numérique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Ask for this audiobook: it is searched, downloaded and imported</source>
            <translation>Demander ce livre audio : il sera recherché, téléchargé et importé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Availability</source>
            <translation>Disponibilité</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>By {authors}</source>
            <translation>De {authors}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Cover</source>
            <translation>Couverture</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Narrated by {narrators}</source>
            <translation>Lu par {narrators}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>No books found.</source>
            <translation>Aucun livre trouvé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>No cover</source>
            <translation>Pas de couverture</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Only the ebook: also when the audiobook is already here</source>
            <translation>Seulement le livre numérique : même si le livre audio est déjà là</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Other editions: {links}</source>
            <translation>Autres éditions : {links}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request</source>
            <translation>Demander</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request its new books for you as they come out</source>
            <translation>Demander pour vous les nouveaux livres dès leur parution</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request the ebook</source>
            <translation>Demander le livre numérique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Requesting…</source>
            <translation>Demande en cours…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Series: {series}</source>
            <translation>Série : {series}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Series: {series}, book {position}</source>
            <translation>Série : {series}, tome {position}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Similar books</source>
            <translation>Livres similaires</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>This book could not be loaded</source>
            <translation>Impossible de charger ce livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>View on Audible</source>
            <translation>Voir sur Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Watch this author</source>
            <translation>Suivre cet auteur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Watch this series</source>
            <translation>Suivre cette série</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Watching {name}: new books are requested for you.</source>
            <translation>{name} est suivi : les nouveaux livres sont demandés pour vous.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>You already own “{title}” on Audible. Request it anyway?</source>
            <translation>Vous possédez déjà « {title} » sur Audible. Le demander quand même ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>format unknown</source>
            <translation>format inconnu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>language unknown</source>
            <translation>langue inconnue</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>no rating</source>
            <translation>aucune note</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>release date unknown</source>
            <translation>date de parution inconnue</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>released {date}</source>
            <translation>paru le {date}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>unknown</source>
            <comment>an unknown author or narrator</comment>
            <translation>inconnu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>unknown length</source>
            <translation>durée inconnue</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>{badge} (another edition)</source>
            <translation>{badge} (autre édition)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>{message} Request it again, for another edition or narration? The copy you have stays where it is.</source>
            <translation>{message} Le demander à nouveau, pour une autre édition ou une autre narration ? L'exemplaire que vous avez reste où il est.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>★ {rating} (%n rating(s))</source>
            <translation>
                <numerusform>★ {rating} (%n note)</numerusform>
                <numerusform>★ {rating} (%n notes)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogActions</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>%n book(s) will never be requested automatically.</source>
            <translation>
                <numerusform>%n livre ne sera jamais demandé automatiquement.</numerusform>
                <numerusform>%n livres ne seront jamais demandés automatiquement.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>Ignore list</source>
            <translation>Livres ignorés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>No browser could open {url}.</source>
            <translation>Aucun navigateur n'a pu ouvrir {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>View on Audible</source>
            <translation>Voir sur Audible</translation>
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
            <translation>Audible répond.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Could not refresh categories: {error}</source>
            <translation>Impossible d'actualiser les catégories : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Could not refresh {list} ({region}): {error}</source>
            <translation>Impossible d'actualiser {list} ({region}) : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refresh Discover sections from Audible</source>
            <translation>Actualiser les sections de Découvrir depuis Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refresh the Audible catalog</source>
            <translation>Actualiser le catalogue Audible</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refreshed {list} ({region}): %n book(s)</source>
            <translation>
                <numerusform>{list} ({region}) actualisé : %n livre</numerusform>
                <numerusform>{list} ({region}) actualisé : %n livres</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogPages</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Book {asin}</source>
            <translation>Livre {asin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Books by {author}</source>
            <translation>Livres de {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Series: {series}</source>
            <translation>Série : {series}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>The Audible catalog cannot be reached. Saved sections are shown; searching needs a connection. ({reason})</source>
            <translation>Le catalogue Audible est injoignable. Les sections enregistrées sont affichées ; la recherche nécessite une connexion. ({reason})</translation>
        </message>
    </context>
    <context>
        <name>CatalogSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source> MB</source>
            <comment>a size unit after a number, with its leading space</comment>
            <translation> Mo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>&amp;Marketplace</source>
            <translation>&amp;Boutique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>&amp;Test</source>
            <translation>&amp;Tester</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>A&amp;pprove requests automatically (administrators are always approved)</source>
            <translation>A&amp;pprouver les demandes automatiquement (celles des administrateurs le sont toujours)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Addresses start with http:// or https:// (the Audnexus address is required).</source>
            <translation>Les adresses commencent par http:// ou https:// (l'adresse Audnexus est obligatoire).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Asking Audible…</source>
            <translation>Interrogation d'Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible &amp;address</source>
            <translation>&amp;Adresse Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible answered.</source>
            <translation>Audible a répondu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible catalog</source>
            <translation>Catalogue Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audne&amp;xus address</source>
            <translation>Adresse Audne&amp;xus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Cover &amp;cache</source>
            <translation>&amp;Cache des couvertures</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Requests</source>
            <translation>Demandes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Test result</source>
            <translation>Résultat du test</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>empty: the marketplace's own address (api.audible.&lt;domain&gt;)</source>
            <translation>vide : l'adresse propre à la boutique (api.audible.&lt;domain&gt;)</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Error details</source>
            <translation>Détails de l'erreur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Hide details</source>
            <translation>Masquer les détails</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Open log folder</source>
            <translation>Ouvrir le dossier du journal</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Show details</source>
            <translation>Afficher les détails</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Something went wrong.</source>
            <translation>Un problème est survenu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>The details were written to the log file:
{path}</source>
            <translation>Les détails ont été écrits dans le fichier journal :
{path}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>{app} hit an unexpected error and that action did not finish. Your library and requests are safe; background jobs will resume.

{summary}</source>
            <translation>{app} a rencontré une erreur inattendue et cette action n'a pas abouti. Votre bibliothèque et vos demandes sont intactes ; les tâches en arrière-plan reprendront.

{summary}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>{app} — unexpected error</source>
            <translation>{app} — erreur inattendue</translation>
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
            <translation>Modifier la planification — {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Examples: “0 */6 * * *” every six hours · “30 3 * * *” daily at 03:30 · “0 9 * * 1” Mondays at 09:00</source>
            <translation>Exemples : « 0 */6 * * * » toutes les six heures · « 30 3 * * * » chaque jour à 03:30 · « 0 9 * * 1 » le lundi à 09:00</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Next runs or the problem</source>
            <translation>Prochaines exécutions ou le problème</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Next runs: {times}</source>
            <translation>Prochaines exécutions : {times}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>minute hour day-of-month month day-of-week</source>
            <translation>minute heure jour-du-mois mois jour-de-la-semaine</translation>
        </message>
    </context>
    <context>
        <name>DatabaseErrors</name>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>'{address}' is not a database address.</source>
            <translation>« {address} » n'est pas une adresse de base de données.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check that PostgreSQL is running there and accepts connections on that port.</source>
            <translation>Vérifiez que PostgreSQL y fonctionne et accepte les connexions sur ce port.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check that PostgreSQL runs there and that no firewall silently drops the connection; for a slow link, add ?connect_timeout=30 (seconds) to the database address.</source>
            <translation>Vérifiez que PostgreSQL y fonctionne et qu'aucun pare-feu ne bloque la connexion en silence ; pour une liaison lente, ajoutez ?connect_timeout=30 (secondes) à l'adresse de la base de données.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check the database address, and for a file its folder and permissions.</source>
            <translation>Vérifiez l'adresse de la base de données et, pour un fichier, son dossier et ses droits.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check the host name in the database address and that this computer is on the same network.</source>
            <translation>Vérifiez le nom d'hôte dans l'adresse de la base de données et que cet ordinateur est sur le même réseau.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check the user name and password in the database address.</source>
            <translation>Vérifiez le nom d'utilisateur et le mot de passe dans l'adresse de la base de données.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Close other copies of the app or tools using the file, then try again.</source>
            <translation>Fermez les autres instances de l'application ou les outils qui utilisent le fichier, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Create it first (createdb -O {user} {database}) or correct its name in the address.</source>
            <translation>Créez-la d'abord (createdb -O {user} {database}) ou corrigez son nom dans l'adresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Create the folder, or correct the path in the database address.</source>
            <translation>Créez le dossier, ou corrigez le chemin dans l'adresse de la base de données.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Free some space on that disk and try again; the change that did not fit was not saved.</source>
            <translation>Libérez de l'espace sur ce disque et réessayez ; la modification qui n'a pas pu être écrite n'a pas été enregistrée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Give the path of a file inside it, e.g. {path}/rmab.sqlite3.</source>
            <translation>Indiquez le chemin d'un fichier dans ce dossier, p. ex. {path}/rmab.sqlite3.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Give your user write access to the file and its folder, or use another location.</source>
            <translation>Donnez à votre utilisateur le droit d'écriture sur le fichier et son dossier, ou choisissez un autre emplacement.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Move the file aside and start again, or put back a copy from the backups folder {backups}; the app changes nothing in a damaged file.</source>
            <translation>Mettez le fichier de côté et relancez, ou restaurez une copie depuis le dossier des sauvegardes {backups} ; l'application ne modifie rien dans un fichier endommagé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Start the address with postgresql+psycopg:// (PostgreSQL) or sqlite:/// (a database file).</source>
            <translation>Commencez l'adresse par postgresql+psycopg:// (PostgreSQL) ou sqlite:/// (un fichier de base de données).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Start the address with postgresql+psycopg:// to use the PostgreSQL driver the app ships with.</source>
            <translation>Commencez l'adresse par postgresql+psycopg:// pour utiliser le pilote PostgreSQL fourni avec l'application.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database address starts with '{scheme}', a kind of database the app does not know.</source>
            <translation>L'adresse de la base de données commence par « {scheme} », un type de base de données que l'application ne connaît pas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database driver '{module}' that '{scheme}' asks for is not installed.</source>
            <translation>Le pilote de base de données « {module} » requis par « {scheme} » n'est pas installé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database file {path} cannot be written (it or its folder is read-only).</source>
            <translation>Impossible d'écrire dans le fichier de base de données {path} (le fichier ou son dossier est en lecture seule).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database file {path} is damaged and cannot be read ({detail}).</source>
            <translation>Le fichier de base de données {path} est endommagé et illisible ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} cannot be reached ({detail}).</source>
            <translation>Le serveur de base de données {host} est injoignable ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} did not accept the user '{user}' or its password.</source>
            <translation>Le serveur de base de données {host} n'a pas accepté l'utilisateur « {user} » ou son mot de passe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} did not answer on port {port} within {seconds} seconds.</source>
            <translation>Le serveur de base de données {host} n'a pas répondu sur le port {port} en {seconds} secondes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} has no database named '{database}'.</source>
            <translation>Le serveur de base de données {host} n'a aucune base nommée « {database} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} refused the connection on port {port}.</source>
            <translation>Le serveur de base de données {host} a refusé la connexion sur le port {port}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database {address} cannot be opened ({detail}).</source>
            <translation>Impossible d'ouvrir la base de données {address} ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database {address} is locked by another program.</source>
            <translation>La base de données {address} est verrouillée par un autre programme.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The disk holding the database {address} is full.</source>
            <translation>Le disque qui contient la base de données {address} est plein.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The folder {folder} for the database file does not exist.</source>
            <translation>Le dossier {folder} du fichier de base de données n'existe pas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Use postgresql+psycopg://USER:PASSWORD@HOST/DATABASE, or sqlite:////full/path/file.sqlite3; leave it out to use the profile's own database.</source>
            <translation>Utilisez postgresql+psycopg://USER:PASSWORD@HOST/DATABASE, ou sqlite:////full/path/file.sqlite3 ; omettez-la pour utiliser la base de données propre au profil.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>{path} is a folder, not a database file.</source>
            <translation>{path} est un dossier, pas un fichier de base de données.</translation>
        </message>
    </context>
    <context>
        <name>DesktopApp</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>%n job(s) still running. Quit anyway?

Running jobs are stopped now and start again the next time you open the app.</source>
            <translation>
                <numerusform>%n tâche encore en cours. Quitter quand même ?

Les tâches en cours sont arrêtées maintenant et reprendront à la prochaine ouverture de l'application.</numerusform>
                <numerusform>%n tâches encore en cours. Quitter quand même ?

Les tâches en cours sont arrêtées maintenant et reprendront à la prochaine ouverture de l'application.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Automation paused</source>
            <translation>Automatisation en pause</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Automation resumed</source>
            <translation>Automatisation reprise</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Join…</source>
            <translation>Rejoindre…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Quit ReadMeABook?</source>
            <translation>Quitter ReadMeABook ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>ReadMeABook keeps working in the tray. Quit from its menu.</source>
            <translation>ReadMeABook continue de fonctionner dans la zone de notification. Quittez depuis son menu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Searches, downloads and imports run again.</source>
            <translation>Les recherches, téléchargements et imports reprennent.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Searches, downloads and imports wait until you resume.</source>
            <translation>Les recherches, téléchargements et imports attendent que vous repreniez.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Secrets are locked: services that need a password or API key will not work until you unlock them in Settings &gt; General.</source>
            <translation>Les secrets sont verrouillés : les services qui ont besoin d'un mot de passe ou d'une clé API ne fonctionneront pas tant que vous ne les aurez pas déverrouillés dans Paramètres &gt; Général.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Still running</source>
            <translation>Toujours en cours</translation>
        </message>
    </context>
    <context>
        <name>DesktopSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;About ReadMeABook Desktop…</source>
            <translation>À &amp;propos de ReadMeABook Desktop…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;Keep the computer awake while downloading or importing</source>
            <translation>&amp;Empêcher la mise en veille pendant les téléchargements et imports</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;Start ReadMeABook when I log in</source>
            <translation>&amp;Lancer ReadMeABook à l'ouverture de session</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>Start at login</source>
            <translation>Lancement à l'ouverture de session</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>The screen may still turn off; only sleep is held back, and only while work runs.</source>
            <translation>L'écran peut encore s'éteindre ; seule la mise en veille est empêchée, et uniquement pendant le travail.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>This computer</source>
            <translation>Cet ordinateur</translation>
        </message>
    </context>
    <context>
        <name>DiscoverPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n livre</numerusform>
                <numerusform>%n livres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Add a row of books: popular, new releases or a category</source>
            <translation>Ajouter une rangée de livres : populaires, nouveautés ou une catégorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Add section</source>
            <translation>Ajouter une section</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Audible could not be reached, so this section has no books yet ({reason}). Check your internet connection, then press ⟳ on this section to try again.</source>
            <translation>Audible n'a pas pu être joint, cette section n'a donc pas encore de livres ({reason}). Vérifiez votre connexion Internet, puis cliquez sur ⟳ dans cette section pour réessayer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Audible lists no books for this section in its marketplace. Remove it with ✕, or add another one with Add section.</source>
            <translation>Audible ne propose aucun livre pour cette section sur sa boutique. Supprimez-la avec ✕ ou ajoutez-en une autre avec « Ajouter une section ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Category</source>
            <translation>Catégorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Discover</source>
            <translation>Découvrir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Loading categories…</source>
            <translation>Chargement des catégories…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Move down</source>
            <translation>Descendre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Move up</source>
            <translation>Monter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>New releases</source>
            <translation>Nouveautés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>New, popular and recommended audiobooks from Audible; open one to request it.</source>
            <translation>Livres audio nouveaux, populaires et recommandés sur Audible ; ouvrez-en un pour le demander.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Nothing saved yet for this section; asking Audible for it…</source>
            <translation>Rien n'est encore enregistré pour cette section ; demande en cours à Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Number of books</source>
            <translation>Nombre de livres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Popular</source>
            <translation>Populaires</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Refresh from Audible</source>
            <translation>Actualiser depuis Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Remove this section</source>
            <translation>Supprimer cette section</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Section “{title}”</source>
            <translation>Section « {title} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>The saved books of this section could not be read: {reason} {hint}</source>
            <translation>Les livres enregistrés de cette section n'ont pas pu être lus : {reason} {hint}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>These are the books saved earlier: Audible could not be reached ({reason}). Press ⟳ on this section to try again.</source>
            <translation>Voici les livres enregistrés précédemment : Audible n'a pas pu être joint ({reason}). Cliquez sur ⟳ dans cette section pour réessayer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>This section could not be refreshed from Audible: {reason} Press ⟳ on this section to try again; if it keeps failing, remove it with ✕.</source>
            <translation>Cette section n'a pas pu être actualisée depuis Audible : {reason} Cliquez sur ⟳ dans cette section pour réessayer ; si l'échec persiste, supprimez-la avec ✕.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>could not refresh</source>
            <translation>actualisation impossible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>refreshing…</source>
            <translation>actualisation…</translation>
        </message>
    </context>
    <context>
        <name>DownloadCleanup</name>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/cleanup.py" />
            <source>Cleanup of '{title}' skipped: {reason}</source>
            <translation>Nettoyage de « {title} » ignoré : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/cleanup.py" />
            <source>Removed '{title}' from the download client (seeding done)</source>
            <translation>« {title} » retiré du client de téléchargement (partage terminé)</translation>
        </message>
    </context>
    <context>
        <name>DownloadClientSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source> KiB/s</source>
            <translation> Kio/s</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source> h</source>
            <comment>hours after a number</comment>
            <translation> h</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source> min</source>
            <comment>minutes after a number</comment>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Add</source>
            <translation>&amp;Ajouter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Category</source>
            <translation>Caté&amp;gorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Give up after</source>
            <translation>Abandonner a&amp;près</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Password</source>
            <translation>&amp;Mot de passe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Supprimer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Save to (client's view)</source>
            <translation>&amp;Enregistrer dans (vue du client)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Test connection and folders</source>
            <translation>&amp;Tester la connexion et les dossiers</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;User name</source>
            <translation>Nom d'&amp;utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Verify the HTTPS certificate</source>
            <translation>&amp;Vérifier le certificat HTTPS</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>API &amp;key</source>
            <translation>C&amp;lé API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Add or choose a client first.</source>
            <translation>Ajoutez ou choisissez d'abord un client.</translation>
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
            <translation>Catégorie &amp;après import</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Category (qBittorrent, SABnzbd, NZBGet) or label (Transmission, Deluge)</source>
            <translation>Catégorie (qBittorrent, SABnzbd, NZBGet) ou label (Transmission, Deluge)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Category or label the download moves to once the book is imported</source>
            <translation>Catégorie ou label où le téléchargement est déplacé une fois le livre importé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Download clients</source>
            <translation>Clients de téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Downloads the app makes itself: audio from a link (Add from URL)</source>
            <translation>Téléchargements faits par l'application elle-même : audio depuis un lien (Ajouter depuis une URL)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Enabled</source>
            <translation>Activé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Enter the client's address.</source>
            <translation>Saisissez l'adresse du client.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Indexer settings and tracker minimums override the default seeding rule.</source>
            <translation>Les réglages de l'indexeur et les minimums du tracker priment sur la règle de partage par défaut.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Kind of client to add</source>
            <translation>Type de client à ajouter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Monitoring and seeding</source>
            <translation>Suivi et partage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>No progress for this long: the release is blocklisted and the next one tried</source>
            <translation>Sans progression pendant cette durée, la release est ajoutée à la liste de blocage et la suivante est essayée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Path &amp;mapping: client's folder</source>
            <translation>Correspondance des c&amp;hemins : dossier du client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Pr&amp;iority</source>
            <translation>Pr&amp;iorité</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Priority</source>
            <translation>Priorité</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Protocol</source>
            <translation>Protocole</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Remove usenet and direct downloads once in the &amp;library</source>
            <translation>Supprimer les téléchargements usenet et directs une fois dans la &amp;bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>S&amp;talled after</source>
            <translation>Sans pr&amp;ogression après</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Search &amp;again after</source>
            <translation>Nouvelle &amp;recherche après</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Seed &amp;for (default)</source>
            <translation>Partager pendant (par dé&amp;faut)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Seed to ratio (&amp;default)</source>
            <translation>Partager &amp;jusqu'au ratio (par défaut)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Speed limit for &amp;links</source>
            <translation>Limite de vitesse des &amp;liens</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>The client for each protocol gets the releases; with several, the lowest priority number is used first. Public-domain books download directly and need no client.</source>
            <translation>Le client de chaque protocole reçoit les releases ; s'il y en a plusieurs, le plus petit numéro de priorité passe en premier. Les livres du domaine public se téléchargent directement, sans client.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Use t&amp;his client</source>
            <translation>Utiliser &amp;ce client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>as the client sees it, e.g. /downloads</source>
            <translation>tel que le client le voit, p. ex. /downloads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>built in</source>
            <translation>intégré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>empty: leave it in its category</source>
            <translation>vide : le laisser dans sa catégorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>empty: the client's own download folder</source>
            <translation>vide : le dossier de téléchargement du client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no limit</source>
            <translation>sans limite</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no ratio rule</source>
            <translation>aucune règle de ratio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no time rule</source>
            <translation>aucune règle de durée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>the same folder on this computer, e.g. /mnt/nas/downloads</source>
            <translation>le même dossier sur cet ordinateur, p. ex. /mnt/nas/downloads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>… is &amp;on this computer at</source>
            <translation>… se tr&amp;ouve sur cet ordinateur dans</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>⚠ The password of %n client(s) cannot be read: no keychain works on this computer. They are kept; enter each password again to use them.</source>
            <translation>
                <numerusform>⚠ Le mot de passe de %n client est illisible : aucun trousseau ne fonctionne sur cet ordinateur. Le client est conservé ; saisissez à nouveau son mot de passe pour l'utiliser.</numerusform>
                <numerusform>⚠ Les mots de passe de %n clients sont illisibles : aucun trousseau ne fonctionne sur cet ordinateur. Les clients sont conservés ; saisissez à nouveau chaque mot de passe pour les utiliser.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DownloadClients</name>
        <message>
            <location filename="../../rmab_desktop/services/downloads/probe.py" />
            <source>Connected to {client} {version}.</source>
            <translation>Connecté à {client} {version}.</translation>
        </message>
    </context>
    <context>
        <name>EbookSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Add each imported ebook to Calibre (calibredb add)</source>
            <translation>Ajouter chaque livre numérique importé à Calibre (calibredb add)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Calibre</source>
            <translation>Calibre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Calibre library</source>
            <translation>Bibliothèque Calibre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Calibre's default library</source>
            <translation>Bibliothèque par défaut de Calibre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Choose…</source>
            <translation>Choisir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Ebook folder</source>
            <translation>Dossier des livres numériques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Ebook folder template</source>
            <translation>Modèle de dossier des livres numériques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Empty: the library's folder template</source>
            <translation>Vide : le modèle de dossier de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>For example: {folder}/</source>
            <translation>Par exemple : {folder}/</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Found on the PATH</source>
            <translation>Trouvé dans le PATH</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Found: {version}</source>
            <translation>Trouvé : {version}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Free ebook sources</source>
            <translation>Sources de livres numériques gratuits</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Gutendex address</source>
            <translation>Adresse de Gutendex</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Internet Archive address</source>
            <translation>Adresse de l'Internet Archive</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Looking for calibredb…</source>
            <translation>Recherche de calibredb…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Next to the audiobook, in the library folder</source>
            <translation>À côté du livre audio, dans le dossier de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Search Project Gutenberg, Standard Ebooks and the Internet Archive (public domain only)</source>
            <translation>Chercher dans Project Gutenberg, Standard Ebooks et l'Internet Archive (domaine public uniquement)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Standard Ebooks address</source>
            <translation>Adresse de Standard Ebooks</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Template</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Test</source>
            <translation>Tester</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Where ebooks go</source>
            <translation>Emplacement des livres numériques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>calibredb program</source>
            <translation>Programme calibredb</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Check the address and that the service is running, then use Test again.</source>
            <translation>Vérifiez l'adresse et que le service fonctionne, puis relancez le test.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Check the database address and that the server is running.</source>
            <translation>Vérifiez l'adresse de la base de données et que le serveur fonctionne.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Check the user name, password or API key in Settings.</source>
            <translation>Vérifiez le nom d'utilisateur, le mot de passe ou la clé API dans les Paramètres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Enter the secret again in Settings.</source>
            <translation>Saisissez à nouveau le secret dans les Paramètres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Free some space on that disk and try again; nothing was changed by the failed step.</source>
            <translation>Libérez de l'espace sur ce disque et réessayez ; l'étape qui a échoué n'a rien modifié.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>No secure keychain is available on this system. Install and start one (for example GNOME Keyring or KWallet) and restart the app.</source>
            <translation>Aucun trousseau sécurisé n'est disponible sur ce système. Installez-en un et démarrez-le (par exemple GNOME Keyring ou KWallet), puis redémarrez l'application.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Open Settings and check this value.</source>
            <translation>Ouvrez les Paramètres et vérifiez cette valeur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>The service answered too slowly. Check your connection or try again later.</source>
            <translation>Le service a répondu trop lentement. Vérifiez votre connexion ou réessayez plus tard.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>The service asked us to slow down; the app will retry automatically.</source>
            <translation>Le service a demandé de ralentir ; l'application réessaiera automatiquement.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>The service sent an answer the app cannot read. Check the address points to the right service.</source>
            <translation>Le service a envoyé une réponse que l'application ne sait pas lire. Vérifiez que l'adresse pointe vers le bon service.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Unlock your system keychain, or install one (GNOME Keyring, KWallet, macOS Keychain).</source>
            <translation>Déverrouillez le trousseau de votre système ou installez-en un (GNOME Keyring, KWallet, trousseau macOS).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Your keychain is locked. Unlock it (log in again or open your keychain app) and retry.</source>
            <translation>Votre trousseau est verrouillé. Déverrouillez-le (reconnectez-vous ou ouvrez votre application de trousseau) et réessayez.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Audible catalog</source>
            <translation>Catalogue Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Getting ready</source>
            <translation>Préparation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Library scan</source>
            <translation>Analyse de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>No keychain could keep them. Choose an encrypted file or unlock it in Settings &gt; General, then enter them again in Settings.</source>
            <translation>Aucun trousseau n'a pu les conserver. Choisissez un fichier chiffré ou déverrouillez-le dans Paramètres &gt; Général, puis saisissez-les à nouveau dans les Paramètres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>S&amp;kip setup</source>
            <translation>I&amp;gnorer la configuration</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saved, except the passwords and keys of: {items}.</source>
            <translation>Enregistré, sauf les mots de passe et les clés de : {items}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saved. Your secrets are kept safe.</source>
            <translation>Enregistré. Vos secrets sont conservés en sécurité.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saving your choices and loading your catalog and library.</source>
            <translation>Enregistrement de vos choix et chargement du catalogue et de la bibliothèque.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Set up ReadMeABook</source>
            <translation>Configurer ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>You can close this window: the work continues in the background (see Activity).</source>
            <translation>Vous pouvez fermer cette fenêtre : le travail se poursuit en arrière-plan (voir Activité).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{status} ({error})</source>
            <translation>{status} ({error})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: cancelled</source>
            <translation>{task} : annulé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: done</source>
            <translation>{task} : terminé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: failed</source>
            <translation>{task} : échec</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: not needed</source>
            <translation>{task} : inutile</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: not started</source>
            <translation>{task} : non démarré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: running</source>
            <translation>{task} : en cours</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: waiting</source>
            <translation>{task} : en attente</translation>
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
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&amp;Pause automation (no searches, downloads or imports)</source>
            <translation>&amp;Mettre l'automatisation en pause (ni recherches, ni téléchargements, ni imports)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&amp;Theme</source>
            <translation>&amp;Thème</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&lt;b&gt;{state}&lt;/b&gt; — {message}</source>
            <translation>&lt;b&gt;{state}&lt;/b&gt; — {message}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>A new language applies the next time the app starts.</source>
            <translation>La nouvelle langue s'appliquera au prochain démarrage de l'application.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Appearance</source>
            <translation>Apparence</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Behaviour</source>
            <translation>Comportement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Checking your system keychain…</source>
            <translation>Vérification du trousseau du système…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Dark</source>
            <translation>Sombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Data</source>
            <translation>Données</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Data folder</source>
            <translation>Dossier des données</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Database</source>
            <translation>Base de données</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Encrypted file</source>
            <translation>Fichier chiffré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Follow the system</source>
            <translation>Comme le système</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Light</source>
            <translation>Clair</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Locked</source>
            <translation>Verrouillé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Log file</source>
            <translation>Fichier journal</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Not available</source>
            <translation>Indisponible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Passwords and API keys</source>
            <translation>Mots de passe et clés API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Secure</source>
            <translation>Sécurisé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Show desktop &amp;notifications</source>
            <translation>Afficher les &amp;notifications du bureau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Start &amp;minimized to the tray</source>
            <translation>Démarrer réduit dans la zone de noti&amp;fication</translation>
        </message>
    </context>
    <context>
        <name>HealthJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Check services</source>
            <translation>Vérifier les services</translation>
        </message>
    </context>
    <context>
        <name>HouseholdKeySettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Browse…</source>
            <translation>&amp;Parcourir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Export</source>
            <translation>&amp;Exporter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Export household key…</source>
            <translation>&amp;Exporter la clé du foyer…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Join</source>
            <translation>&amp;Rejoindre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Join with a key file…</source>
            <translation>&amp;Rejoindre avec un fichier de clé…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Phrase secrète</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Repeat</source>
            <translation>&amp;Répéter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>At least 8 characters</source>
            <translation>Au moins 8 caractères</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Checking the household key…</source>
            <translation>Vérification de la clé du foyer…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Choose a key file, or paste the text of its QR code.</source>
            <translation>Choisissez un fichier de clé ou collez le texte de son code QR.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Choose a passphrase for the key file. Whoever has the file and the passphrase can read the household's passwords and API keys: give them only to a desktop of the household.</source>
            <translation>Choisissez une phrase secrète pour le fichier de clé. Quiconque possède le fichier et la phrase secrète peut lire les mots de passe et clés d'API du foyer : ne les donnez qu'à un poste du foyer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Export household key</source>
            <translation>Exporter la clé du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Export the key on a desktop of the household first.</source>
            <translation>Exportez d'abord la clé sur un poste du foyer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Household key (*.rmabkey)</source>
            <translation>Clé du foyer (*.rmabkey)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Household key state</source>
            <translation>État de la clé du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Join the household</source>
            <translation>Rejoindre le foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Key &amp;file</source>
            <translation>&amp;Fichier de clé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>No household key exists yet. It is made when the first password or API key is saved; then export it for the other desktops.</source>
            <translation>Il n'existe pas encore de clé du foyer. Elle est créée à l'enregistrement du premier mot de passe ou de la première clé d'API ; exportez-la ensuite pour les autres postes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Open a household key</source>
            <translation>Ouvrir une clé du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Opening the key…</source>
            <translation>Ouverture de la clé…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Protecting the key with your passphrase…</source>
            <translation>Protection de la clé par votre phrase secrète…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>QR &amp;text</source>
            <translation>&amp;Texte du QR</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Save the household key</source>
            <translation>Enregistrer la clé du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Saved to {path}. On the new desktop, join with this file or scan the code, and enter the passphrase.</source>
            <translation>Enregistrée dans {path}. Sur le nouveau poste, rejoignez le foyer avec ce fichier ou scannez le code, puis saisissez la phrase secrète.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Single-user mode: passwords and API keys stay in this computer's keychain. The household key is used once several people share this database.</source>
            <translation>Mode utilisateur unique : les mots de passe et clés d'API restent dans le trousseau de cet ordinateur. La clé du foyer sert dès que plusieurs personnes partagent cette base de données.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Text of the QR code</source>
            <translation>Texte du code QR</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The .rmabkey file exported on another desktop</source>
            <translation>Le fichier .rmabkey exporté sur un autre poste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The household key could not be checked.</source>
            <translation>La clé du foyer n'a pas pu être vérifiée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The key file as a QR code</source>
            <translation>Le fichier de clé sous forme de code QR</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The passphrase chosen at export</source>
            <translation>La phrase secrète choisie à l'export</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The same passphrase again</source>
            <translation>La même phrase secrète, à nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The two passphrases differ.</source>
            <translation>Les deux phrases secrètes diffèrent.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>This desktop has not joined the household yet, so it cannot read the shared passwords and API keys. On a desktop of the household, export the key; then join here with the file.</source>
            <translation>Ce poste n'a pas encore rejoint le foyer : il ne peut donc pas lire les mots de passe et clés d'API partagés. Exportez la clé sur un poste du foyer, puis rejoignez-le ici avec le fichier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>This desktop holds the household key: it reads the shared passwords and API keys. Export the key to let another desktop join.</source>
            <translation>Ce poste possède la clé du foyer : il lit les mots de passe et clés d'API partagés. Exportez la clé pour qu'un autre poste puisse rejoindre le foyer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>This desktop's key belongs to another household. Join again with a key file exported on a desktop of this household.</source>
            <translation>La clé de ce poste appartient à un autre foyer. Rejoignez à nouveau avec un fichier de clé exporté sur un poste de ce foyer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Type the same passphrase twice.</source>
            <translation>Saisissez deux fois la même phrase secrète.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>…or paste the text of the QR code here</source>
            <translation>…ou collez ici le texte du code QR</translation>
        </message>
    </context>
    <context>
        <name>ImportLibraryDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) can move</source>
            <translation>
                <numerusform>%n livre peut être déplacé</numerusform>
                <numerusform>%n livres peuvent être déplacés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) cannot (see Problem)</source>
            <translation>
                <numerusform>%n livre ne peut pas l'être (voir Problème)</numerusform>
                <numerusform>%n livres ne peuvent pas l'être (voir Problème)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) found</source>
            <translation>
                <numerusform>%n livre trouvé</numerusform>
                <numerusform>%n livres trouvés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n confident match(es)</source>
            <translation>
                <numerusform>%n correspondance sûre</numerusform>
                <numerusform>%n correspondances sûres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Accept selected</source>
            <translation>&amp;Accepter la sélection</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Browse…</source>
            <translation>&amp;Parcourir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Choose match…</source>
            <translation>&amp;Choisir la correspondance…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Link accepted books</source>
            <translation>&amp;Lier les livres acceptés</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Move %n book(s)</source>
            <translation>
                <numerusform>&amp;Déplacer %n livre</numerusform>
                <numerusform>&amp;Déplacer %n livres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Move these books</source>
            <translation>&amp;Déplacer ces livres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Preview moves</source>
            <translation>A&amp;perçu des déplacements</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Scan</source>
            <translation>A&amp;nalyser</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>(not set)</source>
            <translation>(non défini)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept the %n confident match(es)</source>
            <translation>
                <numerusform>Accepter la correspondance sûre</numerusform>
                <numerusform>Accepter les %n correspondances sûres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept the confident matches</source>
            <translation>Accepter les correspondances sûres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept, fix or skip each book. Only books marked &lt;b&gt;Link&lt;/b&gt; are linked; the others stay as they are.</source>
            <translation>Acceptez, corrigez ou ignorez chaque livre. Seuls les livres marqués &lt;b&gt;Lier&lt;/b&gt; sont liés ; les autres restent tels quels.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Cancel scan</source>
            <translation>Annuler l'analyse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Choose a folder first.</source>
            <translation>Choisissez d'abord un dossier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Choose match</source>
            <translation>Choisir la correspondance</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Confidence</source>
            <translation>Confiance</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Decision</source>
            <translation>Décision</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Folder</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Folder to import</source>
            <translation>Dossier à importer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>From</source>
            <translation>De</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Import an existing library</source>
            <translation>Importer une bibliothèque existante</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Library folder</source>
            <translation>Dossier de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Library import</source>
            <translation>Import de bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Link</source>
            <translation>Lier</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s) to the catalog.</source>
            <translation>
                <numerusform>%n livre lié au catalogue.</numerusform>
                <numerusform>%n livres liés au catalogue.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s).</source>
            <translation>
                <numerusform>%n livre lié.</numerusform>
                <numerusform>%n livres liés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Matching</source>
            <translation>Rapprochement</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Move %n book folder(s) into {folder}?</source>
            <translation>
                <numerusform>Déplacer %n dossier de livre dans {folder} ?</numerusform>
                <numerusform>Déplacer %n dossiers de livres dans {folder} ?</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Move books</source>
            <translation>Déplacer les livres</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s) into the library.</source>
            <translation>
                <numerusform>%n livre déplacé dans la bibliothèque.</numerusform>
                <numerusform>%n livres déplacés dans la bibliothèque.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s).</source>
            <translation>
                <numerusform>%n livre déplacé.</numerusform>
                <numerusform>%n livres déplacés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>No book is marked Link yet.</source>
            <translation>Aucun livre n'est encore marqué Lier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Not decided</source>
            <translation>Non décidé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Planned moves</source>
            <translation>Déplacements prévus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Problem</source>
            <translation>Problème</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Proposed match</source>
            <translation>Correspondance proposée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Proposed matches</source>
            <translation>Correspondances proposées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Reading</source>
            <translation>Lecture</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Reorganize (optional)</source>
            <translation>Réorganiser (facultatif)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Review the proposed matches</source>
            <translation>Vérifier les correspondances proposées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>S&amp;kip selected</source>
            <translation>I&amp;gnorer la sélection</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Saving</source>
            <translation>Enregistrement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Scanning…</source>
            <translation>Analyse…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Select one book to choose its match.</source>
            <translation>Sélectionnez un livre pour choisir sa correspondance.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Set the library folder in Settings first.</source>
            <translation>Définissez d'abord le dossier de la bibliothèque dans les Paramètres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Skip</source>
            <translation>Ignorer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The app knows no books yet: request or search some first.</source>
            <translation>L'application ne connaît encore aucun livre : demandez-en ou recherchez-en d'abord.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The app reads the folder and its tags and proposes which book each folder is. It changes nothing on disk until you review the proposals and agree.</source>
            <translation>L'application lit le dossier et ses tags, puis propose le livre correspondant à chaque dossier. Rien n'est modifié sur le disque tant que vous n'avez pas vérifié et accepté les propositions.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The linked books can be moved into your library folder &lt;b&gt;{folder}&lt;/b&gt; following the naming template. Preview first: every move is listed, and nothing moves until you press Move.</source>
            <translation>Les livres liés peuvent être déplacés dans votre dossier de bibliothèque &lt;b&gt;{folder}&lt;/b&gt; selon le modèle de nommage. Affichez d'abord l'aperçu : chaque déplacement est listé, et rien ne bouge avant que vous cliquiez sur Déplacer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>To</source>
            <translation>Vers</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Walking</source>
            <translation>Parcours</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Which book is {folder}?</source>
            <translation>Quel livre est {folder} ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Which folder holds your audiobooks?</source>
            <translation>Quel dossier contient vos livres audio ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{books}; {matches}. Review them, then link.</source>
            <translation>{books} ; {matches}. Vérifiez-les, puis liez-les.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{moved} Not moved: {failed}</source>
            <translation>{moved} Non déplacés : {failed}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{phase}: {done} of %n file(s)…</source>
            <translation>
                <numerusform>{phase} : {done} sur %n fichier…</numerusform>
                <numerusform>{phase} : {done} sur %n fichiers…</numerusform>
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
                <numerusform>%n récupération</numerusform>
                <numerusform>%n récupérations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>%n search(es)</source>
            <translation>
                <numerusform>%n recherche</numerusform>
                <numerusform>%n recherches</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>It is tried again once the indexer's day starts over; raise the limit in Settings &gt; Indexers.</source>
            <translation>Une nouvelle tentative aura lieu quand la journée de l'indexeur recommencera ; augmentez la limite dans Paramètres &gt; Indexeurs.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>Today: {searches}, {grabs}.</source>
            <translation>Aujourd'hui : {searches}, {grabs}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{name} has used {used} of its {limit} grabs today.</source>
            <translation>{name} a utilisé aujourd'hui {used} de ses {limit} récupérations.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{name} has used {used} of its {limit} searches today.</source>
            <translation>{name} a utilisé aujourd'hui {used} de ses {limit} recherches.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{used} of {limit} grabs</source>
            <translation>{used} récupérations sur {limit}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{used} of {limit} searches</source>
            <translation>{used} recherches sur {limit}</translation>
        </message>
    </context>
    <context>
        <name>IndexerSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source> min</source>
            <comment>minutes after a number</comment>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Add</source>
            <translation>&amp;Ajouter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Grabs per day</source>
            <translation>Réc&amp;upérations par jour</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Load indexers from Prowlarr</source>
            <translation>&amp;Charger les indexeurs depuis Prowlarr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Priority</source>
            <translation>&amp;Priorité</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Supprimer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Test</source>
            <translation>&amp;Tester</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Type</source>
            <translation>T&amp;ype</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>1 is the most trusted indexer, 50 the least (as in Prowlarr)</source>
            <translation>1 est l'indexeur le plus fiable, 50 le moins fiable (comme dans Prowlarr)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>API &amp;key</source>
            <translation>C&amp;lé API</translation>
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
            <translation>Interrogation de Prowlarr…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobook &amp;categories</source>
            <translation>Catégories &amp;livres audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobook categories</source>
            <translation>Catégories livres audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobooks</source>
            <translation>Livres audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Downloads a day; further grabs wait for the next day</source>
            <translation>Téléchargements par jour ; les récupérations suivantes attendent le lendemain</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Eb&amp;ook categories</source>
            <translation>Catégories livres &amp;numériques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Ebook categories</source>
            <translation>Catégories livres numériques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Ebooks</source>
            <translation>Livres numériques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Enabled</source>
            <translation>Activé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>For the indexer selected in the Prowlarr list</source>
            <translation>Pour l'indexeur sélectionné dans la liste Prowlarr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexer</source>
            <translation>Indexeur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexer {number}</source>
            <translation>Indexeur {number}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexers</source>
            <translation>Indexeurs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexers in Prowlarr</source>
            <translation>Indexeurs dans Prowlarr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Internet Archive / LibriVox (free, no account)</source>
            <translation>Internet Archive / LibriVox (gratuit, sans compte)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Newznab feed (usenet)</source>
            <translation>Flux Newznab (usenet)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Priority</source>
            <translation>Priorité</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Protocol</source>
            <translation>Protocole</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr (all its indexers)</source>
            <translation>Prowlarr (tous ses indexeurs)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr has %n indexer(s).</source>
            <translation>
                <numerusform>Prowlarr a %n indexeur.</numerusform>
                <numerusform>Prowlarr a %n indexeurs.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr indexers: categories per indexer</source>
            <translation>Indexeurs Prowlarr : catégories par indexeur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searc&amp;h this indexer</source>
            <translation>&amp;Interroger cet indexeur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searches a day; the search skips this indexer once they are used</source>
            <translation>Recherches par jour ; une fois épuisées, la recherche ignore cet indexeur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searches per &amp;day</source>
            <translation>Recherches par &amp;jour</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Seed &amp;ratio before removal</source>
            <translation>&amp;Ratio de partage avant suppression</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Seed t&amp;ime before removal</source>
            <translation>&amp;Durée de partage avant suppression</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Select or add an indexer first.</source>
            <translation>Sélectionnez ou ajoutez d'abord un indexeur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Torznab feed (torrents: Jackett, a tracker)</source>
            <translation>Flux Torznab (torrents : Jackett, un tracker)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>as the indexer reports</source>
            <translation>selon l'indexeur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>client default</source>
            <translation>réglage du client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default</source>
            <translation>par défaut</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default ({categories})</source>
            <translation>par défaut ({categories})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default; or e.g. 3030, 3130; or none</source>
            <translation>par défaut ; ou p. ex. 3030, 3130 ; ou aucune</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default; or e.g. 7020; or none</source>
            <translation>par défaut ; ou p. ex. 7020 ; ou aucune</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>skipped</source>
            <translation>ignorées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>⚠ The API key of %n indexer(s) cannot be read: no keychain works on this computer. They are kept; enter each key again to search them.</source>
            <translation>
                <numerusform>⚠ La clé API de %n indexeur est illisible : aucun trousseau ne fonctionne sur cet ordinateur. L'indexeur est conservé ; saisissez à nouveau sa clé pour y chercher.</numerusform>
                <numerusform>⚠ Les clés API de %n indexeurs sont illisibles : aucun trousseau ne fonctionne sur cet ordinateur. Les indexeurs sont conservés ; saisissez à nouveau chaque clé pour y chercher.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Indexers</name>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>Add an indexer in Settings &gt; Indexers.</source>
            <translation>Ajoutez un indexeur dans Paramètres &gt; Indexeurs.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>It does not list categories {categories}.</source>
            <translation>Il ne liste pas les catégories {categories}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>No indexer is enabled.</source>
            <translation>Aucun indexeur n'est activé.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>Prowlarr {version} answered with %n enabled indexer(s).</source>
            <translation>
                <numerusform>Prowlarr {version} a répondu avec %n indexeur activé.</numerusform>
                <numerusform>Prowlarr {version} a répondu avec %n indexeurs activés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>The Internet Archive answered.</source>
            <translation>L'Internet Archive a répondu.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>{title} answered with %n category code(s).</source>
            <translation>
                <numerusform>{title} a répondu avec %n code de catégorie.</numerusform>
                <numerusform>{title} a répondu avec %n codes de catégorie.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InteractiveSearch</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>#</source>
            <translation>Nº</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n acceptable</source>
            <translation>
                <numerusform>%n acceptable</numerusform>
                <numerusform>%n acceptables</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n résultat</numerusform>
                <numerusform>%n résultats</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>&amp;Grab this release</source>
            <translation>&amp;Récupérer cette release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Accepted</source>
            <translation>Acceptée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Blocklisted</source>
            <translation>Bloquée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Blocklisted: it failed for this book before</source>
            <translation>Bloquée : elle a déjà échoué pour ce livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Grab a rejected release?</source>
            <translation>Récupérer une release rejetée ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Grabbing “{title}”…</source>
            <translation>Récupération de « {title} »…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Indexer</source>
            <translation>Indexeur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Interactive search: {title}</source>
            <translation>Recherche interactive : {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>No results. Check the indexers in Settings, or set custom search terms on the request.</source>
            <translation>Aucun résultat. Vérifiez les indexeurs dans les Paramètres, ou définissez des termes de recherche personnalisés sur la demande.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Rejected</source>
            <translation>Rejetée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Releases found</source>
            <translation>Releases trouvées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Score parts:</source>
            <translation>Détail du score :</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Search failed: {reason}</source>
            <translation>Échec de la recherche : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Searching every indexer…</source>
            <translation>Recherche sur tous les indexeurs…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Seeders</source>
            <translation>Seeders</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Why this score</source>
            <translation>Pourquoi ce score</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{counts} Greyed rows were rejected or are blocklisted; hover or select one to see why. You can still grab any of them.</source>
            <translation>{counts} Les lignes grisées ont été rejetées ou sont bloquées ; survolez-en une ou sélectionnez-la pour voir pourquoi. Vous pouvez quand même les récupérer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{results}, {acceptable}.</source>
            <translation>{results}, {acceptable}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{verdict}, score {score}</source>
            <translation>{verdict}, score {score}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>“{title}” is {verdict}:
{reason}

Grab it anyway?</source>
            <translation>« {title} » : {verdict}
{reason}

La récupérer quand même ?</translation>
        </message>
    </context>
    <context>
        <name>JobPump</name>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Another app instance on this database runs automation; this one requests and watches.</source>
            <translation>Une autre instance de l'application sur cette base de données exécute l'automatisation ; celle-ci demande et surveille.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Automation paused</source>
            <translation>Automatisation en pause</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Automation: on</source>
            <translation>Automatisation : active</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Automation: standby</source>
            <translation>Automatisation : en veille</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Interrupted because the app quit; it will run again at the next start.</source>
            <translation>Interrompue, car l'application a été quittée ; elle s'exécutera à nouveau au prochain démarrage.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Searches, downloads and imports are paused. Resume from the tray or Settings.</source>
            <translation>Les recherches, téléchargements et imports sont en pause. Reprenez-les depuis la zone de notification ou les Paramètres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>This instance runs searches, downloads, imports and scheduled jobs.</source>
            <translation>Cette instance exécute les recherches, téléchargements, imports et tâches planifiées.</translation>
        </message>
    </context>
    <context>
        <name>JobQueue</name>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>A worker that lost this job (attempt {attempt}) finished late; its outcome was discarded.</source>
            <translation>Un processus qui avait perdu cette tâche (tentative {attempt}) a terminé en retard ; son résultat a été ignoré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Cancelled</source>
            <translation>Annulée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Failed: {error}</source>
            <translation>Échec : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Failed: {error}; retrying at {time} UTC</source>
            <translation>Échec : {error} ; nouvel essai à {time} UTC</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Finished in {seconds} s</source>
            <translation>Terminée en {seconds} s</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Started (attempt {attempt} of {attempts})</source>
            <translation>Démarrée (tentative {attempt} sur {attempts})</translation>
        </message>
    </context>
    <context>
        <name>JobsTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>#</source>
            <translation>Nº</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>All</source>
            <translation>Toutes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Attempts</source>
            <translation>Tentatives</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Cancelled</source>
            <translation>Annulée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Created {time}</source>
            <translation>Créée {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Done</source>
            <translation>Terminée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Failed</source>
            <translation>Échec</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Finished</source>
            <translation>Terminée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Job</source>
            <translation>Tâche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Last error</source>
            <translation>Dernière erreur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Queued</source>
            <translation>En attente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Retrying</source>
            <translation>Nouvel essai</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Running</source>
            <translation>En cours</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>When</source>
            <translation>Quand</translation>
        </message>
    </context>
    <context>
        <name>Keychain</name>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>No secure keychain was found ({backend}). Choose a passphrase to keep passwords and API keys in an encrypted file, or install a keychain (GNOME Keyring or KWallet on Linux).</source>
            <translation>Aucun trousseau sécurisé n'a été trouvé ({backend}). Choisissez une phrase secrète pour conserver les mots de passe et les clés API dans un fichier chiffré, ou installez un trousseau (GNOME Keyring ou KWallet sous Linux).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>No system keychain works here ({backend}); secrets are kept in a file encrypted with your passphrase.</source>
            <translation>Aucun trousseau du système ne fonctionne ici ({backend}) ; les secrets sont conservés dans un fichier chiffré avec votre phrase secrète.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>No system keychain works here ({backend}); your secrets file is locked. Enter your passphrase to unlock it.</source>
            <translation>Aucun trousseau du système ne fonctionne ici ({backend}) ; votre fichier de secrets est verrouillé. Saisissez votre phrase secrète pour le déverrouiller.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>Secrets are kept in your system keychain ({backend}).</source>
            <translation>Les secrets sont conservés dans le trousseau de votre système ({backend}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>Your system keychain ({backend}) is locked. Unlock it to let the app use saved passwords and API keys.</source>
            <translation>Le trousseau de votre système ({backend}) est verrouillé. Déverrouillez-le pour que l'application puisse utiliser les mots de passe et clés API enregistrés.</translation>
        </message>
    </context>
    <context>
        <name>Languages</name>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Chinese</source>
            <translation>chinois</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Czech</source>
            <translation>tchèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Danish</source>
            <translation>danois</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Dutch</source>
            <translation>néerlandais</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>English</source>
            <translation>anglais</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Finnish</source>
            <translation>finnois</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>French</source>
            <translation>français</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>German</source>
            <translation>allemand</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Hungarian</source>
            <translation>hongrois</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Italian</source>
            <translation>italien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Japanese</source>
            <translation>japonais</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Korean</source>
            <translation>coréen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Norwegian</source>
            <translation>norvégien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Polish</source>
            <translation>polonais</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Portuguese</source>
            <translation>portugais</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Russian</source>
            <translation>russe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Spanish</source>
            <translation>espagnol</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Swedish</source>
            <translation>suédois</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Turkish</source>
            <translation>turc</translation>
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Could not open {path}.</source>
            <translation>Impossible d'ouvrir {path}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>No audio file of “{title}” could be opened.</source>
            <translation>Aucun fichier audio de « {title} » n'a pu être ouvert.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Open folder</source>
            <translation>Ouvrir le dossier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Play</source>
            <translation>Lire</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Problem reported</source>
            <translation>Problème signalé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tag this book?</source>
            <translation>Retaguer ce livre ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tagged</source>
            <translation>Tags réécrits</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tagging is not available in this build</source>
            <translation>La réécriture des tags n'est pas disponible dans cette version</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Tags of “{title}” were written.</source>
            <translation>Les tags de « {title} » ont été écrits.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>The administrators were told about “{title}”.</source>
            <translation>Les administrateurs ont été prévenus pour « {title} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Write the title, authors, narrators, series, cover and description of “{title}” into its audio files? Tags it has no value for (such as a genre) and tags it does not manage are kept.</source>
            <translation>Écrire le titre, les auteurs, les narrateurs, la série, la couverture et la description de « {title} » dans ses fichiers audio ? Les tags pour lesquels il n'a pas de valeur (comme un genre) et ceux qu'il ne gère pas sont conservés.</translation>
        </message>
    </context>
    <context>
        <name>LibraryAvailability</name>
        <message>
            <location filename="../../rmab_desktop/services/library/availability.py" />
            <source>Found in the library at {path} ({reason})</source>
            <translation>Trouvé dans la bibliothèque, à l'emplacement {path} ({reason})</translation>
        </message>
    </context>
    <context>
        <name>LibraryBackends</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>%n book(s) listed</source>
            <translation>
                <numerusform>%n livre listé</numerusform>
                <numerusform>%n livres listés</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>Connected to Audiobookshelf; library '{library}'.</source>
            <translation>Connecté à Audiobookshelf ; bibliothèque « {library} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>Connected to Plex {version}; library '{library}'.</source>
            <translation>Connecté à Plex {version} ; bibliothèque « {library} ».</translation>
        </message>
    </context>
    <context>
        <name>LibraryImport</name>
        <message>
            <location filename="../../rmab_desktop/services/library/importing.py" />
            <source>Moved {done} of {total}</source>
            <translation>{done} sur {total} déplacés</translation>
        </message>
    </context>
    <context>
        <name>LibraryJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n livre</numerusform>
                <numerusform>%n livres</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>%n request(s) now available</source>
            <translation>
                <numerusform>%n demande désormais disponible</numerusform>
                <numerusform>%n demandes désormais disponibles</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>Library folder</source>
            <translation>Dossier de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>Library refreshed from {backend}: {books} ({added} new, {removed} gone); {requests}</source>
            <translation>Bibliothèque actualisée depuis {backend} : {books} (nouveaux : {added}, disparus : {removed}) ; {requests}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>Refresh the library</source>
            <translation>Actualiser la bibliothèque</translation>
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
                <numerusform>%n auteur</numerusform>
                <numerusform>%n auteurs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n livre</numerusform>
                <numerusform>%n livres</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s) in your library folder.</source>
            <translation>
                <numerusform>%n livre dans votre dossier de bibliothèque.</numerusform>
                <numerusform>%n livres dans votre dossier de bibliothèque.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s) in your {server} library.</source>
            <translation>
                <numerusform>%n livre dans votre bibliothèque {server}.</numerusform>
                <numerusform>%n livres dans votre bibliothèque {server}.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Add from URL…</source>
            <translation>Ajouter depuis une URL…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Books</source>
            <translation>Livres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Books shown</source>
            <translation>Livres affichés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Choose your library folder or server in Settings, then refresh. Books you request arrive here.</source>
            <translation>Choisissez le dossier ou le serveur de votre bibliothèque dans les Paramètres, puis actualisez. Les livres que vous demandez arrivent ici.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Import existing library…</source>
            <translation>Importer une bibliothèque existante…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Import the audio of a link (video, podcast, LibriVox) as a book</source>
            <translation>Importer l'audio d'un lien (vidéo, podcast, LibriVox) comme livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library refreshed</source>
            <translation>Bibliothèque actualisée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library totals</source>
            <translation>Totaux de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Looking for books…</source>
            <translation>Recherche des livres…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Preparing search…</source>
            <translation>Préparation de la recherche…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Read the library again from its backend (folder scan, Plex or Audiobookshelf)</source>
            <translation>Relire la bibliothèque depuis sa source (analyse du dossier, Plex ou Audiobookshelf)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Reading tags…</source>
            <translation>Lecture des tags…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Refresh library</source>
            <translation>Actualiser la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Refreshing…</source>
            <translation>Actualisation…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search the library</source>
            <translation>Rechercher dans la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search titles, authors, narrators and series. Fields: author: narrator: series: title: year: format: asin: path: missing:cover|asin|series|narrator|year|match has:…  Quote values with spaces (series:"dark tower"), put - before a term to exclude it, years as 1990..1999 or &gt;2010.</source>
            <translation>Recherchez dans les titres, auteurs, narrateurs et séries. Champs : author: narrator: series: title: year: format: asin: path: missing:cover|asin|series|narrator|year|match has:…  Mettez entre guillemets les valeurs avec espaces (series:"dark tower"), placez - devant un terme pour l'exclure, années sous la forme 1990..1999 ou &gt;2010.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search: king   author:"le guin"   year:1990..1999   missing:cover</source>
            <translation>Rechercher : king   author:"le guin"   year:1990..1999   missing:cover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>The books you already have, as your library folder or server knows them.</source>
            <translation>Les livres que vous possédez déjà, tels que les connaît le dossier ou le serveur de votre bibliothèque.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Your library is empty</source>
            <translation>Votre bibliothèque est vide</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{duration} of listening</source>
            <translation>{duration} d'écoute</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{shown} of %n book(s)</source>
            <translation>
                <numerusform>{shown} sur %n livre</numerusform>
                <numerusform>{shown} sur %n livres</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryScan</name>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Choose a folder you can write to, or fix its permissions.</source>
            <translation>Choisissez un dossier dans lequel vous pouvez écrire, ou corrigez ses autorisations.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Choose an existing folder.</source>
            <translation>Choisissez un dossier existant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/scanner.py" />
            <source>Choose the folder that holds your audiobooks.</source>
            <translation>Choisissez le dossier qui contient vos livres audio.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Choose your library folder in Settings.</source>
            <translation>Choisissez votre dossier de bibliothèque dans les Paramètres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Library folder {root} is readable and writable.</source>
            <translation>Le dossier de bibliothèque {root} est accessible en lecture et en écriture.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>No library folder is set.</source>
            <translation>Aucun dossier de bibliothèque n'est défini.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>The app cannot write into {root} ({reason}).</source>
            <translation>L'application ne peut pas écrire dans {root} ({reason}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/scanner.py" />
            <source>{path} is not a folder</source>
            <translation>{path} n'est pas un dossier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>{path} is not inside the library folder {root}.</source>
            <translation>{path} n'est pas dans le dossier de bibliothèque {root}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: links to {target}, outside the library folder; skipped</source>
            <translation>{path} : lien vers {target}, hors du dossier de bibliothèque ; ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: name is not valid UTF-8; skipped</source>
            <translation>{path} : le nom n'est pas en UTF-8 valide ; ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: not a regular file; skipped</source>
            <translation>{path} : pas un fichier ordinaire ; ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: {reason}</source>
            <translation>{path} : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>{root} is not a folder.</source>
            <translation>{root} n'est pas un dossier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/scanner.py" />
            <source>{subpath} is not inside the library folder {root_path}</source>
            <translation>{subpath} n'est pas dans le dossier de bibliothèque {root_path}</translation>
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
            <translation>Parc&amp;ourir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Folder</source>
            <translation>&amp;Dossier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Library</source>
            <translation>&amp;Bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Test</source>
            <translation>&amp;Tester</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>({milliseconds} ms)</source>
            <translation>({milliseconds} ms)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>/data/audiobooks (as the server sees it)</source>
            <translation>/data/audiobooks (tel que le serveur le voit)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>A folder on this computer (the app scans it)</source>
            <translation>Un dossier sur cet ordinateur (l'application l'analyse)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Approve the sign-in in your browser; this page waits for Plex.</source>
            <translation>Approuvez la connexion dans votre navigateur ; cette page attend Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Asking the server…</source>
            <translation>Interrogation du serveur…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation>
                <numerusform>Bibliothèque de livres audio trouvée : %n.</numerusform>
                <numerusform>Bibliothèques de livres audio trouvées : %n.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Audiobookshelf: an API token</source>
            <translation>Audiobookshelf : un jeton API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Browse for the library folder</source>
            <translation>Choisir le dossier de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>F&amp;ind libraries</source>
            <translation>&amp;Rechercher les bibliothèques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Library &amp;server</source>
            <translation>&amp;Serveur de bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Library folder</source>
            <translation>Dossier de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Lo&amp;cal path</source>
            <translation>Chemin &amp;local</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Only needed when the server runs elsewhere (NAS, Docker) and sees your library folder under another path.</source>
            <translation>Nécessaire seulement si le serveur tourne ailleurs (NAS, Docker) et voit le dossier de votre bibliothèque sous un autre chemin.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Opening plex.tv…</source>
            <translation>Ouverture de plex.tv…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Opens plex.tv in your browser; the token arrives here when you approve</source>
            <translation>Ouvre plex.tv dans votre navigateur ; le jeton arrive ici dès que vous approuvez</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Plex (a Music library)</source>
            <translation>Plex (une bibliothèque Musique)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Plex: your X-Plex-Token</source>
            <translation>Plex : votre X-Plex-Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Server</source>
            <translation>Serveur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Server &amp;path</source>
            <translation>&amp;Chemin sur le serveur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Sign in &amp;with Plex…</source>
            <translation>Se connecter avec &amp;Plex…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>T&amp;oken</source>
            <translation>&amp;Jeton</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Test result</source>
            <translation>Résultat du test</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Testing…</source>
            <translation>Test en cours…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>The server has no audiobook library.</source>
            <translation>Le serveur n'a aucune bibliothèque de livres audio.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Where your audiobooks are organized</source>
            <translation>Où vos livres audio sont rangés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>the same folder on this computer</source>
            <translation>le même dossier sur cet ordinateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>✔ Signed in with Plex. Choose the library, then Test.</source>
            <translation>✔ Connecté avec Plex. Choisissez la bibliothèque, puis cliquez sur Tester.</translation>
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
            <translation>Auteur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Length</source>
            <translation>Durée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Narrator</source>
            <translation>Narrateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Series</source>
            <translation>Série</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Year</source>
            <translation>Année</translation>
        </message>
    </context>
    <context>
        <name>ListsPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n livre</numerusform>
                <numerusform>%n livres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Add book…</source>
            <translation>&amp;Ajouter un livre…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Delete list</source>
            <translation>&amp;Supprimer la liste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Kind</source>
            <translation>&amp;Type</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;New list…</source>
            <translation>&amp;Nouvelle liste…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Note…</source>
            <translation>No&amp;te…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Share with the household</source>
            <translation>&amp;Partager avec le foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>ASIN of the book</source>
            <translation>ASIN du livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add &amp;tier…</source>
            <translation>Ajouter un ni&amp;veau…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add a book</source>
            <translation>Ajouter un livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add a book by its ASIN</source>
            <translation>Ajouter un livre par son ASIN</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add a tier</source>
            <translation>Ajouter un niveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Alt+Down</source>
            <translation>Alt+Bas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Alt+Up</source>
            <translation>Alt+Haut</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Books in order</source>
            <translation>Livres dans l'ordre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Colour…</source>
            <translation>Couleur…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Copy 1200×630 to the clipboard</source>
            <translation>Copier en 1200×630 dans le presse-papiers</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Ctrl+Down</source>
            <translation>Ctrl+Bas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Ctrl+Up</source>
            <translation>Ctrl+Haut</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Delete</source>
            <translation>Suppr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>E&amp;xport…</source>
            <translation>E&amp;xporter…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Export a list, then import that file.</source>
            <translation>Exportez une liste, puis importez ce fichier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Export list</source>
            <translation>Exporter la liste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>F2</source>
            <translation>F2</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>I&amp;mport…</source>
            <translation>Im&amp;porter…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Import a list exported as JSON</source>
            <translation>Importer une liste exportée en JSON</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Import list</source>
            <translation>Importer une liste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Label</source>
            <translation>Libellé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Lists</source>
            <translation>Listes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Make a recommendation list or a tier list, then drag books into it.</source>
            <translation>Créez une liste de recommandations ou un classement par niveaux, puis faites-y glisser des livres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move &amp;up</source>
            <translation>&amp;Monter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move do&amp;wn</source>
            <translation>&amp;Descendre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move down</source>
            <translation>Descendre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move up</source>
            <translation>Monter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>New list</source>
            <translation>Nouvelle liste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>New list…</source>
            <translation>Nouvelle liste…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>No lists yet</source>
            <translation>Aucune liste pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Not placed yet</source>
            <translation>Pas encore placés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Note for {title}</source>
            <translation>Note pour « {title} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>PNG images (*.png)</source>
            <translation>Images PNG (*.png)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Recommendation lists and tier lists. Drag books in from Search, Discover or the Audible library.</source>
            <translation>Listes de recommandations et classements par niveaux. Faites glisser des livres depuis Recherche, Découvrir ou la bibliothèque Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Recommendations</source>
            <translation>Recommandations</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Recommendations (ordered, a note per book)</source>
            <translation>Recommandations (ordonnées, une note par livre)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Remove tier</source>
            <translation>Retirer le niveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Rename tier</source>
            <translation>Renommer le niveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Rename…</source>
            <translation>Renommer…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>S&amp;hared with the household</source>
            <translation>Partagée avec le &amp;foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1080×1080 (dark)…</source>
            <translation>Enregistrer en 1080×1080 (sombre)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1080×1080 (light)…</source>
            <translation>Enregistrer en 1080×1080 (clair)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1200×630 (dark)…</source>
            <translation>Enregistrer en 1200×630 (sombre)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1200×630 (light)…</source>
            <translation>Enregistrer en 1200×630 (clair)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save share image</source>
            <translation>Enregistrer l'image à partager</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save the list as JSON</source>
            <translation>Enregistrer la liste en JSON</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Saved {name}.</source>
            <translation>{name} enregistré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Select a book in the list first.</source>
            <translation>Sélectionnez d'abord un livre dans la liste.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Share &amp;image…</source>
            <translation>&amp;Image à partager…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>The share image is on the clipboard.</source>
            <translation>L'image à partager est dans le presse-papiers.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier a&amp;bove</source>
            <translation>Niveau au-dess&amp;us</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier be&amp;low</source>
            <translation>Niveau en-dess&amp;ous</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier colour</source>
            <translation>Couleur du niveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier list</source>
            <translation>Classement par niveaux</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier list (S, A, B, C, D)</source>
            <translation>Classement par niveaux (S, A, B, C, D)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier {label}</source>
            <translation>Niveau {label}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Your lists</source>
            <translation>Vos listes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>unknown author</source>
            <translation>auteur inconnu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>{book} — {note}</source>
            <translation>{book} — {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>{name} is not a list file.</source>
            <translation>{name} n'est pas un fichier de liste.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>{rank}. {title}</source>
            <translation>{rank}. {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>{title} by {author}</source>
            <translation>{title} de {author}</translation>
        </message>
    </context>
    <context>
        <name>LocalApiSettings</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n jour</numerusform>
                <numerusform>%n jours</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Copy</source>
            <translation>&amp;Copier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Done</source>
            <translation>&amp;Terminé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Expires after</source>
            <translation>&amp;Expire après</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;For</source>
            <translation>&amp;Pour</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Listen on</source>
            <translation>É&amp;couter sur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;New token…</source>
            <translation>&amp;Nouveau jeton…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Port</source>
            <translation>&amp;Port</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Start</source>
            <translation>&amp;Démarrer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Stop</source>
            <translation>&amp;Arrêter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>API tokens</source>
            <translation>Jetons d'API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Active</source>
            <translation>Actif</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Administrator</source>
            <translation>Administrateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Anyone on your network can reach the API then. Tokens still guard every call, but the connection is not encrypted: use it only on a network you trust.</source>
            <translation>Toute personne de votre réseau peut alors joindre l'API. Les jetons protègent toujours chaque appel, mais la connexion n'est pas chiffrée : n'utilisez cette option que sur un réseau de confiance.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>C&amp;reate</source>
            <translation>C&amp;réer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Copied</source>
            <translation>Copié</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Copy the token now: it is shown only this once. Keep it like a password.</source>
            <translation>Copiez le jeton maintenant : il n'est affiché qu'une seule fois. Gardez-le comme un mot de passe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Every device on the local network</source>
            <translation>Tous les appareils du réseau local</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Expired</source>
            <translation>Expiré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Expires</source>
            <translation>Expire</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Last used</source>
            <translation>Dernière utilisation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Make a token for each script or device that uses the API; revoke it when it is done.</source>
            <translation>Créez un jeton pour chaque script ou appareil qui utilise l'API ; révoquez-le quand il ne sert plus.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Making the token…</source>
            <translation>Création du jeton…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Never</source>
            <translation>Jamais</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>New API token</source>
            <translation>Nouveau jeton d'API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>No API tokens yet</source>
            <translation>Aucun jeton d'API pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Not running: {error}</source>
            <translation>Arrêtée : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Re&amp;voke</source>
            <translation>Ré&amp;voquer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Revoke the token {prefix}… ({name})? Scripts using it stop working at once.</source>
            <translation>Révoquer le jeton {prefix}… ({name}) ? Les scripts qui l'utilisent cessent aussitôt de fonctionner.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Revoke token</source>
            <translation>Révoquer le jeton</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Revoked</source>
            <translation>Révoqué</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Running at {url}. &lt;a href="{docs}"&gt;API description&lt;/a&gt; · &lt;a href="{page}"&gt;Request from Audible&lt;/a&gt;</source>
            <translation>En marche sur {url}. &lt;a href="{docs}"&gt;Description de l'API&lt;/a&gt; · &lt;a href="{page}"&gt;Demander depuis Audible&lt;/a&gt;</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Scripts, home automation and your browser can request and follow books through a local HTTP API. It is off until you start it; every call needs an API token.</source>
            <translation>Scripts, domotique et navigateur peuvent demander et suivre des livres via une API HTTP locale. Elle reste arrêtée tant que vous ne la démarrez pas ; chaque appel exige un jeton d'API.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Server</source>
            <translation>Serveur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Starting the API…</source>
            <translation>Démarrage de l'API…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Stopped.</source>
            <translation>Arrêtée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Stopping the API…</source>
            <translation>Arrêt de l'API…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>The new token</source>
            <translation>Le nouveau jeton</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>This computer only</source>
            <translation>Cet ordinateur uniquement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Token</source>
            <translation>Jeton</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>e.g. Home Assistant</source>
            <translation>p. ex. Home Assistant</translation>
        </message>
    </context>
    <context>
        <name>LogTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Debug</source>
            <translation>Débogage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Info</source>
            <translation>Info</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Level</source>
            <translation>Niveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Warning</source>
            <translation>Avertissement</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;About {app}</source>
            <translation>À &amp;propos de {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Documentation</source>
            <translation>&amp;Documentation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Find in This Page</source>
            <translation>&amp;Rechercher dans cette page</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Go</source>
            <translation>A&amp;ller</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Help</source>
            <translation>Ai&amp;de</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Import from ReadMeABook / AudioBookRequest…</source>
            <translation>&amp;Importer depuis ReadMeABook / AudioBookRequest…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>Raccourcis &amp;clavier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Refresh This Page</source>
            <translation>Ac&amp;tualiser cette page</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Report a Problem…</source>
            <translation>&amp;Signaler un problème…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Settings…</source>
            <translation>&amp;Paramètres…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Automation</source>
            <translation>Automatisation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Background jobs</source>
            <translation>Tâches en arrière-plan</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Choose a page; Ctrl+1 to Ctrl+9 open the first nine</source>
            <translation>Choisissez une page ; Ctrl+1 à Ctrl+9 ouvrent les neuf premières</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Jobs: {running} running, {queued} queued</source>
            <translation>Tâches : {running} en cours, {queued} en attente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Jobs: {running} running, {queued} queued, {failed} failed</source>
            <translation>Tâches : {running} en cours, {queued} en attente, {failed} en échec</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain</source>
            <translation>Trousseau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: checking…</source>
            <translation>Trousseau : vérification…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: locked</source>
            <translation>Trousseau : verrouillé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: secure</source>
            <translation>Trousseau : sécurisé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: unavailable</source>
            <translation>Trousseau : indisponible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>No pages are installed in this build.</source>
            <translation>Aucune page n'est installée dans cette version.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Nothing here yet</source>
            <translation>Rien ici pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Open &amp;Log Folder</source>
            <translation>Ouvrir le dossier du &amp;journal</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Opening your library…</source>
            <translation>Ouverture de votre bibliothèque…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Pages</source>
            <translation>Pages</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>S&amp;witch User…</source>
            <translation>&amp;Changer d'utilisateur…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Search the &amp;Catalog</source>
            <translation>Rechercher dans le &amp;catalogue</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Secrets: encrypted file</source>
            <translation>Secrets : fichier chiffré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Sign &amp;Out</source>
            <translation>Se &amp;déconnecter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Sign &amp;Out ({name})</source>
            <translation>Se &amp;déconnecter ({name})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>This takes a moment.</source>
            <translation>Cela prend un instant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{error}
The details are in the log file.</source>
            <translation>{error}
Les détails figurent dans le fichier journal.</translation>
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
            <translation>{page} ({count} en attente)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{page} could not be opened</source>
            <translation>Impossible d'ouvrir {page}</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/maintenance.py" />
            <source>Diagnostic wait</source>
            <translation>Attente de diagnostic</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/maintenance.py" />
            <source>Diagnostic wait of {seconds} s finished</source>
            <translation>Attente de diagnostic de {seconds} s terminée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/maintenance.py" />
            <source>Prune old job history</source>
            <translation>Purger l'ancien historique des tâches</translation>
        </message>
    </context>
    <context>
        <name>Marketplaces</name>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Australia</source>
            <translation>Australie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Brazil</source>
            <translation>Brésil</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Canada</source>
            <translation>Canada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>France</source>
            <translation>France</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Germany</source>
            <translation>Allemagne</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>India</source>
            <translation>Inde</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Italy</source>
            <translation>Italie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Japan</source>
            <translation>Japon</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Spain</source>
            <translation>Espagne</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>United Kingdom</source>
            <translation>Royaume-Uni</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>United States</source>
            <translation>États-Unis</translation>
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
            <translation>« {address} » n’est pas une adresse PostgreSQL ; ReadMeABook garde ses données dans PostgreSQL.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Audiobooks</source>
            <translation>Livres audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Audiobookshelf API key</source>
            <translation>Clé API Audiobookshelf</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Blocked in {app}</source>
            <translation>Bloquée dans {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Blocked releases</source>
            <translation>Releases bloquées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Brought over from {app}, where it was '{status}'</source>
            <translation>Reprise depuis {app}, où elle était « {status} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Copy CONFIG_ENCRYPTION_KEY from ReadMeABook's /app/config/.secrets file, or leave the key out and enter the secrets again afterwards.</source>
            <translation>Copiez CONFIG_ENCRYPTION_KEY depuis le fichier /app/config/.secrets de ReadMeABook, ou omettez la clé et saisissez les secrets à nouveau ensuite.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Discover sections</source>
            <translation>Sections de Découvrir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Download client passwords</source>
            <translation>Mots de passe des clients de téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Download history</source>
            <translation>Historique des téléchargements</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>Give the DATABASE_URL of ReadMeABook, e.g. postgresql://USER:PASSWORD@HOST:5432/readmeabook.</source>
            <translation>Indiquez la DATABASE_URL de ReadMeABook, par ex. postgresql://USER:PASSWORD@HOST:5432/readmeabook.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>Give the address of the database ReadMeABook uses (DATABASE_URL in its container).</source>
            <translation>Indiquez l’adresse de la base de données utilisée par ReadMeABook (DATABASE_URL dans son conteneur).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>Give the path of AudioBookRequest's database file (db.sqlite in its config folder).</source>
            <translation>Indiquez le chemin du fichier de base de données d’AudioBookRequest (db.sqlite dans son dossier de configuration).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Hardcover token of the shelf {name}</source>
            <translation>Jeton Hardcover de l’étagère {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Notification target {name}</source>
            <translation>Destination de notification {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Notification targets</source>
            <translation>Destinations de notification</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Password of user {name}</source>
            <translation>Mot de passe de l’utilisateur {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Plex token</source>
            <translation>Jeton Plex</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Prowlarr API key</source>
            <translation>Clé API Prowlarr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Reading shelves</source>
            <translation>Étagères de lecture</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Requests</source>
            <translation>Demandes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Settings, Notifications: add it again</source>
            <translation>Paramètres, Notifications : ajoutez-la de nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Settings: set up this connection again</source>
            <translation>Paramètres : configurez de nouveau cette connexion</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Shelves page: add the Hardcover shelf again with the token</source>
            <translation>Page Étagères : ajoutez de nouveau l’étagère Hardcover avec le jeton</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>The database {address} is not a ReadMeABook database (it has no {tables} table).</source>
            <translation>La base de données {address} n’est pas une base ReadMeABook (la table {tables} est absente).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>The key does not open ReadMeABook's secrets.</source>
            <translation>La clé n’ouvre pas les secrets de ReadMeABook.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>The request names no book or no user.</source>
            <translation>La demande ne nomme aucun livre ou aucun utilisateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>The table {table} is missing; nothing of it comes over.</source>
            <translation>La table {table} est absente ; rien n’en est repris.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>The user signs in once and sets a new one</source>
            <translation>L’utilisateur se connecte une fois et en choisit un nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Users</source>
            <translation>Utilisateurs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Watched authors and series</source>
            <translation>Auteurs et séries suivis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>a second user called '{name}': merged with the first</source>
            <translation>un second utilisateur nommé « {name} » : fusionné avec le premier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>backends of type '{kind}' have no counterpart here</source>
            <translation>les destinations de type « {kind} » n’ont pas d’équivalent ici</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>deleted in ReadMeABook</source>
            <translation>supprimé dans ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>events with no counterpart left out: {events}</source>
            <translation>événements sans équivalent omis : {events}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no Audible ASIN</source>
            <translation>il n’a pas d’ASIN Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no Audible ASIN, so it cannot be matched to a book</source>
            <translation>il n’a pas d’ASIN Audible, il ne peut donc être associé à aucun livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no address</source>
            <translation>elle n’a pas d’adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no title</source>
            <translation>il n’a pas de titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it names no Audible book; request the book again by searching for it</source>
            <translation>elle ne nomme aucun livre Audible ; recherchez le livre et demandez-le de nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it was '{status}' in {app}; it will be searched again</source>
            <translation>elle était « {status} » dans {app} ; elle sera recherchée de nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it was deleted in {app}</source>
            <translation>elle a été supprimée dans {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its book was not brought over</source>
            <translation>son livre n’a pas été repris</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its request was not brought over</source>
            <translation>sa demande n’a pas été reprise</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its secret needs ReadMeABook's key; enter it again</source>
            <translation>son secret nécessite la clé de ReadMeABook ; saisissez-le de nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its user was not brought over</source>
            <translation>son utilisateur n’a pas été repris</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its user was not brought over; it is kept without a user</source>
            <translation>son utilisateur n’a pas été repris ; elle est gardée sans utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>merged with the user '{name}' already here</source>
            <translation>fusionné avec l’utilisateur « {name} » déjà présent</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>merged with your own account on this computer</source>
            <translation>fusionné avec votre propre compte sur cet ordinateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>sign-up not approved in ReadMeABook</source>
            <translation>inscription non approuvée dans ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the Apprise backend has neither URLs nor a server with a configuration key</source>
            <translation>la destination Apprise n’a ni URL ni serveur avec une clé de configuration</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the Discord webhook address is not a webhook address</source>
            <translation>l’adresse du webhook Discord n’est pas une adresse de webhook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the Pushover backend lacks its user key or app token</source>
            <translation>il manque à la destination Pushover sa clé utilisateur ou son jeton d’application</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>the category section names no category</source>
            <translation>la section de catégorie ne nomme aucune catégorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the ntfy backend names no topic</source>
            <translation>la destination ntfy ne nomme aucun sujet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>the user name '{name}' is shorter than 3 characters</source>
            <translation>le nom d’utilisateur « {name} » fait moins de 3 caractères</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>unknown kind of section '{kind}'</source>
            <translation>type de section inconnu « {kind} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>unknown status '{status}'; it needs a look</source>
            <translation>statut inconnu « {status} » ; à vérifier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>{app} kept no hash or id of this release</source>
            <translation>{app} n’a gardé ni hash ni identifiant de cette release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>{app} kept no link, hash or id of this release</source>
            <translation>{app} n’a gardé ni lien, ni hash, ni identifiant de cette release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>{app} sends its own message body to this address; add it again as an Apprise URL</source>
            <translation>{app} envoie son propre corps de message à cette adresse ; ajoutez-la de nouveau comme URL Apprise</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>{path} is not a file.</source>
            <translation>{path} n’est pas un fichier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>{path} is not an AudioBookRequest database (it has no {tables} table).</source>
            <translation>{path} n’est pas une base AudioBookRequest (la table {tables} est absente).</translation>
        </message>
    </context>
    <context>
        <name>MigrationImportDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>%n secret is encrypted: without the key it is listed to enter again.</source>
            <translation>
                <numerusform>%n secret est chiffré : sans la clé, il est listé pour être saisi de nouveau.</numerusform>
                <numerusform>%n secrets sont chiffrés : sans la clé, ils sont listés pour être saisis de nouveau.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Added</source>
            <translation>Ajoutés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Already here</source>
            <translation>Déjà présents</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>AudioBookRequest (database file)</source>
            <translation>AudioBookRequest (fichier de base de données)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>AudioBookRequest database</source>
            <translation>Base de données AudioBookRequest</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Bring users, requests, books, history, shelves and notification targets over from ReadMeABook or AudioBookRequest. Their database is only read; importing again later brings over only what is new.</source>
            <translation>Reprenez utilisateurs, demandes, livres, historique, étagères et destinations de notification depuis ReadMeABook ou AudioBookRequest. Leur base de données est seulement lue ; une nouvelle importation plus tard ne reprend que ce qui est nouveau.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Bringing everything over…</source>
            <translation>Reprise de tout…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Bringing over {item}</source>
            <translation>Reprise de {item}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Brought over with changes</source>
            <translation>Repris avec des changements</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>CONFIG_ENCRYPTION_KEY (optional)</source>
            <translation>CONFIG_ENCRYPTION_KEY (facultatif)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Database</source>
            <translation>Base de données</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Database address</source>
            <translation>Adresse de la base de données</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Database file</source>
            <translation>Fichier de base de données</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Done. Nothing was new: everything came over before.</source>
            <translation>Terminé. Rien de nouveau : tout a déjà été repris.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Done. What could not come over, and what to enter again, is listed below.</source>
            <translation>Terminé. Ce qui n’a pas pu être repris et ce qu’il faut saisir de nouveau est listé ci-dessous.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Encryption key</source>
            <translation>Clé de chiffrement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Everything came over as it was.</source>
            <translation>Tout a été repris tel quel.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Everything can be read. Press Import to bring it over.</source>
            <translation>Tout est lisible. Cliquez sur Importer pour le reprendre.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>For example</source>
            <translation>Par exemple</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Found</source>
            <translation>Trouvés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Give the database first.</source>
            <translation>Indiquez d’abord la base de données.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Give the database, then press Preview.</source>
            <translation>Indiquez la base de données, puis cliquez sur Aperçu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Import</source>
            <translation>Importer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Import from</source>
            <translation>Importer depuis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Import from ReadMeABook / AudioBookRequest</source>
            <translation>Importer depuis ReadMeABook / AudioBookRequest</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Not brought over</source>
            <translation>Non repris</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>ReadMeABook (PostgreSQL database)</source>
            <translation>ReadMeABook (base de données PostgreSQL)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Reading the database…</source>
            <translation>Lecture de la base de données…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
            <translation>Bases de données SQLite (*.sqlite *.db);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Stopped. What came over is kept; import again to bring over the rest.</source>
            <translation>Arrêté. Ce qui a été repris est conservé ; importez de nouveau pour reprendre le reste.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Stopping…</source>
            <translation>Arrêt en cours…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>To enter again</source>
            <translation>À saisir de nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>What</source>
            <translation>Quoi</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>What comes over</source>
            <translation>Ce qui est repris</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>With ReadMeABook's key its secrets (notification targets, Hardcover tokens) come over; without it they are listed to enter again.</source>
            <translation>Avec la clé de ReadMeABook, ses secrets (destinations de notification, jetons Hardcover) sont repris ; sans elle, ils sont listés pour être saisis de nouveau.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>{kind}: {reason}</source>
            <translation>{kind} : {reason}</translation>
        </message>
    </context>
    <context>
        <name>NotificationDelivery</name>
        <message>
            <location filename="../../rmab_desktop/services/notifications/service.py" />
            <source>'{name}' is disabled; not sent.</source>
            <translation>« {name} » est désactivé ; non envoyé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>(invalid URL)</source>
            <translation>(URL non valide)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Apprise does not recognise this notification URL.</source>
            <translation>Apprise ne reconnaît pas cette URL de notification.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Check the URL (host, token, topic) and that the service is reachable; the app retries automatically.</source>
            <translation>Vérifiez l'URL (hôte, jeton, sujet) et que le service est joignable ; l'application réessaie automatiquement.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Could not deliver to {target}: no answer, timed out after %n second(s).</source>
            <translation>
                <numerusform>Impossible de remettre à {target} : aucune réponse, délai dépassé après %n seconde.</numerusform>
                <numerusform>Impossible de remettre à {target} : aucune réponse, délai dépassé après %n secondes.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Could not deliver to {target}: {reason}</source>
            <translation>Impossible de remettre à {target} : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/service.py" />
            <source>Sent '{title}' to {name}</source>
            <translation>« {title} » envoyé à {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/service.py" />
            <source>The notification backend was deleted; nothing to send.</source>
            <translation>Le service de notification a été supprimé ; rien à envoyer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>The notification service accepted the connection but did not answer. Check that it is running and not overloaded; the app retries automatically.</source>
            <translation>Le service de notification a accepté la connexion mais n'a pas répondu. Vérifiez qu'il fonctionne et n'est pas surchargé ; l'application réessaie automatiquement.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Use an Apprise URL such as discord://webhook_id/webhook_token, ntfys://topic, pover://user@token, mailtos://user:password@example.com, json://host/path or form://host/path.</source>
            <translation>Utilisez une URL Apprise comme discord://webhook_id/webhook_token, ntfys://topic, pover://user@token, mailtos://user:password@example.com, json://host/path ou form://host/path.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>the service did not accept it</source>
            <translation>le service ne l'a pas acceptée</translation>
        </message>
    </context>
    <context>
        <name>NotificationEvents</name>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Available in the library</source>
            <translation>Disponible dans la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Awaiting approval</source>
            <translation>En attente d'approbation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Failed</source>
            <translation>Échec</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Grabbed / downloading</source>
            <translation>Récupéré / en téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Issue reported</source>
            <translation>Problème signalé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>New book of a watched author or series</source>
            <translation>Nouveau livre d'un auteur ou d'une série suivis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request approved</source>
            <translation>Demande approuvée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request created</source>
            <translation>Demande créée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request denied</source>
            <translation>Demande refusée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Service down</source>
            <translation>Service hors service</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Service recovered</source>
            <translation>Service rétabli</translation>
        </message>
    </context>
    <context>
        <name>NotificationJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/notifications/__init__.py" />
            <source>Send notification</source>
            <translation>Envoyer une notification</translation>
        </message>
    </context>
    <context>
        <name>NotificationSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Add…</source>
            <translation>&amp;Ajouter…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Edit…</source>
            <translation>&amp;Modifier…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Enabled</source>
            <translation>A&amp;ctivé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Supprimer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Add notification</source>
            <translation>Ajouter une notification</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Apprise &amp;URL</source>
            <translation>&amp;URL Apprise</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Each URL is kept in the household's shared secrets, encrypted.</source>
            <translation>Chaque URL est conservée, chiffrée, dans les secrets partagés du foyer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Each URL is kept in your encrypted secrets file.</source>
            <translation>Chaque URL est conservée dans votre fichier de secrets chiffré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Each URL is kept in your system keychain.</source>
            <translation>Chaque URL est conservée dans le trousseau de votre système.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Edit notification</source>
            <translation>Modifier la notification</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Enter an Apprise URL first.</source>
            <translation>Saisissez d'abord une URL Apprise.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Events</source>
            <translation>Événements</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Leave empty to keep the saved URL</source>
            <translation>Laissez vide pour conserver l'URL enregistrée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>No URL can be saved until this computer has the household key (Settings &gt; Household key).</source>
            <translation>Aucune URL ne peut être enregistrée tant que cet ordinateur n'a pas la clé du foyer (Paramètres &gt; Clé du foyer).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>No URL can be saved until you choose a passphrase for an encrypted secrets file (Settings &gt; General).</source>
            <translation>Aucune URL ne peut être enregistrée tant que vous n'avez pas choisi de phrase secrète pour un fichier de secrets chiffré (Paramètres &gt; Général).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>No URL can be saved until you unlock your keychain or secrets file (Settings &gt; General).</source>
            <translation>Aucune URL ne peut être enregistrée tant que vous n'avez pas déverrouillé votre trousseau ou votre fichier de secrets (Paramètres &gt; Général).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Notification targets</source>
            <translation>Destinations des notifications</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Notify about</source>
            <translation>Notifier pour</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Off</source>
            <translation>Désactivée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>On</source>
            <translation>Activée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Remove '{name}' and its saved URL from the keychain?</source>
            <translation>Supprimer « {name} » et son URL enregistrée du trousseau ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Remove notification</source>
            <translation>Supprimer la notification</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>S&amp;how</source>
            <translation>A&amp;fficher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Saved URL</source>
            <translation>URL enregistrée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Saved: {url}</source>
            <translation>Enregistrée : {url}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Send &amp;test</source>
            <translation>Envoyer un &amp;test</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Send notifications to Discord, Slack, Telegram, ntfy, Gotify, Pushover, email or any webhook through &lt;a href="{wiki}"&gt;Apprise URLs&lt;/a&gt;. {place}</source>
            <translation>Envoyez des notifications vers Discord, Slack, Telegram, ntfy, Gotify, Pushover, un e-mail ou tout webhook grâce aux &lt;a href="{wiki}"&gt;URL Apprise&lt;/a&gt;. {place}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Sending a test notification…</source>
            <translation>Envoi d'une notification de test…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Sending a test to {name}…</source>
            <translation>Envoi d'un test à {name}…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Show the URL</source>
            <translation>Afficher l'URL</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>e.g. Family Discord</source>
            <translation>p. ex. Discord de la famille</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>e.g. discord://webhook_id/token, ntfys://my-topic, tgram://bot_token/chat_id, json://host/path</source>
            <translation>p. ex. discord://webhook_id/token, ntfys://my-topic, tgram://bot_token/chat_id, json://host/path</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message>
            <location filename="../../rmab_desktop/services/notifications/events.py" />
            <source>Reference: {ref}</source>
            <comment>a notification's correlation id</comment>
            <translation>Référence : {ref}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/events.py" />
            <source>{title} by {author}</source>
            <translation>{title} de {author}</translation>
        </message>
    </context>
    <context>
        <name>Organize</name>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Added to Calibre: {report}</source>
            <translation>Ajouté à Calibre : {report}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Category not changed: {error}</source>
            <translation>Catégorie non modifiée : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Choose it in Settings &gt; Library.</source>
            <translation>Choisissez-le dans Paramètres &gt; Bibliothèque.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Download moved to category “{category}”</source>
            <translation>Téléchargement déplacé dans la catégorie « {category} »</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Import failed after %n attempt(s): {error}</source>
            <translation>
                <numerusform>Échec de l'import après %n tentative : {error}</numerusform>
                <numerusform>Échec de l'import après %n tentatives : {error}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Import stopped: {error}</source>
            <translation>Import arrêté : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Library server not refreshed: {error}</source>
            <translation>Serveur de bibliothèque non actualisé : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>No library folder is set</source>
            <translation>Aucun dossier de bibliothèque n'est défini</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Not added to Calibre: {error}</source>
            <translation>Non ajouté à Calibre : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Organizing {source} into {library}</source>
            <translation>Rangement de {source} dans {library}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Retry the download.</source>
            <translation>Relancez le téléchargement.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>The import into {path} was completed at start-up</source>
            <translation>L'importation dans {path} a été terminée au démarrage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>The job does not say where the download is</source>
            <translation>La tâche n'indique pas où se trouve le téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Wrong book downloaded ({reason}); release blocklisted, searching again</source>
            <translation>Mauvais livre téléchargé ({reason}) ; release bloquée, nouvelle recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Wrong content: {reason}</source>
            <translation>Contenu incorrect : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>done</source>
            <translation>terminé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>“{title}” is now in the library at {path}</source>
            <translation>« {title} » est maintenant dans la bibliothèque, à l'emplacement {path}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>“{title}” was already in the library at {path}</source>
            <translation>« {title} » était déjà dans la bibliothèque, à l'emplacement {path}</translation>
        </message>
    </context>
    <context>
        <name>OrganizeErrors</name>
        <message>
            <location filename="../../rmab_desktop/services/organize/safe_names.py" />
            <source>'{relative}' is not a relative path inside the library</source>
            <translation>« {relative} » n'est pas un chemin relatif dans la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/safe_names.py" />
            <source>'{relative}' would leave the library folder {base}</source>
            <translation>« {relative} » sortirait du dossier de bibliothèque {base}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '&lt;' has no closing '&gt;'</source>
            <translation>Un « &lt; » n'a pas de « &gt; » fermant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '&gt;' has no opening '&lt;'</source>
            <translation>Un « &gt; » n'a pas de « &lt; » ouvrant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '{{' has no closing '}}'</source>
            <translation>Un « {{ » n'a pas de « }} » fermant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '}}' has no opening '{{' (write '}}}}' for a literal brace)</source>
            <translation>Un « }} » n'a pas de « {{ » ouvrant (écrivez « }}}} » pour une accolade littérale)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>A file has no readable duration; chapters were not merged</source>
            <translation>Un fichier n'a pas de durée lisible ; les chapitres n'ont pas été fusionnés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>An optional block &lt;...&gt; must contain a token</source>
            <translation>Un bloc facultatif &lt;...&gt; doit contenir un jeton</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Another book already uses this folder. Move or rename it, or change the path template.</source>
            <translation>Un autre livre utilise déjà ce dossier. Déplacez-le ou renommez-le, ou modifiez le modèle de chemin.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>Calibre's calibredb program was not found.</source>
            <translation>Le programme calibredb de Calibre est introuvable.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/writing.py" />
            <source>Cannot tag {name}: {ext} files are not supported</source>
            <translation>Impossible de taguer {name} : les fichiers {ext} ne sont pas pris en charge</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/writing.py" />
            <source>Cannot tag {name}: {reason}</source>
            <translation>Impossible de taguer {name} : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/ebooks.py" />
            <source>Cannot write metadata into {name}: {reason}</source>
            <translation>Impossible d'écrire les métadonnées dans {name} : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>Chapter merge cancelled</source>
            <translation>Fusion des chapitres annulée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>Chapter merge failed: {reason}</source>
            <translation>Échec de la fusion des chapitres : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Choose it in Settings &gt; Library.</source>
            <translation>Choisissez-le dans Paramètres &gt; Bibliothèque.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Copy of {name} does not match the original (disk error?)</source>
            <translation>La copie de {name} ne correspond pas à l'original (erreur de disque ?)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Copy of {name} has the wrong size</source>
            <translation>La copie de {name} n'a pas la bonne taille</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Free some space in the library folder and import again; the download is untouched.</source>
            <translation>Libérez de l'espace dans le dossier de bibliothèque et importez à nouveau ; le téléchargement n'est pas modifié.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Hard link check failed for {name}</source>
            <translation>La vérification du lien physique de {name} a échoué</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>Install Calibre, or enter the path of calibredb in Settings &gt; Ebooks.</source>
            <translation>Installez Calibre ou indiquez le chemin de calibredb dans Paramètres &gt; Livres numériques.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Library folder {library_root} does not exist</source>
            <translation>Le dossier de bibliothèque {library_root} n'existe pas</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Merged %n file(s) into one M4B; chapters: {chapters}</source>
            <translation>
                <numerusform>%n fichier fusionné en un seul M4B ; chapitres : {chapters}</numerusform>
                <numerusform>%n fichiers fusionnés en un seul M4B ; chapitres : {chapters}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>No audio files in {source}</source>
            <translation>Aucun fichier audio dans {source}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/ebooks.py" />
            <source>No ebook files in {source}</source>
            <translation>Aucun fichier de livre numérique dans {source}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Nothing was changed in the library. Check the message, then retry the import.</source>
            <translation>Rien n'a été modifié dans la bibliothèque. Lisez le message, puis relancez l'importation.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>Optional blocks &lt;...&gt; cannot be nested</source>
            <translation>Les blocs facultatifs &lt;...&gt; ne peuvent pas être imbriqués</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Source file {source} is missing</source>
            <translation>Le fichier source {source} est introuvable</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Tags not embedded: the files are hard links, and tagging would change the seeding copy</source>
            <translation>Tags non intégrés : les fichiers sont des liens physiques, et les taguer modifierait la copie en partage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>The download folder was moved or deleted. Check the download client, then retry.</source>
            <translation>Le dossier de téléchargement a été déplacé ou supprimé. Vérifiez le client de téléchargement, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>The download holds no audio files (wrong content, or an archive that was not unpacked).</source>
            <translation>Le téléchargement ne contient aucun fichier audio (mauvais contenu, ou archive non décompressée).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/ebooks.py" />
            <source>The download holds no ebook file (EPUB, AZW3, MOBI or PDF): wrong content, or an archive.</source>
            <translation>Le téléchargement ne contient aucun livre numérique (EPUB, AZW3, MOBI ou PDF) : mauvais contenu, ou archive.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>The ebook is in the library; check Settings &gt; Ebooks &gt; Calibre, then test it there.</source>
            <translation>Le livre numérique est dans la bibliothèque ; vérifiez Paramètres &gt; Livres numériques &gt; Calibre, puis testez-le là.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/writing.py" />
            <source>The file may be damaged or not the format its extension says; it was imported untagged.</source>
            <translation>Le fichier est peut-être endommagé ou n'est pas au format qu'indique son extension ; il a été importé sans tags.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>The library disk is full: {target_rel} was not imported.</source>
            <translation>Le disque de la bibliothèque est plein : {target_rel} n'a pas été importé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>The separate files were imported instead.</source>
            <translation>Les fichiers séparés ont été importés à la place.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template is empty</source>
            <translation>Le modèle est vide</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template must be a relative path (no leading '/' or drive letter)</source>
            <translation>Le modèle doit être un chemin relatif (sans « / » initial ni lettre de lecteur)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template must contain {{title}} so every book gets its own folder</source>
            <translation>Le modèle doit contenir {{title}} pour que chaque livre ait son propre dossier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template produced an empty path</source>
            <translation>Le modèle a produit un chemin vide</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Unknown import mode '{mode}' (use copy, hardlink or move)</source>
            <translation>Mode d'importation « {mode} » inconnu (utilisez copy, hardlink ou move)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>Unknown token {{{token}}}; known: {items}</source>
            <translation>Jeton {{{token}}} inconnu ; connus : {items}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>Use tokens like {author} and {title}, '/' between folders and &lt;...&gt; around optional parts.</source>
            <translation>Utilisez des jetons comme {author} et {title}, « / » entre les dossiers et &lt;...&gt; autour des parties facultatives.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>calibredb could not run: {reason}</source>
            <translation>calibredb n'a pas pu s'exécuter : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>calibredb failed: {reason}</source>
            <translation>calibredb a échoué : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>ffmpeg failed: {reason}</source>
            <translation>ffmpeg a échoué : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>ffmpeg is not installed, so chapters cannot be merged</source>
            <translation>ffmpeg n'est pas installé, les chapitres ne peuvent donc pas être fusionnés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>ffmpeg took too long</source>
            <translation>ffmpeg a pris trop de temps</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{destination} appeared in the library meanwhile</source>
            <translation>{destination} est apparu entre-temps dans la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{file}: a hard link is impossible ({reason}); copied instead</source>
            <translation>{file} : lien physique impossible ({reason}) ; copié à la place</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>{file}: empty file skipped</source>
            <translation>{file} : fichier vide ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>{file}: sample skipped</source>
            <translation>{file} : extrait ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>{source} does not exist</source>
            <translation>{source} n'existe pas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{target_rel} already exists in the library with other files</source>
            <translation>{target_rel} existe déjà dans la bibliothèque avec d'autres fichiers</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{target_rel} already holds {what}</source>
            <translation>{target_rel} contient déjà {what}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{target_rel} appeared in the library meanwhile</source>
            <translation>{target_rel} est apparu entre-temps dans la bibliothèque</translation>
        </message>
    </context>
    <context>
        <name>OrganizeJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/organize/__init__.py" />
            <source>Organize and import a download</source>
            <translation>Ranger et importer un téléchargement</translation>
        </message>
    </context>
    <context>
        <name>OrganizeSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>&amp;Default</source>
            <translation>Par &amp;défaut</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>&amp;Files</source>
            <translation>&amp;Fichiers</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Book folders</source>
            <translation>Dossiers des livres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Copy (keeps the download for seeding)</source>
            <translation>Copier (conserve le téléchargement pour le partage)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Folder template</source>
            <translation>Modèle de dossier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Hard link (no extra space; same drive; tags not embedded)</source>
            <translation>Lien physique (pas d'espace en plus ; même disque ; tags non intégrés)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Importing</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Install ffmpeg to merge chapters.</source>
            <translation>Installez ffmpeg pour fusionner les chapitres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>M&amp;erge multi-file books into one M4B with chapters</source>
            <translation>F&amp;usionner les livres en plusieurs fichiers en un M4B avec chapitres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Merge multi-file books into one M4B with chapters (needs ffmpeg, not found)</source>
            <translation>Fusionner les livres en plusieurs fichiers en un M4B avec chapitres (nécessite ffmpeg, introuvable)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Move (the download folder is emptied)</source>
            <translation>Déplacer (le dossier de téléchargement est vidé)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Preview:</source>
            <translation>Aperçu :</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Put the default folder template back</source>
            <translation>Rétablir le modèle de dossier par défaut</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Tokens: {tokens}. Put optional parts in &lt;…&gt;: they vanish when a token inside is empty. '/' separates folders; write {open} and {close} for literal braces.</source>
            <translation>Jetons : {tokens}. Placez les parties facultatives entre &lt;…&gt; : elles disparaissent quand un jeton qu'elles contiennent est vide. « / » sépare les dossiers ; écrivez {open} et {close} pour des accolades littérales.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Write &amp;metadata.json, desc.txt and reader.txt (Audiobookshelf)</source>
            <translation>Écrire &amp;metadata.json, desc.txt et reader.txt (Audiobookshelf)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Write &amp;tags and the cover into the audio files (Plex, Audiobookshelf)</source>
            <translation>Écrire les &amp;tags et la couverture dans les fichiers audio (Plex, Audiobookshelf)</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Activity</source>
            <translation>Activité</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Approvals</source>
            <translation>Approbations</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Audible library</source>
            <translation>Bibliothèque Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Blocklist</source>
            <translation>Liste de blocage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>BookDate</source>
            <translation>BookDate</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Discover</source>
            <translation>Découvrir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Lists</source>
            <translation>Listes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Reading shelves</source>
            <translation>Étagères de lecture</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Reported problems</source>
            <translation>Problèmes signalés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Requests</source>
            <translation>Demandes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Search</source>
            <translation>Recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Service status</source>
            <translation>État des services</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Upcoming</source>
            <translation>À paraître</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Users</source>
            <translation>Utilisateurs</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Waiting for an administrator: %n reported problem(s).</source>
            <translation>
                <numerusform>En attente d'un administrateur : %n problème signalé.</numerusform>
                <numerusform>En attente d'un administrateur : %n problèmes signalés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Waiting for your approval: %n request(s).</source>
            <translation>
                <numerusform>En attente de votre approbation : %n demande.</numerusform>
                <numerusform>En attente de votre approbation : %n demandes.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Watching</source>
            <translation>Suivis</translation>
        </message>
    </context>
    <context>
        <name>Pipeline</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n résultat</numerusform>
                <numerusform>%n résultats</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Blocklisted “{release}”: {reason}</source>
            <translation>« {release} » bloquée : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Check the path mapping of the download client in Settings.</source>
            <translation>Vérifiez la correspondance des chemins du client de téléchargement dans les Paramètres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not be grabbed: {error}</source>
            <translation>Récupération impossible : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not hand the release over: {error}</source>
            <translation>Impossible de transmettre la release : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not remove the download: {error}</source>
            <translation>Impossible de supprimer le téléchargement : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not remove the failed download: {error}</source>
            <translation>Impossible de supprimer le téléchargement en échec : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Download client unreachable: {error}</source>
            <translation>Client de téléchargement injoignable : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Download failed ({reason}) and no other release is left</source>
            <translation>Échec du téléchargement ({reason}) et il ne reste aucune autre release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Download failed ({reason}); trying the next release</source>
            <translation>Échec du téléchargement ({reason}) ; essai de la release suivante</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Downloaded to {folder}; organizing</source>
            <translation>Téléchargé dans {folder} ; rangement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Downloaded {percent}</source>
            <translation>Téléchargé à {percent}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Downloaded, but {folder} is not visible on this computer</source>
            <translation>Téléchargé, mais {folder} n'est pas visible sur cet ordinateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Every candidate release failed</source>
            <translation>Toutes les releases candidates ont échoué</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Finished; waiting for its folder to appear here</source>
            <translation>Terminé ; en attente de l'apparition de son dossier ici</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Finished; waiting for {folder} to appear here</source>
            <translation>Terminé ; en attente de l'apparition de {folder} ici</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grab limit reached ({reason})</source>
            <translation>Limite de récupérations atteinte ({reason})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grab skipped: the request is {status}</source>
            <translation>Récupération ignorée : la demande a le statut « {status} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grabbed “{release}” from {indexer} with {client}</source>
            <translation>« {release} » récupérée depuis {indexer} avec {client}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grabbed “{release}” with {client}</source>
            <translation>« {release} » récupérée avec {client}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Interactive search: “{release}” chosen by the user</source>
            <translation>Recherche interactive : « {release} » choisie par l'utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>No acceptable release found</source>
            <translation>Aucune release acceptable trouvée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Not finished after {hours} h</source>
            <translation>Non terminé après {hours} h</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Not grabbed now: {error}</source>
            <translation>Pas récupéré pour l'instant : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Replaced by the user</source>
            <translation>Remplacé par l'utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Search failed: {error}</source>
            <translation>Échec de la recherche : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Search skipped: the request is {status}</source>
            <translation>Recherche ignorée : la demande a le statut « {status} »</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Searching again for %n waiting request(s)</source>
            <translation>
                <numerusform>Nouvelle recherche pour %n demande en attente</numerusform>
                <numerusform>Nouvelle recherche pour %n demandes en attente</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Searching indexers</source>
            <translation>Recherche dans les indexeurs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Stalled: no progress for {minutes} min ({state})</source>
            <translation>Sans progression depuis {minutes} min ({state})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Stopped monitoring: {reason}; the download was removed</source>
            <translation>Surveillance arrêtée : {reason} ; le téléchargement a été supprimé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>The client reports a failure</source>
            <translation>Le client signale un échec</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>The download client stayed unreachable for {minutes} min: {error}</source>
            <translation>Le client de téléchargement est resté injoignable pendant {minutes} min : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>The download disappeared from the client ({client})</source>
            <translation>Le téléchargement a disparu du client ({client})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>the request is {status}</source>
            <translation>la demande a le statut « {status} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>the request was deleted</source>
            <translation>la demande a été supprimée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>{reason}; searching again after {time} UTC</source>
            <translation>{reason} ; nouvelle recherche après {time} UTC</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>{results}, {accepted} accepted, {blocked} blocklisted</source>
            <translation>{results}, acceptées : {accepted}, bloquées : {blocked}</translation>
        </message>
    </context>
    <context>
        <name>PipelineJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Clean up seeded downloads</source>
            <translation>Nettoyer les téléchargements partagés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Grab a release</source>
            <translation>Récupérer une release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Monitor a download</source>
            <translation>Surveiller un téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Retry missing searches</source>
            <translation>Relancer les recherches manquantes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Search for a request</source>
            <translation>Rechercher une demande</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>%n release(s) blocked for this book.</source>
            <translation>
                <numerusform>%n release bloquée pour ce livre.</numerusform>
                <numerusform>%n releases bloquées pour ce livre.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>&amp;Dismiss</source>
            <translation>&amp;Ignorer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>&amp;Replace</source>
            <translation>&amp;Remplacer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Answer: {note}</source>
            <translation>Réponse : {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Block this release for the book, remove the files the app imported and search again</source>
            <translation>Bloquer cette release pour le livre, supprimer les fichiers importés par l'application et chercher à nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Book</source>
            <translation>Livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Books someone said are wrong: replace them with another release, or dismiss the report.</source>
            <translation>Livres signalés comme incorrects : remplacez-les par une autre release, ou ignorez le signalement.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Close the report; the book stays as it is</source>
            <translation>Clore le signalement ; le livre reste tel quel</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Kept %n file(s) the app did not import.</source>
            <translation>
                <numerusform>%n fichier non importé par l'application a été conservé.</numerusform>
                <numerusform>%n fichiers non importés par l'application ont été conservés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Like Replace, but you choose the new release yourself</source>
            <translation>Comme Remplacer, mais vous choisissez vous-même la nouvelle release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>No problems reported</source>
            <translation>Aucun problème signalé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Note for the reporter</source>
            <translation>Note pour l'auteur du signalement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Note for the reporter (optional)</source>
            <translation>Note pour l'auteur du signalement (facultatif)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Note: {note}</source>
            <translation>Note : {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Pick the new release in the search window.</source>
            <translation>Choisissez la nouvelle release dans la fenêtre de recherche.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Problem</source>
            <translation>Problème</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Removed %n file(s) the app had imported.</source>
            <translation>
                <numerusform>%n fichier importé par l'application a été supprimé.</numerusform>
                <numerusform>%n fichiers importés par l'application ont été supprimés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Replace and &amp;pick…</source>
            <translation>Remplacer et &amp;choisir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Replacing…</source>
            <translation>Remplacement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Report dismissed.</source>
            <translation>Signalement ignoré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Reported</source>
            <translation>Signalé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Reported by</source>
            <translation>Signalé par</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Reported problems</source>
            <translation>Problèmes signalés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Result of the last action</source>
            <translation>Résultat de la dernière action</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Searching again for the same request.</source>
            <translation>Nouvelle recherche pour la même demande.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Select a report to see it.</source>
            <translation>Sélectionnez un signalement pour le voir.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Something wrong with a book? Select it on the Library or Requests page and report it.</source>
            <translation>Un problème avec un livre ? Sélectionnez-le dans la page Bibliothèque ou Demandes et signalez-le.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>The selected report</source>
            <translation>Le signalement sélectionné</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>When someone reports a wrong book, bad audio or the wrong edition from the Library or Requests page, the report waits here and the administrators are notified.</source>
            <translation>Quand quelqu'un signale un mauvais livre, un audio défectueux ou une mauvaise édition depuis la page Bibliothèque ou Demandes, le signalement attend ici et les administrateurs sont prévenus.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>You reported no problems</source>
            <translation>Vous n'avez signalé aucun problème</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>someone</source>
            <translation>quelqu'un</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>“{title}”: {kind}, reported by {reporter}; requested by {requester}.</source>
            <translation>« {title} » : {kind}, signalé par {reporter} ; demandé par {requester}.</translation>
        </message>
    </context>
    <context>
        <name>ProgressDelegate</name>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/progress_delegate.py" />
            <source>{number}%</source>
            <comment>a percentage</comment>
            <translation>{number} %</translation>
        </message>
    </context>
    <context>
        <name>RankingSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source> MB</source>
            <comment>megabytes after a number</comment>
            <translation> Mo</translation>
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
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Below this bitrate for the runtime</source>
            <translation>&amp;Sous ce débit pour la durée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Forbidden words</source>
            <translation>Mots &amp;interdits</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Preferred words</source>
            <translation>Mots &amp;préférés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Smaller than (runtime unknown)</source>
            <translation>Plus petit &amp;que (durée inconnue)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Up</source>
            <translation>&amp;Monter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Abo&amp;ve this bitrate for the runtime</source>
            <translation>Au-&amp;dessus de ce débit pour la durée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Also &amp;accept these languages</source>
            <translation>&amp;Accepter aussi ces langues</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Always rejected: another title, another book of the series, box sets, abridged or dramatized editions (unless that is what you asked for). Interactive search shows rejected releases greyed with the reason, and you may still pick one.</source>
            <translation>Toujours rejetés : un autre titre, un autre tome de la série, les coffrets, les éditions abrégées ou dramatisées (sauf si c'est ce que vous avez demandé). La recherche interactive affiche en grisé les releases rejetées avec la raison, et vous pouvez quand même en choisir une.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Among the rest, prefer</source>
            <translation>Parmi les autres, préférer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Auth&amp;or</source>
            <translation>Aut&amp;eur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Book &amp;title</source>
            <translation>&amp;Titre du livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Do&amp;wn</source>
            <translation>Des&amp;cendre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Fewer seeders t&amp;han</source>
            <translation>Moins de seeders q&amp;ue</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Fo&amp;rmats, best first</source>
            <translation>&amp;Formats, du meilleur au moins bon</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>German, multi</source>
            <translation>allemand, multi</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Indexer fla&amp;gs (points)</source>
            <translation>Marqueurs d'inde&amp;xeur (points)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Languages accepted besides the book's own, by name or code; “multi” accepts releases in several languages.</source>
            <translation>Langues acceptées en plus de celle du livre, par nom ou code ; « multi » accepte les releases en plusieurs langues.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Move the selected format down</source>
            <translation>Descendre le format sélectionné</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Move the selected format up</source>
            <translation>Monter le format sélectionné</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Never grab automatically</source>
            <translation>Ne jamais récupérer automatiquement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Other</source>
            <translation>Autres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>R&amp;untime</source>
            <translation>Du&amp;rée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Reject releases marked with another &amp;language than the book's</source>
            <translation>Rejeter les releases marquées d'une autre lan&amp;gue que celle du livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Release na&amp;me</source>
            <translation>&amp;Nom de la release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Release si&amp;ze</source>
            <translation>Tai&amp;lle de la release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Restore &amp;defaults</source>
            <translation>Rétablir les &amp;valeurs par défaut</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Saved.</source>
            <translation>Enregistré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>The release must name an &amp;author of the book</source>
            <translation>La release doit nommer un &amp;auteur du livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Try it</source>
            <translation>Essayer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Verdict for this release</source>
            <translation>Verdict pour cette release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>sample, excerpt, summary</source>
            <translation>sample, extrait, résumé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>to</source>
            <comment>from one bitrate to another</comment>
            <translation>à</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>unabridged, chapterized</source>
            <translation>intégral, chapitré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format} sounds right from</source>
            <translation>{format} sonne bien de</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format}: highest bitrate that sounds right</source>
            <translation>{format} : débit le plus élevé qui sonne bien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format}: lowest bitrate that sounds right</source>
            <translation>{format} : débit le plus bas qui sonne bien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{verdict}, score {score} ({parts})</source>
            <translation>{verdict}, score {score} ({parts})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>✔ Accepted</source>
            <translation>✔ Acceptée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>✘ Rejected</source>
            <translation>✘ Rejetée</translation>
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
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>About {kbps} kbps ({source}), above the {format} window {low}-{high}</source>
            <translation>Environ {kbps} kbit/s ({source}), au-dessus de la plage {format} {low}-{high}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>About {kbps} kbps ({source}), below the {format} window {low}-{high}</source>
            <translation>Environ {kbps} kbit/s ({source}), en dessous de la plage {format} {low}-{high}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>About {kbps} kbps ({source}), inside the {format} window {low}-{high}</source>
            <translation>Environ {kbps} kbit/s ({source}), dans la plage {format} {low}-{high}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/__init__.py" />
            <source>Accepted: this is the wanted book</source>
            <translation>Acceptée : c'est le livre voulu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Author found in the title: {name}</source>
            <translation>Auteur trouvé dans le titre : {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Author found: {names}</source>
            <translation>Auteur trouvé : {names}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Bitrate unknown (no runtime or size)</source>
            <translation>Débit inconnu (ni durée ni taille)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Flag {flag}: {points}</source>
            <translation>Marqueur {flag} : {points}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Indexer priority {priority}</source>
            <translation>Priorité d'indexeur {priority}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Indexer {indexer} priority {priority}</source>
            <translation>Priorité de l'indexeur {indexer} : {priority}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Narrator named</source>
            <translation>Narrateur nommé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>No author named in the release (allowed in interactive search)</source>
            <translation>Aucun auteur nommé dans la release (autorisé en recherche interactive)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Preferred word “{word}”: {points}</source>
            <translation>Mot préféré « {word} » : {points}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Published %n day(s) ago</source>
            <translation>
                <numerusform>Publiée il y a %n jour</numerusform>
                <numerusform>Publiée il y a %n jours</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Rejected: {reason}</source>
            <translation>Rejetée : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Seeders unknown</source>
            <translation>Seeders inconnus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Series number {number} matches</source>
            <translation>Le numéro de tome {number} correspond</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Subtitle named</source>
            <translation>Sous-titre nommé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a box set or omnibus ({what}), not a single book</source>
            <translation>un coffret ou une intégrale ({what}), pas un livre seul</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a dramatized adaptation, not the wanted narration</source>
            <translation>une adaptation dramatisée, pas la lecture voulue</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a longer, different title: “... {words}”</source>
            <translation>un titre plus long et différent : « ... {words} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a numbered sequel (“... {number}”)</source>
            <translation>une suite numérotée (« ... {number} »)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a release in several languages; the book is in {language}</source>
            <translation>une release en plusieurs langues ; le livre est en {language}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>an abridged edition; the wanted book is unabridged</source>
            <translation>une édition abrégée ; le livre voulu est intégral</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>an audiobook, not an ebook</source>
            <translation>un livre audio, pas un livre numérique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>an ebook, not an audiobook</source>
            <translation>un livre numérique, pas un livre audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>another language ({found}); the book is in {language}</source>
            <translation>une autre langue ({found}) ; le livre est en {language}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>books {first}-{last}</source>
            <translation>tomes {first}-{last}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>estimated from size and runtime</source>
            <translation>estimé d'après la taille et la durée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>forbidden word “{word}”</source>
            <translation>mot interdit « {word} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>from the release name</source>
            <translation>d'après le nom de la release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>in a book category and too small for an audiobook</source>
            <translation>dans une catégorie de livres et trop petite pour un livre audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>in a video/software category ({category}), not an audiobook one</source>
            <translation>dans une catégorie vidéo/logiciel ({category}), pas une catégorie de livres audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>in an audio category, not an ebook one</source>
            <translation>dans une catégorie audio, pas une catégorie de livres numériques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>marked iNT, a release in a language other than English</source>
            <translation>marquée iNT, une release dans une autre langue que l'anglais</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>no author of the book named (wanted {authors})</source>
            <translation>aucun auteur du livre n'est nommé (attendu : {authors})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>not the audiobook itself (“{word}”)</source>
            <translation>pas le livre audio lui-même (« {word} »)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>one numbered volume (“... {number} - {word} ...”)</source>
            <translation>un seul volume numéroté (« ... {number} - {word} ... »)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>only {part} of the book</source>
            <translation>seulement {part} du livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>only {size} MB: too small to be an audiobook</source>
            <translation>seulement {size} Mo : trop petite pour être un livre audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>series number {found} but the book is number {wanted}</source>
            <translation>tome {found}, mais le livre voulu est le tome {wanted}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>several books listed (also “{other}”)</source>
            <translation>plusieurs livres listés (aussi « {other} »)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>the wanted book has no title</source>
            <translation>le livre voulu n'a pas de titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>title words missing: {words}</source>
            <translation>mots du titre manquants : {words}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>too large for a {hours} h book (about {kbps} kbps)</source>
            <translation>trop grande pour un livre de {hours} h (environ {kbps} kbit/s)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>too small for a {hours} h book (about {kbps} kbps): a sample, an abridged edition or something else</source>
            <translation>trop petite pour un livre de {hours} h (environ {kbps} kbit/s) : un extrait, une édition abrégée ou autre chose</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>unknown format</source>
            <translation>format inconnu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>unstructured words before the title: “{words}”</source>
            <translation>mots non structurés avant le titre : « {words} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>written by someone else (“{other}”), not {author}</source>
            <translation>écrit par quelqu'un d'autre (« {other} »), pas par {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{format}: ebook preference {rank} of {count}</source>
            <translation>{format} : préférence livre numérique {rank} sur {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{format}: preference {rank} of {count}</source>
            <translation>{format} : préférence {rank} sur {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{format}: preference {rank} of {count} (also names {others})</source>
            <translation>{format} : préférence {rank} sur {count} (mentionne aussi {others})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{protocol} download (no seeders needed)</source>
            <translation>Téléchargement {protocol} (aucun seeder nécessaire)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>{size} MB: too large for an ebook</source>
            <translation>{size} Mo : trop grande pour un livre numérique</translation>
        </message>
    </context>
    <context>
        <name>ReportBookProblemDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>%n character(s) left</source>
            <translation>
                <numerusform>%n caractère restant</numerusform>
                <numerusform>%n caractères restants</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>%n character(s) too many</source>
            <translation>
                <numerusform>%n caractère de trop</numerusform>
                <numerusform>%n caractères de trop</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>&amp;Note for the administrators (optional)</source>
            <translation>&amp;Note pour les administrateurs (facultatif)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>&amp;Report</source>
            <translation>&amp;Signaler</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Characters left</source>
            <translation>Caractères restants</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>For example: the files are another book, or chapter 12 is missing.</source>
            <translation>Par exemple : les fichiers sont un autre livre, ou le chapitre 12 manque.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Note for the administrators</source>
            <translation>Note pour les administrateurs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Report a problem with this book</source>
            <translation>Signaler un problème avec ce livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Sending…</source>
            <translation>Envoi…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>What is wrong with “{title}”?</source>
            <translation>Qu'est-ce qui ne va pas avec « {title} » ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Why the report was not sent</source>
            <translation>Pourquoi le signalement n'a pas été envoyé</translation>
        </message>
    </context>
    <context>
        <name>ReportProblem</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Choose another folder, for example your Documents folder, and try again.</source>
            <translation>Choisissez un autre dossier, par exemple votre dossier Documents, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Could not save the report to {path}: {reason}</source>
            <translation>Impossible d'enregistrer le rapport dans {path} : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Problem report saved</source>
            <translation>Rapport de problème enregistré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Save a problem report</source>
            <translation>Enregistrer un rapport de problème</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Show in Folder</source>
            <translation>Afficher dans le dossier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>The problem report was not saved</source>
            <translation>Le rapport de problème n'a pas été enregistré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>The report was saved to:
{path}

Passwords, API keys and tokens were removed from it. Attach this file to your bug report.</source>
            <translation>Le rapport a été enregistré dans :
{path}

Les mots de passe, clés API et jetons en ont été retirés. Joignez ce fichier à votre signalement de bug.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Zip archives (*.zip)</source>
            <translation>Archives zip (*.zip)</translation>
        </message>
    </context>
    <context>
        <name>ReportedProblems</name>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>An administrator looks at it soon; it stays open until then.</source>
            <translation>Un administrateur va l'examiner ; il reste ouvert d'ici là.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Corrupt or incomplete audio</source>
            <translation>Audio corrompu ou incomplet</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Dismiss the report and request the book again.</source>
            <translation>Ignorez le signalement et demandez le livre à nouveau.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Dismissed</source>
            <translation>Ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Follow the request on the Requests page until it arrives.</source>
            <translation>Suivez la demande dans la page Demandes jusqu'à son arrivée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>No book with the ASIN {asin} is available in the library.</source>
            <translation>Aucun livre avec l'ASIN {asin} n'est disponible dans la bibliothèque.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Only a book that is available in the library can have a problem reported.</source>
            <translation>On ne peut signaler un problème que pour un livre disponible dans la bibliothèque.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Only an administrator can dismiss reported problems.</source>
            <translation>Seul un administrateur peut classer les problèmes signalés.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Only an administrator can replace reported books.</source>
            <translation>Seul un administrateur peut remplacer les livres signalés.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Open</source>
            <translation>Ouvert</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Problem reported: {title}</source>
            <translation>Problème signalé : {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Refresh the list: another administrator may have handled it.</source>
            <translation>Actualisez la liste : un autre administrateur l'a peut-être déjà traité.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Replaced</source>
            <translation>Remplacé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Replacing the book after a reported problem ({kind}); an administrator picks the release</source>
            <translation>Remplacement du livre après un problème signalé ({kind}) ; un administrateur choisit la release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Replacing the book after a reported problem ({kind}); searching again</source>
            <translation>Remplacement du livre après un problème signalé ({kind}) ; nouvelle recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Report problems with books the app brought into the library.</source>
            <translation>Signalez les problèmes des livres que l'application a ajoutés à la bibliothèque.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Reported problem {id} does not exist.</source>
            <translation>Le problème signalé {id} n'existe pas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Reported: {kind}</source>
            <translation>Signalé : {kind}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Request {id} does not exist.</source>
            <translation>La demande {id} n'existe pas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Shorten the note.</source>
            <translation>Raccourcissez la note.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>The library server still lists the book: {error}</source>
            <translation>Le serveur de bibliothèque liste encore le livre : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>The note is {count} characters long; at most {limit} fit.</source>
            <translation>La note fait {count} caractères ; {limit} au maximum.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>The request of this book was deleted; there is nothing to replace.</source>
            <translation>La demande de ce livre a été supprimée ; il n'y a rien à remplacer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>This report was already handled ({status}).</source>
            <translation>Ce signalement a déjà été traité ({status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Wrong book</source>
            <translation>Mauvais livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Wrong narrator or edition</source>
            <translation>Mauvais narrateur ou mauvaise édition</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>You already reported a problem with this book (report {id}).</source>
            <translation>Vous avez déjà signalé un problème pour ce livre (signalement {id}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>{admin} dismissed the reported problem</source>
            <translation>{admin} a ignoré le problème signalé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>{admin} replaced the reported book</source>
            <translation>{admin} a remplacé le livre signalé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>{user} reported a problem: {kind}</source>
            <translation>{user} a signalé un problème : {kind}</translation>
        </message>
    </context>
    <context>
        <name>RequestJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>%n request(s) waiting for the request limit went ahead</source>
            <translation>
                <numerusform>%n demande en attente de la limite a repris</numerusform>
                <numerusform>%n demandes en attente de la limite ont repris</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>%n requested book(s) came out; their search is queued</source>
            <translation>
                <numerusform>%n livre demandé est paru ; sa recherche est en file d'attente</numerusform>
                <numerusform>%n livres demandés sont parus ; leur recherche est en file d'attente</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Check release days</source>
            <translation>Vérifier les dates de parution</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Search books released today</source>
            <translation>Rechercher les livres parus aujourd'hui</translation>
        </message>
    </context>
    <context>
        <name>RequestLimitSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>&amp;Save for this user</source>
            <translation>&amp;Enregistrer pour cet utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>&amp;User</source>
            <translation>&amp;Utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Everyone in the household</source>
            <translation>Tout le foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Limit this &amp;administrator too</source>
            <translation>Limiter aussi cet &amp;administrateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Loading the limits…</source>
            <translation>Chargement des limites…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>No limit</source>
            <translation>Aucune limite</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>One user</source>
            <translation>Un utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests beyond a limit wait as “Waiting for request limit” and go ahead by themselves when the day or week allows. Administrators are not limited unless they choose to be.</source>
            <translation>Les demandes au-delà d'une limite attendent avec le statut « En attente de la limite de demandes » et reprennent d'elles-mêmes dès que le jour ou la semaine le permet. Les administrateurs ne sont limités que s'ils le choisissent.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per &amp;day</source>
            <translation>Demandes par &amp;jour</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per &amp;week</source>
            <translation>Demandes par &amp;semaine</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per da&amp;y</source>
            <translation>Demandes par jou&amp;r</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per day for everyone</source>
            <translation>Demandes par jour pour tous</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per day for this user</source>
            <translation>Demandes par jour pour cet utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per wee&amp;k</source>
            <translation>Demandes par sema&amp;ine</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per week for everyone</source>
            <translation>Demandes par semaine pour tous</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per week for this user</source>
            <translation>Demandes par semaine pour cet utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Saved the limits of {user}.</source>
            <translation>Limites de {user} enregistrées.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>The limits could not be read: {error} Close Settings and open it again.</source>
            <translation>Les limites n'ont pas pu être lues : {error} Fermez les paramètres et rouvrez-les.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Use &amp;own limits instead of the household's</source>
            <translation>Utiliser ses &amp;propres limites au lieu de celles du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
    </context>
    <context>
        <name>RequestStatus</name>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>'{title}' was already requested by someone else; you were added to that request.</source>
            <translation>« {title} » avait déjà été demandé par quelqu'un d'autre ; vous avez été ajouté à cette demande.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Ask an administrator of this household.</source>
            <translation>Demandez à un administrateur de ce foyer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Available</source>
            <translation>Disponible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting approval</source>
            <translation>En attente d'approbation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting release</source>
            <translation>En attente de parution</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting search</source>
            <translation>En attente de recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Cancelled</source>
            <translation>Annulée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Denied</source>
            <translation>Refusée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Downloaded</source>
            <translation>Téléchargée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Downloading</source>
            <translation>Téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Failed</source>
            <translation>Échec</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Needs attention</source>
            <translation>Intervention requise</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Open Library to listen to it, or report an issue if the files are wrong.</source>
            <translation>Ouvrez la Bibliothèque pour l'écouter, ou signalez un problème si les fichiers sont incorrects.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Open Requests to follow the existing request.</source>
            <translation>Ouvrez les Demandes pour suivre la demande existante.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Pending</source>
            <translation>En attente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Processing</source>
            <translation>Traitement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Requested '{title}' ({status}).</source>
            <translation>« {title} » demandé ({status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Searching</source>
            <translation>Recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Waiting for request limit</source>
            <translation>En attente de la limite de demandes</translation>
        </message>
    </context>
    <context>
        <name>Requests</name>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved automatically</source>
            <translation>Approuvée automatiquement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved by {admin}</source>
            <translation>Approuvée par {admin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved by {admin}: {note}</source>
            <translation>Approuvée par {admin} : {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Cancelled by {user}</source>
            <translation>Annulée par {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Deleted by {user}</source>
            <translation>Supprimée par {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Denied by {admin}</source>
            <translation>Refusée par {admin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Denied by {admin}: {note}</source>
            <translation>Refusée par {admin} : {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only an administrator can approve requests.</source>
            <translation>Seul un administrateur peut approuver les demandes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only an administrator can deny requests.</source>
            <translation>Seul un administrateur peut refuser les demandes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only the person who made this request or an administrator can cancel it.</source>
            <translation>Seule la personne qui a fait cette demande ou un administrateur peut l'annuler.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only the person who made this request or an administrator can delete it.</source>
            <translation>Seule la personne qui a fait cette demande ou un administrateur peut la supprimer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only the person who made this request or an administrator can retry it.</source>
            <translation>Seule la personne qui a fait cette demande ou un administrateur peut la relancer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Over the request limit; goes ahead after {time} UTC</source>
            <translation>Limite de demandes atteinte ; reprend après {time} UTC</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Released</source>
            <translation>Paru</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Search again, asked by {user}</source>
            <translation>Nouvelle recherche, demandée par {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Search terms reset</source>
            <translation>Termes de recherche réinitialisés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Search terms set to “{terms}”</source>
            <translation>Termes de recherche définis sur « {terms} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be approved now.</source>
            <translation>Cette demande a le statut « {status} » ; elle ne peut pas être approuvée maintenant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be cancelled now.</source>
            <translation>Cette demande a le statut « {status} » ; elle ne peut pas être annulée maintenant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be denied now.</source>
            <translation>Cette demande a le statut « {status} » ; elle ne peut pas être refusée maintenant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be retried now.</source>
            <translation>Cette demande a le statut « {status} » ; elle ne peut pas être relancée maintenant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Waiting for an administrator to approve</source>
            <translation>En attente de l'approbation d'un administrateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Waits with its audiobook request for the request limit</source>
            <translation>Attend la limite de demandes avec sa demande de livre audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>You already requested another edition of this book (“{title}”); that request is “{status}” (request {id}).</source>
            <translation>Vous avez déjà demandé une autre édition de ce livre (« {title} ») ; cette demande a le statut « {status} » (demande nº {id}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>You already requested this book (“{title}”); that request is “{status}” (request {id}).</source>
            <translation>Vous avez déjà demandé ce livre (« {title} ») ; cette demande a le statut « {status} » (demande nº {id}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{reason}; waiting for the release on {date}</source>
            <translation>{reason} ; en attente de la parution le {date}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{reason}; waiting for the search</source>
            <translation>{reason} ; en attente de la recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{status}: {title}</source>
            <translation>{status} : {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} asked for “{title}”; it waits for an administrator to approve or deny it.</source>
            <translation>{user} a demandé « {title} » ; la demande attend qu'un administrateur l'approuve ou la refuse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} joined this request</source>
            <translation>{user} a rejoint cette demande</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} requested the audiobook “{title}”</source>
            <translation>{user} a demandé le livre audio « {title} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} requested the ebook “{title}”</source>
            <translation>{user} a demandé le livre numérique « {title} »</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>“{title}” is already available in the library.</source>
            <translation>« {title} » est déjà disponible dans la bibliothèque.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>“{title}” is on your ignore list.</source>
            <translation>« {title} » est dans votre liste des livres ignorés.</translation>
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>&amp;Show</source>
            <translation>&amp;Afficher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>&amp;by</source>
            <comment>show requests with this status by this user</comment>
            <translation>&amp;par</translation>
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
            <translation>Approuver</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Attempts: search {search}, download {download}, import {imported}</source>
            <translation>Tentatives : recherche {search}, téléchargement {download}, import {imported}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>By {authors} · {kind} · {region} · requested by {user}</source>
            <translation>De {authors} · {kind} · {region} · demandé par {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Cancel request</source>
            <translation>Annuler la demande</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Delete with files…</source>
            <translation>Supprimer avec les fichiers…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Deny</source>
            <translation>Refuser</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent}</source>
            <translation>Téléchargement {percent}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent} at {speed}</source>
            <translation>Téléchargement {percent} à {speed}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent} at {speed}, about {time} left</source>
            <translation>Téléchargement {percent} à {speed}, environ {time} restant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent}, about {time} left</source>
            <translation>Téléchargement {percent}, environ {time} restant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Every book asked for and where it is: searching, downloading, in the library, or stuck.</source>
            <translation>Chaque livre demandé et où il en est : recherche, téléchargement, dans la bibliothèque ou bloqué.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Everyone</source>
            <translation>Tout le monde</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>File of the book (audio or ebook)</source>
            <translation>Fichier du livre (audio ou livre numérique)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Filter requests</source>
            <translation>Filtrer les demandes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Filter…</source>
            <translation>Filtrer…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Find a book on Discover or Search and press Request: the app searches your indexers, downloads it and adds it to your library. Each request and its progress appears here.</source>
            <translation>Trouvez un livre dans Découvrir ou Recherche et cliquez sur Demander : l'application interroge vos indexeurs, le télécharge et l'ajoute à votre bibliothèque. Chaque demande et sa progression s'affichent ici.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Folder that holds the book</source>
            <translation>Dossier contenant le livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Import a folder by hand…</source>
            <translation>Importer un dossier manuellement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Import files by hand…</source>
            <translation>Importer des fichiers manuellement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Import started; the request follows it.</source>
            <translation>Import lancé ; la demande le suit.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Looking at {path}…</source>
            <translation>Analyse de {path}…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>More</source>
            <translation>Plus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>No requests yet</source>
            <translation>Aucune demande pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note for the approval or denial</source>
            <translation>Note pour l'approbation ou le refus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note for the approval or denial (optional)</source>
            <translation>Note pour l'approbation ou le refus (facultative)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note: {note}</source>
            <translation>Note : {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Problem reported; the administrators were told.</source>
            <translation>Problème signalé ; les administrateurs ont été prévenus.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Re-check the library</source>
            <translation>Revérifier la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Released on {date}; the search starts that day.</source>
            <translation>Paraît le {date} ; la recherche commence ce jour-là.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Report a problem…</source>
            <translation>Signaler un problème…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Request deleted.</source>
            <translation>Demande supprimée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Requests</source>
            <translation>Demandes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search again</source>
            <translation>Relancer la recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search interactively…</source>
            <translation>Recherche interactive…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search with other words</source>
            <translation>Chercher avec d'autres mots</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search with other words…</source>
            <translation>Chercher avec d'autres mots…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Searching again with your words.</source>
            <translation>Nouvelle recherche avec vos mots.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>See every release found and choose one yourself</source>
            <translation>Voir toutes les releases trouvées et en choisir une vous-même</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Select a request to see what happened.</source>
            <translation>Sélectionnez une demande pour voir ce qui s'est passé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Show requests by</source>
            <translation>Afficher les demandes de</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Show requests with status</source>
            <translation>Afficher les demandes à l'état</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Start over</source>
            <translation>Recommencer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Started over: searching from scratch.</source>
            <translation>Reprise à zéro : nouvelle recherche depuis le début.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>The library was checked again.</source>
            <translation>La bibliothèque a été revérifiée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Ways out for a stuck request</source>
            <translation>Solutions pour une demande bloquée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>What happened to this request</source>
            <translation>Historique de cette demande</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Words to search the indexers for (empty: the title and author):</source>
            <translation>Mots à chercher dans les indexeurs (vide : le titre et l'auteur) :</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Wrong book, bad audio or the wrong edition: tell the administrators</source>
            <translation>Mauvais livre, audio défectueux ou mauvaise édition : prévenir les administrateurs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>You may not search interactively any more; ask an administrator.</source>
            <translation>Vous n'êtes plus autorisé à faire une recherche interactive ; adressez-vous à un administrateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>audiobook</source>
            <translation>livre audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>ebook</source>
            <translation>livre numérique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>someone</source>
            <translation>quelqu'un</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>unknown</source>
            <comment>an unknown author</comment>
            <translation>inconnu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>{title} — {status}</source>
            <translation>{title} — {status}</translation>
        </message>
    </context>
    <context>
        <name>RequestsTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>All</source>
            <translation>Toutes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Awaiting approval</source>
            <translation>En attente d'approbation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Cancelled</source>
            <translation>Annulées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Completed</source>
            <translation>Terminées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Failed</source>
            <translation>En échec</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>In progress</source>
            <translation>En cours</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Level</source>
            <translation>Niveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Region</source>
            <translation>Région</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Requested</source>
            <translation>Demandé le</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Requested by</source>
            <translation>Demandé par</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Waiting</source>
            <translation>En attente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>What happened</source>
            <translation>Événement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>{title} (ebook)</source>
            <translation>{title} (livre numérique)</translation>
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
            <translation>Importation manuelle depuis {path}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Pick a file or folder that holds the book.</source>
            <translation>Choisissez un fichier ou un dossier qui contient le livre.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Re-checked: no files at {folder} any more; searching again</source>
            <translation>Revérifié : plus aucun fichier dans {folder} ; nouvelle recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Re-checked: no files linked to it any more; searching again</source>
            <translation>Revérifié : plus aucun fichier lié ; nouvelle recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Re-checked: the book is in the library at {folder}</source>
            <translation>Revérifié : le livre est dans la bibliothèque, dans {folder}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Started over: searching from scratch</source>
            <translation>Reprise à zéro : nouvelle recherche depuis le début</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>{path} does not exist.</source>
            <translation>{path} n'existe pas.</translation>
        </message>
    </context>
    <context>
        <name>RescueDialogs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>%n file stays: the app did not import it.</source>
            <translation>
                <numerusform>%n fichier reste : l'application ne l'a pas importé.</numerusform>
                <numerusform>%n fichiers restent : l'application ne les a pas importés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Book {number}</source>
            <translation>Livre nº {number}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Delete the request and its files</source>
            <translation>Supprimer la demande et ses fichiers</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Download</source>
            <translation>Téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Files to import</source>
            <translation>Fichiers à importer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Folder</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>From</source>
            <translation>De</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Import</source>
            <translation>Importer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Import by hand</source>
            <translation>Importer manuellement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Library entry</source>
            <translation>Entrée de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Only what this app downloaded and imported for the request is removed.</source>
            <translation>Seul ce que cette application a téléchargé et importé pour la demande est supprimé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Remove the download now, without waiting for its seeding rules</source>
            <translation>Supprimer le téléchargement maintenant, sans attendre ses règles de partage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Removes</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>These files go into {folder}. Your files stay where they are; copies are tagged.</source>
            <translation>Ces fichiers vont dans {folder}. Vos fichiers restent où ils sont ; les copies sont taguées.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>To (in the library)</source>
            <translation>Vers (dans la bibliothèque)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>What</source>
            <translation>Détail</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>What is removed</source>
            <translation>Ce qui est supprimé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>after its seeding rules are met</source>
            <translation>une fois ses règles de partage remplies</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>now, with its data</source>
            <translation>maintenant, avec ses données</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>{folder} (when nothing else is left in it)</source>
            <translation>{folder} (s'il ne contient plus rien d'autre)</translation>
        </message>
    </context>
    <context>
        <name>RssMonitor</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>%n release(s) grabbed</source>
            <translation>
                <numerusform>%n release récupérée</numerusform>
                <numerusform>%n releases récupérées</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>Check indexer feeds for new releases</source>
            <translation>Vérifier les flux des indexeurs pour de nouvelles releases</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/monitor.py" />
            <source>Found “{release}” in the new releases of {indexer}</source>
            <translation>« {release} » trouvée parmi les nouvelles releases de {indexer}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/monitor.py" />
            <source>polled {minutes} min ago; its limit of {limit} searches a day allows no more</source>
            <translation>interrogé il y a {minutes} min ; sa limite de {limit} recherches par jour n'en permet pas plus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>{feed}: {count}</source>
            <translation>{feed} : {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>{feed}: {error}</source>
            <translation>{feed} : {error}</translation>
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
            <translation>Double-cliquez pour modifier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Enabled</source>
            <translation>Activée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Last run</source>
            <translation>Dernière exécution</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Next run</source>
            <translation>Prochaine exécution</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>No</source>
            <translation>Non</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Runs</source>
            <translation>Exécutions</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>never</source>
            <translation>jamais</translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>%n result(s) for “{query}” in {marketplace}</source>
            <translation>
                <numerusform>%n résultat pour « {query} » dans {marketplace}</numerusform>
                <numerusform>%n résultats pour « {query} » dans {marketplace}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Anything</source>
            <translation>Tout</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Arrow keys choose a book; Enter opens it</source>
            <translation>Les flèches choisissent un livre ; Entrée l'ouvre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible answers again: search the Audible catalog.</source>
            <translation>Audible répond à nouveau : recherchez dans le catalogue Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible asked the app to slow down ({reason}). Wait a minute, then press Enter to search again.</source>
            <translation>Audible a demandé à l'application de ralentir ({reason}). Patientez une minute, puis appuyez sur Entrée pour relancer la recherche.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible cannot be reached right now ({reason}), so searching will not find anything. Check your internet connection; Search works again as soon as Audible answers.</source>
            <translation>Audible est injoignable pour le moment ({reason}), la recherche ne trouvera donc rien. Vérifiez votre connexion Internet ; la recherche fonctionnera dès qu'Audible répondra.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible could not be reached, so nothing was found ({reason}). Check your internet connection, then press Enter to search again.</source>
            <translation>Audible n'a pas pu être joint, rien n'a donc été trouvé ({reason}). Vérifiez votre connexion Internet, puis appuyez sur Entrée pour relancer la recherche.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible sent an answer the app cannot read ({reason}). Press Enter to search again, or choose another marketplace.</source>
            <translation>Audible a envoyé une réponse que l'application ne sait pas lire ({reason}). Appuyez sur Entrée pour relancer la recherche, ou choisissez une autre boutique.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Best sellers</source>
            <translation>Meilleures ventes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Find any audiobook in the Audible catalog by title, author or narrator.</source>
            <translation>Trouvez n'importe quel livre audio du catalogue Audible par titre, auteur ou narrateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Marketplace</source>
            <translation>Boutique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Narrator</source>
            <translation>Narrateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Newest</source>
            <translation>Plus récents</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>No results for “{query}”.</source>
            <translation>Aucun résultat pour « {query} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Rating</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Relevance</source>
            <translation>Pertinence</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search in</source>
            <translation>Rechercher dans</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search results</source>
            <translation>Résultats de la recherche</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search the Audible catalog</source>
            <translation>Rechercher dans le catalogue Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search the Audible catalog.</source>
            <translation>Recherchez dans le catalogue Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Searching for “{query}”…</source>
            <translation>Recherche de « {query} »…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Sort results by</source>
            <translation>Trier les résultats par</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>The search failed: {reason} {hint}</source>
            <translation>La recherche a échoué : {reason} {hint}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Title, author, narrator…</source>
            <translation>Titre, auteur, narrateur…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Type something to search for.</source>
            <translation>Saisissez quelque chose à rechercher.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Type, then press Enter; suggestions appear as you type</source>
            <translation>Saisissez, puis appuyez sur Entrée ; des suggestions apparaissent pendant la saisie</translation>
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
            <translation>Illisible (aucun trousseau ne fonctionne) : choisissez une phrase secrète, puis saisissez-le à nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read: enter it again</source>
            <translation>Illisible : saisissez-le à nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read: this computer needs the household key first</source>
            <translation>Illisible : cet ordinateur a d'abord besoin de la clé du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read: unlock your keychain or secrets file first</source>
            <translation>Illisible : déverrouillez d'abord votre trousseau ou votre fichier de secrets</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Saved in the household's shared secrets; type to replace it</source>
            <translation>Enregistré dans les secrets partagés du foyer ; saisissez pour le remplacer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Saved in your encrypted secrets file; type to replace it</source>
            <translation>Enregistré dans votre fichier de secrets chiffré ; saisissez pour le remplacer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Saved in your keychain; type to replace it</source>
            <translation>Enregistré dans votre trousseau ; saisissez pour le remplacer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>kept in the household's shared secrets</source>
            <translation>conservé dans les secrets partagés du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>kept in your encrypted secrets file</source>
            <translation>conservé dans votre fichier de secrets chiffré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>kept in your system keychain</source>
            <translation>conservé dans le trousseau de votre système</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>not saved yet: choose a passphrase for an encrypted file first</source>
            <translation>pas encore enregistrable : choisissez d'abord une phrase secrète pour un fichier chiffré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>not saved yet: this computer needs the household key first</source>
            <translation>pas encore enregistrable : cet ordinateur a d'abord besoin de la clé du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>not saved yet: unlock your keychain or secrets file first</source>
            <translation>pas encore enregistrable : déverrouillez d'abord votre trousseau ou votre fichier de secrets</translation>
        </message>
    </context>
    <context>
        <name>SecretsFile</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Create</source>
            <translation>&amp;Créer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Not now</source>
            <translation>Pas &amp;maintenant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Phrase secrète</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Repeat it</source>
            <translation>&amp;Répétez-la</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Unlock</source>
            <translation>&amp;Déverrouiller</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&lt;b&gt;Passwords and API keys cannot be saved yet.&lt;/b&gt; {why} Everything else is saved.</source>
            <translation>&lt;b&gt;Les mots de passe et les clés API ne peuvent pas encore être enregistrés.&lt;/b&gt; {why} Tout le reste est enregistré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>At least {count} characters.</source>
            <translation>Au moins {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Creating…</source>
            <translation>Création…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Encrypted secrets file</source>
            <translation>Fichier de secrets chiffré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>No system keychain works here. Choose a passphrase to keep passwords and API keys in a file encrypted with it. You will enter it once each time the app starts; it cannot be recovered if you forget it.</source>
            <translation>Aucun trousseau du système ne fonctionne ici. Choisissez une phrase secrète pour conserver les mots de passe et les clés API dans un fichier chiffré avec elle. Vous la saisirez une fois à chaque démarrage de l'application ; elle ne peut pas être récupérée si vous l'oubliez.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>The two passphrases differ.</source>
            <translation>Les deux phrases secrètes sont différentes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>U&amp;nlock…</source>
            <translation>Dé&amp;verrouiller…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Unlock your secrets</source>
            <translation>Déverrouiller vos secrets</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Unlocking…</source>
            <translation>Déverrouillage…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Use an &amp;encrypted file…</source>
            <translation>Utiliser un fichier &amp;chiffré…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Your passwords and API keys are in a file encrypted with your passphrase. Enter it to use them.</source>
            <translation>Vos mots de passe et clés API sont dans un fichier chiffré avec votre phrase secrète. Saisissez-la pour les utiliser.</translation>
        </message>
    </context>
    <context>
        <name>SeriesPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n livre demandé.</numerusform>
                <numerusform>%n livres demandés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Audible lists no books here in this marketplace.</source>
            <translation>Audible ne propose aucun livre ici sur ce marché.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Books by {author}</source>
            <translation>Livres de {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Loading the books from Audible…</source>
            <translation>Chargement des livres depuis Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>No books found</source>
            <translation>Aucun livre trouvé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Number</source>
            <translation>Tome</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Release</source>
            <translation>Parution</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Request missing</source>
            <translation>Demander les manquants</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Request missing ({count})</source>
            <translation>Demander les manquants ({count})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Requesting…</source>
            <translation>Demande en cours…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Series: {series}</source>
            <translation>Série : {series}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watch this author</source>
            <translation>Suivre cet auteur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watch this series</source>
            <translation>Suivre cette série</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watching</source>
            <translation>Suivi</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watching {name}: new books are requested for you.</source>
            <translation>{name} est suivi : les nouveaux livres sont demandés pour vous.</translation>
        </message>
    </context>
    <context>
        <name>ServiceCard</name>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Down</source>
            <translation>Hors service</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Latency {latency}   ·   Checked {when}</source>
            <translation>Latence {latency}   ·   Vérifié : {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>No checks in the last 24 h</source>
            <translation>Aucune vérification ces dernières 24 h</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Not checked yet</source>
            <translation>Pas encore vérifié</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Slow</source>
            <translation>Lent</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Up</source>
            <translation>Opérationnel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Uptime 24 h {day}   ·   7 d {week}</source>
            <translation>Disponibilité 24 h {day}   ·   7 j {week}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>never</source>
            <comment>never checked</comment>
            <translation>jamais</translation>
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
            <translation>« {region} » n'est pas une boutique Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>'{url}' is not a Deluge daemon address (host:port).</source>
            <translation>« {url} » n'est pas une adresse de démon Deluge (hôte:port).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>'{url}' is not a web address.</source>
            <translation>« {url} » n'est pas une adresse web.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>'{url}' is not an http(s) address.</source>
            <translation>« {url} » n'est pas une adresse http(s).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/direct_http.py" />
            <source>A direct download needs http(s) URLs.</source>
            <translation>Un téléchargement direct nécessite des URL http(s).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Audible ({region}) has no category {category_id}.</source>
            <translation>Audible ({region}) n'a pas de catégorie {category_id}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible answered HTTP {status_code} for your {path}.</source>
            <translation>Audible a répondu HTTP {status_code} pour votre {path}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible did not deregister this device (HTTP {status_code}).</source>
            <translation>Audible n'a pas désenregistré cet appareil (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible no longer accepts this sign-in.</source>
            <translation>Audible n'accepte plus cette connexion.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible refused this sign-in.</source>
            <translation>Audible a refusé cette connexion.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible refused to register this device (HTTP {status_code}).</source>
            <translation>Audible a refusé d'enregistrer cet appareil (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Audible sent a product that is not an object.</source>
            <translation>Audible a envoyé un produit qui n'est pas un objet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Audible's answer has no '{key}'.</source>
            <translation>La réponse d'Audible n'a pas de « {key} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible's registration answer is incomplete.</source>
            <translation>La réponse d'enregistrement d'Audible est incomplète.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible's sign-in service answered HTTP {status_code}.</source>
            <translation>Le service de connexion d'Audible a répondu HTTP {status_code}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible's token answer is incomplete.</source>
            <translation>La réponse de jeton d'Audible est incomplète.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Audiobooks in Plex live in a Music library; choose that one.</source>
            <translation>Dans Plex, les livres audio se trouvent dans une bibliothèque Musique ; choisissez-la.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audiobookshelf.py" />
            <source>Audiobookshelf sent an unreadable item.</source>
            <translation>Audiobookshelf a envoyé un élément illisible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audiobookshelf.py" />
            <source>Audiobookshelf sent no item list.</source>
            <translation>Audiobookshelf n'a pas envoyé de liste d'éléments.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audiobookshelf.py" />
            <source>Audiobookshelf sent no library list.</source>
            <translation>Audiobookshelf n'a pas envoyé de liste de bibliothèques.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audnexus.py" />
            <source>Audnexus has no book {asin}.</source>
            <translation>Audnexus n'a pas de livre {asin}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audnexus.py" />
            <source>Audnexus sent a {what} without an ASIN.</source>
            <translation>Audnexus a envoyé un élément ({what}) sans ASIN.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Cannot connect to Deluge at {url}.</source>
            <translation>Impossible de se connecter à Deluge à l'adresse {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Cannot connect to Transmission at {url}.</source>
            <translation>Impossible de se connecter à Transmission à l'adresse {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Cannot connect to qBittorrent at {url}.</source>
            <translation>Impossible de se connecter à qBittorrent à l'adresse {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Cannot connect to {service} at {base_url}.</source>
            <translation>Impossible de se connecter à {service} à l'adresse {base_url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>Cannot connect to {service}.</source>
            <translation>Impossible de se connecter à {service}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>Cannot make a torrent of {path}: {reason}</source>
            <translation>Impossible de créer un torrent de {path} : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>Check ControlUsername and ControlPassword (NZBGet: Settings &gt; Security).</source>
            <translation>Vérifiez ControlUsername et ControlPassword (NZBGet : Settings &gt; Security).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Check rpc-username and rpc-password (Transmission: Preferences &gt; Remote).</source>
            <translation>Vérifiez rpc-username et rpc-password (Transmission : Préférences &gt; Distant).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>Check that the address is a Torznab/Newznab API URL (it usually ends in /api).</source>
            <translation>Vérifiez que l'adresse est une URL d'API Torznab/Newznab (elle se termine généralement par /api).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Check the WebUI user name and password (qBittorrent: Tools &gt; Options &gt; Web UI).</source>
            <translation>Vérifiez le nom d'utilisateur et le mot de passe de l'interface web (qBittorrent : Outils &gt; Options &gt; Interface web).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Check the address and port (default 9091), that remote access is enabled and this computer is in its whitelist.</source>
            <translation>Vérifiez l'adresse et le port (9091 par défaut), que l'accès distant est activé et que cet ordinateur figure dans la liste blanche.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Check the address and port, and that qBittorrent's Web UI is enabled.</source>
            <translation>Vérifiez l'adresse et le port, et que l'interface web de qBittorrent est activée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Check the address, and that the server is running.</source>
            <translation>Vérifiez l'adresse et que le serveur fonctionne.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>Check the address: it is the RSS link of the shelf, not the shelf page.</source>
            <translation>Vérifiez l'adresse : il s'agit du lien RSS de l'étagère, pas de la page de l'étagère.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Check the base URL and pick a model from the list.</source>
            <translation>Vérifiez l'URL de base et choisissez un modèle dans la liste.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Check the daemon's address and port (default 58846) and that it allows remote connections.</source>
            <translation>Vérifiez l'adresse et le port du démon (58846 par défaut) et qu'il autorise les connexions distantes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Check the user name and password; too many failed logins make qBittorrent ban the address for a while.</source>
            <translation>Vérifiez le nom d'utilisateur et le mot de passe ; après trop d'échecs, qBittorrent bannit l'adresse pendant un moment.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Choose a library in Settings.</source>
            <translation>Choisissez une bibliothèque dans les Paramètres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>Copy the API key from SABnzbd: Config &gt; General &gt; Security.</source>
            <translation>Copiez la clé API depuis SABnzbd : Config &gt; General &gt; Security.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>Copy the RSS link from the bottom of your Goodreads shelf page.</source>
            <translation>Copiez le lien RSS en bas de la page de votre étagère Goodreads.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>Copy the feed URL from Jackett or Prowlarr (it ends in /api or /torznab/).</source>
            <translation>Copiez l'URL du flux depuis Jackett ou Prowlarr (elle se termine par /api ou /torznab/).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge at {url} did not answer in time.</source>
            <translation>Deluge à l'adresse {url} n'a pas répondu à temps.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge at {url} refused the user name or password.</source>
            <translation>Deluge à l'adresse {url} a refusé le nom d'utilisateur ou le mot de passe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge needs a .torrent file or a magnet link.</source>
            <translation>Deluge a besoin d'un fichier .torrent ou d'un lien magnet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge: {reason}</source>
            <translation>Deluge : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Enter the key again in BookDate settings.</source>
            <translation>Saisissez à nouveau la clé dans les réglages de BookDate.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>Enter the server address in Settings.</source>
            <translation>Saisissez l'adresse du serveur dans les Paramètres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>Goodreads sent something that is not a shelf feed.</source>
            <translation>Goodreads a envoyé quelque chose qui n'est pas un flux d'étagère.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover could not answer: {reason}</source>
            <translation>Hardcover n'a pas pu répondre : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover did not say whose token this is.</source>
            <translation>Hardcover n'a pas indiqué à qui appartient ce jeton.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover refused the token.</source>
            <translation>Hardcover a refusé le jeton.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover sent an answer of the wrong shape.</source>
            <translation>Hardcover a envoyé une réponse de forme inattendue.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover sent an answer without data.</source>
            <translation>Hardcover a envoyé une réponse sans données.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet at {url} refused the user name or password.</source>
            <translation>NZBGet à l'adresse {url} a refusé le nom d'utilisateur ou le mot de passe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet could not remove item {item_id}.</source>
            <translation>NZBGet n'a pas pu supprimer l'élément {item_id}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet could not run '{method}': {reason}</source>
            <translation>NZBGet n'a pas pu exécuter « {method} » : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet did not accept '{name}'.</source>
            <translation>NZBGet n'a pas accepté « {name} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet needs the NZB file's content.</source>
            <translation>NZBGet a besoin du contenu du fichier NZB.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet sent a reply that is not a JSON-RPC envelope.</source>
            <translation>NZBGet a envoyé une réponse qui n'est pas une enveloppe JSON-RPC.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>No Hardcover token is saved.</source>
            <translation>Aucun jeton Hardcover n'est enregistré.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>No server address is set.</source>
            <translation>Aucune adresse de serveur n'est définie.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>No {service} model is chosen.</source>
            <translation>Aucun modèle {service} n'est choisi.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Not a Plex image path.</source>
            <translation>Ce n'est pas un chemin d'image Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>Not a magnet link.</source>
            <translation>Ce n'est pas un lien magnet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>Not a valid .torrent file ({reason}).</source>
            <translation>Fichier .torrent non valide ({reason}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Pages start at 1.</source>
            <translation>Les pages commencent à 1.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Paste a fresh token from hardcover.app/account/api.</source>
            <translation>Collez un nouveau jeton depuis hardcover.app/account/api.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Paste your token from hardcover.app/account/api.</source>
            <translation>Collez votre jeton depuis hardcover.app/account/api.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Pick a model in BookDate settings.</source>
            <translation>Choisissez un modèle dans les réglages de BookDate.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex has no library with id {key}.</source>
            <translation>Plex n'a pas de bibliothèque avec l'identifiant {key}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex library '{title}' is a {type} library, not a music library.</source>
            <translation>La bibliothèque Plex « {title} » est de type {type}, pas une bibliothèque musicale.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent JSON without a MediaContainer.</source>
            <translation>Plex a envoyé du JSON sans MediaContainer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent XML the app cannot read.</source>
            <translation>Plex a envoyé du XML que l'application ne sait pas lire.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent XML without a MediaContainer.</source>
            <translation>Plex a envoyé du XML sans MediaContainer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent a MediaContainer with unreadable items.</source>
            <translation>Plex a envoyé un MediaContainer avec des éléments illisibles.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd at {url} refused the API key.</source>
            <translation>SABnzbd à l'adresse {url} a refusé la clé API.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd did not accept '{name}'.</source>
            <translation>SABnzbd n'a pas accepté « {name} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd needs an NZB file or an NZB URL.</source>
            <translation>SABnzbd a besoin d'un fichier NZB ou d'une URL NZB.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd refused '{mode}': {reason}</source>
            <translation>SABnzbd a refusé « {mode} » : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd's history answer has no 'history'.</source>
            <translation>La réponse d'historique de SABnzbd n'a pas de « history ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd's queue answer has no 'queue'.</source>
            <translation>La réponse de file d'attente de SABnzbd n'a pas de « queue ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Sign in again; the code from the browser is valid for a few minutes only.</source>
            <translation>Reconnectez-vous ; le code du navigateur n'est valable que quelques minutes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>The NZB file may be damaged; the next release will be tried.</source>
            <translation>Le fichier NZB est peut-être endommagé ; la release suivante sera essayée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>The address does not lead to an RSS feed.</source>
            <translation>L'adresse ne mène pas à un flux RSS.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>The magnet link carries no BitTorrent info-hash.</source>
            <translation>Le lien magnet ne contient pas d'info-hash BitTorrent.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>The service is having trouble; the app will try again later.</source>
            <translation>Le service rencontre des difficultés ; l'application réessaiera plus tard.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>The {service} address is not a valid URL.</source>
            <translation>L'adresse de {service} n'est pas une URL valide.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>This Audible sign-in has no refresh token.</source>
            <translation>Cette connexion Audible n'a pas de jeton d'actualisation.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>This address does not answer like Prowlarr.</source>
            <translation>Cette adresse ne répond pas comme Prowlarr.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>This address does not answer like a Plex server.</source>
            <translation>Cette adresse ne répond pas comme un serveur Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission at {url} did not answer in time.</source>
            <translation>Transmission à l'adresse {url} n'a pas répondu à temps.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission at {url} refused the user name or password.</source>
            <translation>Transmission à l'adresse {url} a refusé le nom d'utilisateur ou le mot de passe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission at {url} sent an answer the app cannot read ({kind}).</source>
            <translation>Transmission à l'adresse {url} a envoyé une réponse que l'application ne sait pas lire ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission needs a .torrent file or a magnet link.</source>
            <translation>Transmission a besoin d'un fichier .torrent ou d'un lien magnet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission: {reason}</source>
            <translation>Transmission : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Try again later.</source>
            <translation>Réessayez plus tard.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Try again, or remove the device under Amazon &gt; Your devices.</source>
            <translation>Réessayez, ou supprimez l'appareil dans Amazon &gt; Vos appareils.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>Use Prowlarr's address, e.g. http://localhost:9696.</source>
            <translation>Utilisez l'adresse de Prowlarr, par ex. http://localhost:9696.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Use a user from the daemon's auth file (Deluge: Preferences &gt; Daemon).</source>
            <translation>Utilisez un utilisateur du fichier auth du démon (Deluge : Préférences &gt; Démon).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Use one of: {items}.</source>
            <translation>Utilisez l'une de ces valeurs : {items}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Use the API's base URL, e.g. http://localhost:11434/v1 for Ollama.</source>
            <translation>Utilisez l'URL de base de l'API, par ex. http://localhost:11434/v1 pour Ollama.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>You have no Hardcover list called '{target}'.</source>
            <translation>Vous n'avez pas de liste Hardcover appelée « {target} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>plex.tv sent a Home the app cannot read.</source>
            <translation>plex.tv a envoyé un Home que l'application ne sait pas lire.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>plex.tv sent a PIN the app cannot read.</source>
            <translation>plex.tv a envoyé un code PIN que l'application ne sait pas lire.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>plex.tv sent an account the app cannot read.</source>
            <translation>plex.tv a envoyé un compte que l'application ne sait pas lire.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} answered with an error: {reason}</source>
            <translation>qBittorrent à l'adresse {url} a répondu par une erreur : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} did not answer in time.</source>
            <translation>qBittorrent à l'adresse {url} n'a pas répondu à temps.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} refused access ({kind}).</source>
            <translation>qBittorrent à l'adresse {url} a refusé l'accès ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} refused the user name or password.</source>
            <translation>qBittorrent à l'adresse {url} a refusé le nom d'utilisateur ou le mot de passe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} sent an answer the app cannot read ({kind}).</source>
            <translation>qBittorrent à l'adresse {url} a envoyé une réponse que l'application ne sait pas lire ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent did not accept '{name}'.</source>
            <translation>qBittorrent n'a pas accepté « {name} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent needs a .torrent file or a magnet link.</source>
            <translation>qBittorrent a besoin d'un fichier .torrent ou d'un lien magnet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent: {reason}</source>
            <translation>qBittorrent : {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{base_url} answered, but not like an AI model service.</source>
            <translation>{base_url} a répondu, mais pas comme un service de modèles d'IA.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>{path} holds no files.</source>
            <translation>{path} ne contient aucun fichier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} answered HTTP {status}.</source>
            <translation>{service} a répondu HTTP {status}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/gutendex.py" />
            <location filename="../../rmab_desktop/clients/standard_ebooks.py" />
            <source>{service} answered in an unknown shape.</source>
            <translation>{service} a répondu sous une forme inconnue.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} did not answer in time.</source>
            <translation>{service} n'a pas répondu à temps.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deadline.py" />
            <source>{service} did not finish answering within {waited} seconds.</source>
            <translation>{service} n'a pas fini de répondre en {waited} secondes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} does not know this item (HTTP 404).</source>
            <translation>{service} ne connaît pas cet élément (HTTP 404).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} had a server error (HTTP {status_code}).</source>
            <translation>{service} a eu une erreur de serveur (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/internet_archive.py" />
            <source>{service} has no files for item '{identifier}'.</source>
            <translation>{service} n'a aucun fichier pour l'élément « {identifier} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} has no such model or address ({path}).</source>
            <translation>{service} n'a pas ce modèle ou cette adresse ({path}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} has no such resource ({path}).</source>
            <translation>{service} n'a pas cette ressource ({path}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} is limiting requests (HTTP 429).</source>
            <translation>{service} limite les requêtes (HTTP 429).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} is rate limiting requests. Try again in a minute.</source>
            <translation>{service} limite les requêtes. Réessayez dans une minute.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} is rate limiting requests. Try again in {seconds} seconds.</source>
            <translation>{service} limite les requêtes. Réessayez dans {seconds} secondes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} redirected too many times.</source>
            <translation>{service} a effectué trop de redirections.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} refused the API key (HTTP {status}).</source>
            <translation>{service} a refusé la clé API (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} refused the request (HTTP {status_code}).</source>
            <translation>{service} a refusé la requête (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} refused the token (HTTP {status}).</source>
            <translation>{service} a refusé le jeton (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/internet_archive.py" />
            <source>{service} search answered in an unknown shape.</source>
            <translation>La recherche de {service} a répondu sous une forme inconnue.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>{service} search did not return a list.</source>
            <translation>La recherche de {service} n'a pas renvoyé de liste.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent JSON nested too deeply to read.</source>
            <translation>{service} a envoyé du JSON trop imbriqué pour être lu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent XML that is not a caps document.</source>
            <translation>{service} a envoyé du XML qui n'est pas un document caps.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent XML that is not a search feed.</source>
            <translation>{service} a envoyé du XML qui n'est pas un flux de recherche.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent XML with forbidden constructs.</source>
            <translation>{service} a envoyé du XML contenant des constructions interdites.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent a body that is not JSON.</source>
            <translation>{service} a envoyé un contenu qui n'est pas du JSON.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/standard_ebooks.py" />
            <source>{service} sent a feed that is not valid XML.</source>
            <translation>{service} a envoyé un flux qui n'est pas du XML valide.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent a number the app cannot use ({reason}).</source>
            <translation>{service} a envoyé un nombre que l'application ne peut pas utiliser ({reason}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent an answer larger than {megabytes} MB.</source>
            <translation>{service} a envoyé une réponse de plus de {megabytes} Mo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>{service} sent an answer that is not JSON.</source>
            <translation>{service} a envoyé une réponse qui n'est pas du JSON.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an answer that is not XML.</source>
            <translation>{service} a envoyé une réponse qui n'est pas du XML.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent an answer the app cannot read ({kind}).</source>
            <translation>{service} a envoyé une réponse que l'application ne sait pas lire ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an empty answer.</source>
            <translation>{service} a envoyé une réponse vide.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an empty release file.</source>
            <translation>{service} a envoyé un fichier de release vide.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an error page instead of a file.</source>
            <translation>{service} a envoyé une page d'erreur au lieu d'un fichier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service}: there is no Torznab/Newznab API at this address (HTTP 404).</source>
            <translation>{service} : il n'y a pas d'API Torznab/Newznab à cette adresse (HTTP 404).</translation>
        </message>
    </context>
    <context>
        <name>ServiceHealth</name>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>Unexpected error: {error}</source>
            <translation>Erreur inattendue : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} answers again ({latency} ms).</source>
            <translation>{service} répond à nouveau ({latency} ms).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} did not answer.</source>
            <translation>{service} n'a pas répondu.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} is back</source>
            <translation>{service} est de nouveau opérationnel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} is down</source>
            <translation>{service} est hors service</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} is down: {error}</source>
            <translation>{service} est hors service : {error}</translation>
        </message>
    </context>
    <context>
        <name>ServiceKinds</name>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Audible catalog</source>
            <translation>Catalogue Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Download client</source>
            <translation>Client de téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Indexer</source>
            <translation>Indexeur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Library server</source>
            <translation>Serveur de bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
    </context>
    <context>
        <name>ServiceStatus</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Degraded</source>
            <translation>Dégradé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Down</source>
            <translation>Hors service</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Unknown</source>
            <translation>Inconnu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Up</source>
            <translation>Opérationnel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>{service}: {state}</source>
            <translation>{service} : {state}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Catalog &amp; requests</source>
            <translation>Catalogue et demandes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Desktop</source>
            <translation>Bureau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Download clients</source>
            <translation>Clients de téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Ebooks</source>
            <translation>Livres numériques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>General</source>
            <translation>Général</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Household key</source>
            <translation>Clé du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Indexers</source>
            <translation>Indexeurs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Local API</source>
            <translation>API locale</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Organize</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Ranking</source>
            <translation>Classement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Request limits</source>
            <translation>Limites de demandes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>Settings sections</source>
            <translation>Sections des paramètres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Setup assistant</source>
            <translation>Assistant de configuration</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>{section} could not be opened</source>
            <translation>Impossible d'ouvrir {section}</translation>
        </message>
    </context>
    <context>
        <name>Setup</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/setup.py" />
            <source>Audible ({region}) answered: %n suggestion(s) for a sample search.</source>
            <translation>
                <numerusform>Audible ({region}) a répondu : %n suggestion pour une recherche d'essai.</numerusform>
                <numerusform>Audible ({region}) a répondu : %n suggestions pour une recherche d'essai.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SetupAssistant</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Address</source>
            <translation>&amp;Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Browse…</source>
            <translation>Parc&amp;ourir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Client</source>
            <translation>&amp;Client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Find libraries</source>
            <translation>&amp;Rechercher les bibliothèques</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Library</source>
            <translation>&amp;Bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Marketplace</source>
            <translation>&amp;Boutique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Password</source>
            <translation>&amp;Mot de passe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Same folder here</source>
            <translation>Même dossier &amp;ici</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Test</source>
            <translation>T&amp;ester</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;User name</source>
            <translation>Nom d'&amp;utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>API &amp;key</source>
            <translation>C&amp;lé API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>API key</source>
            <translation>Clé API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Apprise &amp;URL</source>
            <translation>&amp;URL Apprise</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Asking the server…</source>
            <translation>Interrogation du serveur…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Audible marketplace</source>
            <translation>Boutique Audible</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation>
                <numerusform>Bibliothèque de livres audio trouvée : %n.</numerusform>
                <numerusform>Bibliothèques de livres audio trouvées : %n.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Books are discovered and identified in this marketplace (an ASIN belongs to one).</source>
            <translation>Les livres sont découverts et identifiés dans cette boutique (un ASIN appartient à une seule boutique).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Books are organized and tagged into this folder; a server can then show them.</source>
            <translation>Les livres sont rangés et tagués dans ce dossier ; un serveur peut ensuite les afficher.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Browse for: {folder}</source>
            <translation>Choisir : {folder}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Cate&amp;gory</source>
            <translation>Caté&amp;gorie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Choose a download client first.</source>
            <translation>Choisissez d'abord un client de téléchargement.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Choose at least one source of releases. Prowlarr searches all its indexers at once.</source>
            <translation>Choisissez au moins une source de releases. Prowlarr interroge tous ses indexeurs à la fois.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Client's &amp;download folder</source>
            <translation>&amp;Dossier de téléchargement du client</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Create one on the server, then try again.</source>
            <translation>Créez-en une sur le serveur, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Download client</source>
            <translation>Client de téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Download folder on this computer</source>
            <translation>Dossier de téléchargement sur cet ordinateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Enter an Apprise URL first, or leave it empty to skip.</source>
            <translation>Saisissez d'abord une URL Apprise, ou laissez le champ vide pour passer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Enter the indexer's address first.</source>
            <translation>Saisissez d'abord l'adresse de l'indexeur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Fill in both folders of the path mapping, or neither.</source>
            <translation>Remplissez les deux dossiers de la correspondance des chemins, ou aucun.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>In a few steps you choose where your audiobooks live, which Audible marketplace to browse, where to search for releases, which download client fetches them and how you want to be notified.

Each step has a Test button. Anything you leave empty can be set later in Settings, and this assistant can be opened again from Settings &gt; Setup.</source>
            <translation>En quelques étapes, vous choisissez où se trouvent vos livres audio, quelle boutique Audible parcourir, où chercher les releases, quel client de téléchargement les récupère et comment être notifié.

Chaque étape a un bouton Tester. Ce que vous laissez vide pourra être réglé plus tard dans les Paramètres, et cet assistant peut être rouvert depuis Paramètres &gt; Configuration.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Internet Archive / LibriVox: public-domain books, no account needed</source>
            <translation>Internet Archive / LibriVox : livres du domaine public, sans compte</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Just a folder (the app scans it)</source>
            <translation>Un simple dossier (l'application l'analyse)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Library &amp;folder</source>
            <translation>&amp;Dossier de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Library folder</source>
            <translation>Dossier de la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>None for now</source>
            <translation>Aucun pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Optional: also notify a phone or chat (Discord, Telegram, ntfy, Pushover, email …) with an Apprise URL. Desktop notifications are always on.</source>
            <translation>Facultatif : notifiez aussi un téléphone ou une messagerie (Discord, Telegram, ntfy, Pushover, e-mail…) avec une URL Apprise. Les notifications du bureau sont toujours actives.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Save and start</source>
            <translation>Enregistrer et démarrer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Send &amp;test</source>
            <translation>&amp;Envoyer un test</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Server</source>
            <translation>Serveur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Shown by</source>
            <translation>Affiché par</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>T&amp;oken</source>
            <translation>&amp;Jeton</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test</source>
            <translation>Tester</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test Internet Archive / LibriVox</source>
            <translation>Tester Internet Archive / LibriVox</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test {indexer}</source>
            <translation>Tester {indexer}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The client that downloads torrents or NZBs. Public-domain books download directly and need none.</source>
            <translation>Le client qui télécharge les torrents ou les NZB. Les livres du domaine public se téléchargent directement, sans client.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The client's folder and the same folder as this computer sees it.</source>
            <translation>Le dossier du client et ce même dossier tel que cet ordinateur le voit.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The server has no audiobook library.</source>
            <translation>Le serveur n'a aucune bibliothèque de livres audio.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Torznab / Newznab indexer</source>
            <translation>Indexeur Torznab / Newznab</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Welcome to ReadMeABook</source>
            <translation>Bienvenue dans ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Where to search</source>
            <translation>Où chercher</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Your library</source>
            <translation>Votre bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>as the client sees it, e.g. /downloads</source>
            <translation>tel que le client le voit, p. ex. /downloads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>e.g. /home/me/Audiobooks</source>
            <translation>p. ex. /home/moi/Livres audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>e.g. ntfys://my-topic or discord://webhook_id/webhook_token</source>
            <translation>p. ex. ntfys://my-topic ou discord://webhook_id/webhook_token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>the same folder on this computer, e.g. /mnt/nas/downloads</source>
            <translation>le même dossier sur cet ordinateur, p. ex. /mnt/nas/downloads</translation>
        </message>
    </context>
    <context>
        <name>SetupSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/setup_settings.py" />
            <source>&amp;Open the setup assistant…</source>
            <translation>&amp;Ouvrir l'assistant de configuration…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/setup_settings.py" />
            <source>The setup assistant walks through the library, the Audible marketplace, indexers, the download client and notifications, with a Test for each. What you already set up is kept unless you change it there.</source>
            <translation>L'assistant de configuration passe en revue la bibliothèque, la boutique Audible, les indexeurs, le client de téléchargement et les notifications, avec un test pour chacun. Ce que vous avez déjà configuré est conservé, sauf si vous le modifiez.</translation>
        </message>
    </context>
    <context>
        <name>ShelvesJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Shelf {shelf} did not sync: {error}</source>
            <translation>L'étagère {shelf} n'a pas été synchronisée : {error}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Shelf {shelf} synced: %n new book(s).</source>
            <translation>
                <numerusform>Étagère {shelf} synchronisée : %n nouveau livre.</numerusform>
                <numerusform>Étagère {shelf} synchronisée : %n nouveaux livres.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Sync reading shelves</source>
            <translation>Synchroniser les étagères de lecture</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Sync reading shelves into requests</source>
            <translation>Synchroniser les étagères de lecture en demandes</translation>
        </message>
    </context>
    <context>
        <name>ShelvesPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>A one-off import. 'to-read' takes the books you want; 'all' takes every book.</source>
            <translation>Un import ponctuel. « to-read » prend les livres que vous voulez lire ; « all » prend tous les livres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>A reading status (want-to-read, currently-reading, read) or a list's short name from its address.</source>
            <translation>Un statut de lecture (want-to-read, currently-reading, read) ou le nom court d'une liste, tiré de son adresse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add a Goodreads shelf, a Hardcover list or a CSV export: the books on it become requests.</source>
            <translation>Ajoutez une étagère Goodreads, une liste Hardcover ou un export CSV : ses livres deviennent des demandes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add a reading shelf</source>
            <translation>Ajouter une étagère de lecture</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add and sync</source>
            <translation>Ajouter et synchroniser</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add shelf…</source>
            <translation>Ajouter une étagère…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Adding the shelf and looking up its books on Audible…</source>
            <translation>Ajout de l'étagère et recherche de ses livres sur Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Audible has more than one possible audiobook for these, or one by another author. Nothing is requested until you choose.</source>
            <translation>Audible propose plusieurs livres audio possibles pour ceux-ci, ou un livre d'un autre auteur. Rien n'est demandé tant que vous n'avez pas choisi.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Books on your Goodreads and Hardcover shelves become requests when Audible has them for sure. Removing a shelf keeps its requests and books.</source>
            <translation>Les livres de vos étagères Goodreads et Hardcover deviennent des demandes quand Audible les propose à coup sûr. Supprimer une étagère conserve ses demandes et ses livres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>CSV files (*.csv)</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>CSV import</source>
            <translation>Import CSV</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose file…</source>
            <translation>Choisir un fichier…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose the export</source>
            <translation>Choisir l'export</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose the right book</source>
            <translation>Choisir le bon livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose {title}</source>
            <translation>Choisir {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Cover of {title}</source>
            <translation>Couverture de {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Goodreads or StoryGraph export (CSV)</source>
            <translation>Export Goodreads ou StoryGraph (CSV)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Goodreads shelf</source>
            <translation>Étagère Goodreads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Goodreads shelf (RSS link)</source>
            <translation>Étagère Goodreads (lien RSS)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Hardcover</source>
            <translation>Hardcover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Hardcover list or reading status</source>
            <translation>Liste ou statut de lecture Hardcover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Hardcover token</source>
            <translation>Jeton Hardcover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Loading shelves…</source>
            <translation>Chargement des étagères…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Narrated by {names}</source>
            <translation>Lu par {names}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>No books yet: sync to read the shelf.</source>
            <translation>Aucun livre pour l'instant : synchronisez pour lire l'étagère.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>No reading shelves yet</source>
            <translation>Aucune étagère de lecture pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>None of these</source>
            <translation>Aucun de ceux-ci</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Not synced yet.</source>
            <translation>Pas encore synchronisée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Nothing is waiting: every shelf book found its audiobook, or has none.</source>
            <translation>Rien en attente : chaque livre des étagères a trouvé son livre audio, ou n'en a pas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>On your shelf “{shelf}”: &lt;b&gt;{title}&lt;/b&gt; by {author}</source>
            <translation>Sur votre étagère « {shelf} » : &lt;b&gt;{title}&lt;/b&gt; de {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Open the shelf on Goodreads and copy the RSS link at the bottom of the page.</source>
            <translation>Ouvrez l'étagère sur Goodreads et copiez le lien RSS en bas de la page.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Pause</source>
            <translation>Mettre en pause</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Reading shelves</source>
            <translation>Étagères de lecture</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Remove shelf</source>
            <translation>Supprimer l'étagère</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Remove this shelf? Requests it made and books in your library stay.</source>
            <translation>Supprimer cette étagère ? Les demandes qu'elle a créées et les livres de votre bibliothèque sont conservés.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Removing…</source>
            <translation>Suppression…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Requesting your choice…</source>
            <translation>Demande de votre choix…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Resume</source>
            <translation>Reprendre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Shelf</source>
            <translation>Étagère</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Shelf in the export</source>
            <translation>Étagère dans l'export</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Sync all</source>
            <translation>Tout synchroniser</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Sync now</source>
            <translation>Synchroniser maintenant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Synced {when}</source>
            <translation>Dernière synchronisation : {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Syncing every shelf…</source>
            <translation>Synchronisation de toutes les étagères…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Syncing the shelf…</source>
            <translation>Synchronisation de l'étagère…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>The last sync failed: {error} Check the shelf's address or token, then sync again.</source>
            <translation>La dernière synchronisation a échoué : {error} Vérifiez l'adresse ou le jeton de l'étagère, puis synchronisez à nouveau.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>This one</source>
            <translation>Celui-ci</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>from hardcover.app/account/api; {place}</source>
            <translation>depuis hardcover.app/account/api ; {place}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>in library</source>
            <translation>dans la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>matched, not requested</source>
            <translation>trouvé, non demandé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>no audiobook</source>
            <translation>aucun livre audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>not looked up yet</source>
            <translation>pas encore recherché</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>paused</source>
            <translation>en pause</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>requested</source>
            <translation>demandé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>the exported .csv file</source>
            <translation>le fichier .csv exporté</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>unknown author</source>
            <translation>auteur inconnu</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>waiting for a choice</source>
            <translation>en attente d'un choix</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Close a book window</source>
            <translation>Fermer une fenêtre de livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Command</source>
            <translation>Commande</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Enter</source>
            <translation>Entrée</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Esc, Ctrl+W</source>
            <translation>Échap, Ctrl+W</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Everything in the app can be reached from the keyboard.</source>
            <translation>Tout dans l'application est accessible au clavier.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keyboard Shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Library › {action}</source>
            <translation>Bibliothèque › {action}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Menu key, Shift+F10</source>
            <translation>Touche Menu, Maj+F10</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Move between controls</source>
            <translation>Passer d'un contrôle à l'autre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Open the selected book (Search, Discover, author and series lists)</source>
            <translation>Ouvrir le livre sélectionné (Recherche, Découvrir, listes d'auteurs et de séries)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Show a book's actions</source>
            <translation>Afficher les actions d'un livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Tab, Shift+Tab</source>
            <translation>Tab, Maj+Tab</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Ask an administrator to approve it on the Users page, then sign in again.</source>
            <translation>Demandez à un administrateur de l'approuver dans la page Utilisateurs, puis reconnectez-vous.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Ask an administrator.</source>
            <translation>Adressez-vous à un administrateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Check both and try again; passwords are case-sensitive.</source>
            <translation>Vérifiez les deux et réessayez ; le mot de passe respecte la casse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Check the code, or ask an administrator for a new one.</source>
            <translation>Vérifiez le code ou demandez-en un nouveau à un administrateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Only an administrator can invite people.</source>
            <translation>Seul un administrateur peut inviter des personnes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>This account is turned off.</source>
            <translation>Ce compte est désactivé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>This invite code is not valid (wrong, used or expired).</source>
            <translation>Ce code d'invitation n'est pas valide (erroné, déjà utilisé ou expiré).</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/household/sign_in_limits.py" />
            <source>Too many wrong passwords for '{name}'. Try again in %n minute(s).</source>
            <translation>
                <numerusform>Trop de mots de passe erronés pour « {name} ». Réessayez dans %n minute.</numerusform>
                <numerusform>Trop de mots de passe erronés pour « {name} ». Réessayez dans %n minutes.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/sign_in_limits.py" />
            <source>Wait, or ask an administrator to set a new password.</source>
            <translation>Patientez ou demandez à un administrateur de définir un nouveau mot de passe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Wrong user name or password.</source>
            <translation>Nom d'utilisateur ou mot de passe incorrect.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Your account is waiting for an administrator's approval.</source>
            <translation>Votre compte attend l'approbation d'un administrateur.</translation>
        </message>
    </context>
    <context>
        <name>SignInWindow</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Ask for an account</source>
            <translation>&amp;Demander un compte</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Back</source>
            <translation>&amp;Retour</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Continue</source>
            <translation>&amp;Continuer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Create account</source>
            <translation>&amp;Créer le compte</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Create an account</source>
            <translation>&amp;Créer un compte</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Display name</source>
            <translation>Nom &amp;affiché</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Password</source>
            <translation>Mot de &amp;passe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Remember me on this computer</source>
            <translation>Se souvenir de moi sur cet o&amp;rdinateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Repeat password</source>
            <translation>&amp;Répéter le mot de passe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Sign in</source>
            <translation>Se &amp;connecter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;User name</source>
            <translation>Nom d'&amp;utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Approve the sign-in in your browser; this window waits for Plex.</source>
            <translation>Validez la connexion dans votre navigateur ; cette fenêtre attend Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Ask for an account</source>
            <translation>Demander un compte</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Choose a user name.</source>
            <translation>Choisissez un nom d'utilisateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Create your account with an invite code</source>
            <translation>Créer votre compte avec un code d'invitation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Creating your account…</source>
            <translation>Création de votre compte…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Enter the invite code an administrator gave you.</source>
            <translation>Saisissez le code d'invitation qu'un administrateur vous a donné.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Enter your user name and password.</source>
            <translation>Saisissez votre nom d'utilisateur et votre mot de passe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>I have an &amp;invite code</source>
            <translation>J'ai un code d'&amp;invitation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Invite &amp;code</source>
            <translation>&amp;Code d'invitation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Opening plex.tv…</source>
            <translation>Ouverture de plex.tv…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>P&amp;rofile</source>
            <translation>P&amp;rofil</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Passwords need at least {count} characters.</source>
            <translation>Les mots de passe doivent comporter au moins {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Profile P&amp;IN</source>
            <translation>P&amp;IN du profil</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign in to {app}</source>
            <translation>Se connecter à {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign in with &amp;Plex…</source>
            <translation>Se connecter avec &amp;Plex…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign in with Plex</source>
            <translation>Se connecter avec Plex</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign-in message</source>
            <translation>Message de connexion</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Signed in to Plex as {name}. Who is using the app?</source>
            <translation>Connecté à Plex en tant que {name}. Qui utilise l'application ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Signing in…</source>
            <translation>Connexion…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>The two passwords differ.</source>
            <translation>Les deux mots de passe diffèrent.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Who is using {app}?</source>
            <translation>Qui utilise {app} ?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Your account waits for an administrator's approval. Sign in once they approved it.</source>
            <translation>Votre compte attend l'approbation d'un administrateur. Connectez-vous une fois qu'il l'a approuvé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>at least {count} characters</source>
            <translation>au moins {count} caractères</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>e.g. {code}</source>
            <translation>p. ex. {code}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>optional</source>
            <translation>facultatif</translation>
        </message>
    </context>
    <context>
        <name>StartupError</name>
        <message>
            <location filename="../../rmab_desktop/__main__.py" />
            <source>The app could not start ({detail}).</source>
            <translation>L'application n'a pas pu démarrer ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/__main__.py" />
            <source>The log file has the details; please include it when you report the problem.</source>
            <translation>Le fichier journal contient les détails ; joignez-le quand vous signalez le problème.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/__main__.py" />
            <source>{app} cannot start</source>
            <translation>{app} ne peut pas démarrer</translation>
        </message>
    </context>
    <context>
        <name>StateStack</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>Could not load</source>
            <translation>Chargement impossible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>This takes a moment.</source>
            <translation>Cela prend un instant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>Try again</source>
            <translation>Réessayer</translation>
        </message>
    </context>
    <context>
        <name>StatusPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Add the Audible marketplace, an indexer, a download client or a library server in Settings (or the setup wizard); each one then gets a card here.</source>
            <translation>Ajoutez la boutique Audible, un indexeur, un client de téléchargement ou un serveur de bibliothèque dans les Paramètres (ou l'assistant de configuration) ; chacun aura alors sa carte ici.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Check every configured service now</source>
            <translation>Vérifier maintenant tous les services configurés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Check now</source>
            <translation>Vérifier maintenant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Checked every 10 minutes. A service that goes down is reported once, and again when it is back.</source>
            <translation>Vérifié toutes les 10 minutes. Un service qui tombe est signalé une fois, puis de nouveau quand il est rétabli.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Checking…</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>No services to check yet</source>
            <translation>Aucun service à vérifier pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Service status</source>
            <translation>État des services</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Services</source>
            <translation>Services</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>{down} of %n down</source>
            <translation>
                <numerusform>{down} sur %n hors service</numerusform>
                <numerusform>{down} sur %n hors service</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TaskErrors</name>
        <message>
            <location filename="../../rmab_desktop/workers/runner.py" />
            <source>This is a bug. The details are in the log file.</source>
            <translation>C'est un bug. Les détails figurent dans le fichier journal.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/runner.py" />
            <source>Unexpected error: {error}</source>
            <translation>Erreur inattendue : {error}</translation>
        </message>
    </context>
    <context>
        <name>TestButton</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_button.py" />
            <source>Test</source>
            <translation>Tester</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_button.py" />
            <source>Testing…</source>
            <translation>Test en cours…</translation>
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
                <numerusform>%n tâche en cours</numerusform>
                <numerusform>%n tâches en cours</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Hide window</source>
            <translation>Masquer la fenêtre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>No active jobs</source>
            <translation>Aucune tâche active</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Pause automation</source>
            <translation>Mettre l'automatisation en pause</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Quit</source>
            <translation>Quitter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Show window</source>
            <translation>Afficher la fenêtre</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>{app} — %n running</source>
            <translation>
                <numerusform>{app} — %n en cours</numerusform>
                <numerusform>{app} — %n en cours</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>{app} — paused</source>
            <translation>{app} — en pause</translation>
        </message>
    </context>
    <context>
        <name>UpcomingPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n livre</numerusform>
                <numerusform>%n livres</numerusform>
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
            <translation>&amp;Mois</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>&amp;Refresh</source>
            <translation>A&amp;ctualiser</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>&amp;Try again</source>
            <translation>&amp;Réessayer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Books released on the chosen day</source>
            <translation>Livres parus le jour choisi</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Loading upcoming releases…</source>
            <translation>Chargement des prochaines parutions…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>No requested book comes out on this day.</source>
            <translation>Aucun livre demandé ne paraît ce jour-là.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Nothing upcoming</source>
            <translation>Rien à paraître</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Release calendar</source>
            <translation>Calendrier des parutions</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Release day and book</source>
            <translation>Jour de parution et livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Request</source>
            <translation>Demande</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Request a book before its release day (a pre-order on Audible) and it appears here.</source>
            <translation>Demandez un livre avant sa date de parution (une précommande sur Audible) et il apparaîtra ici.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Requested books that are not out yet, by release day (your calendar's dates). Each is searched for on its release day.</source>
            <translation>Livres demandés pas encore parus, par date de parution (dates de votre calendrier). Chacun est recherché le jour de sa parution.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Series</source>
            <translation>Série</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Try again in a moment.</source>
            <translation>Réessayez dans un instant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Upcoming releases</source>
            <translation>Prochaines parutions</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Upcoming releases by day</source>
            <translation>Prochaines parutions par jour</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Upcoming releases could not be loaded</source>
            <translation>Les prochaines parutions n'ont pas pu être chargées</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{date}: {count}</source>
            <translation>{date} : {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{series}, book {position}</source>
            <translation>{series}, tome {position}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{status} (watching {name})</source>
            <translation>{status} (suivi : {name})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{title} (ebook)</source>
            <translation>{title} (livre numérique)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{title} by {authors}</source>
            <translation>{title} de {authors}</translation>
        </message>
    </context>
    <context>
        <name>UpkeepJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>%n book(s) added or changed</source>
            <translation>
                <numerusform>%n livre ajouté ou modifié</numerusform>
                <numerusform>%n livres ajoutés ou modifiés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>%n request(s) now available</source>
            <translation>
                <numerusform>%n demande désormais disponible</numerusform>
                <numerusform>%n demandes désormais disponibles</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Check recently added books</source>
            <translation>Vérifier les livres ajoutés récemment</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retry failed imports</source>
            <translation>Relancer les imports échoués</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retrying the import</source>
            <translation>Nouvel essai de l'import</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retrying the import of %n request(s)</source>
            <translation>
                <numerusform>Nouvel essai de l'import de %n demande</numerusform>
                <numerusform>Nouvel essai de l'import de %n demandes</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>{books}; {requests}</source>
            <translation>{books} ; {requests}</translation>
        </message>
    </context>
    <context>
        <name>UrlImport</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/url_audio/service.py" />
            <source>'{title}' is now in the library at {path} (%n chapter(s))</source>
            <translation>
                <numerusform>« {title} » est maintenant dans la bibliothèque, dans {path} (%n chapitre)</numerusform>
                <numerusform>« {title} » est maintenant dans la bibliothèque, dans {path} (%n chapitres)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/url_audio/source.py" />
            <source>Check the link in a browser; the site may need an account, or yt-dlp may not know it.</source>
            <translation>Vérifiez le lien dans un navigateur ; le site exige peut-être un compte, ou yt-dlp ne le connaît pas.</translation>
        </message>
    </context>
    <context>
        <name>UserDialogs</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Copy</source>
            <translation>&amp;Copier</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Display name</source>
            <translation>Nom &amp;affiché</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Give them to</source>
            <translation>&amp;Les donner à</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Keep them as {name}'s history</source>
            <translation>&amp;Les garder comme historique de {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Password</source>
            <translation>Mot de &amp;passe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Repeat password</source>
            <translation>&amp;Répéter le mot de passe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;User name</source>
            <translation>Nom d'&amp;utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Add</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Add a user</source>
            <translation>Ajouter un utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Administrator</source>
            <translation>Administrateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Administrators may do everything; these apply if they become users.</source>
            <translation>Les administrateurs peuvent tout faire ; ces réglages s'appliquent s'ils redeviennent utilisateurs.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Give this code to the new person. In the sign-in window they choose "I have an invite code" and create their account. It works once, for 7 days, and is not shown again.</source>
            <translation>Donnez ce code à la nouvelle personne. Dans la fenêtre de connexion, elle choisit « J'ai un code d'invitation » et crée son compte. Il fonctionne une fois, pendant 7 jours, et ne sera plus affiché.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Household default ({state})</source>
            <translation>Réglage du foyer ({state})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>I understand that {name} loses access</source>
            <translation>Je comprends que {name} perd l'accès</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Invite code</source>
            <translation>Code d'invitation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>May download books to this computer</source>
            <translation>Peut télécharger des livres sur cet ordinateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>May search indexers and pick a release</source>
            <translation>Peut interroger les indexeurs et choisir une release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>New owner of the requests</source>
            <translation>Nouveau propriétaire des demandes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>New password for {name}</source>
            <translation>Nouveau mot de passe pour {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Off</source>
            <translation>Désactivé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>On</source>
            <translation>Activé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Passwords need at least {count} characters.</source>
            <translation>Les mots de passe doivent comporter au moins {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Permissions of {name}</source>
            <translation>Autorisations de {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>R&amp;ole</source>
            <translation>R&amp;ôle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Remove {name}</source>
            <translation>Supprimer {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Requests are approved automatically</source>
            <translation>Les demandes sont approuvées automatiquement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>The two passwords differ.</source>
            <translation>Les deux mots de passe diffèrent.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>User names need at least {count} characters.</source>
            <translation>Les noms d'utilisateur doivent comporter au moins {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>at least {count} characters</source>
            <translation>au moins {count} caractères</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>how the app greets them (optional)</source>
            <translation>comment l'application l'appelle (facultatif)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>off</source>
            <translation>désactivé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>on</source>
            <translation>activé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>{name} can no longer sign in. Their requests stay; choose who owns them now.</source>
            <translation>{name} ne pourra plus se connecter. Ses demandes restent ; choisissez à qui elles appartiennent désormais.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>{name} signs in with it from now on; remembered sign-ins end and a lock is lifted.</source>
            <translation>{name} se connecte désormais avec celui-ci ; les connexions mémorisées prennent fin et un blocage est levé.</translation>
        </message>
    </context>
    <context>
        <name>Users</name>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Ask another administrator to remove your account.</source>
            <translation>Demandez à un autre administrateur de supprimer votre compte.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Choose a longer password.</source>
            <translation>Choisissez un mot de passe plus long.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Choose a longer user name.</source>
            <translation>Choisissez un nom d'utilisateur plus long.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Choose another user name.</source>
            <translation>Choisissez un autre nom d'utilisateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Choose someone else, or keep them as history.</source>
            <translation>Choisissez quelqu'un d'autre ou conservez-les comme historique.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Give the administrator a password first (rmab users password {name}).</source>
            <translation>Donnez d'abord un mot de passe à l'administrateur (rmab users password {name}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>List the users with: rmab users list</source>
            <translation>Lister les utilisateurs : rmab users list</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Make someone else an administrator instead.</source>
            <translation>Nommez plutôt quelqu'un d'autre administrateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can add users.</source>
            <translation>Seul un administrateur peut ajouter des utilisateurs.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can approve sign-ups.</source>
            <translation>Seul un administrateur peut valider les inscriptions.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change another person's password.</source>
            <translation>Seul un administrateur peut modifier le mot de passe d'une autre personne.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change permissions.</source>
            <translation>Seul un administrateur peut modifier les autorisations.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change roles.</source>
            <translation>Seul un administrateur peut modifier les rôles.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change the household defaults.</source>
            <translation>Seul un administrateur peut modifier les réglages par défaut du foyer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can remove users.</source>
            <translation>Seul un administrateur peut supprimer des utilisateurs.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Passwords need at least {count} characters.</source>
            <translation>Les mots de passe doivent comporter au moins {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Remove another user, or keep this one.</source>
            <translation>Supprimez un autre utilisateur ou gardez celui-ci.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Requests can only go to another user who is not removed.</source>
            <translation>Les demandes ne peuvent aller qu'à un autre utilisateur non supprimé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>The administrator '{name}' has no password yet: with a second user, everyone signs in.</source>
            <translation>L'administrateur « {name} » n'a pas encore de mot de passe : avec un deuxième utilisateur, chacun se connecte.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>The first administrator cannot be removed.</source>
            <translation>Le premier administrateur ne peut pas être supprimé.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>The first administrator cannot lose the admin role.</source>
            <translation>Le premier administrateur ne peut pas perdre le rôle d'administrateur.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>There is already a user called '{name}'.</source>
            <translation>Un utilisateur s'appelle déjà « {name} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>There is no user called '{name}'.</source>
            <translation>Aucun utilisateur ne s'appelle « {name} ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>User names need at least {count} characters.</source>
            <translation>Les noms d'utilisateur doivent comporter au moins {count} caractères.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>User {id} does not exist.</source>
            <translation>L'utilisateur {id} n'existe pas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>You cannot remove yourself.</source>
            <translation>Vous ne pouvez pas vous supprimer vous-même.</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>%n sign-up(s) waiting for approval.</source>
            <translation>
                <numerusform>%n inscription en attente d'approbation.</numerusform>
                <numerusform>%n inscriptions en attente d'approbation.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>%n user(s)</source>
            <translation>
                <numerusform>%n utilisateur</numerusform>
                <numerusform>%n utilisateurs</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>&amp;Add…</source>
            <translation>&amp;Ajouter…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>&amp;Invite…</source>
            <translation>&amp;Inviter…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>&amp;Remove…</source>
            <translation>&amp;Supprimer…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>A new password for the selected person, e.g. after a lockout</source>
            <translation>Un nouveau mot de passe pour la personne sélectionnée, p. ex. après un blocage</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>A one-time code a new person enters in the sign-in window</source>
            <translation>Un code à usage unique que la nouvelle personne saisit dans la fenêtre de connexion</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>A&amp;pprove</source>
            <translation>A&amp;pprouver</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Administrator</source>
            <translation>Administrateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Auto-approve</source>
            <translation>Approbation automatique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Download</source>
            <translation>Téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Everyone who uses this household's desktops. Administrators approve requests and manage users; a permission is the household default unless set for a person.</source>
            <translation>Toutes les personnes qui utilisent les ordinateurs de ce foyer. Les administrateurs approuvent les demandes et gèrent les utilisateurs ; une autorisation suit le réglage du foyer sauf si elle est définie pour une personne.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Household defaults</source>
            <translation>Réglages par défaut du foyer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Interactive search</source>
            <translation>Recherche interactive</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Invite created.</source>
            <translation>Invitation créée.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Let the selected person who signed up start</source>
            <translation>Permettre à la personne inscrite sélectionnée de commencer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Loading users…</source>
            <translation>Chargement des utilisateurs…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Make &amp;administrator</source>
            <translation>Nommer &amp;administrateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Make &amp;user</source>
            <translation>Nommer &amp;utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Only administrators can change users; you can look.</source>
            <translation>Seuls les administrateurs peuvent modifier les utilisateurs ; vous pouvez consulter.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>P&amp;ermissions…</source>
            <translation>Autoris&amp;ations…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Re&amp;fresh</source>
            <translation>Actuali&amp;ser</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Set pass&amp;word…</source>
            <translation>Définir le mot de &amp;passe…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Signs in with</source>
            <translation>Se connecte avec</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>The users could not be read</source>
            <translation>Impossible de lire les utilisateurs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>This takes a moment.</source>
            <translation>Cela prend un instant.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Try again</source>
            <translation>Réessayer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Users</source>
            <translation>Utilisateurs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Users status</source>
            <translation>État des utilisateurs</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Waiting for approval</source>
            <translation>En attente d'approbation</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>You are the only user. Add or invite someone to share this library as a household.</source>
            <translation>Vous êtes le seul utilisateur. Ajoutez ou invitez quelqu'un pour partager cette bibliothèque en foyer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>no way to sign in yet</source>
            <translation>aucun moyen de connexion pour l'instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>off</source>
            <translation>désactivé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>on</source>
            <translation>activé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>password</source>
            <translation>mot de passe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>{role} (first)</source>
            <translation>{role} (premier)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>{state} (default)</source>
            <translation>{state} (par défaut)</translation>
        </message>
    </context>
    <context>
        <name>Watching</name>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>Audible lists “{title}” in no series.</source>
            <translation>Audible ne classe « {title} » dans aucune série.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Audiobook</source>
            <translation>Livre audio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Audiobook and ebook</source>
            <translation>Livre audio et livre numérique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Downloading</source>
            <translation>Téléchargement</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Ebook</source>
            <translation>Livre numérique</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Ignored</source>
            <translation>Ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>In library</source>
            <translation>Dans la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Missing</source>
            <translation>Manquant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>New from {name}: {title}</source>
            <translation>Nouveau de {name} : {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>New releases</source>
            <translation>Nouveautés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Next book only</source>
            <translation>Seulement le tome suivant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Not yet released</source>
            <translation>Pas encore paru</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Requested</source>
            <translation>Demandé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>Requested because you watch {name}.</source>
            <translation>Demandé parce que vous suivez {name}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>Requested because you watch {name}; it comes out on {date}.</source>
            <translation>Demandé parce que vous suivez {name} ; parution le {date}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Whole back catalogue</source>
            <translation>Tout le catalogue</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>You already watch “{name}”.</source>
            <translation>Vous suivez déjà « {name} ».</translation>
        </message>
    </context>
    <context>
        <name>WatchingJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>Check watched authors and series</source>
            <translation>Vérifier les auteurs et séries suivis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>Request new books of watched authors and series</source>
            <translation>Demander les nouveaux livres des auteurs et séries suivis</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: %n new book(s) requested: {titles}</source>
            <translation>
                <numerusform>{watch} : %n nouveau livre demandé : {titles}</numerusform>
                <numerusform>{watch} : %n nouveaux livres demandés : {titles}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: not checked: {error}</source>
            <translation>{watch} : non vérifié : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: nothing new</source>
            <translation>{watch} : rien de nouveau</translation>
        </message>
    </context>
    <context>
        <name>WatchingPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n book(s) requested by this watch so far</source>
            <translation>
                <numerusform>%n livre demandé par ce suivi jusqu'ici</numerusform>
                <numerusform>%n livres demandés par ce suivi jusqu'ici</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n livre demandé.</numerusform>
                <numerusform>%n livres demandés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n new book(s) requested.</source>
            <translation>
                <numerusform>%n nouveau livre demandé.</numerusform>
                <numerusform>%n nouveaux livres demandés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>(paused)</source>
            <translation>(en pause)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>ASIN</source>
            <translation>ASIN</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Applies to</source>
            <translation>S'applique à</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Authors and series you watch: their new books are requested for you once a day. Open an author or a series from a book to watch it.</source>
            <translation>Les auteurs et séries que vous suivez : leurs nouveaux livres sont demandés pour vous une fois par jour. Ouvrez l'auteur ou la série d'un livre pour le suivre.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Books on it are never requested by watches, shelves or “Request everything missing”.</source>
            <translation>Les livres ignorés ne sont jamais demandés par les suivis, les étagères ou « Demander tout ce qui manque ».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Check all now</source>
            <translation>Tout vérifier maintenant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Check now</source>
            <translation>Vérifier maintenant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Check the connection in Service status, then try again.</source>
            <translation>Vérifiez la connexion dans État des services, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Checking every watch…</source>
            <translation>Vérification de tous les suivis…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Checking {name}…</source>
            <translation>Vérification de {name}…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Could not load this</source>
            <translation>Chargement impossible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Edit watch: {name}</source>
            <translation>Modifier le suivi : {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Every edition</source>
            <translation>Toutes les éditions</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Every series you own part of is complete, as far as Audible lists it.</source>
            <translation>Chaque série dont vous possédez une partie est complète, d'après Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Ignore list</source>
            <translation>Livres ignorés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Last check</source>
            <translation>Dernière vérification</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Last check failed: {error}</source>
            <translation>La dernière vérification a échoué : {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Loading your ignore list…</source>
            <translation>Chargement des livres ignorés…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Loading your watches…</source>
            <translation>Chargement de vos suivis…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Look again</source>
            <translation>Chercher à nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Looking up your series on Audible…</source>
            <translation>Recherche de vos séries sur Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Missing in your series</source>
            <translation>Manquants dans vos séries</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>No gaps in your series</source>
            <translation>Aucun manque dans vos séries</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Not checked yet</source>
            <translation>Pas encore vérifié</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Nothing new</source>
            <translation>Rien de nouveau</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Number</source>
            <translation>Tome</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Open a book, then its author or series, and choose “Watch”. New books are requested for you.</source>
            <translation>Ouvrez un livre, puis son auteur ou sa série, et choisissez « Suivre ». Les nouveaux livres sont demandés pour vous.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Pause</source>
            <translation>Mettre en pause</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Release</source>
            <translation>Parution</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Remove from the list</source>
            <translation>Retirer de la liste</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Removing…</source>
            <translation>Suppression…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request %n missing book(s)? Books not out yet wait for their release day.</source>
            <translation>
                <numerusform>Demander %n livre manquant ? Les livres pas encore parus attendent leur date de parution.</numerusform>
                <numerusform>Demander %n livres manquants ? Les livres pas encore parus attendent leur date de parution.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request every missing book</source>
            <translation>Demander tous les livres manquants</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request missing books</source>
            <translation>Demander les livres manquants</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request missing in this series</source>
            <translation>Demander les manquants de cette série</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Requested: {titles}</source>
            <translation>Demandé : {titles}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Requesting…</source>
            <translation>Demande en cours…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Resume</source>
            <translation>Reprendre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Series</source>
            <translation>Série</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Series and book</source>
            <translation>Série et livre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Stop watching</source>
            <translation>Ne plus suivre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Stop watching {name}? The requests it made stay.</source>
            <translation>Ne plus suivre {name} ? Les demandes déjà faites restent.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>This edition</source>
            <translation>Cette édition</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Watches</source>
            <translation>Suivis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Watching</source>
            <translation>Suivis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>What it found</source>
            <translation>Trouvé</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>You watch nothing yet</source>
            <translation>Vous ne suivez encore rien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Your ignore list is empty</source>
            <translation>Aucun livre ignoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>{series}: you have {owned}, {missing} missing</source>
            <translation>{series} : {owned} possédés, {missing} manquants</translation>
        </message>
    </context>
</TS>
