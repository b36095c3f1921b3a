<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>&amp;Licence text…</source>
            <translation>&amp;Texto de la licencia…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>&lt;b&gt;Bundled components&lt;/b&gt;</source>
            <translation>&lt;b&gt;Componentes incluidos&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>About {app}</source>
            <translation>Acerca de {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Bundled components</source>
            <translation>Componentes incluidos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Component</source>
            <translation>Componente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Free software under the &lt;b&gt;GNU General Public License v3.0 or later&lt;/b&gt; (GPL-3.0-or-later). You may share and change it under its terms; it comes with NO WARRANTY. &lt;a href='{homepage}'&gt;Source code and issues&lt;/a&gt;</source>
            <translation>Software libre bajo la &lt;b&gt;Licencia Pública General de GNU v3.0 o posterior&lt;/b&gt; (GPL-3.0-or-later). Puede compartirlo y modificarlo según sus términos; se ofrece SIN NINGUNA GARANTÍA. &lt;a href='{homepage}'&gt;Código fuente e incidencias&lt;/a&gt;</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>GNU General Public License v3.0</source>
            <translation>Licencia Pública General de GNU v3.0</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Licence</source>
            <translation>Licencia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Licence text</source>
            <translation>Texto de la licencia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Qt and PySide6 are used under the LGPL-3.0 and ship as separate, replaceable libraries (&lt;a href='{source}'&gt;source&lt;/a&gt;). mutagen (GPL-2.0-or-later) is why the whole app is GPL. Each component's licence text is in its package metadata.</source>
            <translation>Qt y PySide6 se usan bajo la LGPL-3.0 y se distribuyen como bibliotecas separadas y reemplazables (&lt;a href='{source}'&gt;código fuente&lt;/a&gt;). Por mutagen (GPL-2.0-or-later) toda la aplicación es GPL. El texto de la licencia de cada componente está en los metadatos de su paquete.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Request an audiobook and find it tagged and organized in your library.</source>
            <translation>Solicite un audiolibro y encuéntrelo etiquetado y organizado en su biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Version</source>
            <translation>Versión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/about_dialog.py" />
            <source>Version {version}</source>
            <translation>Versión {version}</translation>
        </message>
    </context>
    <context>
        <name>ActivityPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Activity</source>
            <translation>Actividad</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Cancelling %n job(s).</source>
            <translation>
                <numerusform>Cancelando %n tarea.</numerusform>
                <numerusform>Cancelando %n tareas.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Disable</source>
            <translation>Desactivar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Edit schedule…</source>
            <translation>Editar programación…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Enable</source>
            <translation>Activar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Everything the app does in the background: running and waiting jobs, schedules, and the log.</source>
            <translation>Todo lo que la aplicación hace en segundo plano: tareas en curso y en espera, programaciones y el registro.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Export log</source>
            <translation>Exportar registro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Export…</source>
            <translation>Exportar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter jobs</source>
            <translation>Filtrar tareas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter jobs, or req-12…</source>
            <translation>Filtrar tareas, o req-12…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter log messages</source>
            <translation>Filtrar mensajes del registro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Filter messages, or req-12 / job-345…</source>
            <translation>Filtrar mensajes, o req-12 / job-345…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Jobs</source>
            <translation>Tareas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Jobs that run on their own. Times are in your local time zone.</source>
            <translation>Tareas que se ejecutan solas. Las horas están en su zona horaria local.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Level</source>
            <translation>Nivel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Log</source>
            <translation>Registro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Log files (*.log *.txt)</source>
            <translation>Archivos de registro (*.log *.txt)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Lowest level shown</source>
            <translation>Nivel mínimo mostrado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>No jobs match this filter. Try another tab or clear the search.</source>
            <translation>Ninguna tarea coincide con este filtro. Pruebe otra pestaña o borre la búsqueda.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>No jobs yet</source>
            <translation>Aún no hay tareas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Nothing matches</source>
            <translation>Sin coincidencias</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Queued %n job(s) to run again.</source>
            <translation>
                <numerusform>%n tarea en cola para ejecutarse de nuevo.</numerusform>
                <numerusform>%n tareas en cola para ejecutarse de nuevo.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Retry</source>
            <translation>Reintentar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Run now</source>
            <translation>Ejecutar ahora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Run the selected failed or cancelled jobs again now</source>
            <translation>Volver a ejecutar ahora las tareas fallidas o canceladas seleccionadas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Save the log lines shown (with the current filter) to a text file</source>
            <translation>Guardar las líneas del registro mostradas (con el filtro actual) en un archivo de texto</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Saved %n log line(s) to {path}.</source>
            <translation>
                <numerusform>%n línea del registro guardada en {path}.</numerusform>
                <numerusform>%n líneas del registro guardadas en {path}.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Schedules</source>
            <translation>Programaciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Searches, downloads and imports show up here while they run. Scheduled maintenance starts on its own; see the Schedules tab.</source>
            <translation>Las búsquedas, descargas e importaciones aparecen aquí mientras se ejecutan. El mantenimiento programado se inicia solo; vea la pestaña Programaciones.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Show jobs</source>
            <translation>Mostrar tareas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Stop the selected running or queued jobs</source>
            <translation>Detener las tareas seleccionadas en curso o en cola</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Stopping %n job(s)…</source>
            <translation>
                <numerusform>Deteniendo %n tarea…</numerusform>
                <numerusform>Deteniendo %n tareas…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>Type a reference from a notification or a report (req-12, job-345) to see only its lines</source>
            <translation>Escriba una referencia de una notificación o de un informe (req-12, job-345) para ver solo sus líneas</translation>
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
            <translation>“{name}” está desactivada.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” is enabled.</source>
            <translation>“{name}” está activada.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” now runs on “{cron}”.</source>
            <translation>“{name}” se ejecuta ahora según “{cron}”.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/activity_page.py" />
            <source>“{name}” queued as job #{id}.</source>
            <translation>“{name}” en cola como tarea n.º {id}.</translation>
        </message>
    </context>
    <context>
        <name>AddUrlDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>%n chapter</source>
            <translation>
                <numerusform>%n capítulo</numerusform>
                <numerusform>%n capítulos</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Add from URL</source>
            <translation>Agregar desde URL</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Downloading…</source>
            <translation>Descargando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Import</source>
            <translation>Importar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Imported into {folder}</source>
            <translation>Importado en {folder}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Link</source>
            <translation>Enlace</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Look up</source>
            <translation>Consultar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Looking at the page…</source>
            <translation>Examinando la página…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Paste a link first.</source>
            <translation>Pegue primero un enlace.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Paste a link to a page with audio: a video, a podcast episode, LibriVox, the Internet Archive.</source>
            <translation>Pegue un enlace a una página con audio: un video, un episodio de pódcast, LibriVox, el Internet Archive.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Stop</source>
            <translation>Detener</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Stopping…</source>
            <translation>Deteniendo…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/add_url_dialog.py" />
            <source>goes to {folder}</source>
            <translation>va a {folder}</translation>
        </message>
    </context>
    <context>
        <name>AddressField</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/address_field.py" />
            <source>Not typed: {problem}</source>
            <translation>No se aceptó: {problem}</translation>
        </message>
    </context>
    <context>
        <name>Addresses</name>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>'{host}' is not a host name or IP address.</source>
            <translation>“{host}” no es un nombre de host ni una dirección IP.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>A daemon address has no scheme: only host:port.</source>
            <translation>La dirección de un daemon no lleva esquema: solo host:puerto.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>A daemon address looks like 127.0.0.1:58846.</source>
            <translation>Una dirección de daemon tiene la forma 127.0.0.1:58846.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>An Apprise address looks like discord://webhook_id/webhook_token or mailto://user@example.com.</source>
            <translation>Una dirección de Apprise tiene la forma discord://webhook_id/webhook_token o mailto://user@example.com.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>An address cannot contain spaces.</source>
            <translation>Una dirección no puede contener espacios.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>An address looks like http://192.168.1.10:8080 or https://plex.example.com.</source>
            <translation>Una dirección tiene la forma http://192.168.1.10:8080 o https://plex.example.com.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Complete the address after {scheme}://.</source>
            <translation>Complete la dirección después de {scheme}://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Complete the address.</source>
            <translation>Complete la dirección.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Did you mean http://{address}?</source>
            <translation>¿Quiso decir http://{address}?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Enter an address.</source>
            <translation>Introduzca una dirección.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Enter the host name or IP address.</source>
            <translation>Introduzca el nombre de host o la dirección IP.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Enter the port number.</source>
            <translation>Introduzca el número de puerto.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>Put a port number after the colon, e.g. http://plex.local:32400.</source>
            <translation>Ponga un número de puerto después de los dos puntos, p. ej., http://plex.local:32400.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address contains control characters.</source>
            <translation>La dirección contiene caracteres de control.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address has no scheme (such as discord://).</source>
            <translation>La dirección no tiene esquema (como discord://).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address has no scheme; start it with http:// or https://.</source>
            <translation>La dirección no tiene esquema; empiécela con http:// o https://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address must start with a scheme and two slashes, such as http://.</source>
            <translation>La dirección debe empezar con un esquema y dos barras, como http://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The address starts with '{scheme}://'; it must start with http:// or https://.</source>
            <translation>La dirección empieza por “{scheme}://”; debe empezar por http:// o https://.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>The port '{port}' is not a number from 1 to 65535.</source>
            <translation>El puerto “{port}” no es un número entre 1 y 65535.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>{what} '{address}' is not a usable address: {problem}</source>
            <translation>{what} (“{address}”) no es una dirección válida: {problem}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/addresses.py" />
            <source>{what} is not a usable address: {problem}</source>
            <translation>{what} no es una dirección válida: {problem}</translation>
        </message>
    </context>
    <context>
        <name>ApiPages</name>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Drag this button to your bookmarks bar. On an Audible book page, click the bookmark: ReadMeABook Desktop requests that book for you.</source>
            <translation>Arrastre este botón a la barra de marcadores. En la página de un libro de Audible, haga clic en el marcador: ReadMeABook Desktop solicita ese libro por usted.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>No book was given. Use the bookmark on an Audible book page.</source>
            <translation>No se indicó ningún libro. Use el marcador en la página de un libro de Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Open an Audible book page first.</source>
            <translation>Abra primero la página de un libro de Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Paste an API token (Settings &gt; Local API in the app). It stays in this browser.</source>
            <translation>Pegue un token de API (Ajustes &gt; API local en la aplicación). Se queda en este navegador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Request from Audible</source>
            <translation>Solicitar desde Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Request in ReadMeABook</source>
            <translation>Solicitar en ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Requesting…</source>
            <translation>Solicitando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>Save token and request</source>
            <translation>Guardar el token y solicitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/local_api/pages.py" />
            <source>The request failed:</source>
            <translation>La solicitud falló:</translation>
        </message>
    </context>
    <context>
        <name>ApiTokens</name>
        <message>
            <location filename="../../rmab_desktop/services/local_api/tokens.py" />
            <source>Only an administrator can make API tokens for other users.</source>
            <translation>Solo un administrador puede crear tokens de API para otros usuarios.</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Approve</source>
            <translation>&amp;Aprobar</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Approve %n</source>
            <translation>
                <numerusform>&amp;Aprobar %n</numerusform>
                <numerusform>&amp;Aprobar %n</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Deny</source>
            <translation>&amp;Denegar</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>&amp;Deny %n</source>
            <translation>
                <numerusform>&amp;Denegar %n</numerusform>
                <numerusform>&amp;Denegar %n</numerusform>
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
            <translation>Aprobaciones</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Approved %n request(s).</source>
            <translation>
                <numerusform>%n solicitud aprobada.</numerusform>
                <numerusform>%n solicitudes aprobadas.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Approving…</source>
            <translation>Aprobando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Audiobook</source>
            <translation>Audiolibro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Book</source>
            <translation>Libro</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Denied %n request(s).</source>
            <translation>
                <numerusform>%n solicitud denegada.</numerusform>
                <numerusform>%n solicitudes denegadas.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Denying…</source>
            <translation>Denegando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Ebook</source>
            <translation>Libro electrónico</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Note for the requester</source>
            <translation>Nota para el solicitante</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Note for the requester (optional)</source>
            <translation>Nota para el solicitante (opcional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Nothing waits for approval</source>
            <translation>Nada pendiente de aprobación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Only administrators approve requests</source>
            <translation>Solo los administradores aprueban solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Request {id}: {error}</source>
            <translation>Solicitud {id}: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requested</source>
            <translation>Solicitado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requested by</source>
            <translation>Solicitado por</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requests from people without automatic approval wait here until an administrator decides.</source>
            <translation>Las solicitudes de personas sin aprobación automática esperan aquí hasta que un administrador decida.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Requests waiting for approval</source>
            <translation>Solicitudes pendientes de aprobación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Result of the last decision</source>
            <translation>Resultado de la última decisión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Select &amp;all</source>
            <translation>Seleccionar &amp;todo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>When someone without automatic approval requests a book, it waits here and the administrators are notified.</source>
            <translation>Cuando alguien sin aprobación automática solicita un libro, la solicitud espera aquí y se avisa a los administradores.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/approvals_page.py" />
            <source>Your own requests and their approval show on the Requests page.</source>
            <translation>Sus propias solicitudes y su aprobación aparecen en la página Solicitudes.</translation>
        </message>
    </context>
    <context>
        <name>AudibleDialogs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>%n book(s) skipped:</source>
            <translation>
                <numerusform>Se omite %n libro:</numerusform>
                <numerusform>Se omiten %n libros:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>%n book(s) will be requested:</source>
            <translation>
                <numerusform>Se solicitará %n libro:</numerusform>
                <numerusform>Se solicitarán %n libros:</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Address after login</source>
            <translation>&amp;Dirección tras iniciar sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Marketplace</source>
            <translation>&amp;Tienda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Open login page</source>
            <translation>&amp;Abrir la página de inicio de sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>&amp;Sign in</source>
            <translation>&amp;Iniciar sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>1. Choose your marketplace and open the login page in your browser.
2. Log in to Amazon. The browser then shows an error page: that is expected.
3. Copy that page's whole address and paste it below.</source>
            <translation>1. Elija su tienda y abra la página de inicio de sesión en su navegador.
2. Inicie sesión en Amazon. El navegador muestra entonces una página de error: es lo esperado.
3. Copie la dirección completa de esa página y péguela abajo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Address after login</source>
            <translation>Dirección tras iniciar sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Books that are skipped</source>
            <translation>Libros que se omiten</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Books that will be requested</source>
            <translation>Libros que se solicitarán</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Marketplace</source>
            <translation>Tienda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>No browser opened. Open this address yourself:
{url}</source>
            <translation>No se abrió ningún navegador. Abra usted mismo esta dirección:
{url}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Nothing to request: every wishlist book is owned, in your library, requested or ignored.</source>
            <translation>Nada que solicitar: todos los libros de la lista de deseos ya están comprados, en su biblioteca, solicitados o ignorados.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Registering this device with Audible…</source>
            <translation>Registrando este dispositivo en Audible…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Request %n book(s)</source>
            <translation>
                <numerusform>Solicitar %n libro</numerusform>
                <numerusform>Solicitar %n libros</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Request everything missing</source>
            <translation>Solicitar todo lo que falta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>Sign in to Audible</source>
            <translation>Iniciar sesión en Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>The login page is open in your browser.</source>
            <translation>La página de inicio de sesión está abierta en su navegador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>already in your library</source>
            <translation>ya está en su biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>already requested</source>
            <translation>ya solicitado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>https://www.amazon…/ap/maplanding?…</source>
            <translation>https://www.amazon…/ap/maplanding?…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>ignored</source>
            <translation>ignorado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/audible_dialogs.py" />
            <source>owned on Audible</source>
            <translation>comprado en Audible</translation>
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
            <translation>Audible {region}: biblioteca (agregados: {added}, actualizados: {updated}, eliminados: {removed}); títulos en la lista de deseos: {wished}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/audible_library/__init__.py" />
            <source>Sync the Audible library</source>
            <translation>Sincronizar la biblioteca de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/audible_library/__init__.py" />
            <source>Sync the Audible library and wishlist</source>
            <translation>Sincronizar la biblioteca y la lista de deseos de Audible</translation>
        </message>
    </context>
    <context>
        <name>AudibleLibraryPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n book(s) could not be requested: {details}</source>
            <translation>
                <numerusform>No se pudo solicitar %n libro: {details}</numerusform>
                <numerusform>No se pudieron solicitar %n libros: {details}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>Se solicitó %n libro.</numerusform>
                <numerusform>Se solicitaron %n libros.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n row(s) could not be read.</source>
            <translation>
                <numerusform>No se pudo leer %n fila.</numerusform>
                <numerusform>No se pudieron leer %n filas.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>%n title(s)</source>
            <translation>
                <numerusform>%n título</numerusform>
                <numerusform>%n títulos</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>&amp;Import export…</source>
            <translation>&amp;Importar exportación…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>&amp;Request everything missing…</source>
            <translation>Solicitar &amp;todo lo que falta…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>&amp;Table view</source>
            <translation>Vista de ta&amp;bla</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>All titles</source>
            <translation>Todos los títulos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Anywhere</source>
            <translation>Todos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible</source>
            <translation>Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible import</source>
            <translation>Importación de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible library</source>
            <translation>Biblioteca de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible synced</source>
            <translation>Audible sincronizado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible titles as a table</source>
            <translation>Títulos de Audible en tabla</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Audible titles as covers</source>
            <translation>Títulos de Audible en portadas</translation>
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
            <translation>Exportaciones (*.json *.csv *.tsv)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/audible_card_delegate.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Finished</source>
            <translation>Terminado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>I&amp;gnore / unignore</source>
            <translation>I&amp;gnorar / dejar de ignorar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Import an Audible export</source>
            <translation>Importar una exportación de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Import an audible-cli or Libation export (JSON, CSV or TSV)</source>
            <translation>Importar una exportación de audible-cli o Libation (JSON, CSV o TSV)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Import an export…</source>
            <translation>Importar una exportación…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Importing {name}…</source>
            <translation>Importando {name}…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/audible_card_delegate.py" />
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>In library</source>
            <translation>En biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>In my library</source>
            <translation>En mi biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>In progress</source>
            <translation>En curso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>In the local library</source>
            <translation>En la biblioteca local</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Library</source>
            <translation>Biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Library or wishlist</source>
            <translation>Biblioteca o lista de deseos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Library: {added} added, {updated} updated, {removed} removed. Wishlist: {wished} titles.</source>
            <translation>Biblioteca (agregados: {added}, actualizados: {updated}, eliminados: {removed}). Títulos en la lista de deseos: {wished}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Listening state</source>
            <translation>Estado de escucha</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>My rating</source>
            <translation>Mi valoración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Narrator</source>
            <translation>Narrador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Never request the selected wishlist books (or allow them again)</source>
            <translation>No solicitar nunca los libros seleccionados de la lista de deseos (o volver a permitirlos)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>No Audible titles yet</source>
            <translation>Aún no hay títulos de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>No title matches these filters.</source>
            <translation>Ningún título coincide con estos filtros.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Not in my library</source>
            <translation>Fuera de mi biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Not started</source>
            <translation>Sin empezar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Nothing here yet.</source>
            <translation>Aún no hay nada aquí.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Purchased</source>
            <translation>Comprado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Recently added</source>
            <translation>Agregados recientemente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Request every wishlist book that is not owned, in your library, requested or ignored</source>
            <translation>Solicitar todos los libros de la lista de deseos que no estén comprados, en su biblioteca, solicitados ni ignorados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Requesting…</source>
            <translation>Solicitando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>S&amp;ync now</source>
            <translation>Sin&amp;cronizar ahora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Search the Audible titles</source>
            <translation>Buscar en los títulos de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Search title, author, narrator or series</source>
            <translation>Buscar por título, autor, narrador o serie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Select wishlist books first.</source>
            <translation>Seleccione primero libros de la lista de deseos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Series</source>
            <translation>Serie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Show the titles as a table instead of covers</source>
            <translation>Mostrar los títulos en una tabla en lugar de portadas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign &amp;in…</source>
            <translation>Iniciar &amp;sesión…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign &amp;out</source>
            <translation>Cerrar s&amp;esión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign in to Audible and sync, or import an export from audible-cli or Libation.</source>
            <translation>Inicie sesión en Audible y sincronice, o importe una exportación de audible-cli o Libation.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sign in to sync</source>
            <translation>Inicie sesión para sincronizar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Signed in as {name}</source>
            <translation>Sesión iniciada como {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Signed out; this device is deregistered.</source>
            <translation>Sesión cerrada; este dispositivo se ha dado de baja.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Sort by</source>
            <translation>Ordenar por</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Syncing with Audible…</source>
            <translation>Sincronizando con Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>The audiobooks you own on Audible, how far you listened, and your wishlist.</source>
            <translation>Los audiolibros que tiene en Audible, cuánto ha escuchado de cada uno y su lista de deseos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>Wishlist</source>
            <translation>Lista de deseos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>{added} added, {updated} updated, {unchanged} unchanged.</source>
            <translation>Agregados: {added}; actualizados: {updated}; sin cambios: {unchanged}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>{count} · last import {when}</source>
            <translation>{count} · última importación: {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/audible_page.py" />
            <source>{count} · last sync {when}</source>
            <translation>{count} · última sincronización: {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>{percent}% listened</source>
            <translation>{percent} % escuchado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>{series} #{position}</source>
            <translation>{series} n.º {position}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/audible_model.py" />
            <source>{title} (ignored)</source>
            <translation>{title} (ignorado)</translation>
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
            <translation>Descartar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/banner.py" />
            <source>Dismiss this message</source>
            <translation>Descartar este mensaje</translation>
        </message>
    </context>
    <context>
        <name>BlocklistPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>%n blocked release(s)</source>
            <translation>
                <numerusform>%n release bloqueada</numerusform>
                <numerusform>%n releases bloqueadas</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Book</source>
            <translation>&amp;Libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Guid or info-hash</source>
            <translation>&amp;GUID o info-hash</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>&amp;Reason</source>
            <translation>&amp;Motivo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Added</source>
            <translation>Agregada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Add…</source>
            <translation>Agregar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Allow the selected releases again</source>
            <translation>Volver a permitir las releases seleccionadas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Block a release</source>
            <translation>Bloquear una release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Block a release by hand</source>
            <translation>Bloquear una release manualmente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocked by hand</source>
            <translation>Bloqueada manualmente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocked releases</source>
            <translation>Releases bloqueadas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Blocklist</source>
            <translation>Lista de bloqueo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Book</source>
            <translation>Libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Every book</source>
            <translation>Todos los libros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Filter by book, release, indexer or reason</source>
            <translation>Filtrar por libro, release, indexador o motivo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Filter the blocklist</source>
            <translation>Filtrar la lista de bloqueo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Indexer</source>
            <translation>Indexador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Nothing is blocked.</source>
            <translation>No hay nada bloqueado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Refresh</source>
            <translation>Actualizar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Release</source>
            <translation>Release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Release &amp;title</source>
            <translation>&amp;Título de la release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Releases that failed (stalled, broken, wrong book) are blocked for that book, so the next candidate is tried instead. Remove an entry to allow a release again.</source>
            <translation>Las releases que fallaron (estancadas, dañadas, libro equivocado) se bloquean para ese libro y se prueba el siguiente candidato. Quite una entrada para volver a permitir una release.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>e.g. wrong narrator, bad rip</source>
            <translation>p. ej., narrador equivocado, rip defectuoso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>every book</source>
            <translation>todos los libros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/blocklist_page.py" />
            <source>the release's guid/link, or its 40-character info-hash</source>
            <translation>el GUID/enlace de la release, o su info-hash de 40 caracteres</translation>
        </message>
    </context>
    <context>
        <name>BookActions</name>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Details</source>
            <translation>Detalles</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Never request any edition</source>
            <translation>No solicitar nunca ninguna edición</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Never request this</source>
            <translation>No solicitar nunca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Open folder</source>
            <translation>Abrir carpeta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Play</source>
            <translation>Reproducir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Re-tag</source>
            <translation>Reetiquetar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Report a problem…</source>
            <translation>Informar de un problema…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Request the series' new books for you as they come out</source>
            <translation>Solicitar para usted los libros nuevos de la serie cuando se publiquen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Rescan</source>
            <translation>Volver a analizar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>View on Audible</source>
            <translation>Ver en Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Watch this series</source>
            <translation>Seguir esta serie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Watches, shelves and “Request everything missing” pass every edition over</source>
            <translation>Los seguimientos, las estanterías y “Solicitar todo lo que falta” omiten todas las ediciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Watches, shelves and “Request everything missing” pass this edition over</source>
            <translation>Los seguimientos, las estanterías y “Solicitar todo lo que falta” omiten esta edición</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Write title, author, narrator, series and cover tags into the files again</source>
            <translation>Volver a escribir en los archivos las etiquetas de título, autor, narrador, serie y portada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/book_actions.py" />
            <source>Wrong book, bad audio or the wrong edition: tell the administrators</source>
            <translation>Libro equivocado, audio defectuoso o edición equivocada: avisar a los administradores</translation>
        </message>
    </context>
    <context>
        <name>BookDate</name>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Already read: {title}</source>
            <translation>Ya leído: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>BookDate needs a few books you like first.</source>
            <translation>BookDate necesita primero algunos libros que le gusten.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Not interested: {title}</source>
            <translation>Sin interés: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Pick one of the listed models.</source>
            <translation>Elija uno de los modelos de la lista.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Requested: {title}</source>
            <translation>Solicitado: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Scan your library, import your Audible library, or set up an AI provider.</source>
            <translation>Analice su biblioteca, importe su biblioteca de Audible o configure un proveedor de IA.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Similar to {titles}</source>
            <translation>Parecido a {titles}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>Similar to {titles} and %n more of your books</source>
            <translation>
                <numerusform>Parecido a {titles} y a %n libro más de los suyos</numerusform>
                <numerusform>Parecido a {titles} y a %n libros más de los suyos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>{service} answered and offers %n model(s).</source>
            <translation>
                <numerusform>{service} respondió y ofrece %n modelo.</numerusform>
                <numerusform>{service} respondió y ofrece %n modelos.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/bookdate/service.py" />
            <source>{service} answered, but offers no model called '{model}'.</source>
            <translation>{service} respondió, pero no ofrece ningún modelo llamado «{model}».</translation>
        </message>
    </context>
    <context>
        <name>BookDatePage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>%n model(s) offered.</source>
            <translation>
                <numerusform>%n modelo disponible.</numerusform>
                <numerusform>%n modelos disponibles.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>AI provider</source>
            <translation>Proveedor de IA</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>API key</source>
            <translation>Clave de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Already read (up arrow)</source>
            <translation>Ya leído (flecha arriba)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Asking the provider for its models…</source>
            <translation>Consultando los modelos del proveedor…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>BookDate</source>
            <translation>BookDate</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Finding books for you…</source>
            <translation>Buscando libros para usted…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>List models</source>
            <translation>Listar modelos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Narrated by {names}</source>
            <translation>Narrado por {names}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>No cards right now</source>
            <translation>No hay tarjetas por ahora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>No new recommendations right now. Rate or add a few books, or set up an AI provider.</source>
            <translation>No hay recomendaciones nuevas por ahora. Valore o agregue algunos libros, o configure un proveedor de IA.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>None: Audible's similar books of the ones you like</source>
            <translation>Ninguno: los libros similares de Audible a los que le gustan</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Not interested (left arrow)</source>
            <translation>Sin interés (flecha izquierda)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Nothing to undo.</source>
            <translation>No hay nada que deshacer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Only books I rated</source>
            <translation>Solo los libros que valoré</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>OpenAI-compatible address (Ollama, LM Studio, …)</source>
            <translation>Dirección compatible con OpenAI (Ollama, LM Studio, …)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Optional: e.g. 'Short books, no horror.'</source>
            <translation>Opcional: p. ej., “Libros cortos, nada de terror.”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Recommendation: {title} by {author}</source>
            <translation>Recomendación: {title}, de {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Request this book (right arrow)</source>
            <translation>Solicitar este libro (flecha derecha)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Right to request, left if it is not for you, up if you have read it. Drag the card, use the arrow keys or the buttons.</source>
            <translation>A la derecha para solicitarlo, a la izquierda si no es para usted, arriba si ya lo leyó. Arrastre la tarjeta, use las teclas de flecha o los botones.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Saved.</source>
            <translation>Guardado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Show what will be sent…</source>
            <translation>Mostrar lo que se enviará…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>The whole library</source>
            <translation>Toda la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>This is sent to the AI provider with each new batch:</source>
            <translation>Esto se envía al proveedor de IA con cada nuevo lote:</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Undo</source>
            <translation>Deshacer</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Undo the last swipe (Ctrl+Z)</source>
            <translation>Deshacer el último deslizamiento (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Up to 25 favourites</source>
            <translation>Hasta 25 favoritos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>What BookDate sends</source>
            <translation>Qué envía BookDate</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>What it is told</source>
            <translation>Qué se le cuenta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Where recommendations come from</source>
            <translation>De dónde vienen las recomendaciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>Your wishes</source>
            <translation>Sus preferencias</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>{title} is back.</source>
            <translation>“{title}” ha vuelto.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>↑ Read it</source>
            <translation>↑ Ya lo leí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>★ {rating}</source>
            <translation>★ {rating}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>♥ Request</source>
            <translation>♥ Solicitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/bookdate_page.py" />
            <source>✕ Not for me</source>
            <translation>✕ No es para mí</translation>
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
            <translation>Descargando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>In library</source>
            <translation>En la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Owned on Audible</source>
            <translation>Comprado en Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>Requested</source>
            <translation>Solicitado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/catalog_model.py" />
            <source>{series} #{position}</source>
            <translation>{series} n.º {position}</translation>
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
                <numerusform>%n libro</numerusform>
                <numerusform>%n libros</numerusform>
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
            <translation>Ya está en su biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Already owned on Audible</source>
            <translation>Ya comprado en Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Also the ebook</source>
            <translation>También el libro electrónico</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Ask for this audiobook: it is searched, downloaded and imported</source>
            <translation>Solicitar este audiolibro: se busca, se descarga y se importa</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Availability</source>
            <translation>Disponibilidad</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>By {authors}</source>
            <translation>De {authors}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Cover</source>
            <translation>Portada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Narrated by {narrators}</source>
            <translation>Narrado por {narrators}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>No books found.</source>
            <translation>No se encontraron libros.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>No cover</source>
            <translation>Sin portada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Only the ebook: also when the audiobook is already here</source>
            <translation>Solo el libro electrónico: también cuando el audiolibro ya está aquí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Other editions: {links}</source>
            <translation>Otras ediciones: {links}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request</source>
            <translation>Solicitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request its new books for you as they come out</source>
            <translation>Solicitar para usted los libros nuevos cuando se publiquen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Request the ebook</source>
            <translation>Solicitar el libro electrónico</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Requesting…</source>
            <translation>Solicitando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Series: {series}</source>
            <translation>Serie: {series}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Series: {series}, book {position}</source>
            <translation>Serie: {series}, libro {position}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Similar books</source>
            <translation>Libros similares</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>This book could not be loaded</source>
            <translation>No se pudo cargar este libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>View on Audible</source>
            <translation>Ver en Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Watch this author</source>
            <translation>Seguir a este autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Watch this series</source>
            <translation>Seguir esta serie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>Watching {name}: new books are requested for you.</source>
            <translation>Siguiendo {name}: los libros nuevos se solicitan para usted.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>You already own “{title}” on Audible. Request it anyway?</source>
            <translation>Ya tiene “{title}” en Audible. ¿Solicitarlo de todos modos?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>format unknown</source>
            <translation>formato desconocido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>language unknown</source>
            <translation>idioma desconocido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>no rating</source>
            <translation>sin valoración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>release date unknown</source>
            <translation>fecha de publicación desconocida</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>released {date}</source>
            <translation>publicado el {date}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>unknown</source>
            <comment>an unknown author or narrator</comment>
            <translation>desconocido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>unknown length</source>
            <translation>duración desconocida</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>{badge} (another edition)</source>
            <translation>{badge} (otra edición)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>{message} Request it again, for another edition or narration? The copy you have stays where it is.</source>
            <translation>{message} ¿Solicitarlo de nuevo, para otra edición o narración? La copia que tiene se queda donde está.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/book_page.py" />
            <source>★ {rating} (%n rating(s))</source>
            <translation>
                <numerusform>★ {rating} (%n valoración)</numerusform>
                <numerusform>★ {rating} (%n valoraciones)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogActions</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>%n book(s) will never be requested automatically.</source>
            <translation>
                <numerusform>%n libro nunca se solicitará automáticamente.</numerusform>
                <numerusform>%n libros nunca se solicitarán automáticamente.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>Ignore list</source>
            <translation>Lista de ignorados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>No browser could open {url}.</source>
            <translation>Ningún navegador pudo abrir {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_actions.py" />
            <source>View on Audible</source>
            <translation>Ver en Audible</translation>
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
            <translation>Audible responde.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Could not refresh categories: {error}</source>
            <translation>No se pudieron actualizar las categorías: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Could not refresh {list} ({region}): {error}</source>
            <translation>No se pudo actualizar {list} ({region}): {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refresh Discover sections from Audible</source>
            <translation>Actualizar las secciones de Descubrir desde Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refresh the Audible catalog</source>
            <translation>Actualizar el catálogo de Audible</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/catalog/__init__.py" />
            <source>Refreshed {list} ({region}): %n book(s)</source>
            <translation>
                <numerusform>Se actualizó {list} ({region}): %n libro</numerusform>
                <numerusform>Se actualizó {list} ({region}): %n libros</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogPages</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Book {asin}</source>
            <translation>Libro {asin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Books by {author}</source>
            <translation>Libros de {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>Series: {series}</source>
            <translation>Serie: {series}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/catalog_widgets.py" />
            <source>The Audible catalog cannot be reached. Saved sections are shown; searching needs a connection. ({reason})</source>
            <translation>No se puede acceder al catálogo de Audible. Se muestran las secciones guardadas; para buscar hace falta conexión. ({reason})</translation>
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
            <translation>&amp;Tienda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>&amp;Test</source>
            <translation>&amp;Probar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>A&amp;pprove requests automatically (administrators are always approved)</source>
            <translation>&amp;Aprobar solicitudes automáticamente (las de administradores siempre se aprueban)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Addresses start with http:// or https:// (the Audnexus address is required).</source>
            <translation>Las direcciones empiezan por http:// o https:// (la dirección de Audnexus es obligatoria).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Asking Audible…</source>
            <translation>Consultando a Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible &amp;address</source>
            <translation>&amp;Dirección de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible answered.</source>
            <translation>Audible respondió.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audible catalog</source>
            <translation>Catálogo de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Audne&amp;xus address</source>
            <translation>Dirección de Audne&amp;xus</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Cover &amp;cache</source>
            <translation>&amp;Caché de portadas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Requests</source>
            <translation>Solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>Test result</source>
            <translation>Resultado de la prueba</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/catalog_settings.py" />
            <source>empty: the marketplace's own address (api.audible.&lt;domain&gt;)</source>
            <translation>vacío: la dirección propia de la tienda (api.audible.&lt;domain&gt;)</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Error details</source>
            <translation>Detalles del error</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Hide details</source>
            <translation>Ocultar detalles</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Open log folder</source>
            <translation>Abrir carpeta del registro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Show details</source>
            <translation>Mostrar detalles</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>Something went wrong.</source>
            <translation>Algo salió mal.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>The details were written to the log file:
{path}</source>
            <translation>Los detalles se escribieron en el archivo de registro:
{path}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>{app} hit an unexpected error and that action did not finish. Your library and requests are safe; background jobs will resume.

{summary}</source>
            <translation>{app} encontró un error inesperado y esa acción no terminó. Su biblioteca y sus solicitudes están a salvo; las tareas en segundo plano se reanudarán.

{summary}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/crash_dialog.py" />
            <source>{app} — unexpected error</source>
            <translation>{app}: error inesperado</translation>
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
            <translation>Editar programación: {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Examples: “0 */6 * * *” every six hours · “30 3 * * *” daily at 03:30 · “0 9 * * 1” Mondays at 09:00</source>
            <translation>Ejemplos: “0 */6 * * *” cada seis horas · “30 3 * * *” a diario a las 03:30 · “0 9 * * 1” los lunes a las 09:00</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Next runs or the problem</source>
            <translation>Próximas ejecuciones o el problema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>Next runs: {times}</source>
            <translation>Próximas ejecuciones: {times}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/cron_dialog.py" />
            <source>minute hour day-of-month month day-of-week</source>
            <translation>minuto hora día-del-mes mes día-de-la-semana</translation>
        </message>
    </context>
    <context>
        <name>DatabaseErrors</name>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>'{address}' is not a database address.</source>
            <translation>“{address}” no es una dirección de base de datos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check that PostgreSQL is running there and accepts connections on that port.</source>
            <translation>Compruebe que PostgreSQL se está ejecutando allí y acepta conexiones en ese puerto.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check that PostgreSQL runs there and that no firewall silently drops the connection; for a slow link, add ?connect_timeout=30 (seconds) to the database address.</source>
            <translation>Compruebe que PostgreSQL se esté ejecutando allí y que ningún cortafuegos descarte la conexión en silencio; para una conexión lenta, añada ?connect_timeout=30 (segundos) a la dirección de la base de datos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check the database address, and for a file its folder and permissions.</source>
            <translation>Compruebe la dirección de la base de datos y, si es un archivo, su carpeta y sus permisos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check the host name in the database address and that this computer is on the same network.</source>
            <translation>Compruebe el nombre de host en la dirección de la base de datos y que este equipo está en la misma red.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Check the user name and password in the database address.</source>
            <translation>Compruebe el nombre de usuario y la contraseña en la dirección de la base de datos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Close other copies of the app or tools using the file, then try again.</source>
            <translation>Cierre otras copias de la aplicación o las herramientas que usan el archivo y vuelva a intentarlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Create it first (createdb -O {user} {database}) or correct its name in the address.</source>
            <translation>Créela primero (createdb -O {user} {database}) o corrija su nombre en la dirección.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Create the folder, or correct the path in the database address.</source>
            <translation>Cree la carpeta o corrija la ruta en la dirección de la base de datos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Free some space on that disk and try again; the change that did not fit was not saved.</source>
            <translation>Libere espacio en ese disco y vuelva a intentarlo; el cambio que no cupo no se guardó.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Give the path of a file inside it, e.g. {path}/rmab.sqlite3.</source>
            <translation>Indique la ruta de un archivo dentro de ella, p. ej., {path}/rmab.sqlite3.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Give your user write access to the file and its folder, or use another location.</source>
            <translation>Dé a su usuario permiso de escritura en el archivo y su carpeta, o use otra ubicación.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Move the file aside and start again, or put back a copy from the backups folder {backups}; the app changes nothing in a damaged file.</source>
            <translation>Aparte el archivo y vuelva a iniciar, o restaure una copia desde la carpeta de copias de seguridad {backups}; la aplicación no cambia nada en un archivo dañado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Start the address with postgresql+psycopg:// (PostgreSQL) or sqlite:/// (a database file).</source>
            <translation>Empiece la dirección con postgresql+psycopg:// (PostgreSQL) o sqlite:/// (un archivo de base de datos).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Start the address with postgresql+psycopg:// to use the PostgreSQL driver the app ships with.</source>
            <translation>Empiece la dirección con postgresql+psycopg:// para usar el controlador de PostgreSQL incluido en la aplicación.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database address starts with '{scheme}', a kind of database the app does not know.</source>
            <translation>La dirección de la base de datos empieza por “{scheme}”, un tipo de base de datos que la aplicación no conoce.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database driver '{module}' that '{scheme}' asks for is not installed.</source>
            <translation>El controlador de base de datos “{module}” que requiere “{scheme}” no está instalado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database file {path} cannot be written (it or its folder is read-only).</source>
            <translation>No se puede escribir en el archivo de base de datos {path} (el archivo o su carpeta es de solo lectura).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database file {path} is damaged and cannot be read ({detail}).</source>
            <translation>El archivo de base de datos {path} está dañado y no se puede leer ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} cannot be reached ({detail}).</source>
            <translation>No se puede acceder al servidor de base de datos {host} ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} did not accept the user '{user}' or its password.</source>
            <translation>El servidor de base de datos {host} no aceptó el usuario “{user}” o su contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} did not answer on port {port} within {seconds} seconds.</source>
            <translation>El servidor de base de datos {host} no respondió en el puerto {port} en {seconds} segundos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} has no database named '{database}'.</source>
            <translation>El servidor de base de datos {host} no tiene ninguna base de datos llamada “{database}”.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database server {host} refused the connection on port {port}.</source>
            <translation>El servidor de base de datos {host} rechazó la conexión en el puerto {port}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database {address} cannot be opened ({detail}).</source>
            <translation>No se puede abrir la base de datos {address} ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The database {address} is locked by another program.</source>
            <translation>La base de datos {address} está bloqueada por otro programa.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The disk holding the database {address} is full.</source>
            <translation>El disco que contiene la base de datos {address} está lleno.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>The folder {folder} for the database file does not exist.</source>
            <translation>La carpeta {folder} del archivo de base de datos no existe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>Use postgresql+psycopg://USER:PASSWORD@HOST/DATABASE, or sqlite:////full/path/file.sqlite3; leave it out to use the profile's own database.</source>
            <translation>Use postgresql+psycopg://USER:PASSWORD@HOST/DATABASE, o sqlite:////full/path/file.sqlite3; omítala para usar la base de datos propia del perfil.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/db/faults.py" />
            <source>{path} is a folder, not a database file.</source>
            <translation>{path} es una carpeta, no un archivo de base de datos.</translation>
        </message>
    </context>
    <context>
        <name>DesktopApp</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>%n job(s) still running. Quit anyway?

Running jobs are stopped now and start again the next time you open the app.</source>
            <translation>
                <numerusform>%n tarea sigue en curso. ¿Salir de todos modos?

Las tareas en curso se detienen ahora y se reanudan la próxima vez que abra la aplicación.</numerusform>
                <numerusform>%n tareas siguen en curso. ¿Salir de todos modos?

Las tareas en curso se detienen ahora y se reanudan la próxima vez que abra la aplicación.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Automation paused</source>
            <translation>Automatización en pausa</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Automation resumed</source>
            <translation>Automatización reanudada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Join…</source>
            <translation>Unirse…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Quit ReadMeABook?</source>
            <translation>¿Salir de ReadMeABook?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>ReadMeABook keeps working in the tray. Quit from its menu.</source>
            <translation>ReadMeABook sigue funcionando en la bandeja del sistema. Salga desde su menú.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Searches, downloads and imports run again.</source>
            <translation>Las búsquedas, descargas e importaciones se reanudan.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Searches, downloads and imports wait until you resume.</source>
            <translation>Las búsquedas, descargas e importaciones esperan hasta que las reanude.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Secrets are locked: services that need a password or API key will not work until you unlock them in Settings &gt; General.</source>
            <translation>Los secretos están bloqueados: los servicios que necesitan una contraseña o una clave de API no funcionarán hasta que los desbloquee en Configuración &gt; General.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/application.py" />
            <source>Still running</source>
            <translation>Aún en curso</translation>
        </message>
    </context>
    <context>
        <name>DesktopSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;About ReadMeABook Desktop…</source>
            <translation>&amp;Acerca de ReadMeABook Desktop…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;Keep the computer awake while downloading or importing</source>
            <translation>&amp;Evitar la suspensión del equipo durante descargas o importaciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>&amp;Start ReadMeABook when I log in</source>
            <translation>&amp;Iniciar ReadMeABook al iniciar sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>Start at login</source>
            <translation>Inicio al iniciar sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>The screen may still turn off; only sleep is held back, and only while work runs.</source>
            <translation>La pantalla puede apagarse; solo se evita la suspensión, y solo mientras hay trabajo en curso.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/desktop_settings.py" />
            <source>This computer</source>
            <translation>Este equipo</translation>
        </message>
    </context>
    <context>
        <name>DiscoverPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n libro</numerusform>
                <numerusform>%n libros</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Add a row of books: popular, new releases or a category</source>
            <translation>Agregar una fila de libros: populares, novedades o una categoría</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Add section</source>
            <translation>Agregar sección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Audible could not be reached, so this section has no books yet ({reason}). Check your internet connection, then press ⟳ on this section to try again.</source>
            <translation>No se pudo contactar con Audible, así que esta sección aún no tiene libros ({reason}). Compruebe su conexión a Internet y pulse ⟳ en esta sección para volver a intentarlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Audible lists no books for this section in its marketplace. Remove it with ✕, or add another one with Add section.</source>
            <translation>Audible no ofrece libros para esta sección en su tienda. Quítela con ✕ o agregue otra con «Agregar sección».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Category</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Discover</source>
            <translation>Descubrir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Loading categories…</source>
            <translation>Cargando categorías…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Move down</source>
            <translation>Bajar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Move up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>New releases</source>
            <translation>Novedades</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>New, popular and recommended audiobooks from Audible; open one to request it.</source>
            <translation>Audiolibros nuevos, populares y recomendados de Audible; abra uno para solicitarlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Nothing saved yet for this section; asking Audible for it…</source>
            <translation>Aún no hay nada guardado para esta sección; consultando a Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Number of books</source>
            <translation>Número de libros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Popular</source>
            <translation>Populares</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Refresh from Audible</source>
            <translation>Actualizar desde Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Remove this section</source>
            <translation>Quitar esta sección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>Section “{title}”</source>
            <translation>Sección “{title}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>The saved books of this section could not be read: {reason} {hint}</source>
            <translation>No se pudieron leer los libros guardados de esta sección: {reason} {hint}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>These are the books saved earlier: Audible could not be reached ({reason}). Press ⟳ on this section to try again.</source>
            <translation>Estos son los libros guardados antes: no se pudo contactar con Audible ({reason}). Pulse ⟳ en esta sección para volver a intentarlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>This section could not be refreshed from Audible: {reason} Press ⟳ on this section to try again; if it keeps failing, remove it with ✕.</source>
            <translation>No se pudo actualizar esta sección desde Audible: {reason} Pulse ⟳ en esta sección para volver a intentarlo; si sigue fallando, quítela con ✕.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>could not refresh</source>
            <translation>no se pudo actualizar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/discover_page.py" />
            <source>refreshing…</source>
            <translation>actualizando…</translation>
        </message>
    </context>
    <context>
        <name>DownloadCleanup</name>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/cleanup.py" />
            <source>Cleanup of '{title}' skipped: {reason}</source>
            <translation>Limpieza de «{title}» omitida: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/cleanup.py" />
            <source>Removed '{title}' from the download client (seeding done)</source>
            <translation>«{title}» quitado del cliente de descargas (compartición terminada)</translation>
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
            <translation>&amp;Agregar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Category</source>
            <translation>&amp;Categoría</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Give up after</source>
            <translation>Aband&amp;onar tras</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Password</source>
            <translation>Con&amp;traseña</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Save to (client's view)</source>
            <translation>&amp;Guardar en (vista del cliente)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Test connection and folders</source>
            <translation>&amp;Probar conexión y carpetas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;User name</source>
            <translation>Nombre de &amp;usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>&amp;Verify the HTTPS certificate</source>
            <translation>&amp;Verificar el certificado HTTPS</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>API &amp;key</source>
            <translation>C&amp;lave de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Add or choose a client first.</source>
            <translation>Primero agregue o elija un cliente.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Addr&amp;ess</source>
            <translation>Dir&amp;ección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Category &amp;after import</source>
            <translation>Categoría &amp;final tras importar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Category (qBittorrent, SABnzbd, NZBGet) or label (Transmission, Deluge)</source>
            <translation>Categoría (qBittorrent, SABnzbd, NZBGet) o etiqueta (Transmission, Deluge)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Category or label the download moves to once the book is imported</source>
            <translation>Categoría o etiqueta a la que pasa la descarga una vez importado el libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Client</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Download clients</source>
            <translation>Clientes de descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Downloads the app makes itself: audio from a link (Add from URL)</source>
            <translation>Descargas que hace la propia aplicación: audio desde un enlace (Agregar desde URL)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Enabled</source>
            <translation>Activado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Enter the client's address.</source>
            <translation>Introduzca la dirección del cliente.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Indexer settings and tracker minimums override the default seeding rule.</source>
            <translation>La configuración del indexador y los mínimos del tracker prevalecen sobre la regla de siembra predeterminada.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Kind of client to add</source>
            <translation>Tipo de cliente que agregar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Monitoring and seeding</source>
            <translation>Seguimiento y siembra</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>No progress for this long: the release is blocklisted and the next one tried</source>
            <translation>Sin progreso durante este tiempo, la release pasa a la lista de bloqueo y se prueba la siguiente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Path &amp;mapping: client's folder</source>
            <translation>Asignación de &amp;rutas: carpeta del cliente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Pr&amp;iority</source>
            <translation>Pr&amp;ioridad</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Priority</source>
            <translation>Prioridad</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Protocol</source>
            <translation>Protocolo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Remove usenet and direct downloads once in the &amp;library</source>
            <translation>Quitar las descargas usenet y directas una vez en la &amp;biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>S&amp;talled after</source>
            <translation>Estanca&amp;da tras</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Search &amp;again after</source>
            <translation>Volver a buscar tra&amp;s</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Seed &amp;for (default)</source>
            <translation>Se&amp;mbrar durante (predeterminado)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Seed to ratio (&amp;default)</source>
            <translation>Sembrar &amp;hasta el ratio (predeterminado)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Speed limit for &amp;links</source>
            <translation>Velocidad má&amp;xima de enlaces</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>The client for each protocol gets the releases; with several, the lowest priority number is used first. Public-domain books download directly and need no client.</source>
            <translation>El cliente de cada protocolo recibe las releases; si hay varios, se usa primero el de menor número de prioridad. Los libros de dominio público se descargan directamente y no necesitan cliente.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>Use t&amp;his client</source>
            <translation>&amp;Usar este cliente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>as the client sees it, e.g. /downloads</source>
            <translation>como la ve el cliente, p. ej., /downloads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>built in</source>
            <translation>integrado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>empty: leave it in its category</source>
            <translation>vacío: dejarla en su categoría</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>empty: the client's own download folder</source>
            <translation>vacío: la carpeta de descargas del propio cliente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no limit</source>
            <translation>sin límite</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no ratio rule</source>
            <translation>sin regla de ratio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>no time rule</source>
            <translation>sin regla de tiempo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>the same folder on this computer, e.g. /mnt/nas/downloads</source>
            <translation>la misma carpeta en este equipo, p. ej., /mnt/nas/downloads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>… is &amp;on this computer at</source>
            <translation>… está en este equip&amp;o en</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/download_client_settings.py" />
            <source>⚠ The password of %n client(s) cannot be read: no keychain works on this computer. They are kept; enter each password again to use them.</source>
            <translation>
                <numerusform>⚠ No se puede leer la contraseña de %n cliente: ningún llavero funciona en este equipo. Se conserva; escriba de nuevo la contraseña para usarlo.</numerusform>
                <numerusform>⚠ No se pueden leer las contraseñas de %n clientes: ningún llavero funciona en este equipo. Se conservan; escriba de nuevo cada contraseña para usarlos.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DownloadClients</name>
        <message>
            <location filename="../../rmab_desktop/services/downloads/probe.py" />
            <source>Connected to {client} {version}.</source>
            <translation>Conectado a {client} {version}.</translation>
        </message>
    </context>
    <context>
        <name>EbookSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Add each imported ebook to Calibre (calibredb add)</source>
            <translation>Agregar cada libro electrónico importado a Calibre (calibredb add)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Calibre</source>
            <translation>Calibre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Calibre library</source>
            <translation>Biblioteca de Calibre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Calibre's default library</source>
            <translation>Biblioteca predeterminada de Calibre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Choose…</source>
            <translation>Elegir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Ebook folder</source>
            <translation>Carpeta de libros electrónicos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Ebook folder template</source>
            <translation>Plantilla de carpeta de libros electrónicos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Empty: the library's folder template</source>
            <translation>Vacío: la plantilla de carpeta de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>For example: {folder}/</source>
            <translation>Por ejemplo: {folder}/</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Found on the PATH</source>
            <translation>Encontrado en el PATH</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Found: {version}</source>
            <translation>Encontrado: {version}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Free ebook sources</source>
            <translation>Fuentes de libros electrónicos gratuitos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Gutendex address</source>
            <translation>Dirección de Gutendex</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Internet Archive address</source>
            <translation>Dirección del Internet Archive</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Looking for calibredb…</source>
            <translation>Buscando calibredb…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Next to the audiobook, in the library folder</source>
            <translation>Junto al audiolibro, en la carpeta de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Search Project Gutenberg, Standard Ebooks and the Internet Archive (public domain only)</source>
            <translation>Buscar en Project Gutenberg, Standard Ebooks y el Internet Archive (solo dominio público)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Standard Ebooks address</source>
            <translation>Dirección de Standard Ebooks</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Template</source>
            <translation>Plantilla</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Test</source>
            <translation>Probar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>Where ebooks go</source>
            <translation>Destino de los libros electrónicos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ebook_settings.py" />
            <source>calibredb program</source>
            <translation>Programa calibredb</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Check the address and that the service is running, then use Test again.</source>
            <translation>Compruebe la dirección y que el servicio se esté ejecutando, y vuelva a usar «Probar».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Check the database address and that the server is running.</source>
            <translation>Compruebe la dirección de la base de datos y que el servidor se esté ejecutando.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Check the user name, password or API key in Settings.</source>
            <translation>Compruebe el nombre de usuario, la contraseña o la clave de API en Configuración.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Enter the secret again in Settings.</source>
            <translation>Vuelva a escribir el secreto en Configuración.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Free some space on that disk and try again; nothing was changed by the failed step.</source>
            <translation>Libere espacio en ese disco y vuelva a intentarlo; el paso fallido no cambió nada.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>No secure keychain is available on this system. Install and start one (for example GNOME Keyring or KWallet) and restart the app.</source>
            <translation>No hay ningún llavero seguro disponible en este sistema. Instale e inicie uno (por ejemplo GNOME Keyring o KWallet) y reinicie la aplicación.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Open Settings and check this value.</source>
            <translation>Abra Configuración y compruebe este valor.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>The service answered too slowly. Check your connection or try again later.</source>
            <translation>El servicio respondió demasiado despacio. Compruebe su conexión o vuelva a intentarlo más tarde.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>The service asked us to slow down; the app will retry automatically.</source>
            <translation>El servicio pidió que fuéramos más despacio; la aplicación volverá a intentarlo automáticamente.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>The service sent an answer the app cannot read. Check the address points to the right service.</source>
            <translation>El servicio envió una respuesta que la aplicación no puede leer. Compruebe que la dirección apunte al servicio correcto.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Unlock your system keychain, or install one (GNOME Keyring, KWallet, macOS Keychain).</source>
            <translation>Desbloquee el llavero de su sistema o instale uno (GNOME Keyring, KWallet, llavero de macOS).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/errors.py" />
            <source>Your keychain is locked. Unlock it (log in again or open your keychain app) and retry.</source>
            <translation>Su llavero está bloqueado. Desbloquéelo (vuelva a iniciar sesión o abra su aplicación de llavero) y vuelva a intentarlo.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Audible catalog</source>
            <translation>Catálogo de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Getting ready</source>
            <translation>Preparando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Library scan</source>
            <translation>Análisis de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>No keychain could keep them. Choose an encrypted file or unlock it in Settings &gt; General, then enter them again in Settings.</source>
            <translation>Ningún llavero pudo guardarlas. Elija un archivo cifrado o desbloquéelo en Configuración &gt; General y luego vuelva a escribirlas en Configuración.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>S&amp;kip setup</source>
            <translation>&amp;Omitir configuración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saved, except the passwords and keys of: {items}.</source>
            <translation>Guardado, excepto las contraseñas y claves de: {items}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saved. Your secrets are kept safe.</source>
            <translation>Guardado. Sus secretos se guardan de forma segura.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saving your choices and loading your catalog and library.</source>
            <translation>Guardando sus elecciones y cargando el catálogo y la biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>Set up ReadMeABook</source>
            <translation>Configurar ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>You can close this window: the work continues in the background (see Activity).</source>
            <translation>Puede cerrar esta ventana: el trabajo continúa en segundo plano (vea Actividad).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{status} ({error})</source>
            <translation>{status} ({error})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: cancelled</source>
            <translation>{task}: cancelada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: done</source>
            <translation>{task}: hecha</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: failed</source>
            <translation>{task}: fallida</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: not needed</source>
            <translation>{task}: no necesaria</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: not started</source>
            <translation>{task}: sin iniciar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: running</source>
            <translation>{task}: en curso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/first_run_wizard.py" />
            <source>{task}: waiting</source>
            <translation>{task}: en espera</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>%n min ago</source>
            <translation>
                <numerusform>hace %n min</numerusform>
                <numerusform>hace %n min</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Today {time}</source>
            <translation>Hoy {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Tomorrow {time}</source>
            <translation>Mañana {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Yesterday {time}</source>
            <translation>Ayer {time}</translation>
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
                <numerusform>en %n min</numerusform>
                <numerusform>en %n min</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>just now</source>
            <translation>ahora mismo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{days} d {hours} h</source>
            <translation>{days} d {hours} h</translation>
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
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&amp;Pause automation (no searches, downloads or imports)</source>
            <translation>&amp;Pausar la automatización (sin búsquedas, descargas ni importaciones)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&amp;Theme</source>
            <translation>&amp;Tema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>&lt;b&gt;{state}&lt;/b&gt; — {message}</source>
            <translation>&lt;b&gt;{state}&lt;/b&gt;: {message}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>A new language applies the next time the app starts.</source>
            <translation>El nuevo idioma se aplica la próxima vez que se inicie la aplicación.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Appearance</source>
            <translation>Apariencia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Behaviour</source>
            <translation>Comportamiento</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Checking your system keychain…</source>
            <translation>Comprobando el llavero del sistema…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Dark</source>
            <translation>Oscuro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Data</source>
            <translation>Datos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Data folder</source>
            <translation>Carpeta de datos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Database</source>
            <translation>Base de datos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Encrypted file</source>
            <translation>Archivo cifrado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Follow the system</source>
            <translation>Según el sistema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Light</source>
            <translation>Claro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Locked</source>
            <translation>Bloqueado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Log file</source>
            <translation>Archivo de registro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Not available</source>
            <translation>No disponible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Passwords and API keys</source>
            <translation>Contraseñas y claves de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Secure</source>
            <translation>Seguro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Show desktop &amp;notifications</source>
            <translation>Mostrar &amp;notificaciones de escritorio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/general_settings.py" />
            <source>Start &amp;minimized to the tray</source>
            <translation>Iniciar &amp;minimizado en la bandeja del sistema</translation>
        </message>
    </context>
    <context>
        <name>HealthJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Check services</source>
            <translation>Comprobar servicios</translation>
        </message>
    </context>
    <context>
        <name>HouseholdKeySettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Browse…</source>
            <translation>E&amp;xaminar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Export</source>
            <translation>&amp;Exportar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Export household key…</source>
            <translation>&amp;Exportar la clave del hogar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Join</source>
            <translation>&amp;Unirse</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Join with a key file…</source>
            <translation>&amp;Unirse con un archivo de clave…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Frase de contraseña</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>&amp;Repeat</source>
            <translation>&amp;Repetir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>At least 8 characters</source>
            <translation>Al menos 8 caracteres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Checking the household key…</source>
            <translation>Comprobando la clave del hogar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Choose a key file, or paste the text of its QR code.</source>
            <translation>Elija un archivo de clave o pegue el texto de su código QR.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Choose a passphrase for the key file. Whoever has the file and the passphrase can read the household's passwords and API keys: give them only to a desktop of the household.</source>
            <translation>Elija una frase de contraseña para el archivo de clave. Quien tenga el archivo y la frase puede leer las contraseñas y claves de API del hogar: entréguelos solo a un equipo del hogar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Export household key</source>
            <translation>Exportar la clave del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Export the key on a desktop of the household first.</source>
            <translation>Exporte primero la clave en un equipo del hogar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Household key (*.rmabkey)</source>
            <translation>Clave del hogar (*.rmabkey)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Household key state</source>
            <translation>Estado de la clave del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Join the household</source>
            <translation>Unirse al hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Key &amp;file</source>
            <translation>Archivo de &amp;clave</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>No household key exists yet. It is made when the first password or API key is saved; then export it for the other desktops.</source>
            <translation>Todavía no existe una clave del hogar. Se crea al guardar la primera contraseña o clave de API; después, expórtela para los demás equipos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Open a household key</source>
            <translation>Abrir una clave del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Opening the key…</source>
            <translation>Abriendo la clave…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Protecting the key with your passphrase…</source>
            <translation>Protegiendo la clave con su frase de contraseña…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>QR &amp;text</source>
            <translation>&amp;Texto del QR</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Save the household key</source>
            <translation>Guardar la clave del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Saved to {path}. On the new desktop, join with this file or scan the code, and enter the passphrase.</source>
            <translation>Guardada en {path}. En el equipo nuevo, únase con este archivo o escanee el código e introduzca la frase de contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Single-user mode: passwords and API keys stay in this computer's keychain. The household key is used once several people share this database.</source>
            <translation>Modo de un solo usuario: las contraseñas y claves de API se quedan en el llavero de este equipo. La clave del hogar se usa cuando varias personas comparten esta base de datos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Text of the QR code</source>
            <translation>Texto del código QR</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The .rmabkey file exported on another desktop</source>
            <translation>El archivo .rmabkey exportado en otro equipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The household key could not be checked.</source>
            <translation>No se pudo comprobar la clave del hogar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The key file as a QR code</source>
            <translation>El archivo de clave como código QR</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The passphrase chosen at export</source>
            <translation>La frase de contraseña elegida al exportar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The same passphrase again</source>
            <translation>La misma frase de contraseña otra vez</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>The two passphrases differ.</source>
            <translation>Las dos frases de contraseña no coinciden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>This desktop has not joined the household yet, so it cannot read the shared passwords and API keys. On a desktop of the household, export the key; then join here with the file.</source>
            <translation>Este equipo aún no se ha unido al hogar, así que no puede leer las contraseñas y claves de API compartidas. Exporte la clave en un equipo del hogar y únase aquí con el archivo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>This desktop holds the household key: it reads the shared passwords and API keys. Export the key to let another desktop join.</source>
            <translation>Este equipo tiene la clave del hogar: lee las contraseñas y claves de API compartidas. Exporte la clave para que otro equipo pueda unirse.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>This desktop's key belongs to another household. Join again with a key file exported on a desktop of this household.</source>
            <translation>La clave de este equipo pertenece a otro hogar. Vuelva a unirse con un archivo de clave exportado en un equipo de este hogar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>Type the same passphrase twice.</source>
            <translation>Escriba dos veces la misma frase de contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/household_key_settings.py" />
            <source>…or paste the text of the QR code here</source>
            <translation>…o pegue aquí el texto del código QR</translation>
        </message>
    </context>
    <context>
        <name>ImportLibraryDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) can move</source>
            <translation>
                <numerusform>%n libro se puede mover</numerusform>
                <numerusform>%n libros se pueden mover</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) cannot (see Problem)</source>
            <translation>
                <numerusform>%n libro no se puede (vea Problema)</numerusform>
                <numerusform>%n libros no se pueden (vea Problema)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n book(s) found</source>
            <translation>
                <numerusform>%n libro encontrado</numerusform>
                <numerusform>%n libros encontrados</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>%n confident match(es)</source>
            <translation>
                <numerusform>%n coincidencia segura</numerusform>
                <numerusform>%n coincidencias seguras</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Accept selected</source>
            <translation>&amp;Aceptar selección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Choose match…</source>
            <translation>Elegir &amp;coincidencia…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Link accepted books</source>
            <translation>&amp;Vincular libros aceptados</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Move %n book(s)</source>
            <translation>
                <numerusform>&amp;Mover %n libro</numerusform>
                <numerusform>&amp;Mover %n libros</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Move these books</source>
            <translation>&amp;Mover estos libros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Preview moves</source>
            <translation>&amp;Previsualizar movimientos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>&amp;Scan</source>
            <translation>Ana&amp;lizar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>(not set)</source>
            <translation>(sin definir)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept the %n confident match(es)</source>
            <translation>
                <numerusform>Aceptar la coincidencia segura</numerusform>
                <numerusform>Aceptar las %n coincidencias seguras</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept the confident matches</source>
            <translation>Aceptar las coincidencias seguras</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Accept, fix or skip each book. Only books marked &lt;b&gt;Link&lt;/b&gt; are linked; the others stay as they are.</source>
            <translation>Acepte, corrija u omita cada libro. Solo se vinculan los libros marcados como &lt;b&gt;Vincular&lt;/b&gt;; los demás se quedan como están.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Cancel scan</source>
            <translation>Cancelar análisis</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Choose a folder first.</source>
            <translation>Primero elija una carpeta.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Choose match</source>
            <translation>Elegir coincidencia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Confidence</source>
            <translation>Confianza</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Decision</source>
            <translation>Decisión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Folder</source>
            <translation>Carpeta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Folder to import</source>
            <translation>Carpeta que importar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Import an existing library</source>
            <translation>Importar una biblioteca existente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Library folder</source>
            <translation>Carpeta de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Library import</source>
            <translation>Importación de biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Link</source>
            <translation>Vincular</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s) to the catalog.</source>
            <translation>
                <numerusform>%n libro vinculado al catálogo.</numerusform>
                <numerusform>%n libros vinculados al catálogo.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Linked %n book(s).</source>
            <translation>
                <numerusform>%n libro vinculado.</numerusform>
                <numerusform>%n libros vinculados.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Matching</source>
            <translation>Emparejando</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Move %n book folder(s) into {folder}?</source>
            <translation>
                <numerusform>¿Mover %n carpeta de libro a {folder}?</numerusform>
                <numerusform>¿Mover %n carpetas de libros a {folder}?</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Move books</source>
            <translation>Mover libros</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s) into the library.</source>
            <translation>
                <numerusform>%n libro movido a la biblioteca.</numerusform>
                <numerusform>%n libros movidos a la biblioteca.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Moved %n book(s).</source>
            <translation>
                <numerusform>%n libro movido.</numerusform>
                <numerusform>%n libros movidos.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>No book is marked Link yet.</source>
            <translation>Aún no hay ningún libro marcado como Vincular.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Not decided</source>
            <translation>Sin decidir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Planned moves</source>
            <translation>Movimientos previstos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Proposed match</source>
            <translation>Coincidencia propuesta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Proposed matches</source>
            <translation>Coincidencias propuestas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Reading</source>
            <translation>Leyendo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Reorganize (optional)</source>
            <translation>Reorganizar (opcional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Review the proposed matches</source>
            <translation>Revisar las coincidencias propuestas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>S&amp;kip selected</source>
            <translation>&amp;Omitir selección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Saving</source>
            <translation>Guardando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Scanning…</source>
            <translation>Analizando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Select one book to choose its match.</source>
            <translation>Seleccione un libro para elegir su coincidencia.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Set the library folder in Settings first.</source>
            <translation>Primero defina la carpeta de la biblioteca en Configuración.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Skip</source>
            <translation>Omitir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The app knows no books yet: request or search some first.</source>
            <translation>La aplicación aún no conoce ningún libro: primero solicite o busque alguno.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The app reads the folder and its tags and proposes which book each folder is. It changes nothing on disk until you review the proposals and agree.</source>
            <translation>La aplicación lee la carpeta y sus etiquetas y propone qué libro es cada carpeta. No cambia nada en el disco hasta que usted revise las propuestas y las acepte.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>The linked books can be moved into your library folder &lt;b&gt;{folder}&lt;/b&gt; following the naming template. Preview first: every move is listed, and nothing moves until you press Move.</source>
            <translation>Los libros vinculados se pueden mover a su carpeta de biblioteca &lt;b&gt;{folder}&lt;/b&gt; según la plantilla de nombres. Previsualice primero: se enumeran todos los movimientos y nada se mueve hasta que pulse Mover.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>To</source>
            <translation>Hacia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Walking</source>
            <translation>Recorriendo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Which book is {folder}?</source>
            <translation>¿Qué libro es {folder}?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Which folder holds your audiobooks?</source>
            <translation>¿Qué carpeta contiene sus audiolibros?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>Why</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{books}; {matches}. Review them, then link.</source>
            <translation>{books}; {matches}. Revíselas y luego vincule.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{moved} Not moved: {failed}</source>
            <translation>{moved} No movidos: {failed}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/import_library_dialog.py" />
            <source>{phase}: {done} of %n file(s)…</source>
            <translation>
                <numerusform>{phase}: {done} de %n archivo…</numerusform>
                <numerusform>{phase}: {done} de %n archivos…</numerusform>
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
                <numerusform>%n obtención</numerusform>
                <numerusform>%n obtenciones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>%n search(es)</source>
            <translation>
                <numerusform>%n búsqueda</numerusform>
                <numerusform>%n búsquedas</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>It is tried again once the indexer's day starts over; raise the limit in Settings &gt; Indexers.</source>
            <translation>Se volverá a intentar cuando empiece un nuevo día para el indexador; aumente el límite en Configuración &gt; Indexadores.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>Today: {searches}, {grabs}.</source>
            <translation>Hoy: {searches}, {grabs}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{name} has used {used} of its {limit} grabs today.</source>
            <translation>{name} ha usado hoy {used} de sus {limit} obtenciones.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{name} has used {used} of its {limit} searches today.</source>
            <translation>{name} ha usado hoy {used} de sus {limit} búsquedas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{used} of {limit} grabs</source>
            <translation>{used} de {limit} obtenciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/limits.py" />
            <source>{used} of {limit} searches</source>
            <translation>{used} de {limit} búsquedas</translation>
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
            <translation>&amp;Agregar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Grabs per day</source>
            <translation>Releases &amp;obtenidas por día</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Load indexers from Prowlarr</source>
            <translation>&amp;Cargar indexadores desde Prowlarr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Priority</source>
            <translation>&amp;Prioridad</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Test</source>
            <translation>Pro&amp;bar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>&amp;Type</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>1 is the most trusted indexer, 50 the least (as in Prowlarr)</source>
            <translation>1 es el indexador más fiable y 50 el menos (como en Prowlarr)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>API &amp;key</source>
            <translation>C&amp;lave de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Addr&amp;ess</source>
            <translation>&amp;Dirección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Asking Prowlarr…</source>
            <translation>Consultando a Prowlarr…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobook &amp;categories</source>
            <translation>Categorías de a&amp;udiolibros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobook categories</source>
            <translation>Categorías de audiolibros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Audiobooks</source>
            <translation>Audiolibros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Downloads a day; further grabs wait for the next day</source>
            <translation>Descargas al día; las siguientes obtenciones esperan al día siguiente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Eb&amp;ook categories</source>
            <translation>Categorías de libros &amp;electrónicos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Ebook categories</source>
            <translation>Categorías de libros electrónicos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Ebooks</source>
            <translation>Libros electrónicos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Enabled</source>
            <translation>Activado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>For the indexer selected in the Prowlarr list</source>
            <translation>Para el indexador seleccionado en la lista de Prowlarr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexer</source>
            <translation>Indexador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexer {number}</source>
            <translation>Indexador {number}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexers</source>
            <translation>Indexadores</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Indexers in Prowlarr</source>
            <translation>Indexadores en Prowlarr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Internet Archive / LibriVox (free, no account)</source>
            <translation>Internet Archive / LibriVox (gratis, sin cuenta)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Newznab feed (usenet)</source>
            <translation>Fuente Newznab (usenet)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Priority</source>
            <translation>Prioridad</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Protocol</source>
            <translation>Protocolo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr (all its indexers)</source>
            <translation>Prowlarr (todos sus indexadores)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr has %n indexer(s).</source>
            <translation>
                <numerusform>Prowlarr tiene %n indexador.</numerusform>
                <numerusform>Prowlarr tiene %n indexadores.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Prowlarr indexers: categories per indexer</source>
            <translation>Indexadores de Prowlarr: categorías por indexador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searc&amp;h this indexer</source>
            <translation>Bu&amp;scar en este indexador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searches a day; the search skips this indexer once they are used</source>
            <translation>Búsquedas al día; una vez agotadas, la búsqueda omite este indexador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Searches per &amp;day</source>
            <translation>Bús&amp;quedas por día</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Seed &amp;ratio before removal</source>
            <translation>&amp;Ratio de siembra antes de quitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Seed t&amp;ime before removal</source>
            <translation>T&amp;iempo de siembra antes de quitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Select or add an indexer first.</source>
            <translation>Primero seleccione o agregue un indexador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Torznab feed (torrents: Jackett, a tracker)</source>
            <translation>Fuente Torznab (torrents: Jackett, un tracker)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>as the indexer reports</source>
            <translation>según el indexador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>client default</source>
            <translation>valor del cliente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default</source>
            <translation>predeterminadas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default ({categories})</source>
            <translation>predeterminadas ({categories})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default; or e.g. 3030, 3130; or none</source>
            <translation>predeterminadas; o p. ej., 3030, 3130; o ninguna</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>default; or e.g. 7020; or none</source>
            <translation>predeterminadas; o p. ej., 7020; o ninguna</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>none</source>
            <translation>ninguna</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>skipped</source>
            <translation>omitidas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/indexer_settings.py" />
            <source>⚠ The API key of %n indexer(s) cannot be read: no keychain works on this computer. They are kept; enter each key again to search them.</source>
            <translation>
                <numerusform>⚠ No se puede leer la clave de API de %n indexador: ningún llavero funciona en este equipo. Se conserva; escriba de nuevo la clave para buscar en él.</numerusform>
                <numerusform>⚠ No se pueden leer las claves de API de %n indexadores: ningún llavero funciona en este equipo. Se conservan; escriba de nuevo cada clave para buscar en ellos.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Indexers</name>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>Add an indexer in Settings &gt; Indexers.</source>
            <translation>Agregue un indexador en Configuración &gt; Indexadores.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>It does not list categories {categories}.</source>
            <translation>No incluye las categorías {categories}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>No indexer is enabled.</source>
            <translation>No hay ningún indexador activado.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>Prowlarr {version} answered with %n enabled indexer(s).</source>
            <translation>
                <numerusform>Prowlarr {version} respondió con %n indexador activado.</numerusform>
                <numerusform>Prowlarr {version} respondió con %n indexadores activados.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>The Internet Archive answered.</source>
            <translation>Internet Archive respondió.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/indexers/service.py" />
            <source>{title} answered with %n category code(s).</source>
            <translation>
                <numerusform>{title} respondió con %n código de categoría.</numerusform>
                <numerusform>{title} respondió con %n códigos de categoría.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InteractiveSearch</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>#</source>
            <translation>N.º</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n acceptable</source>
            <translation>
                <numerusform>%n aceptable</numerusform>
                <numerusform>%n aceptables</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n resultado</numerusform>
                <numerusform>%n resultados</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>&amp;Grab this release</source>
            <translation>&amp;Obtener esta release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Accepted</source>
            <translation>Aceptada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Blocklisted</source>
            <translation>Bloqueada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Blocklisted: it failed for this book before</source>
            <translation>Bloqueada: ya falló antes para este libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Grab a rejected release?</source>
            <translation>¿Obtener una release rechazada?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Grabbing “{title}”…</source>
            <translation>Obteniendo “{title}”…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Indexer</source>
            <translation>Indexador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Interactive search: {title}</source>
            <translation>Búsqueda interactiva: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>No results. Check the indexers in Settings, or set custom search terms on the request.</source>
            <translation>Sin resultados. Revise los indexadores en Configuración o defina términos de búsqueda personalizados en la solicitud.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Rejected</source>
            <translation>Rechazada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Releases found</source>
            <translation>Releases encontradas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Score</source>
            <translation>Puntuación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Score parts:</source>
            <translation>Desglose de la puntuación:</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Search failed: {reason}</source>
            <translation>La búsqueda falló: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Searching every indexer…</source>
            <translation>Buscando en todos los indexadores…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Seeders</source>
            <translation>Semillas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Size</source>
            <translation>Tamaño</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Verdict</source>
            <translation>Veredicto</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Why</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>Why this score</source>
            <translation>Motivo de esta puntuación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{counts} Greyed rows were rejected or are blocklisted; hover or select one to see why. You can still grab any of them.</source>
            <translation>{counts} Las filas en gris se rechazaron o están bloqueadas; pase el puntero sobre una o selecciónela para ver el motivo. Aun así, puede obtener cualquiera de ellas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{results}, {acceptable}.</source>
            <translation>{results}, {acceptable}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>{verdict}, score {score}</source>
            <translation>{verdict}, puntuación {score}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/interactive_search_dialog.py" />
            <source>“{title}” is {verdict}:
{reason}

Grab it anyway?</source>
            <translation>“{title}”: {verdict}
{reason}

¿Obtenerla de todos modos?</translation>
        </message>
    </context>
    <context>
        <name>JobPump</name>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Another app instance on this database runs automation; this one requests and watches.</source>
            <translation>Otra instancia de la aplicación en esta base de datos ejecuta la automatización; esta solo solicita y supervisa.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Automation paused</source>
            <translation>Automatización en pausa</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Automation: on</source>
            <translation>Automatización: activa</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Automation: standby</source>
            <translation>Automatización: en espera</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Interrupted because the app quit; it will run again at the next start.</source>
            <translation>Interrumpida porque se cerró la aplicación; se ejecutará de nuevo en el próximo inicio.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>Searches, downloads and imports are paused. Resume from the tray or Settings.</source>
            <translation>Las búsquedas, descargas e importaciones están en pausa. Reanúdelas desde la bandeja del sistema o desde Configuración.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/job_pump.py" />
            <source>This instance runs searches, downloads, imports and scheduled jobs.</source>
            <translation>Esta instancia ejecuta las búsquedas, descargas, importaciones y tareas programadas.</translation>
        </message>
    </context>
    <context>
        <name>JobQueue</name>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>A worker that lost this job (attempt {attempt}) finished late; its outcome was discarded.</source>
            <translation>Un proceso que había perdido esta tarea (intento {attempt}) terminó tarde; se descartó su resultado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Cancelled</source>
            <translation>Cancelada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Failed: {error}</source>
            <translation>Fallida: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Failed: {error}; retrying at {time} UTC</source>
            <translation>Fallida: {error}; se reintentará a las {time} UTC</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Finished in {seconds} s</source>
            <translation>Terminada en {seconds} s</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/job_executor.py" />
            <source>Started (attempt {attempt} of {attempts})</source>
            <translation>Iniciada (intento {attempt} de {attempts})</translation>
        </message>
    </context>
    <context>
        <name>JobsTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>#</source>
            <translation>N.º</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>All</source>
            <translation>Todas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Attempts</source>
            <translation>Intentos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Cancelled</source>
            <translation>Cancelada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Created {time}</source>
            <translation>Creada {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Done</source>
            <translation>Hecha</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Failed</source>
            <translation>Fallida</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Finished</source>
            <translation>Terminada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Job</source>
            <translation>Tarea</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Last error</source>
            <translation>Último error</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Queued</source>
            <translation>En cola</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Retrying</source>
            <translation>Reintentando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Running</source>
            <translation>En curso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/jobs_model.py" />
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
    </context>
    <context>
        <name>Keychain</name>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>No secure keychain was found ({backend}). Choose a passphrase to keep passwords and API keys in an encrypted file, or install a keychain (GNOME Keyring or KWallet on Linux).</source>
            <translation>No se encontró ningún llavero seguro ({backend}). Elija una frase de contraseña para guardar las contraseñas y claves de API en un archivo cifrado, o instale un llavero (GNOME Keyring o KWallet en Linux).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>No system keychain works here ({backend}); secrets are kept in a file encrypted with your passphrase.</source>
            <translation>Ningún llavero del sistema funciona aquí ({backend}); los secretos se guardan en un archivo cifrado con su frase de contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>No system keychain works here ({backend}); your secrets file is locked. Enter your passphrase to unlock it.</source>
            <translation>Ningún llavero del sistema funciona aquí ({backend}); su archivo de secretos está bloqueado. Escriba su frase de contraseña para desbloquearlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>Secrets are kept in your system keychain ({backend}).</source>
            <translation>Los secretos se guardan en el llavero de su sistema ({backend}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/credentials.py" />
            <source>Your system keychain ({backend}) is locked. Unlock it to let the app use saved passwords and API keys.</source>
            <translation>El llavero de su sistema ({backend}) está bloqueado. Desbloquéelo para que la aplicación pueda usar las contraseñas y claves de API guardadas.</translation>
        </message>
    </context>
    <context>
        <name>Languages</name>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Chinese</source>
            <translation>chino</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Czech</source>
            <translation>checo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Danish</source>
            <translation>danés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Dutch</source>
            <translation>neerlandés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>English</source>
            <translation>inglés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Finnish</source>
            <translation>finés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>French</source>
            <translation>francés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>German</source>
            <translation>alemán</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Hungarian</source>
            <translation>húngaro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Italian</source>
            <translation>italiano</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Japanese</source>
            <translation>japonés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Korean</source>
            <translation>coreano</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Norwegian</source>
            <translation>noruego</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Polish</source>
            <translation>polaco</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Portuguese</source>
            <translation>portugués</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Russian</source>
            <translation>ruso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Spanish</source>
            <translation>español</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Swedish</source>
            <translation>sueco</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/languages.py" />
            <source>Turkish</source>
            <translation>turco</translation>
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Could not open {path}.</source>
            <translation>No se pudo abrir {path}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Library</source>
            <translation>Biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>No audio file of “{title}” could be opened.</source>
            <translation>No se pudo abrir ningún archivo de audio de “{title}”.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Open folder</source>
            <translation>Abrir carpeta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Play</source>
            <translation>Reproducir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Problem reported</source>
            <translation>Problema informado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tag this book?</source>
            <translation>¿Reetiquetar este libro?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tagged</source>
            <translation>Reetiquetado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Re-tagging is not available in this build</source>
            <translation>El reetiquetado no está disponible en esta compilación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Tags of “{title}” were written.</source>
            <translation>Se escribieron las etiquetas de “{title}”.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>The administrators were told about “{title}”.</source>
            <translation>Se avisó a los administradores sobre “{title}”.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_actions.py" />
            <source>Write the title, authors, narrators, series, cover and description of “{title}” into its audio files? Tags it has no value for (such as a genre) and tags it does not manage are kept.</source>
            <translation>¿Escribir el título, los autores, los narradores, la serie, la portada y la descripción de “{title}” en sus archivos de audio? Se conservan las etiquetas para las que no tiene valor (como el género) y las que no gestiona.</translation>
        </message>
    </context>
    <context>
        <name>LibraryAvailability</name>
        <message>
            <location filename="../../rmab_desktop/services/library/availability.py" />
            <source>Found in the library at {path} ({reason})</source>
            <translation>Encontrado en la biblioteca en {path} ({reason})</translation>
        </message>
    </context>
    <context>
        <name>LibraryBackends</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>%n book(s) listed</source>
            <translation>
                <numerusform>%n libro listado</numerusform>
                <numerusform>%n libros listados</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>Connected to Audiobookshelf; library '{library}'.</source>
            <translation>Conectado a Audiobookshelf; biblioteca «{library}».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/backends.py" />
            <source>Connected to Plex {version}; library '{library}'.</source>
            <translation>Conectado a Plex {version}; biblioteca «{library}».</translation>
        </message>
    </context>
    <context>
        <name>LibraryImport</name>
        <message>
            <location filename="../../rmab_desktop/services/library/importing.py" />
            <source>Moved {done} of {total}</source>
            <translation>{done} de {total} movidos</translation>
        </message>
    </context>
    <context>
        <name>LibraryJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n libro</numerusform>
                <numerusform>%n libros</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>%n request(s) now available</source>
            <translation>
                <numerusform>%n solicitud ya disponible</numerusform>
                <numerusform>%n solicitudes ya disponibles</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>Library folder</source>
            <translation>Carpeta de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>Library refreshed from {backend}: {books} ({added} new, {removed} gone); {requests}</source>
            <translation>Biblioteca actualizada desde {backend}: {books} ({added} nuevos, {removed} retirados); {requests}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/__init__.py" />
            <source>Refresh the library</source>
            <translation>Actualizar la biblioteca</translation>
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
                <numerusform>%n autor</numerusform>
                <numerusform>%n autores</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n libro</numerusform>
                <numerusform>%n libros</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s) in your library folder.</source>
            <translation>
                <numerusform>%n libro en su carpeta de biblioteca.</numerusform>
                <numerusform>%n libros en su carpeta de biblioteca.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>%n book(s) in your {server} library.</source>
            <translation>
                <numerusform>%n libro en su biblioteca de {server}.</numerusform>
                <numerusform>%n libros en su biblioteca de {server}.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Add from URL…</source>
            <translation>Agregar desde URL…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Books</source>
            <translation>Libros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Books shown</source>
            <translation>Libros mostrados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Choose your library folder or server in Settings, then refresh. Books you request arrive here.</source>
            <translation>Elija la carpeta o el servidor de su biblioteca en Configuración y luego actualice. Los libros que solicite llegarán aquí.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Import existing library…</source>
            <translation>Importar biblioteca existente…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Import the audio of a link (video, podcast, LibriVox) as a book</source>
            <translation>Importar el audio de un enlace (video, pódcast, LibriVox) como libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library</source>
            <translation>Biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library refreshed</source>
            <translation>Biblioteca actualizada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Library totals</source>
            <translation>Totales de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Looking for books…</source>
            <translation>Buscando libros…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Preparing search…</source>
            <translation>Preparando la búsqueda…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Read the library again from its backend (folder scan, Plex or Audiobookshelf)</source>
            <translation>Volver a leer la biblioteca desde su origen (análisis de carpeta, Plex o Audiobookshelf)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Reading tags…</source>
            <translation>Leyendo etiquetas…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Refresh library</source>
            <translation>Actualizar biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Refreshing…</source>
            <translation>Actualizando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search the library</source>
            <translation>Buscar en la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search titles, authors, narrators and series. Fields: author: narrator: series: title: year: format: asin: path: missing:cover|asin|series|narrator|year|match has:…  Quote values with spaces (series:"dark tower"), put - before a term to exclude it, years as 1990..1999 or &gt;2010.</source>
            <translation>Busque en títulos, autores, narradores y series. Campos: author: narrator: series: title: year: format: asin: path: missing:cover|asin|series|narrator|year|match has:…  Ponga entre comillas los valores con espacios (series:"dark tower"), ponga - delante de un término para excluirlo, años como 1990..1999 o &gt;2010.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Search: king   author:"le guin"   year:1990..1999   missing:cover</source>
            <translation>Buscar: king   author:"le guin"   year:1990..1999   missing:cover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>The books you already have, as your library folder or server knows them.</source>
            <translation>Los libros que ya tiene, tal como los conoce la carpeta o el servidor de su biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>Your library is empty</source>
            <translation>Su biblioteca está vacía</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{duration} of listening</source>
            <translation>{duration} de escucha</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/library_page.py" />
            <source>{shown} of %n book(s)</source>
            <translation>
                <numerusform>{shown} de %n libro</numerusform>
                <numerusform>{shown} de %n libros</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryScan</name>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Choose a folder you can write to, or fix its permissions.</source>
            <translation>Elija una carpeta en la que pueda escribir o corrija sus permisos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Choose an existing folder.</source>
            <translation>Elija una carpeta existente.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/scanner.py" />
            <source>Choose the folder that holds your audiobooks.</source>
            <translation>Elija la carpeta que contiene sus audiolibros.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Choose your library folder in Settings.</source>
            <translation>Elija su carpeta de biblioteca en Configuración.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>Library folder {root} is readable and writable.</source>
            <translation>La carpeta de biblioteca {root} se puede leer y escribir.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>No library folder is set.</source>
            <translation>No hay ninguna carpeta de biblioteca definida.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>The app cannot write into {root} ({reason}).</source>
            <translation>La aplicación no puede escribir en {root} ({reason}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/scanner.py" />
            <source>{path} is not a folder</source>
            <translation>{path} no es una carpeta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>{path} is not inside the library folder {root}.</source>
            <translation>{path} no está dentro de la carpeta de biblioteca {root}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: links to {target}, outside the library folder; skipped</source>
            <translation>{path}: enlaza a {target}, fuera de la carpeta de biblioteca; omitido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: name is not valid UTF-8; skipped</source>
            <translation>{path}: el nombre no es UTF-8 válido; omitido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: not a regular file; skipped</source>
            <translation>{path}: no es un archivo normal; omitido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folders.py" />
            <source>{path}: {reason}</source>
            <translation>{path}: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/folder_backend.py" />
            <source>{root} is not a folder.</source>
            <translation>{root} no es una carpeta.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/library/scanner.py" />
            <source>{subpath} is not inside the library folder {root_path}</source>
            <translation>{subpath} no está dentro de la carpeta de biblioteca {root_path}</translation>
        </message>
    </context>
    <context>
        <name>LibrarySettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Address</source>
            <translation>&amp;Dirección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Folder</source>
            <translation>&amp;Carpeta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Library</source>
            <translation>&amp;Biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>&amp;Test</source>
            <translation>&amp;Probar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>({milliseconds} ms)</source>
            <translation>({milliseconds} ms)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>/data/audiobooks (as the server sees it)</source>
            <translation>/data/audiobooks (como la ve el servidor)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>A folder on this computer (the app scans it)</source>
            <translation>Una carpeta en este equipo (la aplicación la analiza)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Approve the sign-in in your browser; this page waits for Plex.</source>
            <translation>Apruebe el inicio de sesión en su navegador; esta página espera a Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Asking the server…</source>
            <translation>Consultando al servidor…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation>
                <numerusform>Bibliotecas de audiolibros encontradas: %n.</numerusform>
                <numerusform>Bibliotecas de audiolibros encontradas: %n.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Audiobookshelf: an API token</source>
            <translation>Audiobookshelf: un token de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Browse for the library folder</source>
            <translation>Buscar la carpeta de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>F&amp;ind libraries</source>
            <translation>B&amp;uscar bibliotecas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Library &amp;server</source>
            <translation>&amp;Servidor de biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Library folder</source>
            <translation>Carpeta de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Lo&amp;cal path</source>
            <translation>Ruta &amp;local</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Only needed when the server runs elsewhere (NAS, Docker) and sees your library folder under another path.</source>
            <translation>Solo hace falta si el servidor se ejecuta en otro lugar (NAS, Docker) y ve la carpeta de su biblioteca con otra ruta.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Opening plex.tv…</source>
            <translation>Abriendo plex.tv…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Opens plex.tv in your browser; the token arrives here when you approve</source>
            <translation>Abre plex.tv en su navegador; el token llega aquí cuando usted lo aprueba</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Plex (a Music library)</source>
            <translation>Plex (una biblioteca de música)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Plex: your X-Plex-Token</source>
            <translation>Plex: su X-Plex-Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Server</source>
            <translation>Servidor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Server &amp;path</source>
            <translation>&amp;Ruta en el servidor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Sign in &amp;with Plex…</source>
            <translation>Iniciar sesión con Ple&amp;x…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>T&amp;oken</source>
            <translation>&amp;Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Test result</source>
            <translation>Resultado de la prueba</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Testing…</source>
            <translation>Probando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>The server has no audiobook library.</source>
            <translation>El servidor no tiene ninguna biblioteca de audiolibros.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>Where your audiobooks are organized</source>
            <translation>Dónde se organizan sus audiolibros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>the same folder on this computer</source>
            <translation>la misma carpeta en este equipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/library_settings.py" />
            <source>✔ Signed in with Plex. Choose the library, then Test.</source>
            <translation>✔ Sesión iniciada con Plex. Elija la biblioteca y luego pulse Probar.</translation>
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
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Length</source>
            <translation>Duración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Narrator</source>
            <translation>Narrador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Series</source>
            <translation>Serie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Size</source>
            <translation>Tamaño</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/library_model.py" />
            <source>Year</source>
            <translation>Año</translation>
        </message>
    </context>
    <context>
        <name>ListsPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n libro</numerusform>
                <numerusform>%n libros</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Add book…</source>
            <translation>&amp;Agregar libro…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Delete list</source>
            <translation>&amp;Eliminar lista</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;New list…</source>
            <translation>&amp;Nueva lista…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Note…</source>
            <translation>No&amp;ta…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>&amp;Share with the household</source>
            <translation>&amp;Compartir con el hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>ASIN of the book</source>
            <translation>ASIN del libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add &amp;tier…</source>
            <translation>Agregar n&amp;ivel…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add a book</source>
            <translation>Agregar un libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add a book by its ASIN</source>
            <translation>Agregar un libro por su ASIN</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Add a tier</source>
            <translation>Agregar un nivel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Alt+Down</source>
            <translation>Alt+Abajo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Alt+Up</source>
            <translation>Alt+Arriba</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Books in order</source>
            <translation>Libros en orden</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Colour…</source>
            <translation>Color…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Copy 1200×630 to the clipboard</source>
            <translation>Copiar 1200×630 al portapapeles</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Ctrl+Down</source>
            <translation>Ctrl+Abajo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Ctrl+Up</source>
            <translation>Ctrl+Arriba</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Delete</source>
            <translation>Supr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>E&amp;xport…</source>
            <translation>E&amp;xportar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Export a list, then import that file.</source>
            <translation>Exporte una lista y luego importe ese archivo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Export list</source>
            <translation>Exportar lista</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>F2</source>
            <translation>F2</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>I&amp;mport…</source>
            <translation>I&amp;mportar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Import a list exported as JSON</source>
            <translation>Importar una lista exportada como JSON</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Import list</source>
            <translation>Importar lista</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Label</source>
            <translation>Nombre del nivel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Lists</source>
            <translation>Listas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Make a recommendation list or a tier list, then drag books into it.</source>
            <translation>Cree una lista de recomendaciones o una lista por niveles y luego arrastre libros a ella.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move &amp;up</source>
            <translation>&amp;Subir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move do&amp;wn</source>
            <translation>&amp;Bajar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move down</source>
            <translation>Bajar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Move up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>New list</source>
            <translation>Nueva lista</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>New list…</source>
            <translation>Nueva lista…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>No lists yet</source>
            <translation>Aún no hay listas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Not placed yet</source>
            <translation>Aún sin colocar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Note for {title}</source>
            <translation>Nota para “{title}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>PNG images (*.png)</source>
            <translation>Imágenes PNG (*.png)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Recommendation lists and tier lists. Drag books in from Search, Discover or the Audible library.</source>
            <translation>Listas de recomendaciones y listas por niveles. Arrastre libros desde Buscar, Descubrir o la biblioteca de Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Recommendations</source>
            <translation>Recomendaciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Recommendations (ordered, a note per book)</source>
            <translation>Recomendaciones (ordenadas, una nota por libro)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Remove tier</source>
            <translation>Quitar nivel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Rename tier</source>
            <translation>Cambiar nombre del nivel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Rename…</source>
            <translation>Cambiar nombre…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>S&amp;hared with the household</source>
            <translation>&amp;Compartida con el hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1080×1080 (dark)…</source>
            <translation>Guardar 1080×1080 (oscuro)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1080×1080 (light)…</source>
            <translation>Guardar 1080×1080 (claro)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1200×630 (dark)…</source>
            <translation>Guardar 1200×630 (oscuro)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save 1200×630 (light)…</source>
            <translation>Guardar 1200×630 (claro)…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save share image</source>
            <translation>Guardar imagen para compartir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Save the list as JSON</source>
            <translation>Guardar la lista como JSON</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Saved {name}.</source>
            <translation>Se guardó {name}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Select a book in the list first.</source>
            <translation>Seleccione primero un libro de la lista.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Share &amp;image…</source>
            <translation>Ima&amp;gen para compartir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>The share image is on the clipboard.</source>
            <translation>La imagen para compartir está en el portapapeles.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier a&amp;bove</source>
            <translation>Nivel s&amp;uperior</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier be&amp;low</source>
            <translation>Nivel in&amp;ferior</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier colour</source>
            <translation>Color del nivel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier list</source>
            <translation>Lista por niveles</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier list (S, A, B, C, D)</source>
            <translation>Lista por niveles (S, A, B, C, D)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Tier {label}</source>
            <translation>Nivel {label}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>Your lists</source>
            <translation>Sus listas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>unknown author</source>
            <translation>autor desconocido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>{book} — {note}</source>
            <translation>{book} — {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/lists_page.py" />
            <source>{name} is not a list file.</source>
            <translation>{name} no es un archivo de lista.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>{rank}. {title}</source>
            <translation>{rank}. {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/list_items_model.py" />
            <source>{title} by {author}</source>
            <translation>{title}, de {author}</translation>
        </message>
    </context>
    <context>
        <name>LocalApiSettings</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n día</numerusform>
                <numerusform>%n días</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Copy</source>
            <translation>&amp;Copiar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Done</source>
            <translation>&amp;Listo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Expires after</source>
            <translation>&amp;Caduca tras</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;For</source>
            <translation>&amp;Para</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Listen on</source>
            <translation>&amp;Escuchar en</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;New token…</source>
            <translation>&amp;Nuevo token…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Port</source>
            <translation>&amp;Puerto</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Start</source>
            <translation>&amp;Iniciar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>&amp;Stop</source>
            <translation>&amp;Detener</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>API tokens</source>
            <translation>Tokens de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Active</source>
            <translation>Activo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Administrator</source>
            <translation>Administrador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Anyone on your network can reach the API then. Tokens still guard every call, but the connection is not encrypted: use it only on a network you trust.</source>
            <translation>Entonces cualquiera en su red puede llegar a la API. Los tokens siguen protegiendo cada llamada, pero la conexión no está cifrada: úselo solo en una red de confianza.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>C&amp;reate</source>
            <translation>C&amp;rear</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Copied</source>
            <translation>Copiado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Copy the token now: it is shown only this once. Keep it like a password.</source>
            <translation>Copie el token ahora: solo se muestra esta vez. Guárdelo como una contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Every device on the local network</source>
            <translation>Todos los dispositivos de la red local</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Expired</source>
            <translation>Caducado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Expires</source>
            <translation>Caduca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Last used</source>
            <translation>Último uso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Make a token for each script or device that uses the API; revoke it when it is done.</source>
            <translation>Cree un token para cada script o dispositivo que use la API; revóquelo cuando ya no lo necesite.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Making the token…</source>
            <translation>Creando el token…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Never</source>
            <translation>Nunca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>New API token</source>
            <translation>Nuevo token de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>No API tokens yet</source>
            <translation>Aún no hay tokens de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Not running: {error}</source>
            <translation>No está en marcha: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Re&amp;voke</source>
            <translation>Re&amp;vocar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Revoke the token {prefix}… ({name})? Scripts using it stop working at once.</source>
            <translation>¿Revocar el token {prefix}… ({name})? Los scripts que lo usan dejan de funcionar de inmediato.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Revoke token</source>
            <translation>Revocar el token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Revoked</source>
            <translation>Revocado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Running at {url}. &lt;a href="{docs}"&gt;API description&lt;/a&gt; · &lt;a href="{page}"&gt;Request from Audible&lt;/a&gt;</source>
            <translation>En marcha en {url}. &lt;a href="{docs}"&gt;Descripción de la API&lt;/a&gt; · &lt;a href="{page}"&gt;Solicitar desde Audible&lt;/a&gt;</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Scripts, home automation and your browser can request and follow books through a local HTTP API. It is off until you start it; every call needs an API token.</source>
            <translation>Los scripts, la domótica y su navegador pueden solicitar y seguir libros mediante una API HTTP local. Está apagada hasta que la inicie; cada llamada necesita un token de API.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Server</source>
            <translation>Servidor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Starting the API…</source>
            <translation>Iniciando la API…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Stopped.</source>
            <translation>Detenida.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Stopping the API…</source>
            <translation>Deteniendo la API…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>The new token</source>
            <translation>El token nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>This computer only</source>
            <translation>Solo este equipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>Token</source>
            <translation>Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>User</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/local_api_settings.py" />
            <source>e.g. Home Assistant</source>
            <translation>p. ej., Home Assistant</translation>
        </message>
    </context>
    <context>
        <name>LogTable</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Debug</source>
            <translation>Depuración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Info</source>
            <translation>Info</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Level</source>
            <translation>Nivel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Message</source>
            <translation>Mensaje</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Source</source>
            <translation>Origen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/log_model.py" />
            <source>Warning</source>
            <translation>Advertencia</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;About {app}</source>
            <translation>&amp;Acerca de {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Documentation</source>
            <translation>&amp;Documentación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Find in This Page</source>
            <translation>&amp;Buscar en esta página</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Go</source>
            <translation>&amp;Ir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Import from ReadMeABook / AudioBookRequest…</source>
            <translation>&amp;Importar desde ReadMeABook / AudioBookRequest…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>Atajos de &amp;teclado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Refresh This Page</source>
            <translation>&amp;Actualizar esta página</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Report a Problem…</source>
            <translation>Informar de un &amp;problema…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;Settings…</source>
            <translation>&amp;Configuración…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Automation</source>
            <translation>Automatización</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Background jobs</source>
            <translation>Tareas en segundo plano</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Choose a page; Ctrl+1 to Ctrl+9 open the first nine</source>
            <translation>Elija una página; Ctrl+1 a Ctrl+9 abren las nueve primeras</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Jobs: {running} running, {queued} queued</source>
            <translation>Tareas: {running} en curso, {queued} en cola</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Jobs: {running} running, {queued} queued, {failed} failed</source>
            <translation>Tareas: {running} en curso, {queued} en cola, {failed} fallidas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain</source>
            <translation>Llavero</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: checking…</source>
            <translation>Llavero: comprobando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: locked</source>
            <translation>Llavero: bloqueado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: secure</source>
            <translation>Llavero: seguro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Keychain: unavailable</source>
            <translation>Llavero: no disponible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>No pages are installed in this build.</source>
            <translation>No hay páginas instaladas en esta compilación.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Nothing here yet</source>
            <translation>Aún no hay nada aquí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Open &amp;Log Folder</source>
            <translation>Abrir carpeta del &amp;registro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Opening your library…</source>
            <translation>Abriendo su biblioteca…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Pages</source>
            <translation>Páginas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>S&amp;witch User…</source>
            <translation>Ca&amp;mbiar de usuario…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Search the &amp;Catalog</source>
            <translation>Buscar en el &amp;catálogo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Secrets: encrypted file</source>
            <translation>Secretos: archivo cifrado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Sign &amp;Out</source>
            <translation>Cerrar &amp;sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>Sign &amp;Out ({name})</source>
            <translation>Cerrar &amp;sesión ({name})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>This takes a moment.</source>
            <translation>Esto tarda un momento.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{error}
The details are in the log file.</source>
            <translation>{error}
Los detalles están en el archivo de registro.</translation>
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
            <translation>{page} ({count} pendientes)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/main_window.py" />
            <source>{page} could not be opened</source>
            <translation>No se pudo abrir {page}</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/maintenance.py" />
            <source>Diagnostic wait</source>
            <translation>Espera de diagnóstico</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/maintenance.py" />
            <source>Diagnostic wait of {seconds} s finished</source>
            <translation>Espera de diagnóstico de {seconds} s terminada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/maintenance.py" />
            <source>Prune old job history</source>
            <translation>Depurar el historial antiguo de tareas</translation>
        </message>
    </context>
    <context>
        <name>Marketplaces</name>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Australia</source>
            <translation>Australia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Brazil</source>
            <translation>Brasil</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Canada</source>
            <translation>Canadá</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>France</source>
            <translation>Francia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Germany</source>
            <translation>Alemania</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>India</source>
            <translation>India</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Italy</source>
            <translation>Italia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Japan</source>
            <translation>Japón</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>Spain</source>
            <translation>España</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>United Kingdom</source>
            <translation>Reino Unido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/catalog.py" />
            <source>United States</source>
            <translation>Estados Unidos</translation>
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
            <translation>«{address}» no es una dirección de PostgreSQL; ReadMeABook guarda sus datos en PostgreSQL.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Audiobooks</source>
            <translation>Audiolibros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Audiobookshelf API key</source>
            <translation>Clave API de Audiobookshelf</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Blocked in {app}</source>
            <translation>Bloqueada en {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Blocked releases</source>
            <translation>Releases bloqueadas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Brought over from {app}, where it was '{status}'</source>
            <translation>Traída desde {app}, donde estaba «{status}»</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Copy CONFIG_ENCRYPTION_KEY from ReadMeABook's /app/config/.secrets file, or leave the key out and enter the secrets again afterwards.</source>
            <translation>Copia CONFIG_ENCRYPTION_KEY del archivo /app/config/.secrets de ReadMeABook, u omite la clave y vuelve a introducir los secretos después.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Discover sections</source>
            <translation>Secciones de Descubrir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Download client passwords</source>
            <translation>Contraseñas de los clientes de descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Download history</source>
            <translation>Historial de descargas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>Give the DATABASE_URL of ReadMeABook, e.g. postgresql://USER:PASSWORD@HOST:5432/readmeabook.</source>
            <translation>Indica la DATABASE_URL de ReadMeABook, p. ej. postgresql://USER:PASSWORD@HOST:5432/readmeabook.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>Give the address of the database ReadMeABook uses (DATABASE_URL in its container).</source>
            <translation>Indica la dirección de la base de datos que usa ReadMeABook (DATABASE_URL en su contenedor).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>Give the path of AudioBookRequest's database file (db.sqlite in its config folder).</source>
            <translation>Indica la ruta del archivo de base de datos de AudioBookRequest (db.sqlite en su carpeta de configuración).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Hardcover token of the shelf {name}</source>
            <translation>Token de Hardcover del estante {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Notification target {name}</source>
            <translation>Destino de notificación {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Notification targets</source>
            <translation>Destinos de notificación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Password of user {name}</source>
            <translation>Contraseña del usuario {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Plex token</source>
            <translation>Token de Plex</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Prowlarr API key</source>
            <translation>Clave API de Prowlarr</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Reading shelves</source>
            <translation>Estantes de lectura</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Requests</source>
            <translation>Solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Settings, Notifications: add it again</source>
            <translation>Ajustes, Notificaciones: añádelo de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Settings: set up this connection again</source>
            <translation>Ajustes: configura de nuevo esta conexión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>Shelves page: add the Hardcover shelf again with the token</source>
            <translation>Página Estantes: añade de nuevo el estante de Hardcover con el token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>The database {address} is not a ReadMeABook database (it has no {tables} table).</source>
            <translation>La base de datos {address} no es de ReadMeABook (no tiene la tabla {tables}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>The key does not open ReadMeABook's secrets.</source>
            <translation>La clave no abre los secretos de ReadMeABook.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>The request names no book or no user.</source>
            <translation>La solicitud no indica ningún libro o ningún usuario.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>The table {table} is missing; nothing of it comes over.</source>
            <translation>Falta la tabla {table}; no se trae nada de ella.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>The user signs in once and sets a new one</source>
            <translation>El usuario inicia sesión una vez y elige una nueva</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Users</source>
            <translation>Usuarios</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/snapshot.py" />
            <source>Watched authors and series</source>
            <translation>Autores y series seguidos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>a second user called '{name}': merged with the first</source>
            <translation>un segundo usuario llamado «{name}»: fusionado con el primero</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>backends of type '{kind}' have no counterpart here</source>
            <translation>los destinos de tipo «{kind}» no tienen equivalente aquí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>deleted in ReadMeABook</source>
            <translation>eliminado en ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>events with no counterpart left out: {events}</source>
            <translation>eventos sin equivalente omitidos: {events}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no Audible ASIN</source>
            <translation>no tiene ASIN de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no Audible ASIN, so it cannot be matched to a book</source>
            <translation>no tiene ASIN de Audible, así que no se puede asociar a un libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no address</source>
            <translation>no tiene dirección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it has no title</source>
            <translation>no tiene título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it names no Audible book; request the book again by searching for it</source>
            <translation>no indica ningún libro de Audible; busca el libro y solicítalo de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it was '{status}' in {app}; it will be searched again</source>
            <translation>estaba «{status}» en {app}; se buscará de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>it was deleted in {app}</source>
            <translation>se eliminó en {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its book was not brought over</source>
            <translation>su libro no se trajo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its request was not brought over</source>
            <translation>su solicitud no se trajo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its secret needs ReadMeABook's key; enter it again</source>
            <translation>su secreto necesita la clave de ReadMeABook; introdúcelo de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its user was not brought over</source>
            <translation>su usuario no se trajo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>its user was not brought over; it is kept without a user</source>
            <translation>su usuario no se trajo; se conserva sin usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>merged with the user '{name}' already here</source>
            <translation>fusionado con el usuario «{name}» ya existente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>merged with your own account on this computer</source>
            <translation>fusionado con tu propia cuenta en este ordenador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/readmeabook.py" />
            <source>sign-up not approved in ReadMeABook</source>
            <translation>registro no aprobado en ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the Apprise backend has neither URLs nor a server with a configuration key</source>
            <translation>el destino Apprise no tiene URL ni un servidor con clave de configuración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the Discord webhook address is not a webhook address</source>
            <translation>la dirección del webhook de Discord no es una dirección de webhook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the Pushover backend lacks its user key or app token</source>
            <translation>al destino Pushover le falta la clave de usuario o el token de la aplicación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>the category section names no category</source>
            <translation>la sección de categoría no indica ninguna categoría</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/notification_urls.py" />
            <source>the ntfy backend names no topic</source>
            <translation>el destino ntfy no indica ningún tema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>the user name '{name}' is shorter than 3 characters</source>
            <translation>el nombre de usuario «{name}» tiene menos de 3 caracteres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>unknown kind of section '{kind}'</source>
            <translation>tipo de sección desconocido «{kind}»</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>unknown status '{status}'; it needs a look</source>
            <translation>estado desconocido «{status}»; conviene revisarla</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>{app} kept no hash or id of this release</source>
            <translation>{app} no guardó hash ni id de esta release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>{app} kept no link, hash or id of this release</source>
            <translation>{app} no guardó enlace, hash ni id de esta release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/importer.py" />
            <source>{app} sends its own message body to this address; add it again as an Apprise URL</source>
            <translation>{app} envía su propio cuerpo de mensaje a esta dirección; añádela de nuevo como URL de Apprise</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>{path} is not a file.</source>
            <translation>{path} no es un archivo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/migration_import/audiobookrequest.py" />
            <source>{path} is not an AudioBookRequest database (it has no {tables} table).</source>
            <translation>{path} no es una base de datos de AudioBookRequest (no tiene la tabla {tables}).</translation>
        </message>
    </context>
    <context>
        <name>MigrationImportDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>%n secret is encrypted: without the key it is listed to enter again.</source>
            <translation>
                <numerusform>%n secreto está cifrado: sin la clave se lista para volver a introducirlo.</numerusform>
                <numerusform>%n secretos están cifrados: sin la clave se listan para volver a introducirlos.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Added</source>
            <translation>Añadidos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Already here</source>
            <translation>Ya presentes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>AudioBookRequest (database file)</source>
            <translation>AudioBookRequest (archivo de base de datos)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>AudioBookRequest database</source>
            <translation>Base de datos de AudioBookRequest</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Bring users, requests, books, history, shelves and notification targets over from ReadMeABook or AudioBookRequest. Their database is only read; importing again later brings over only what is new.</source>
            <translation>Trae usuarios, solicitudes, libros, historial, estantes y destinos de notificación desde ReadMeABook o AudioBookRequest. Su base de datos solo se lee; importar de nuevo más tarde trae solo lo nuevo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Bringing everything over…</source>
            <translation>Trayendo todo…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Bringing over {item}</source>
            <translation>Trayendo {item}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Brought over with changes</source>
            <translation>Traído con cambios</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>CONFIG_ENCRYPTION_KEY (optional)</source>
            <translation>CONFIG_ENCRYPTION_KEY (opcional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Database</source>
            <translation>Base de datos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Database address</source>
            <translation>Dirección de la base de datos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Database file</source>
            <translation>Archivo de base de datos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Done. Nothing was new: everything came over before.</source>
            <translation>Listo. No había nada nuevo: todo se trajo antes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Done. What could not come over, and what to enter again, is listed below.</source>
            <translation>Listo. Lo que no se pudo traer y lo que hay que volver a introducir se lista abajo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Encryption key</source>
            <translation>Clave de cifrado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Everything came over as it was.</source>
            <translation>Todo se trajo tal como estaba.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Everything can be read. Press Import to bring it over.</source>
            <translation>Todo se puede leer. Pulsa Importar para traerlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>For example</source>
            <translation>Por ejemplo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Found</source>
            <translation>Encontrados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Give the database first.</source>
            <translation>Indica primero la base de datos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Give the database, then press Preview.</source>
            <translation>Indica la base de datos y pulsa Vista previa.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Import</source>
            <translation>Importar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Import from</source>
            <translation>Importar desde</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Import from ReadMeABook / AudioBookRequest</source>
            <translation>Importar desde ReadMeABook / AudioBookRequest</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Not brought over</source>
            <translation>No traídos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Preview</source>
            <translation>Vista previa</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>ReadMeABook (PostgreSQL database)</source>
            <translation>ReadMeABook (base de datos PostgreSQL)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Reading the database…</source>
            <translation>Leyendo la base de datos…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Report</source>
            <translation>Informe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
            <translation>Bases de datos SQLite (*.sqlite *.db);;Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Stop</source>
            <translation>Detener</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Stopped. What came over is kept; import again to bring over the rest.</source>
            <translation>Detenido. Lo que se trajo se conserva; importa de nuevo para traer el resto.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>Stopping…</source>
            <translation>Deteniendo…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>To enter again</source>
            <translation>Por volver a introducir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>What comes over</source>
            <translation>Lo que se trae</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/migration_import_dialog.py" />
            <source>With ReadMeABook's key its secrets (notification targets, Hardcover tokens) come over; without it they are listed to enter again.</source>
            <translation>Con la clave de ReadMeABook se traen sus secretos (destinos de notificación, tokens de Hardcover); sin ella se listan para volver a introducirlos.</translation>
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
            <translation>«{name}» está desactivado; no se envió.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>(invalid URL)</source>
            <translation>(URL no válida)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Apprise does not recognise this notification URL.</source>
            <translation>Apprise no reconoce esta URL de notificación.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Check the URL (host, token, topic) and that the service is reachable; the app retries automatically.</source>
            <translation>Compruebe la URL (host, token, tema) y que el servicio esté accesible; la aplicación lo reintenta automáticamente.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Could not deliver to {target}: no answer, timed out after %n second(s).</source>
            <translation>
                <numerusform>No se pudo entregar a {target}: sin respuesta, tiempo agotado tras %n segundo.</numerusform>
                <numerusform>No se pudo entregar a {target}: sin respuesta, tiempo agotado tras %n segundos.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Could not deliver to {target}: {reason}</source>
            <translation>No se pudo entregar a {target}: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/service.py" />
            <source>Sent '{title}' to {name}</source>
            <translation>«{title}» enviado a {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/service.py" />
            <source>The notification backend was deleted; nothing to send.</source>
            <translation>El servicio de notificaciones se eliminó; no hay nada que enviar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>The notification service accepted the connection but did not answer. Check that it is running and not overloaded; the app retries automatically.</source>
            <translation>El servicio de notificaciones aceptó la conexión pero no respondió. Compruebe que se esté ejecutando y no esté sobrecargado; la aplicación lo reintenta automáticamente.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>Use an Apprise URL such as discord://webhook_id/webhook_token, ntfys://topic, pover://user@token, mailtos://user:password@example.com, json://host/path or form://host/path.</source>
            <translation>Use una URL de Apprise como discord://webhook_id/webhook_token, ntfys://topic, pover://user@token, mailtos://user:password@example.com, json://host/path o form://host/path.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/sender.py" />
            <source>the service did not accept it</source>
            <translation>el servicio no la aceptó</translation>
        </message>
    </context>
    <context>
        <name>NotificationEvents</name>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Available in the library</source>
            <translation>Disponible en la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Awaiting approval</source>
            <translation>Pendiente de aprobación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Failed</source>
            <translation>Fallida</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Grabbed / downloading</source>
            <translation>Obtenida / descargando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Issue reported</source>
            <translation>Problema notificado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>New book of a watched author or series</source>
            <translation>Libro nuevo de un autor o serie seguidos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request approved</source>
            <translation>Solicitud aprobada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request created</source>
            <translation>Solicitud creada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Request denied</source>
            <translation>Solicitud denegada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Service down</source>
            <translation>Servicio caído</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/__init__.py" />
            <source>Service recovered</source>
            <translation>Servicio recuperado</translation>
        </message>
    </context>
    <context>
        <name>NotificationJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/notifications/__init__.py" />
            <source>Send notification</source>
            <translation>Enviar notificación</translation>
        </message>
    </context>
    <context>
        <name>NotificationSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Add…</source>
            <translation>&amp;Agregar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Edit…</source>
            <translation>&amp;Editar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Enabled</source>
            <translation>Ac&amp;tivada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>&amp;Remove</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Add notification</source>
            <translation>Agregar notificación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Apprise &amp;URL</source>
            <translation>&amp;URL de Apprise</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Each URL is kept in the household's shared secrets, encrypted.</source>
            <translation>Cada URL se guarda cifrada en los secretos compartidos del hogar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Each URL is kept in your encrypted secrets file.</source>
            <translation>Cada URL se guarda en su archivo de secretos cifrado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Each URL is kept in your system keychain.</source>
            <translation>Cada URL se guarda en el llavero de su sistema.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Edit notification</source>
            <translation>Editar notificación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Enter an Apprise URL first.</source>
            <translation>Primero introduzca una URL de Apprise.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Events</source>
            <translation>Eventos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Leave empty to keep the saved URL</source>
            <translation>Déjelo vacío para conservar la URL guardada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>No URL can be saved until this computer has the household key (Settings &gt; Household key).</source>
            <translation>No se puede guardar ninguna URL hasta que este equipo tenga la clave del hogar (Configuración &gt; Clave del hogar).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>No URL can be saved until you choose a passphrase for an encrypted secrets file (Settings &gt; General).</source>
            <translation>No se puede guardar ninguna URL hasta que elija una frase de contraseña para un archivo de secretos cifrado (Configuración &gt; General).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>No URL can be saved until you unlock your keychain or secrets file (Settings &gt; General).</source>
            <translation>No se puede guardar ninguna URL hasta que desbloquee su llavero o su archivo de secretos (Configuración &gt; General).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Notification targets</source>
            <translation>Destinos de notificación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Notify about</source>
            <translation>Notificar sobre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Off</source>
            <translation>Desactivada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>On</source>
            <translation>Activada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Remove '{name}' and its saved URL from the keychain?</source>
            <translation>¿Quitar “{name}” y su URL guardada del llavero?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Remove notification</source>
            <translation>Quitar notificación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>S&amp;how</source>
            <translation>&amp;Mostrar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Saved URL</source>
            <translation>URL guardada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Saved: {url}</source>
            <translation>Guardada: {url}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Send &amp;test</source>
            <translation>Enviar &amp;prueba</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Send notifications to Discord, Slack, Telegram, ntfy, Gotify, Pushover, email or any webhook through &lt;a href="{wiki}"&gt;Apprise URLs&lt;/a&gt;. {place}</source>
            <translation>Envíe notificaciones a Discord, Slack, Telegram, ntfy, Gotify, Pushover, correo electrónico o cualquier webhook mediante &lt;a href="{wiki}"&gt;URL de Apprise&lt;/a&gt;. {place}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Sending a test notification…</source>
            <translation>Enviando una notificación de prueba…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Sending a test to {name}…</source>
            <translation>Enviando una prueba a {name}…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>Show the URL</source>
            <translation>Mostrar la URL</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>e.g. Family Discord</source>
            <translation>p. ej., Discord de la familia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/notification_settings.py" />
            <source>e.g. discord://webhook_id/token, ntfys://my-topic, tgram://bot_token/chat_id, json://host/path</source>
            <translation>p. ej., discord://webhook_id/token, ntfys://my-topic, tgram://bot_token/chat_id, json://host/path</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message>
            <location filename="../../rmab_desktop/services/notifications/events.py" />
            <source>Reference: {ref}</source>
            <comment>a notification's correlation id</comment>
            <translation>Referencia: {ref}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/notifications/events.py" />
            <source>{title} by {author}</source>
            <translation>{title}, de {author}</translation>
        </message>
    </context>
    <context>
        <name>Organize</name>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Added to Calibre: {report}</source>
            <translation>Agregado a Calibre: {report}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Category not changed: {error}</source>
            <translation>Categoría sin cambiar: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Choose it in Settings &gt; Library.</source>
            <translation>Elíjala en Configuración &gt; Biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Download moved to category “{category}”</source>
            <translation>Descarga movida a la categoría “{category}”</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Import failed after %n attempt(s): {error}</source>
            <translation>
                <numerusform>La importación falló tras %n intento: {error}</numerusform>
                <numerusform>La importación falló tras %n intentos: {error}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Import stopped: {error}</source>
            <translation>Importación detenida: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Library server not refreshed: {error}</source>
            <translation>No se actualizó el servidor de biblioteca: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>No library folder is set</source>
            <translation>No hay ninguna carpeta de la biblioteca definida</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Not added to Calibre: {error}</source>
            <translation>No agregado a Calibre: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Organizing {source} into {library}</source>
            <translation>Organizando {source} en {library}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Retry the download.</source>
            <translation>Vuelva a intentar la descarga.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>The import into {path} was completed at start-up</source>
            <translation>La importación a {path} se completó al iniciar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>The job does not say where the download is</source>
            <translation>La tarea no indica dónde está la descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Wrong book downloaded ({reason}); release blocklisted, searching again</source>
            <translation>Se descargó un libro equivocado ({reason}); release bloqueada, buscando de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>Wrong content: {reason}</source>
            <translation>Contenido equivocado: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>done</source>
            <translation>hecho</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>“{title}” is now in the library at {path}</source>
            <translation>“{title}” ya está en la biblioteca en {path}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/jobs.py" />
            <source>“{title}” was already in the library at {path}</source>
            <translation>“{title}” ya estaba en la biblioteca en {path}</translation>
        </message>
    </context>
    <context>
        <name>OrganizeErrors</name>
        <message>
            <location filename="../../rmab_desktop/services/organize/safe_names.py" />
            <source>'{relative}' is not a relative path inside the library</source>
            <translation>«{relative}» no es una ruta relativa dentro de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/safe_names.py" />
            <source>'{relative}' would leave the library folder {base}</source>
            <translation>«{relative}» saldría de la carpeta de biblioteca {base}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '&lt;' has no closing '&gt;'</source>
            <translation>Un «&lt;» no tiene su «&gt;» de cierre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '&gt;' has no opening '&lt;'</source>
            <translation>Un «&gt;» no tiene su «&lt;» de apertura</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '{{' has no closing '}}'</source>
            <translation>Un «{{» no tiene su «}}» de cierre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>A '}}' has no opening '{{' (write '}}}}' for a literal brace)</source>
            <translation>Un «}}» no tiene su «{{» de apertura (escriba «}}}}» para una llave literal)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>A file has no readable duration; chapters were not merged</source>
            <translation>Un archivo no tiene una duración legible; los capítulos no se fusionaron</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>An optional block &lt;...&gt; must contain a token</source>
            <translation>Un bloque opcional &lt;...&gt; debe contener un marcador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Another book already uses this folder. Move or rename it, or change the path template.</source>
            <translation>Otro libro ya usa esta carpeta. Muévala o cámbiele el nombre, o modifique la plantilla de ruta.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>Calibre's calibredb program was not found.</source>
            <translation>No se encontró el programa calibredb de Calibre.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/writing.py" />
            <source>Cannot tag {name}: {ext} files are not supported</source>
            <translation>No se puede etiquetar {name}: los archivos {ext} no son compatibles</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/writing.py" />
            <source>Cannot tag {name}: {reason}</source>
            <translation>No se puede etiquetar {name}: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/ebooks.py" />
            <source>Cannot write metadata into {name}: {reason}</source>
            <translation>No se pueden escribir los metadatos en {name}: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>Chapter merge cancelled</source>
            <translation>Fusión de capítulos cancelada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>Chapter merge failed: {reason}</source>
            <translation>Falló la fusión de capítulos: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Choose it in Settings &gt; Library.</source>
            <translation>Elíjala en Configuración &gt; Biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Copy of {name} does not match the original (disk error?)</source>
            <translation>La copia de {name} no coincide con el original (¿error de disco?)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Copy of {name} has the wrong size</source>
            <translation>La copia de {name} tiene un tamaño incorrecto</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Free some space in the library folder and import again; the download is untouched.</source>
            <translation>Libere espacio en la carpeta de biblioteca e importe de nuevo; la descarga no se ha tocado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Hard link check failed for {name}</source>
            <translation>Falló la comprobación del enlace físico de {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>Install Calibre, or enter the path of calibredb in Settings &gt; Ebooks.</source>
            <translation>Instale Calibre o escriba la ruta de calibredb en Configuración &gt; Libros electrónicos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Library folder {library_root} does not exist</source>
            <translation>La carpeta de biblioteca {library_root} no existe</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Merged %n file(s) into one M4B; chapters: {chapters}</source>
            <translation>
                <numerusform>%n archivo fusionado en un único M4B; capítulos: {chapters}</numerusform>
                <numerusform>%n archivos fusionados en un único M4B; capítulos: {chapters}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>No audio files in {source}</source>
            <translation>No hay archivos de audio en {source}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/ebooks.py" />
            <source>No ebook files in {source}</source>
            <translation>No hay archivos de libro electrónico en {source}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Nothing was changed in the library. Check the message, then retry the import.</source>
            <translation>No se cambió nada en la biblioteca. Revise el mensaje y vuelva a intentar la importación.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>Optional blocks &lt;...&gt; cannot be nested</source>
            <translation>Los bloques opcionales &lt;...&gt; no se pueden anidar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Source file {source} is missing</source>
            <translation>Falta el archivo de origen {source}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>Tags not embedded: the files are hard links, and tagging would change the seeding copy</source>
            <translation>Etiquetas no incrustadas: los archivos son enlaces físicos y etiquetarlos cambiaría la copia que se está compartiendo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>The download folder was moved or deleted. Check the download client, then retry.</source>
            <translation>La carpeta de descarga se movió o se eliminó. Compruebe el cliente de descarga y vuelva a intentarlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>The download holds no audio files (wrong content, or an archive that was not unpacked).</source>
            <translation>La descarga no contiene archivos de audio (contenido equivocado o un archivo comprimido sin descomprimir).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/ebooks.py" />
            <source>The download holds no ebook file (EPUB, AZW3, MOBI or PDF): wrong content, or an archive.</source>
            <translation>La descarga no contiene ningún libro electrónico (EPUB, AZW3, MOBI o PDF): contenido equivocado o un archivo comprimido.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>The ebook is in the library; check Settings &gt; Ebooks &gt; Calibre, then test it there.</source>
            <translation>El libro electrónico está en la biblioteca; revise Configuración &gt; Libros electrónicos &gt; Calibre y pruébelo allí.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/writing.py" />
            <source>The file may be damaged or not the format its extension says; it was imported untagged.</source>
            <translation>Puede que el archivo esté dañado o no tenga el formato que indica su extensión; se importó sin etiquetas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>The library disk is full: {target_rel} was not imported.</source>
            <translation>El disco de la biblioteca está lleno: {target_rel} no se importó.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>The separate files were imported instead.</source>
            <translation>En su lugar se importaron los archivos por separado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template is empty</source>
            <translation>La plantilla está vacía</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template must be a relative path (no leading '/' or drive letter)</source>
            <translation>La plantilla debe ser una ruta relativa (sin «/» inicial ni letra de unidad)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template must contain {{title}} so every book gets its own folder</source>
            <translation>La plantilla debe contener {{title}} para que cada libro tenga su propia carpeta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>The template produced an empty path</source>
            <translation>La plantilla produjo una ruta vacía</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>Unknown import mode '{mode}' (use copy, hardlink or move)</source>
            <translation>Modo de importación «{mode}» desconocido (use copy, hardlink o move)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>Unknown token {{{token}}}; known: {items}</source>
            <translation>Marcador {{{token}}} desconocido; conocidos: {items}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/template.py" />
            <source>Use tokens like {author} and {title}, '/' between folders and &lt;...&gt; around optional parts.</source>
            <translation>Use marcadores como {author} y {title}, «/» entre carpetas y &lt;...&gt; alrededor de las partes opcionales.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>calibredb could not run: {reason}</source>
            <translation>calibredb no se pudo ejecutar: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/calibre.py" />
            <source>calibredb failed: {reason}</source>
            <translation>calibredb falló: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>ffmpeg failed: {reason}</source>
            <translation>ffmpeg falló: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>ffmpeg is not installed, so chapters cannot be merged</source>
            <translation>ffmpeg no está instalado, así que no se pueden fusionar los capítulos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/tagging/chapters.py" />
            <source>ffmpeg took too long</source>
            <translation>ffmpeg tardó demasiado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{destination} appeared in the library meanwhile</source>
            <translation>{destination} apareció mientras tanto en la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{file}: a hard link is impossible ({reason}); copied instead</source>
            <translation>{file}: no es posible un enlace físico ({reason}); se copió en su lugar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>{file}: empty file skipped</source>
            <translation>{file}: archivo vacío omitido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>{file}: sample skipped</source>
            <translation>{file}: muestra omitida</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/organizer.py" />
            <source>{source} does not exist</source>
            <translation>{source} no existe</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{target_rel} already exists in the library with other files</source>
            <translation>{target_rel} ya existe en la biblioteca con otros archivos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{target_rel} already holds {what}</source>
            <translation>{target_rel} ya contiene {what}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/organize/importer.py" />
            <source>{target_rel} appeared in the library meanwhile</source>
            <translation>{target_rel} apareció mientras tanto en la biblioteca</translation>
        </message>
    </context>
    <context>
        <name>OrganizeJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/organize/__init__.py" />
            <source>Organize and import a download</source>
            <translation>Organizar e importar una descarga</translation>
        </message>
    </context>
    <context>
        <name>OrganizeSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>&amp;Default</source>
            <translation>&amp;Predeterminada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>&amp;Files</source>
            <translation>&amp;Archivos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Book folders</source>
            <translation>Carpetas de libros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Copy (keeps the download for seeding)</source>
            <translation>Copiar (conserva la descarga para sembrar)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Folder template</source>
            <translation>Plantilla de carpeta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Hard link (no extra space; same drive; tags not embedded)</source>
            <translation>Enlace físico (sin espacio adicional; mismo disco; etiquetas no incrustadas)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Importing</source>
            <translation>Importación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Install ffmpeg to merge chapters.</source>
            <translation>Instale ffmpeg para combinar capítulos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>M&amp;erge multi-file books into one M4B with chapters</source>
            <translation>&amp;Combinar los libros de varios archivos en un M4B con capítulos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Merge multi-file books into one M4B with chapters (needs ffmpeg, not found)</source>
            <translation>Combinar los libros de varios archivos en un M4B con capítulos (requiere ffmpeg, no encontrado)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Move (the download folder is emptied)</source>
            <translation>Mover (la carpeta de descarga se vacía)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Preview</source>
            <translation>Vista previa</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Preview:</source>
            <translation>Vista previa:</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Put the default folder template back</source>
            <translation>Restablecer la plantilla de carpeta predeterminada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Tokens: {tokens}. Put optional parts in &lt;…&gt;: they vanish when a token inside is empty. '/' separates folders; write {open} and {close} for literal braces.</source>
            <translation>Marcadores: {tokens}. Ponga las partes opcionales entre &lt;…&gt;: desaparecen cuando un marcador que contienen está vacío. “/” separa carpetas; escriba {open} y {close} para llaves literales.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Write &amp;metadata.json, desc.txt and reader.txt (Audiobookshelf)</source>
            <translation>Escribir &amp;metadata.json, desc.txt y reader.txt (Audiobookshelf)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/organize_settings.py" />
            <source>Write &amp;tags and the cover into the audio files (Plex, Audiobookshelf)</source>
            <translation>Escribir e&amp;tiquetas y la portada en los archivos de audio (Plex, Audiobookshelf)</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Activity</source>
            <translation>Actividad</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Approvals</source>
            <translation>Aprobaciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Audible library</source>
            <translation>Biblioteca de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Blocklist</source>
            <translation>Lista de bloqueo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>BookDate</source>
            <translation>BookDate</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Discover</source>
            <translation>Descubrir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Library</source>
            <translation>Biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Lists</source>
            <translation>Listas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Reading shelves</source>
            <translation>Estantes de lectura</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Reported problems</source>
            <translation>Problemas informados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Requests</source>
            <translation>Solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Search</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Service status</source>
            <translation>Estado de servicios</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Upcoming</source>
            <translation>Próximamente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Users</source>
            <translation>Usuarios</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Waiting for an administrator: %n reported problem(s).</source>
            <translation>
                <numerusform>Pendiente de un administrador: %n problema informado.</numerusform>
                <numerusform>Pendientes de un administrador: %n problemas informados.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Waiting for your approval: %n request(s).</source>
            <translation>
                <numerusform>Pendiente de su aprobación: %n solicitud.</numerusform>
                <numerusform>Pendientes de su aprobación: %n solicitudes.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/registry.py" />
            <source>Watching</source>
            <translation>Seguimiento</translation>
        </message>
    </context>
    <context>
        <name>Pipeline</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n resultado</numerusform>
                <numerusform>%n resultados</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Blocklisted “{release}”: {reason}</source>
            <translation>Se bloqueó “{release}”: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Check the path mapping of the download client in Settings.</source>
            <translation>Revise la asignación de rutas del cliente de descarga en Configuración.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not be grabbed: {error}</source>
            <translation>No se pudo obtener: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not hand the release over: {error}</source>
            <translation>No se pudo entregar la release: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not remove the download: {error}</source>
            <translation>No se pudo quitar la descarga: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Could not remove the failed download: {error}</source>
            <translation>No se pudo quitar la descarga fallida: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Download client unreachable: {error}</source>
            <translation>Cliente de descarga inaccesible: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Download failed ({reason}) and no other release is left</source>
            <translation>La descarga falló ({reason}) y no queda ninguna otra release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Download failed ({reason}); trying the next release</source>
            <translation>La descarga falló ({reason}); probando la siguiente release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Downloaded to {folder}; organizing</source>
            <translation>Descargado en {folder}; organizando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Downloaded {percent}</source>
            <translation>Descargado: {percent}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Downloaded, but {folder} is not visible on this computer</source>
            <translation>Descargado, pero {folder} no es visible en este equipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Every candidate release failed</source>
            <translation>Todas las releases candidatas fallaron</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Finished; waiting for its folder to appear here</source>
            <translation>Terminada; esperando a que su carpeta aparezca aquí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Finished; waiting for {folder} to appear here</source>
            <translation>Terminada; esperando a que {folder} aparezca aquí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grab limit reached ({reason})</source>
            <translation>Límite de obtención alcanzado ({reason})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grab skipped: the request is {status}</source>
            <translation>Obtención omitida: la solicitud tiene el estado “{status}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grabbed “{release}” from {indexer} with {client}</source>
            <translation>Se obtuvo “{release}” de {indexer} con {client}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Grabbed “{release}” with {client}</source>
            <translation>Se obtuvo “{release}” con {client}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Interactive search: “{release}” chosen by the user</source>
            <translation>Búsqueda interactiva: “{release}” elegida por el usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>No acceptable release found</source>
            <translation>No se encontró ninguna release aceptable</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Not finished after {hours} h</source>
            <translation>Sin terminar tras {hours} h</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Not grabbed now: {error}</source>
            <translation>No obtenida por ahora: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Replaced by the user</source>
            <translation>Reemplazada por el usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Search failed: {error}</source>
            <translation>La búsqueda falló: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Search skipped: the request is {status}</source>
            <translation>Búsqueda omitida: la solicitud tiene el estado “{status}”</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Searching again for %n waiting request(s)</source>
            <translation>
                <numerusform>Buscando de nuevo %n solicitud en espera</numerusform>
                <numerusform>Buscando de nuevo %n solicitudes en espera</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Searching indexers</source>
            <translation>Buscando en los indexadores</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Stalled: no progress for {minutes} min ({state})</source>
            <translation>Estancada: sin progreso durante {minutes} min ({state})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>Stopped monitoring: {reason}; the download was removed</source>
            <translation>Supervisión detenida: {reason}; se quitó la descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>The client reports a failure</source>
            <translation>El cliente informa de un fallo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>The download client stayed unreachable for {minutes} min: {error}</source>
            <translation>El cliente de descarga estuvo inaccesible durante {minutes} min: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>The download disappeared from the client ({client})</source>
            <translation>La descarga desapareció del cliente ({client})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>the request is {status}</source>
            <translation>la solicitud tiene el estado “{status}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>the request was deleted</source>
            <translation>la solicitud se eliminó</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>{reason}; searching again after {time} UTC</source>
            <translation>{reason}; se buscará de nuevo después de las {time} UTC</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/acquisition.py" />
            <source>{results}, {accepted} accepted, {blocked} blocklisted</source>
            <translation>{results}, {accepted} aceptadas, {blocked} bloqueadas</translation>
        </message>
    </context>
    <context>
        <name>PipelineJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Clean up seeded downloads</source>
            <translation>Limpiar las descargas ya sembradas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Grab a release</source>
            <translation>Obtener una release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Monitor a download</source>
            <translation>Supervisar una descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Retry missing searches</source>
            <translation>Reintentar las búsquedas sin resultado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/pipeline/__init__.py" />
            <source>Search for a request</source>
            <translation>Buscar una solicitud</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>%n release(s) blocked for this book.</source>
            <translation>
                <numerusform>%n release bloqueada para este libro.</numerusform>
                <numerusform>%n releases bloqueadas para este libro.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>&amp;Dismiss</source>
            <translation>&amp;Descartar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>&amp;Replace</source>
            <translation>&amp;Reemplazar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Answer: {note}</source>
            <translation>Respuesta: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Block this release for the book, remove the files the app imported and search again</source>
            <translation>Bloquear esta release para el libro, quitar los archivos que importó la aplicación y buscar de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Book</source>
            <translation>Libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Books someone said are wrong: replace them with another release, or dismiss the report.</source>
            <translation>Libros que alguien señaló como incorrectos: reemplácelos por otra release o descarte el informe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Close the report; the book stays as it is</source>
            <translation>Cerrar el informe; el libro se queda como está</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Kept %n file(s) the app did not import.</source>
            <translation>
                <numerusform>Se conservó %n archivo que la aplicación no importó.</numerusform>
                <numerusform>Se conservaron %n archivos que la aplicación no importó.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Like Replace, but you choose the new release yourself</source>
            <translation>Como Reemplazar, pero usted elige la nueva release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>No problems reported</source>
            <translation>No hay problemas informados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Note for the reporter</source>
            <translation>Nota para quien informó</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Note for the reporter (optional)</source>
            <translation>Nota para quien informó (opcional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Note: {note}</source>
            <translation>Nota: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Pick the new release in the search window.</source>
            <translation>Elija la nueva release en la ventana de búsqueda.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Removed %n file(s) the app had imported.</source>
            <translation>
                <numerusform>Se quitó %n archivo que había importado la aplicación.</numerusform>
                <numerusform>Se quitaron %n archivos que había importado la aplicación.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Replace and &amp;pick…</source>
            <translation>Reemplazar y &amp;elegir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Replacing…</source>
            <translation>Reemplazando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Report dismissed.</source>
            <translation>Informe descartado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Reported</source>
            <translation>Informado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Reported by</source>
            <translation>Informado por</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Reported problems</source>
            <translation>Problemas informados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Result of the last action</source>
            <translation>Resultado de la última acción</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Searching again for the same request.</source>
            <translation>Buscando de nuevo para la misma solicitud.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Select a report to see it.</source>
            <translation>Seleccione un informe para verlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Something wrong with a book? Select it on the Library or Requests page and report it.</source>
            <translation>¿Algo mal con un libro? Selecciónelo en la página Biblioteca o Solicitudes e informe de ello.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>The selected report</source>
            <translation>El informe seleccionado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>When someone reports a wrong book, bad audio or the wrong edition from the Library or Requests page, the report waits here and the administrators are notified.</source>
            <translation>Cuando alguien informa de un libro equivocado, audio defectuoso o una edición equivocada desde la página Biblioteca o Solicitudes, el informe espera aquí y se avisa a los administradores.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>You reported no problems</source>
            <translation>No ha informado de ningún problema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>someone</source>
            <translation>alguien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/problems_page.py" />
            <source>“{title}”: {kind}, reported by {reporter}; requested by {requester}.</source>
            <translation>“{title}”: {kind}, informado por {reporter}; solicitado por {requester}.</translation>
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
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Below this bitrate for the runtime</source>
            <translation>Por de&amp;bajo de este bitrate para la duración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Forbidden words</source>
            <translation>Palabras pro&amp;hibidas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Preferred words</source>
            <translation>Palabras pre&amp;feridas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Smaller than (runtime unknown)</source>
            <translation>Más &amp;pequeña que (duración desconocida)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>&amp;Up</source>
            <translation>S&amp;ubir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Abo&amp;ve this bitrate for the runtime</source>
            <translation>Por &amp;encima de este bitrate para la duración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Also &amp;accept these languages</source>
            <translation>&amp;Aceptar también estos idiomas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Always rejected: another title, another book of the series, box sets, abridged or dramatized editions (unless that is what you asked for). Interactive search shows rejected releases greyed with the reason, and you may still pick one.</source>
            <translation>Siempre se rechazan: otro título, otro libro de la serie, recopilatorios, ediciones abreviadas o dramatizadas (salvo que sea lo que pidió). La búsqueda interactiva muestra en gris las releases rechazadas con el motivo, y aun así puede elegir una.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Among the rest, prefer</source>
            <translation>Entre las demás, preferir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Auth&amp;or</source>
            <translation>Aut&amp;or</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Book &amp;title</source>
            <translation>&amp;Título del libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Do&amp;wn</source>
            <translation>Ba&amp;jar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Fewer seeders t&amp;han</source>
            <translation>Menos &amp;semillas que</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Fo&amp;rmats, best first</source>
            <translation>Fo&amp;rmatos, el mejor primero</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>German, multi</source>
            <translation>alemán, multi</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Indexer fla&amp;gs (points)</source>
            <translation>Marcas del inde&amp;xador (puntos)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Languages accepted besides the book's own, by name or code; “multi” accepts releases in several languages.</source>
            <translation>Idiomas aceptados además del propio del libro, por nombre o código; «multi» acepta releases en varios idiomas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Move the selected format down</source>
            <translation>Bajar el formato seleccionado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Move the selected format up</source>
            <translation>Subir el formato seleccionado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Never grab automatically</source>
            <translation>Nunca obtener automáticamente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Other</source>
            <translation>Otros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>R&amp;untime</source>
            <translation>&amp;Duración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Reject releases marked with another &amp;language than the book's</source>
            <translation>Rechazar releases marcadas con otro &amp;idioma distinto al del libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Release na&amp;me</source>
            <translation>&amp;Nombre de la release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Release si&amp;ze</source>
            <translation>Tamaño de la re&amp;lease</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Restore &amp;defaults</source>
            <translation>Restablecer &amp;valores predeterminados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Saved.</source>
            <translation>Guardado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>The release must name an &amp;author of the book</source>
            <translation>La release debe nombrar a un &amp;autor del libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Try it</source>
            <translation>Probar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>Verdict for this release</source>
            <translation>Veredicto para esta release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>sample, excerpt, summary</source>
            <translation>sample, fragmento, resumen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>to</source>
            <comment>from one bitrate to another</comment>
            <translation>a</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>unabridged, chapterized</source>
            <translation>íntegro, con capítulos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format} sounds right from</source>
            <translation>{format} suena bien de</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format}: highest bitrate that sounds right</source>
            <translation>{format}: bitrate más alto que suena bien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{format}: lowest bitrate that sounds right</source>
            <translation>{format}: bitrate más bajo que suena bien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>{verdict}, score {score} ({parts})</source>
            <translation>{verdict}, puntuación {score} ({parts})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>✔ Accepted</source>
            <translation>✔ Aceptada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/ranking_settings.py" />
            <source>✘ Rejected</source>
            <translation>✘ Rechazada</translation>
        </message>
    </context>
    <context>
        <name>ReleaseRanking</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>%n seeder(s)</source>
            <translation>
                <numerusform>%n semilla</numerusform>
                <numerusform>%n semillas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>%n seeder(s) (minimum {minimum})</source>
            <translation>
                <numerusform>%n semilla (mínimo {minimum})</numerusform>
                <numerusform>%n semillas (mínimo {minimum})</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>About {kbps} kbps ({source}), above the {format} window {low}-{high}</source>
            <translation>Unos {kbps} kbit/s ({source}), por encima del intervalo de {format} {low}-{high}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>About {kbps} kbps ({source}), below the {format} window {low}-{high}</source>
            <translation>Unos {kbps} kbit/s ({source}), por debajo del intervalo de {format} {low}-{high}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>About {kbps} kbps ({source}), inside the {format} window {low}-{high}</source>
            <translation>Unos {kbps} kbit/s ({source}), dentro del intervalo de {format} {low}-{high}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/__init__.py" />
            <source>Accepted: this is the wanted book</source>
            <translation>Aceptada: es el libro buscado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Author found in the title: {name}</source>
            <translation>Autor encontrado en el título: {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Author found: {names}</source>
            <translation>Autor encontrado: {names}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Bitrate unknown (no runtime or size)</source>
            <translation>Bitrate desconocido (sin duración ni tamaño)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Flag {flag}: {points}</source>
            <translation>Indicador {flag}: {points}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Indexer priority {priority}</source>
            <translation>Prioridad del indexador {priority}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Indexer {indexer} priority {priority}</source>
            <translation>Prioridad del indexador {indexer}: {priority}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Narrator named</source>
            <translation>Narrador mencionado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>No author named in the release (allowed in interactive search)</source>
            <translation>La release no menciona ningún autor (permitido en la búsqueda interactiva)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Preferred word “{word}”: {points}</source>
            <translation>Palabra preferida “{word}”: {points}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Published %n day(s) ago</source>
            <translation>
                <numerusform>Publicada hace %n día</numerusform>
                <numerusform>Publicada hace %n días</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Rejected: {reason}</source>
            <translation>Rechazada: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Seeders unknown</source>
            <translation>Semillas desconocidas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>Series number {number} matches</source>
            <translation>El número de serie {number} coincide</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>Subtitle named</source>
            <translation>Subtítulo mencionado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a box set or omnibus ({what}), not a single book</source>
            <translation>un recopilatorio u ómnibus ({what}), no un solo libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a dramatized adaptation, not the wanted narration</source>
            <translation>una adaptación dramatizada, no la narración buscada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a longer, different title: “... {words}”</source>
            <translation>un título más largo y distinto: “... {words}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a numbered sequel (“... {number}”)</source>
            <translation>una continuación numerada (“... {number}”)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>a release in several languages; the book is in {language}</source>
            <translation>una release en varios idiomas; el libro está en {language}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>an abridged edition; the wanted book is unabridged</source>
            <translation>una edición abreviada; el libro buscado es íntegro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>an audiobook, not an ebook</source>
            <translation>un audiolibro, no un libro electrónico</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>an ebook, not an audiobook</source>
            <translation>un libro electrónico, no un audiolibro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>another language ({found}); the book is in {language}</source>
            <translation>otro idioma ({found}); el libro está en {language}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>books {first}-{last}</source>
            <translation>libros {first}-{last}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>estimated from size and runtime</source>
            <translation>estimado a partir del tamaño y la duración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>forbidden word “{word}”</source>
            <translation>palabra prohibida “{word}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>from the release name</source>
            <translation>según el nombre de la release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>in a book category and too small for an audiobook</source>
            <translation>en una categoría de libros y demasiado pequeña para un audiolibro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>in a video/software category ({category}), not an audiobook one</source>
            <translation>en una categoría de vídeo/software ({category}), no de audiolibros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>in an audio category, not an ebook one</source>
            <translation>en una categoría de audio, no de libros electrónicos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>marked iNT, a release in a language other than English</source>
            <translation>marcada iNT, una release en un idioma distinto del inglés</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>no author of the book named (wanted {authors})</source>
            <translation>no menciona a ningún autor del libro (se buscaba {authors})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>not the audiobook itself (“{word}”)</source>
            <translation>no es el audiolibro en sí (“{word}”)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>one numbered volume (“... {number} - {word} ...”)</source>
            <translation>un solo volumen numerado (“... {number} - {word} ...”)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>only {part} of the book</source>
            <translation>solo {part} del libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>only {size} MB: too small to be an audiobook</source>
            <translation>solo {size} MB: demasiado pequeña para ser un audiolibro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>series number {found} but the book is number {wanted}</source>
            <translation>número de serie {found}, pero el libro es el número {wanted}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>several books listed (also “{other}”)</source>
            <translation>varios libros en la lista (también “{other}”)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>the wanted book has no title</source>
            <translation>el libro buscado no tiene título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>title words missing: {words}</source>
            <translation>faltan palabras del título: {words}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>too large for a {hours} h book (about {kbps} kbps)</source>
            <translation>demasiado grande para un libro de {hours} h (unos {kbps} kbit/s)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>too small for a {hours} h book (about {kbps} kbps): a sample, an abridged edition or something else</source>
            <translation>demasiado pequeña para un libro de {hours} h (unos {kbps} kbit/s): una muestra, una edición abreviada u otra cosa</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>unknown format</source>
            <translation>formato desconocido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>unstructured words before the title: “{words}”</source>
            <translation>palabras sin estructura antes del título: “{words}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>written by someone else (“{other}”), not {author}</source>
            <translation>escrito por otra persona (“{other}”), no por {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{format}: ebook preference {rank} of {count}</source>
            <translation>{format}: preferencia de libro electrónico {rank} de {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{format}: preference {rank} of {count}</source>
            <translation>{format}: preferencia {rank} de {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{format}: preference {rank} of {count} (also names {others})</source>
            <translation>{format}: preferencia {rank} de {count} (también menciona {others})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/scoring.py" />
            <source>{protocol} download (no seeders needed)</source>
            <translation>Descarga {protocol} (no necesita semillas)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/ranking/gate.py" />
            <source>{size} MB: too large for an ebook</source>
            <translation>{size} MB: demasiado grande para un libro electrónico</translation>
        </message>
    </context>
    <context>
        <name>ReportBookProblemDialog</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>%n character(s) left</source>
            <translation>
                <numerusform>Queda %n carácter</numerusform>
                <numerusform>Quedan %n caracteres</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>%n character(s) too many</source>
            <translation>
                <numerusform>%n carácter de más</numerusform>
                <numerusform>%n caracteres de más</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>&amp;Note for the administrators (optional)</source>
            <translation>&amp;Nota para los administradores (opcional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>&amp;Report</source>
            <translation>&amp;Informar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Characters left</source>
            <translation>Caracteres restantes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>For example: the files are another book, or chapter 12 is missing.</source>
            <translation>Por ejemplo: los archivos son otro libro, o falta el capítulo 12.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Note for the administrators</source>
            <translation>Nota para los administradores</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Report a problem with this book</source>
            <translation>Informar de un problema con este libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Sending…</source>
            <translation>Enviando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>What is wrong with “{title}”?</source>
            <translation>¿Qué le pasa a “{title}”?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_book_problem.py" />
            <source>Why the report was not sent</source>
            <translation>Por qué no se envió el informe</translation>
        </message>
    </context>
    <context>
        <name>ReportProblem</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Choose another folder, for example your Documents folder, and try again.</source>
            <translation>Elija otra carpeta, por ejemplo, su carpeta Documentos, e inténtelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Could not save the report to {path}: {reason}</source>
            <translation>No se pudo guardar el informe en {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Problem report saved</source>
            <translation>Informe de problema guardado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Save a problem report</source>
            <translation>Guardar un informe de problema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Show in Folder</source>
            <translation>Mostrar en la carpeta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>The problem report was not saved</source>
            <translation>No se guardó el informe de problema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>The report was saved to:
{path}

Passwords, API keys and tokens were removed from it. Attach this file to your bug report.</source>
            <translation>El informe se guardó en:
{path}

Se quitaron de él las contraseñas, claves de API y tokens. Adjunte este archivo a su informe de error.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/report_problem.py" />
            <source>Zip archives (*.zip)</source>
            <translation>Archivos ZIP (*.zip)</translation>
        </message>
    </context>
    <context>
        <name>ReportedProblems</name>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>An administrator looks at it soon; it stays open until then.</source>
            <translation>Un administrador lo revisará pronto; hasta entonces sigue abierto.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Corrupt or incomplete audio</source>
            <translation>Audio dañado o incompleto</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Dismiss the report and request the book again.</source>
            <translation>Descarte el informe y vuelva a solicitar el libro.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Dismissed</source>
            <translation>Descartado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Follow the request on the Requests page until it arrives.</source>
            <translation>Siga la solicitud en la página Solicitudes hasta que llegue.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>No book with the ASIN {asin} is available in the library.</source>
            <translation>Ningún libro con el ASIN {asin} está disponible en la biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Only a book that is available in the library can have a problem reported.</source>
            <translation>Solo se puede informar de un problema con un libro disponible en la biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Only an administrator can dismiss reported problems.</source>
            <translation>Solo un administrador puede descartar los problemas notificados.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Only an administrator can replace reported books.</source>
            <translation>Solo un administrador puede reemplazar los libros notificados.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Open</source>
            <translation>Abierto</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Problem reported: {title}</source>
            <translation>Problema informado: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Refresh the list: another administrator may have handled it.</source>
            <translation>Actualice la lista: quizá otro administrador ya lo gestionó.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Replaced</source>
            <translation>Reemplazado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Replacing the book after a reported problem ({kind}); an administrator picks the release</source>
            <translation>Reemplazando el libro tras un problema informado ({kind}); un administrador elige la release</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Replacing the book after a reported problem ({kind}); searching again</source>
            <translation>Reemplazando el libro tras un problema informado ({kind}); buscando de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Report problems with books the app brought into the library.</source>
            <translation>Informe de problemas con libros que la aplicación trajo a la biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Reported problem {id} does not exist.</source>
            <translation>El problema informado {id} no existe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Reported: {kind}</source>
            <translation>Informado: {kind}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Request {id} does not exist.</source>
            <translation>La solicitud {id} no existe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>Shorten the note.</source>
            <translation>Acorte la nota.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>The library server still lists the book: {error}</source>
            <translation>El servidor de biblioteca aún muestra el libro: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>The note is {count} characters long; at most {limit} fit.</source>
            <translation>La nota tiene {count} caracteres; caben como máximo {limit}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>The request of this book was deleted; there is nothing to replace.</source>
            <translation>La solicitud de este libro se eliminó; no hay nada que reemplazar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>This report was already handled ({status}).</source>
            <translation>Este informe ya se gestionó ({status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Wrong book</source>
            <translation>Libro equivocado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/reported_issues.py" />
            <source>Wrong narrator or edition</source>
            <translation>Narrador o edición equivocados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>You already reported a problem with this book (report {id}).</source>
            <translation>Ya informó de un problema con este libro (informe {id}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>{admin} dismissed the reported problem</source>
            <translation>{admin} descartó el problema informado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>{admin} replaced the reported book</source>
            <translation>{admin} reemplazó el libro informado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/reported_issues/service.py" />
            <source>{user} reported a problem: {kind}</source>
            <translation>{user} informó de un problema: {kind}</translation>
        </message>
    </context>
    <context>
        <name>RequestJobs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>%n request(s) waiting for the request limit went ahead</source>
            <translation>
                <numerusform>%n solicitud que esperaba el límite ha continuado</numerusform>
                <numerusform>%n solicitudes que esperaban el límite han continuado</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>%n requested book(s) came out; their search is queued</source>
            <translation>
                <numerusform>Se publicó %n libro solicitado; su búsqueda está en cola</numerusform>
                <numerusform>Se publicaron %n libros solicitados; su búsqueda está en cola</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Check release days</source>
            <translation>Comprobar las fechas de publicación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/__init__.py" />
            <source>Search books released today</source>
            <translation>Buscar los libros publicados hoy</translation>
        </message>
    </context>
    <context>
        <name>RequestLimitSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>&amp;Save for this user</source>
            <translation>&amp;Guardar para este usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>&amp;User</source>
            <translation>&amp;Usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Everyone in the household</source>
            <translation>Todo el hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Limit this &amp;administrator too</source>
            <translation>Limitar también a este &amp;administrador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Loading the limits…</source>
            <translation>Cargando los límites…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>No limit</source>
            <translation>Sin límite</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>One user</source>
            <translation>Un usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests beyond a limit wait as “Waiting for request limit” and go ahead by themselves when the day or week allows. Administrators are not limited unless they choose to be.</source>
            <translation>Las solicitudes que superan un límite esperan como «Esperando el límite de solicitudes» y continúan solas cuando el día o la semana lo permiten. Los administradores solo tienen límite si lo eligen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per &amp;day</source>
            <translation>Solicitudes por &amp;día</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per &amp;week</source>
            <translation>Solicitudes por &amp;semana</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per da&amp;y</source>
            <translation>Solicitudes por dí&amp;a</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per day for everyone</source>
            <translation>Solicitudes por día para todos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per day for this user</source>
            <translation>Solicitudes por día para este usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per wee&amp;k</source>
            <translation>Solicitudes por sema&amp;na</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per week for everyone</source>
            <translation>Solicitudes por semana para todos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Requests per week for this user</source>
            <translation>Solicitudes por semana para este usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Saved the limits of {user}.</source>
            <translation>Límites de {user} guardados.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>The limits could not be read: {error} Close Settings and open it again.</source>
            <translation>No se pudieron leer los límites: {error} Cierre los ajustes y vuelva a abrirlos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>Use &amp;own limits instead of the household's</source>
            <translation>Usar límites &amp;propios en lugar de los del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/request_limit_settings.py" />
            <source>User</source>
            <translation>Usuario</translation>
        </message>
    </context>
    <context>
        <name>RequestStatus</name>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>'{title}' was already requested by someone else; you were added to that request.</source>
            <translation>Otra persona ya había solicitado “{title}”; se le ha agregado a esa solicitud.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Ask an administrator of this household.</source>
            <translation>Pregunte a un administrador de este hogar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Available</source>
            <translation>Disponible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting approval</source>
            <translation>Pendiente de aprobación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting release</source>
            <translation>Pendiente de publicación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Awaiting search</source>
            <translation>Pendiente de búsqueda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Cancelled</source>
            <translation>Cancelada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Denied</source>
            <translation>Denegada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Downloaded</source>
            <translation>Descargada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Downloading</source>
            <translation>Descargando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Failed</source>
            <translation>Fallida</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Needs attention</source>
            <translation>Requiere atención</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Open Library to listen to it, or report an issue if the files are wrong.</source>
            <translation>Abra Biblioteca para escucharlo, o informe de un problema si los archivos no son correctos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Open Requests to follow the existing request.</source>
            <translation>Abra Solicitudes para seguir la solicitud existente.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Pending</source>
            <translation>Pendiente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Processing</source>
            <translation>Procesando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Requested '{title}' ({status}).</source>
            <translation>Se solicitó “{title}” ({status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Searching</source>
            <translation>Buscando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/requests.py" />
            <source>Waiting for request limit</source>
            <translation>Esperando el límite de solicitudes</translation>
        </message>
    </context>
    <context>
        <name>Requests</name>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved automatically</source>
            <translation>Aprobada automáticamente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved by {admin}</source>
            <translation>Aprobada por {admin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Approved by {admin}: {note}</source>
            <translation>Aprobada por {admin}: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Cancelled by {user}</source>
            <translation>Cancelada por {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Deleted by {user}</source>
            <translation>Eliminada por {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Denied by {admin}</source>
            <translation>Denegada por {admin}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Denied by {admin}: {note}</source>
            <translation>Denegada por {admin}: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only an administrator can approve requests.</source>
            <translation>Solo un administrador puede aprobar solicitudes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only an administrator can deny requests.</source>
            <translation>Solo un administrador puede denegar solicitudes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only the person who made this request or an administrator can cancel it.</source>
            <translation>Solo la persona que hizo esta solicitud o un administrador puede cancelarla.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only the person who made this request or an administrator can delete it.</source>
            <translation>Solo la persona que hizo esta solicitud o un administrador puede eliminarla.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Only the person who made this request or an administrator can retry it.</source>
            <translation>Solo la persona que hizo esta solicitud o un administrador puede reintentarla.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Over the request limit; goes ahead after {time} UTC</source>
            <translation>Por encima del límite de solicitudes; continúa después de las {time} UTC</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Released</source>
            <translation>Publicado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Search again, asked by {user}</source>
            <translation>Nueva búsqueda, pedida por {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Search terms reset</source>
            <translation>Términos de búsqueda restablecidos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Search terms set to “{terms}”</source>
            <translation>Términos de búsqueda cambiados a “{terms}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be approved now.</source>
            <translation>Esta solicitud tiene el estado “{status}”; ahora no se puede aprobar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be cancelled now.</source>
            <translation>Esta solicitud tiene el estado “{status}”; ahora no se puede cancelar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be denied now.</source>
            <translation>Esta solicitud tiene el estado “{status}”; ahora no se puede denegar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>This request is “{status}”; it cannot be retried now.</source>
            <translation>Esta solicitud tiene el estado “{status}”; ahora no se puede reintentar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Waiting for an administrator to approve</source>
            <translation>Pendiente de aprobación por un administrador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>Waits with its audiobook request for the request limit</source>
            <translation>Espera el límite de solicitudes junto con su solicitud de audiolibro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>You already requested another edition of this book (“{title}”); that request is “{status}” (request {id}).</source>
            <translation>Ya solicitó otra edición de este libro (“{title}”); esa solicitud tiene el estado “{status}” (solicitud {id}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>You already requested this book (“{title}”); that request is “{status}” (request {id}).</source>
            <translation>Ya solicitó este libro (“{title}”); esa solicitud tiene el estado “{status}” (solicitud {id}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{reason}; waiting for the release on {date}</source>
            <translation>{reason}; esperando la publicación el {date}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{reason}; waiting for the search</source>
            <translation>{reason}; esperando la búsqueda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{status}: {title}</source>
            <translation>{status}: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} asked for “{title}”; it waits for an administrator to approve or deny it.</source>
            <translation>{user} pidió “{title}”; la solicitud espera a que un administrador la apruebe o la deniegue.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} joined this request</source>
            <translation>{user} se unió a esta solicitud</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} requested the audiobook “{title}”</source>
            <translation>{user} solicitó el audiolibro “{title}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>{user} requested the ebook “{title}”</source>
            <translation>{user} solicitó el libro electrónico “{title}”</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>“{title}” is already available in the library.</source>
            <translation>“{title}” ya está disponible en la biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/service.py" />
            <source>“{title}” is on your ignore list.</source>
            <translation>“{title}” está en su lista de ignorados.</translation>
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>&amp;Show</source>
            <translation>&amp;Mostrar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>&amp;by</source>
            <comment>show requests with this status by this user</comment>
            <translation>&amp;de</translation>
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
            <translation>Aprobar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Attempts: search {search}, download {download}, import {imported}</source>
            <translation>Intentos: búsqueda {search}, descarga {download}, importación {imported}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>By {authors} · {kind} · {region} · requested by {user}</source>
            <translation>De {authors} · {kind} · {region} · solicitado por {user}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Cancel request</source>
            <translation>Cancelar solicitud</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Delete</source>
            <translation>Eliminar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Delete with files…</source>
            <translation>Eliminar con archivos…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Deny</source>
            <translation>Denegar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent}</source>
            <translation>Descargando {percent}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent} at {speed}</source>
            <translation>Descargando {percent} a {speed}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent} at {speed}, about {time} left</source>
            <translation>Descargando {percent} a {speed}, quedan unos {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Downloading {percent}, about {time} left</source>
            <translation>Descargando {percent}, quedan unos {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Every book asked for and where it is: searching, downloading, in the library, or stuck.</source>
            <translation>Cada libro solicitado y en qué punto está: buscando, descargando, en la biblioteca o atascado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Everyone</source>
            <translation>Todos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>File of the book (audio or ebook)</source>
            <translation>Archivo del libro (audio o libro electrónico)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Filter requests</source>
            <translation>Filtrar solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Filter…</source>
            <translation>Filtrar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Find a book on Discover or Search and press Request: the app searches your indexers, downloads it and adds it to your library. Each request and its progress appears here.</source>
            <translation>Busque un libro en Descubrir o Buscar y pulse Solicitar: la aplicación busca en sus indexadores, lo descarga y lo agrega a su biblioteca. Cada solicitud y su progreso aparecen aquí.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Folder that holds the book</source>
            <translation>Carpeta que contiene el libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Import a folder by hand…</source>
            <translation>Importar una carpeta manualmente…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Import files by hand…</source>
            <translation>Importar archivos manualmente…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Import started; the request follows it.</source>
            <translation>Importación iniciada; la solicitud la sigue.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Looking at {path}…</source>
            <translation>Examinando {path}…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>More</source>
            <translation>Más</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>No requests yet</source>
            <translation>Aún no hay solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note for the approval or denial</source>
            <translation>Nota para la aprobación o denegación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note for the approval or denial (optional)</source>
            <translation>Nota para la aprobación o denegación (opcional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Note: {note}</source>
            <translation>Nota: {note}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Problem reported; the administrators were told.</source>
            <translation>Problema informado; se avisó a los administradores.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Re-check the library</source>
            <translation>Volver a comprobar la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Released on {date}; the search starts that day.</source>
            <translation>Se publica el {date}; la búsqueda empieza ese día.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Report a problem…</source>
            <translation>Informar de un problema…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Request deleted.</source>
            <translation>Solicitud eliminada.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Requests</source>
            <translation>Solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search again</source>
            <translation>Buscar de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search interactively…</source>
            <translation>Búsqueda interactiva…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search with other words</source>
            <translation>Buscar con otras palabras</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Search with other words…</source>
            <translation>Buscar con otras palabras…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Searching again with your words.</source>
            <translation>Buscando de nuevo con sus palabras.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>See every release found and choose one yourself</source>
            <translation>Ver todas las releases encontradas y elegir una usted mismo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Select a request to see what happened.</source>
            <translation>Seleccione una solicitud para ver qué ocurrió.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Show requests by</source>
            <translation>Mostrar solicitudes de</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Show requests with status</source>
            <translation>Mostrar solicitudes con estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Start over</source>
            <translation>Empezar de cero</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Started over: searching from scratch.</source>
            <translation>Reiniciada: buscando desde cero.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>The library was checked again.</source>
            <translation>Se volvió a comprobar la biblioteca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Ways out for a stuck request</source>
            <translation>Salidas para una solicitud atascada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>What happened to this request</source>
            <translation>Historial de esta solicitud</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Words to search the indexers for (empty: the title and author):</source>
            <translation>Palabras que buscar en los indexadores (vacío: el título y el autor):</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>Wrong book, bad audio or the wrong edition: tell the administrators</source>
            <translation>Libro equivocado, audio defectuoso o edición equivocada: avisar a los administradores</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>You may not search interactively any more; ask an administrator.</source>
            <translation>Ya no puede buscar de forma interactiva; consulte a un administrador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>audiobook</source>
            <translation>audiolibro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>ebook</source>
            <translation>libro electrónico</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>someone</source>
            <translation>alguien</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/requests_page.py" />
            <source>unknown</source>
            <comment>an unknown author</comment>
            <translation>desconocido</translation>
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
            <translation>Todas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Awaiting approval</source>
            <translation>Pendientes de aprobación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Cancelled</source>
            <translation>Canceladas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Completed</source>
            <translation>Completadas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Failed</source>
            <translation>Fallidas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>In progress</source>
            <translation>En curso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Level</source>
            <translation>Nivel</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Region</source>
            <translation>Región</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Requested</source>
            <translation>Solicitado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Requested by</source>
            <translation>Solicitado por</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>Waiting</source>
            <translation>En espera</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>What happened</source>
            <translation>Qué ocurrió</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/requests_model.py" />
            <source>{title} (ebook)</source>
            <translation>{title} (libro electrónico)</translation>
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
            <translation>Importación manual desde {path}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Pick a file or folder that holds the book.</source>
            <translation>Elija un archivo o una carpeta que contenga el libro.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Re-checked: no files at {folder} any more; searching again</source>
            <translation>Comprobado de nuevo: ya no hay archivos en {folder}; se busca de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Re-checked: no files linked to it any more; searching again</source>
            <translation>Comprobado de nuevo: ya no hay archivos vinculados; se busca de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Re-checked: the book is in the library at {folder}</source>
            <translation>Comprobado de nuevo: el libro está en la biblioteca, en {folder}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>Started over: searching from scratch</source>
            <translation>Empezado de nuevo: se busca desde cero</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rescue/service.py" />
            <source>{path} does not exist.</source>
            <translation>{path} no existe.</translation>
        </message>
    </context>
    <context>
        <name>RescueDialogs</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>%n file stays: the app did not import it.</source>
            <translation>
                <numerusform>%n archivo se queda: la aplicación no lo importó.</numerusform>
                <numerusform>%n archivos se quedan: la aplicación no los importó.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Book {number}</source>
            <translation>Libro {number}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Delete</source>
            <translation>Eliminar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Delete the request and its files</source>
            <translation>Eliminar la solicitud y sus archivos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Download</source>
            <translation>Descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Files to import</source>
            <translation>Archivos que importar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Folder</source>
            <translation>Carpeta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Import</source>
            <translation>Importar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Import by hand</source>
            <translation>Importar manualmente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Library entry</source>
            <translation>Entrada de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Only what this app downloaded and imported for the request is removed.</source>
            <translation>Solo se elimina lo que esta aplicación descargó e importó para la solicitud.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Remove the download now, without waiting for its seeding rules</source>
            <translation>Quitar la descarga ahora, sin esperar a sus reglas de siembra</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>Removes</source>
            <translation>Se elimina</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>These files go into {folder}. Your files stay where they are; copies are tagged.</source>
            <translation>Estos archivos van a {folder}. Sus archivos se quedan donde están; las copias se etiquetan.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>To (in the library)</source>
            <translation>Hacia (en la biblioteca)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>What is removed</source>
            <translation>Qué se elimina</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>after its seeding rules are met</source>
            <translation>cuando se cumplan sus reglas de siembra</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>now, with its data</source>
            <translation>ahora, con sus datos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/rescue_dialogs.py" />
            <source>{folder} (when nothing else is left in it)</source>
            <translation>{folder} (cuando ya no quede nada más en ella)</translation>
        </message>
    </context>
    <context>
        <name>RssMonitor</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>%n release(s) grabbed</source>
            <translation>
                <numerusform>%n release obtenida</numerusform>
                <numerusform>%n releases obtenidas</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/__init__.py" />
            <source>Check indexer feeds for new releases</source>
            <translation>Comprobar los feeds de los indexadores en busca de nuevas releases</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/monitor.py" />
            <source>Found “{release}” in the new releases of {indexer}</source>
            <translation>«{release}» encontrada entre las nuevas releases de {indexer}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/rss/monitor.py" />
            <source>polled {minutes} min ago; its limit of {limit} searches a day allows no more</source>
            <translation>consultado hace {minutes} min; su límite de {limit} búsquedas al día no permite más</translation>
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
            <translation>Haga doble clic para editar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Enabled</source>
            <translation>Activada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Last run</source>
            <translation>Última ejecución</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Next run</source>
            <translation>Próxima ejecución</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Runs</source>
            <translation>Ejecuciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/schedules_model.py" />
            <source>never</source>
            <translation>nunca</translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>%n result(s) for “{query}” in {marketplace}</source>
            <translation>
                <numerusform>%n resultado para “{query}” en {marketplace}</numerusform>
                <numerusform>%n resultados para “{query}” en {marketplace}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Anything</source>
            <translation>Todo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Arrow keys choose a book; Enter opens it</source>
            <translation>Las flechas eligen un libro; Intro lo abre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible answers again: search the Audible catalog.</source>
            <translation>Audible vuelve a responder: busque en el catálogo de Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible asked the app to slow down ({reason}). Wait a minute, then press Enter to search again.</source>
            <translation>Audible pidió a la aplicación que fuera más despacio ({reason}). Espere un minuto y pulse Intro para buscar de nuevo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible cannot be reached right now ({reason}), so searching will not find anything. Check your internet connection; Search works again as soon as Audible answers.</source>
            <translation>Ahora mismo no se puede contactar con Audible ({reason}), así que la búsqueda no encontrará nada. Compruebe su conexión a Internet; la búsqueda volverá a funcionar en cuanto Audible responda.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible could not be reached, so nothing was found ({reason}). Check your internet connection, then press Enter to search again.</source>
            <translation>No se pudo contactar con Audible, así que no se encontró nada ({reason}). Compruebe su conexión a Internet y pulse Intro para buscar de nuevo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Audible sent an answer the app cannot read ({reason}). Press Enter to search again, or choose another marketplace.</source>
            <translation>Audible envió una respuesta que la aplicación no puede leer ({reason}). Pulse Intro para buscar de nuevo o elija otra tienda.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Best sellers</source>
            <translation>Más vendidos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Find any audiobook in the Audible catalog by title, author or narrator.</source>
            <translation>Encuentre cualquier audiolibro del catálogo de Audible por título, autor o narrador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Marketplace</source>
            <translation>Tienda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Narrator</source>
            <translation>Narrador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Newest</source>
            <translation>Más recientes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>No results for “{query}”.</source>
            <translation>No hay resultados para “{query}”.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Rating</source>
            <translation>Valoración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Relevance</source>
            <translation>Relevancia</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search in</source>
            <translation>Buscar en</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search results</source>
            <translation>Resultados de la búsqueda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search the Audible catalog</source>
            <translation>Buscar en el catálogo de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Search the Audible catalog.</source>
            <translation>Busque en el catálogo de Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Searching for “{query}”…</source>
            <translation>Buscando “{query}”…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Sort results by</source>
            <translation>Ordenar resultados por</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>The search failed: {reason} {hint}</source>
            <translation>La búsqueda falló: {reason} {hint}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Title, author, narrator…</source>
            <translation>Título, autor, narrador…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Type something to search for.</source>
            <translation>Escriba algo para buscar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/search_page.py" />
            <source>Type, then press Enter; suggestions appear as you type</source>
            <translation>Escriba y pulse Intro; las sugerencias aparecen mientras escribe</translation>
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
            <translation>No se puede leer (ningún llavero funciona): elija una frase de contraseña y vuelva a escribirlo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read: enter it again</source>
            <translation>No se puede leer: vuelva a escribirlo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read: this computer needs the household key first</source>
            <translation>No se puede leer: este equipo necesita primero la clave del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Cannot be read: unlock your keychain or secrets file first</source>
            <translation>No se puede leer: desbloquee primero su llavero o su archivo de secretos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Saved in the household's shared secrets; type to replace it</source>
            <translation>Guardado en los secretos compartidos del hogar; escriba para reemplazarlo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Saved in your encrypted secrets file; type to replace it</source>
            <translation>Guardado en su archivo de secretos cifrado; escriba para reemplazarlo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>Saved in your keychain; type to replace it</source>
            <translation>Guardado en su llavero; escriba para reemplazarlo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>kept in the household's shared secrets</source>
            <translation>se guarda en los secretos compartidos del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>kept in your encrypted secrets file</source>
            <translation>se guarda en su archivo de secretos cifrado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>kept in your system keychain</source>
            <translation>se guarda en el llavero de su sistema</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>not saved yet: choose a passphrase for an encrypted file first</source>
            <translation>aún no se puede guardar: elija primero una frase de contraseña para un archivo cifrado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>not saved yet: this computer needs the household key first</source>
            <translation>aún no se puede guardar: este equipo necesita primero la clave del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/secret_places.py" />
            <source>not saved yet: unlock your keychain or secrets file first</source>
            <translation>aún no se puede guardar: desbloquee primero su llavero o su archivo de secretos</translation>
        </message>
    </context>
    <context>
        <name>SecretsFile</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Create</source>
            <translation>&amp;Crear</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Not now</source>
            <translation>A&amp;hora no</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Frase de contraseña</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Repeat it</source>
            <translation>&amp;Repítala</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&amp;Unlock</source>
            <translation>&amp;Desbloquear</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>&lt;b&gt;Passwords and API keys cannot be saved yet.&lt;/b&gt; {why} Everything else is saved.</source>
            <translation>&lt;b&gt;Aún no se pueden guardar las contraseñas ni las claves de API.&lt;/b&gt; {why} Todo lo demás se guarda.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>At least {count} characters.</source>
            <translation>Al menos {count} caracteres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Creating…</source>
            <translation>Creando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Encrypted secrets file</source>
            <translation>Archivo de secretos cifrado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>No system keychain works here. Choose a passphrase to keep passwords and API keys in a file encrypted with it. You will enter it once each time the app starts; it cannot be recovered if you forget it.</source>
            <translation>Ningún llavero del sistema funciona aquí. Elija una frase de contraseña para guardar las contraseñas y claves de API en un archivo cifrado con ella. La escribirá una vez cada vez que se inicie la aplicación; no se puede recuperar si la olvida.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>The two passphrases differ.</source>
            <translation>Las dos frases de contraseña no coinciden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>U&amp;nlock…</source>
            <translation>&amp;Desbloquear…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Unlock your secrets</source>
            <translation>Desbloquear sus secretos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Unlocking…</source>
            <translation>Desbloqueando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Use an &amp;encrypted file…</source>
            <translation>Usar un archivo &amp;cifrado…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/secrets_unlock.py" />
            <source>Your passwords and API keys are in a file encrypted with your passphrase. Enter it to use them.</source>
            <translation>Sus contraseñas y claves de API están en un archivo cifrado con su frase de contraseña. Escríbala para usarlas.</translation>
        </message>
    </context>
    <context>
        <name>SeriesPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n libro solicitado.</numerusform>
                <numerusform>%n libros solicitados.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Audible lists no books here in this marketplace.</source>
            <translation>Audible no tiene libros aquí en este mercado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Books by {author}</source>
            <translation>Libros de {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Loading the books from Audible…</source>
            <translation>Cargando los libros desde Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>No books found</source>
            <translation>No se encontraron libros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Number</source>
            <translation>N.º</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Release</source>
            <translation>Publicación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Request missing</source>
            <translation>Solicitar los que faltan</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Request missing ({count})</source>
            <translation>Solicitar los que faltan ({count})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Requesting…</source>
            <translation>Solicitando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Series: {series}</source>
            <translation>Serie: {series}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watch this author</source>
            <translation>Seguir a este autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watch this series</source>
            <translation>Seguir esta serie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watching</source>
            <translation>Seguimiento</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/series_page.py" />
            <source>Watching {name}: new books are requested for you.</source>
            <translation>Siguiendo {name}: los libros nuevos se solicitan para usted.</translation>
        </message>
    </context>
    <context>
        <name>ServiceCard</name>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Down</source>
            <translation>Caído</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Latency {latency}   ·   Checked {when}</source>
            <translation>Latencia {latency}   ·   Comprobado: {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>No checks in the last 24 h</source>
            <translation>Sin comprobaciones en las últimas 24 h</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Not checked yet</source>
            <translation>Aún sin comprobar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Slow</source>
            <translation>Lento</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Up</source>
            <translation>Activo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>Uptime 24 h {day}   ·   7 d {week}</source>
            <translation>Disponibilidad 24 h {day}   ·   7 d {week}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/delegates/service_card_delegate.py" />
            <source>never</source>
            <comment>never checked</comment>
            <translation>nunca</translation>
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
            <translation>«{region}» no es una tienda de Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>'{url}' is not a Deluge daemon address (host:port).</source>
            <translation>«{url}» no es una dirección de demonio de Deluge (host:puerto).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>'{url}' is not a web address.</source>
            <translation>«{url}» no es una dirección web.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>'{url}' is not an http(s) address.</source>
            <translation>«{url}» no es una dirección http(s).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/direct_http.py" />
            <source>A direct download needs http(s) URLs.</source>
            <translation>Una descarga directa necesita URL http(s).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Audible ({region}) has no category {category_id}.</source>
            <translation>Audible ({region}) no tiene la categoría {category_id}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible answered HTTP {status_code} for your {path}.</source>
            <translation>Audible respondió HTTP {status_code} para su {path}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible did not deregister this device (HTTP {status_code}).</source>
            <translation>Audible no dio de baja este dispositivo (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible no longer accepts this sign-in.</source>
            <translation>Audible ya no acepta este inicio de sesión.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible refused this sign-in.</source>
            <translation>Audible rechazó este inicio de sesión.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible refused to register this device (HTTP {status_code}).</source>
            <translation>Audible se negó a registrar este dispositivo (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Audible sent a product that is not an object.</source>
            <translation>Audible envió un producto que no es un objeto.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Audible's answer has no '{key}'.</source>
            <translation>La respuesta de Audible no tiene «{key}».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible's registration answer is incomplete.</source>
            <translation>La respuesta de registro de Audible está incompleta.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible's sign-in service answered HTTP {status_code}.</source>
            <translation>El servicio de inicio de sesión de Audible respondió HTTP {status_code}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Audible's token answer is incomplete.</source>
            <translation>La respuesta de token de Audible está incompleta.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Audiobooks in Plex live in a Music library; choose that one.</source>
            <translation>En Plex, los audiolibros están en una biblioteca de Música; elija esa.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audiobookshelf.py" />
            <source>Audiobookshelf sent an unreadable item.</source>
            <translation>Audiobookshelf envió un elemento ilegible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audiobookshelf.py" />
            <source>Audiobookshelf sent no item list.</source>
            <translation>Audiobookshelf no envió ninguna lista de elementos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audiobookshelf.py" />
            <source>Audiobookshelf sent no library list.</source>
            <translation>Audiobookshelf no envió ninguna lista de bibliotecas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audnexus.py" />
            <source>Audnexus has no book {asin}.</source>
            <translation>Audnexus no tiene el libro {asin}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audnexus.py" />
            <source>Audnexus sent a {what} without an ASIN.</source>
            <translation>Audnexus envió un elemento ({what}) sin ASIN.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Cannot connect to Deluge at {url}.</source>
            <translation>No se puede conectar con Deluge en {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Cannot connect to Transmission at {url}.</source>
            <translation>No se puede conectar con Transmission en {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Cannot connect to qBittorrent at {url}.</source>
            <translation>No se puede conectar con qBittorrent en {url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Cannot connect to {service} at {base_url}.</source>
            <translation>No se puede conectar con {service} en {base_url}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>Cannot connect to {service}.</source>
            <translation>No se puede conectar con {service}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>Cannot make a torrent of {path}: {reason}</source>
            <translation>No se puede crear un torrent de {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>Check ControlUsername and ControlPassword (NZBGet: Settings &gt; Security).</source>
            <translation>Compruebe ControlUsername y ControlPassword (NZBGet: Settings &gt; Security).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Check rpc-username and rpc-password (Transmission: Preferences &gt; Remote).</source>
            <translation>Compruebe rpc-username y rpc-password (Transmission: Preferencias &gt; Remoto).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>Check that the address is a Torznab/Newznab API URL (it usually ends in /api).</source>
            <translation>Compruebe que la dirección sea una URL de API Torznab/Newznab (suele terminar en /api).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Check the WebUI user name and password (qBittorrent: Tools &gt; Options &gt; Web UI).</source>
            <translation>Compruebe el usuario y la contraseña de la interfaz web (qBittorrent: Herramientas &gt; Opciones &gt; Interfaz web).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Check the address and port (default 9091), that remote access is enabled and this computer is in its whitelist.</source>
            <translation>Compruebe la dirección y el puerto (9091 de forma predeterminada), que el acceso remoto esté activado y que este equipo esté en la lista blanca.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Check the address and port, and that qBittorrent's Web UI is enabled.</source>
            <translation>Compruebe la dirección y el puerto, y que la interfaz web de qBittorrent esté activada.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Check the address, and that the server is running.</source>
            <translation>Compruebe la dirección y que el servidor se esté ejecutando.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>Check the address: it is the RSS link of the shelf, not the shelf page.</source>
            <translation>Compruebe la dirección: es el enlace RSS de la estantería, no la página de la estantería.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Check the base URL and pick a model from the list.</source>
            <translation>Compruebe la URL base y elija un modelo de la lista.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Check the daemon's address and port (default 58846) and that it allows remote connections.</source>
            <translation>Compruebe la dirección y el puerto del demonio (58846 de forma predeterminada) y que permita conexiones remotas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>Check the user name and password; too many failed logins make qBittorrent ban the address for a while.</source>
            <translation>Compruebe el usuario y la contraseña; tras demasiados intentos fallidos, qBittorrent bloquea la dirección durante un tiempo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Choose a library in Settings.</source>
            <translation>Elija una biblioteca en Configuración.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>Copy the API key from SABnzbd: Config &gt; General &gt; Security.</source>
            <translation>Copie la clave de API desde SABnzbd: Config &gt; General &gt; Security.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>Copy the RSS link from the bottom of your Goodreads shelf page.</source>
            <translation>Copie el enlace RSS de la parte inferior de la página de su estantería de Goodreads.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>Copy the feed URL from Jackett or Prowlarr (it ends in /api or /torznab/).</source>
            <translation>Copie la URL del feed desde Jackett o Prowlarr (termina en /api o /torznab/).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge at {url} did not answer in time.</source>
            <translation>Deluge en {url} no respondió a tiempo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge at {url} refused the user name or password.</source>
            <translation>Deluge en {url} rechazó el usuario o la contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge needs a .torrent file or a magnet link.</source>
            <translation>Deluge necesita un archivo .torrent o un enlace magnet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Deluge: {reason}</source>
            <translation>Deluge: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Enter the key again in BookDate settings.</source>
            <translation>Vuelva a escribir la clave en la configuración de BookDate.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>Enter the server address in Settings.</source>
            <translation>Escriba la dirección del servidor en Configuración.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>Goodreads sent something that is not a shelf feed.</source>
            <translation>Goodreads envió algo que no es un feed de estantería.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover could not answer: {reason}</source>
            <translation>Hardcover no pudo responder: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover did not say whose token this is.</source>
            <translation>Hardcover no indicó de quién es este token.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover refused the token.</source>
            <translation>Hardcover rechazó el token.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover sent an answer of the wrong shape.</source>
            <translation>Hardcover envió una respuesta con una forma incorrecta.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Hardcover sent an answer without data.</source>
            <translation>Hardcover envió una respuesta sin datos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet at {url} refused the user name or password.</source>
            <translation>NZBGet en {url} rechazó el usuario o la contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet could not remove item {item_id}.</source>
            <translation>NZBGet no pudo quitar el elemento {item_id}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet could not run '{method}': {reason}</source>
            <translation>NZBGet no pudo ejecutar «{method}»: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet did not accept '{name}'.</source>
            <translation>NZBGet no aceptó «{name}».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet needs the NZB file's content.</source>
            <translation>NZBGet necesita el contenido del archivo NZB.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>NZBGet sent a reply that is not a JSON-RPC envelope.</source>
            <translation>NZBGet envió una respuesta que no es un sobre JSON-RPC.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>No Hardcover token is saved.</source>
            <translation>No hay ningún token de Hardcover guardado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>No server address is set.</source>
            <translation>No hay ninguna dirección de servidor definida.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>No {service} model is chosen.</source>
            <translation>No se ha elegido ningún modelo de {service}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Not a Plex image path.</source>
            <translation>No es una ruta de imagen de Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>Not a magnet link.</source>
            <translation>No es un enlace magnet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>Not a valid .torrent file ({reason}).</source>
            <translation>No es un archivo .torrent válido ({reason}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Pages start at 1.</source>
            <translation>Las páginas empiezan en 1.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Paste a fresh token from hardcover.app/account/api.</source>
            <translation>Pegue un token nuevo de hardcover.app/account/api.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>Paste your token from hardcover.app/account/api.</source>
            <translation>Pegue su token de hardcover.app/account/api.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Pick a model in BookDate settings.</source>
            <translation>Elija un modelo en la configuración de BookDate.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex has no library with id {key}.</source>
            <translation>Plex no tiene ninguna biblioteca con el id {key}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex library '{title}' is a {type} library, not a music library.</source>
            <translation>La biblioteca de Plex «{title}» es de tipo {type}, no una biblioteca de música.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent JSON without a MediaContainer.</source>
            <translation>Plex envió JSON sin MediaContainer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent XML the app cannot read.</source>
            <translation>Plex envió XML que la aplicación no puede leer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent XML without a MediaContainer.</source>
            <translation>Plex envió XML sin MediaContainer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>Plex sent a MediaContainer with unreadable items.</source>
            <translation>Plex envió un MediaContainer con elementos ilegibles.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd at {url} refused the API key.</source>
            <translation>SABnzbd en {url} rechazó la clave de API.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd did not accept '{name}'.</source>
            <translation>SABnzbd no aceptó «{name}».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd needs an NZB file or an NZB URL.</source>
            <translation>SABnzbd necesita un archivo NZB o una URL de NZB.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd refused '{mode}': {reason}</source>
            <translation>SABnzbd rechazó «{mode}»: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd's history answer has no 'history'.</source>
            <translation>La respuesta de historial de SABnzbd no tiene «history».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/sabnzbd.py" />
            <source>SABnzbd's queue answer has no 'queue'.</source>
            <translation>La respuesta de cola de SABnzbd no tiene «queue».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Sign in again; the code from the browser is valid for a few minutes only.</source>
            <translation>Vuelva a iniciar sesión; el código del navegador solo es válido unos minutos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/nzbget.py" />
            <source>The NZB file may be damaged; the next release will be tried.</source>
            <translation>Puede que el archivo NZB esté dañado; se probará la siguiente release.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/goodreads.py" />
            <source>The address does not lead to an RSS feed.</source>
            <translation>La dirección no lleva a un feed RSS.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>The magnet link carries no BitTorrent info-hash.</source>
            <translation>El enlace magnet no contiene ningún info-hash de BitTorrent.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>The service is having trouble; the app will try again later.</source>
            <translation>El servicio tiene problemas; la aplicación lo volverá a intentar más tarde.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>The {service} address is not a valid URL.</source>
            <translation>La dirección de {service} no es una URL válida.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>This Audible sign-in has no refresh token.</source>
            <translation>Este inicio de sesión de Audible no tiene token de actualización.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>This address does not answer like Prowlarr.</source>
            <translation>Esta dirección no responde como Prowlarr.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>This address does not answer like a Plex server.</source>
            <translation>Esta dirección no responde como un servidor Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission at {url} did not answer in time.</source>
            <translation>Transmission en {url} no respondió a tiempo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission at {url} refused the user name or password.</source>
            <translation>Transmission en {url} rechazó el usuario o la contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission at {url} sent an answer the app cannot read ({kind}).</source>
            <translation>Transmission en {url} envió una respuesta que la aplicación no puede leer ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/transmission.py" />
            <source>Transmission needs a .torrent file or a magnet link.</source>
            <translation>Transmission necesita un archivo .torrent o un enlace magnet.</translation>
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
            <translation>Vuelva a intentarlo más tarde.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible_account.py" />
            <source>Try again, or remove the device under Amazon &gt; Your devices.</source>
            <translation>Vuelva a intentarlo o quite el dispositivo en Amazon &gt; Sus dispositivos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>Use Prowlarr's address, e.g. http://localhost:9696.</source>
            <translation>Use la dirección de Prowlarr, p. ej. http://localhost:9696.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deluge.py" />
            <source>Use a user from the daemon's auth file (Deluge: Preferences &gt; Daemon).</source>
            <translation>Use un usuario del archivo auth del demonio (Deluge: Preferencias &gt; Demonio).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/audible.py" />
            <source>Use one of: {items}.</source>
            <translation>Use uno de estos: {items}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>Use the API's base URL, e.g. http://localhost:11434/v1 for Ollama.</source>
            <translation>Use la URL base de la API, p. ej. http://localhost:11434/v1 para Ollama.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/hardcover.py" />
            <source>You have no Hardcover list called '{target}'.</source>
            <translation>No tiene ninguna lista de Hardcover llamada «{target}».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>plex.tv sent a Home the app cannot read.</source>
            <translation>plex.tv envió un Home que la aplicación no puede leer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>plex.tv sent a PIN the app cannot read.</source>
            <translation>plex.tv envió un PIN que la aplicación no puede leer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/plex.py" />
            <source>plex.tv sent an account the app cannot read.</source>
            <translation>plex.tv envió una cuenta que la aplicación no puede leer.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} answered with an error: {reason}</source>
            <translation>qBittorrent en {url} respondió con un error: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} did not answer in time.</source>
            <translation>qBittorrent en {url} no respondió a tiempo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} refused access ({kind}).</source>
            <translation>qBittorrent en {url} denegó el acceso ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} refused the user name or password.</source>
            <translation>qBittorrent en {url} rechazó el usuario o la contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent at {url} sent an answer the app cannot read ({kind}).</source>
            <translation>qBittorrent en {url} envió una respuesta que la aplicación no puede leer ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent did not accept '{name}'.</source>
            <translation>qBittorrent no aceptó «{name}».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent needs a .torrent file or a magnet link.</source>
            <translation>qBittorrent necesita un archivo .torrent o un enlace magnet.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/qbittorrent.py" />
            <source>qBittorrent: {reason}</source>
            <translation>qBittorrent: {reason}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{base_url} answered, but not like an AI model service.</source>
            <translation>{base_url} respondió, pero no como un servicio de modelos de IA.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torrent_file.py" />
            <source>{path} holds no files.</source>
            <translation>{path} no contiene archivos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} answered HTTP {status}.</source>
            <translation>{service} respondió HTTP {status}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/gutendex.py" />
            <location filename="../../rmab_desktop/clients/standard_ebooks.py" />
            <source>{service} answered in an unknown shape.</source>
            <translation>{service} respondió con una forma desconocida.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} did not answer in time.</source>
            <translation>{service} no respondió a tiempo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/deadline.py" />
            <source>{service} did not finish answering within {waited} seconds.</source>
            <translation>{service} no terminó de responder en {waited} segundos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} does not know this item (HTTP 404).</source>
            <translation>{service} no conoce este elemento (HTTP 404).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} had a server error (HTTP {status_code}).</source>
            <translation>{service} tuvo un error de servidor (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/internet_archive.py" />
            <source>{service} has no files for item '{identifier}'.</source>
            <translation>{service} no tiene archivos para el elemento «{identifier}».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} has no such model or address ({path}).</source>
            <translation>{service} no tiene ese modelo ni esa dirección ({path}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} has no such resource ({path}).</source>
            <translation>{service} no tiene ese recurso ({path}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} is limiting requests (HTTP 429).</source>
            <translation>{service} está limitando las peticiones (HTTP 429).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} is rate limiting requests. Try again in a minute.</source>
            <translation>{service} está limitando las peticiones. Vuelva a intentarlo en un minuto.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} is rate limiting requests. Try again in {seconds} seconds.</source>
            <translation>{service} está limitando las peticiones. Vuelva a intentarlo en {seconds} segundos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} redirected too many times.</source>
            <translation>{service} redirigió demasiadas veces.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/llm.py" />
            <source>{service} refused the API key (HTTP {status}).</source>
            <translation>{service} rechazó la clave de API (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/jsonhttp.py" />
            <source>{service} refused the request (HTTP {status_code}).</source>
            <translation>{service} rechazó la petición (HTTP {status_code}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} refused the token (HTTP {status}).</source>
            <translation>{service} rechazó el token (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/internet_archive.py" />
            <source>{service} search answered in an unknown shape.</source>
            <translation>La búsqueda de {service} respondió con una forma desconocida.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>{service} search did not return a list.</source>
            <translation>La búsqueda de {service} no devolvió una lista.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent JSON nested too deeply to read.</source>
            <translation>{service} envió JSON demasiado anidado para leerlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent XML that is not a caps document.</source>
            <translation>{service} envió XML que no es un documento caps.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent XML that is not a search feed.</source>
            <translation>{service} envió XML que no es un feed de búsqueda.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent XML with forbidden constructs.</source>
            <translation>{service} envió XML con construcciones prohibidas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent a body that is not JSON.</source>
            <translation>{service} envió un contenido que no es JSON.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/standard_ebooks.py" />
            <source>{service} sent a feed that is not valid XML.</source>
            <translation>{service} envió un feed que no es XML válido.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent a number the app cannot use ({reason}).</source>
            <translation>{service} envió un número que la aplicación no puede usar ({reason}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent an answer larger than {megabytes} MB.</source>
            <translation>{service} envió una respuesta de más de {megabytes} MB.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/prowlarr.py" />
            <source>{service} sent an answer that is not JSON.</source>
            <translation>{service} envió una respuesta que no es JSON.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an answer that is not XML.</source>
            <translation>{service} envió una respuesta que no es XML.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/_http.py" />
            <source>{service} sent an answer the app cannot read ({kind}).</source>
            <translation>{service} envió una respuesta que la aplicación no puede leer ({kind}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an empty answer.</source>
            <translation>{service} envió una respuesta vacía.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an empty release file.</source>
            <translation>{service} envió un archivo de release vacío.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service} sent an error page instead of a file.</source>
            <translation>{service} envió una página de error en lugar de un archivo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/clients/torznab.py" />
            <source>{service}: there is no Torznab/Newznab API at this address (HTTP 404).</source>
            <translation>{service}: no hay ninguna API Torznab/Newznab en esta dirección (HTTP 404).</translation>
        </message>
    </context>
    <context>
        <name>ServiceHealth</name>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>Unexpected error: {error}</source>
            <translation>Error inesperado: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} answers again ({latency} ms).</source>
            <translation>{service} vuelve a responder ({latency} ms).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} did not answer.</source>
            <translation>{service} no respondió.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} is back</source>
            <translation>{service} vuelve a estar activo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} is down</source>
            <translation>{service} está caído</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/service.py" />
            <source>{service} is down: {error}</source>
            <translation>{service} está caído: {error}</translation>
        </message>
    </context>
    <context>
        <name>ServiceKinds</name>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Audible catalog</source>
            <translation>Catálogo de Audible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Download client</source>
            <translation>Cliente de descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Indexer</source>
            <translation>Indexador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Library server</source>
            <translation>Servidor de biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/health/checks.py" />
            <source>Notifications</source>
            <translation>Notificaciones</translation>
        </message>
    </context>
    <context>
        <name>ServiceStatus</name>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Degraded</source>
            <translation>Degradado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Down</source>
            <translation>Caído</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Unknown</source>
            <translation>Desconocido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/models/service_status_model.py" />
            <source>Up</source>
            <translation>Activo</translation>
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
            <translation>Catálogo y solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Desktop</source>
            <translation>Escritorio</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Download clients</source>
            <translation>Clientes de descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Ebooks</source>
            <translation>Libros electrónicos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Household key</source>
            <translation>Clave del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Indexers</source>
            <translation>Indexadores</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Library</source>
            <translation>Biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Local API</source>
            <translation>API local</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Notifications</source>
            <translation>Notificaciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Organize</source>
            <translation>Organización</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Ranking</source>
            <translation>Clasificación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Request limits</source>
            <translation>Límites de solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>Settings</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>Settings sections</source>
            <translation>Secciones de configuración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_registry.py" />
            <source>Setup assistant</source>
            <translation>Asistente de configuración</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/settings_dialog.py" />
            <source>{section} could not be opened</source>
            <translation>No se pudo abrir {section}</translation>
        </message>
    </context>
    <context>
        <name>Setup</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/setup.py" />
            <source>Audible ({region}) answered: %n suggestion(s) for a sample search.</source>
            <translation>
                <numerusform>Audible ({region}) respondió: %n sugerencia para una búsqueda de prueba.</numerusform>
                <numerusform>Audible ({region}) respondió: %n sugerencias para una búsqueda de prueba.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SetupAssistant</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Address</source>
            <translation>&amp;Dirección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Client</source>
            <translation>&amp;Cliente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Find libraries</source>
            <translation>B&amp;uscar bibliotecas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Library</source>
            <translation>&amp;Biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Marketplace</source>
            <translation>&amp;Tienda</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Password</source>
            <translation>C&amp;ontraseña</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Same folder here</source>
            <translation>&amp;Misma carpeta aquí</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;Test</source>
            <translation>&amp;Probar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>&amp;User name</source>
            <translation>Nombre de &amp;usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>API &amp;key</source>
            <translation>C&amp;lave de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>API key</source>
            <translation>Clave de API</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Apprise &amp;URL</source>
            <translation>&amp;URL de Apprise</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Asking the server…</source>
            <translation>Consultando al servidor…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Audible marketplace</source>
            <translation>Tienda de Audible</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Audiobook libraries found: %n.</source>
            <translation>
                <numerusform>Bibliotecas de audiolibros encontradas: %n.</numerusform>
                <numerusform>Bibliotecas de audiolibros encontradas: %n.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Books are discovered and identified in this marketplace (an ASIN belongs to one).</source>
            <translation>Los libros se descubren e identifican en esta tienda (cada ASIN pertenece a una).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Books are organized and tagged into this folder; a server can then show them.</source>
            <translation>Los libros se organizan y etiquetan en esta carpeta; después un servidor puede mostrarlos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Browse for: {folder}</source>
            <translation>Buscar: {folder}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Cate&amp;gory</source>
            <translation>Cate&amp;goría</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Choose a download client first.</source>
            <translation>Primero elija un cliente de descarga.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Choose at least one source of releases. Prowlarr searches all its indexers at once.</source>
            <translation>Elija al menos una fuente de releases. Prowlarr busca en todos sus indexadores a la vez.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Client's &amp;download folder</source>
            <translation>Carpeta de descarga del cl&amp;iente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Create one on the server, then try again.</source>
            <translation>Cree una en el servidor y vuelva a intentarlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Download client</source>
            <translation>Cliente de descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Download folder on this computer</source>
            <translation>Carpeta de descarga en este equipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Enter an Apprise URL first, or leave it empty to skip.</source>
            <translation>Primero introduzca una URL de Apprise, o déjela vacía para omitir este paso.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Enter the indexer's address first.</source>
            <translation>Primero introduzca la dirección del indexador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Fill in both folders of the path mapping, or neither.</source>
            <translation>Rellene las dos carpetas de la asignación de rutas, o ninguna.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>In a few steps you choose where your audiobooks live, which Audible marketplace to browse, where to search for releases, which download client fetches them and how you want to be notified.

Each step has a Test button. Anything you leave empty can be set later in Settings, and this assistant can be opened again from Settings &gt; Setup.</source>
            <translation>En unos pocos pasos elegirá dónde están sus audiolibros, qué tienda de Audible explorar, dónde buscar releases, qué cliente de descarga las obtiene y cómo quiere recibir avisos.

Cada paso tiene un botón Probar. Lo que deje vacío podrá configurarlo más tarde en Configuración, y este asistente puede volver a abrirse desde Configuración &gt; Asistente.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Internet Archive / LibriVox: public-domain books, no account needed</source>
            <translation>Internet Archive / LibriVox: libros de dominio público, sin cuenta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Just a folder (the app scans it)</source>
            <translation>Solo una carpeta (la aplicación la analiza)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Library &amp;folder</source>
            <translation>&amp;Carpeta de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Library folder</source>
            <translation>Carpeta de la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>None for now</source>
            <translation>Ninguno por ahora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Notifications</source>
            <translation>Notificaciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Optional: also notify a phone or chat (Discord, Telegram, ntfy, Pushover, email …) with an Apprise URL. Desktop notifications are always on.</source>
            <translation>Opcional: avise también a un teléfono o un chat (Discord, Telegram, ntfy, Pushover, correo electrónico…) con una URL de Apprise. Las notificaciones de escritorio están siempre activadas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Save and start</source>
            <translation>Guardar y empezar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Send &amp;test</source>
            <translation>Enviar &amp;prueba</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Server</source>
            <translation>Servidor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Shown by</source>
            <translation>Mostrada por</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>T&amp;oken</source>
            <translation>&amp;Token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test</source>
            <translation>Probar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test Internet Archive / LibriVox</source>
            <translation>Probar Internet Archive / LibriVox</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Test {indexer}</source>
            <translation>Probar {indexer}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The client that downloads torrents or NZBs. Public-domain books download directly and need none.</source>
            <translation>El cliente que descarga los torrents o NZB. Los libros de dominio público se descargan directamente y no lo necesitan.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The client's folder and the same folder as this computer sees it.</source>
            <translation>La carpeta del cliente y esa misma carpeta tal como la ve este equipo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>The server has no audiobook library.</source>
            <translation>El servidor no tiene ninguna biblioteca de audiolibros.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Torznab / Newznab indexer</source>
            <translation>Indexador Torznab / Newznab</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Welcome to ReadMeABook</source>
            <translation>Le damos la bienvenida a ReadMeABook</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Where to search</source>
            <translation>Dónde buscar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>Your library</source>
            <translation>Su biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>as the client sees it, e.g. /downloads</source>
            <translation>como la ve el cliente, p. ej., /downloads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>e.g. /home/me/Audiobooks</source>
            <translation>p. ej., /home/yo/Audiolibros</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>e.g. ntfys://my-topic or discord://webhook_id/webhook_token</source>
            <translation>p. ej., ntfys://my-topic o discord://webhook_id/webhook_token</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/wizard_pages.py" />
            <source>the same folder on this computer, e.g. /mnt/nas/downloads</source>
            <translation>la misma carpeta en este equipo, p. ej., /mnt/nas/downloads</translation>
        </message>
    </context>
    <context>
        <name>SetupSettings</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/setup_settings.py" />
            <source>&amp;Open the setup assistant…</source>
            <translation>&amp;Abrir el asistente de configuración…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/setup_settings.py" />
            <source>The setup assistant walks through the library, the Audible marketplace, indexers, the download client and notifications, with a Test for each. What you already set up is kept unless you change it there.</source>
            <translation>El asistente de configuración recorre la biblioteca, la tienda de Audible, los indexadores, el cliente de descarga y las notificaciones, con una prueba para cada uno. Lo que ya haya configurado se conserva, salvo que lo cambie allí.</translation>
        </message>
    </context>
    <context>
        <name>ShelvesJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Shelf {shelf} did not sync: {error}</source>
            <translation>La estantería {shelf} no se sincronizó: {error}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Shelf {shelf} synced: %n new book(s).</source>
            <translation>
                <numerusform>Estantería {shelf} sincronizada: %n libro nuevo.</numerusform>
                <numerusform>Estantería {shelf} sincronizada: %n libros nuevos.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Sync reading shelves</source>
            <translation>Sincronizar los estantes de lectura</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/shelves/__init__.py" />
            <source>Sync reading shelves into requests</source>
            <translation>Sincronizar los estantes de lectura con las solicitudes</translation>
        </message>
    </context>
    <context>
        <name>ShelvesPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>A one-off import. 'to-read' takes the books you want; 'all' takes every book.</source>
            <translation>Una importación única. “to-read” toma los libros que quiere leer; “all” toma todos los libros.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>A reading status (want-to-read, currently-reading, read) or a list's short name from its address.</source>
            <translation>Un estado de lectura (want-to-read, currently-reading, read) o el nombre corto de una lista tomado de su dirección.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add a Goodreads shelf, a Hardcover list or a CSV export: the books on it become requests.</source>
            <translation>Agregue un estante de Goodreads, una lista de Hardcover o una exportación CSV: sus libros se convierten en solicitudes.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add a reading shelf</source>
            <translation>Agregar un estante de lectura</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add and sync</source>
            <translation>Agregar y sincronizar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Add shelf…</source>
            <translation>Agregar estante…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Adding the shelf and looking up its books on Audible…</source>
            <translation>Agregando el estante y buscando sus libros en Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Audible has more than one possible audiobook for these, or one by another author. Nothing is requested until you choose.</source>
            <translation>Audible tiene más de un audiolibro posible para estos, o uno de otro autor. No se solicita nada hasta que usted elija.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Books on your Goodreads and Hardcover shelves become requests when Audible has them for sure. Removing a shelf keeps its requests and books.</source>
            <translation>Los libros de sus estantes de Goodreads y Hardcover se convierten en solicitudes cuando Audible los tiene con seguridad. Quitar un estante conserva sus solicitudes y libros.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>CSV files (*.csv)</source>
            <translation>Archivos CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>CSV import</source>
            <translation>Importación CSV</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose file…</source>
            <translation>Elegir archivo…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose the export</source>
            <translation>Elegir la exportación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose the right book</source>
            <translation>Elegir el libro correcto</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Choose {title}</source>
            <translation>Elegir {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Cover of {title}</source>
            <translation>Portada de {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Goodreads or StoryGraph export (CSV)</source>
            <translation>Exportación de Goodreads o StoryGraph (CSV)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Goodreads shelf</source>
            <translation>Estante de Goodreads</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Goodreads shelf (RSS link)</source>
            <translation>Estante de Goodreads (enlace RSS)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Hardcover</source>
            <translation>Hardcover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Hardcover list or reading status</source>
            <translation>Lista o estado de lectura de Hardcover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Hardcover token</source>
            <translation>Token de Hardcover</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Loading shelves…</source>
            <translation>Cargando estantes…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Narrated by {names}</source>
            <translation>Narrado por {names}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>No books yet: sync to read the shelf.</source>
            <translation>Aún no hay libros: sincronice para leer el estante.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>No reading shelves yet</source>
            <translation>Aún no hay estantes de lectura</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>None of these</source>
            <translation>Ninguno de estos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Not synced yet.</source>
            <translation>Aún sin sincronizar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Nothing is waiting: every shelf book found its audiobook, or has none.</source>
            <translation>No hay nada pendiente: cada libro de los estantes encontró su audiolibro o no tiene ninguno.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>On your shelf “{shelf}”: &lt;b&gt;{title}&lt;/b&gt; by {author}</source>
            <translation>En su estante “{shelf}”: &lt;b&gt;{title}&lt;/b&gt;, de {author}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Open the shelf on Goodreads and copy the RSS link at the bottom of the page.</source>
            <translation>Abra el estante en Goodreads y copie el enlace RSS que hay al final de la página.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Reading shelves</source>
            <translation>Estantes de lectura</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Remove shelf</source>
            <translation>Quitar estante</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Remove this shelf? Requests it made and books in your library stay.</source>
            <translation>¿Quitar este estante? Las solicitudes que creó y los libros de su biblioteca se conservan.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Removing…</source>
            <translation>Quitando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Requesting your choice…</source>
            <translation>Solicitando su elección…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Shelf</source>
            <translation>Estante</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Shelf in the export</source>
            <translation>Estante en la exportación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Source</source>
            <translation>Origen</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Sync all</source>
            <translation>Sincronizar todos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Sync now</source>
            <translation>Sincronizar ahora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Synced {when}</source>
            <translation>Sincronizado: {when}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Syncing every shelf…</source>
            <translation>Sincronizando todos los estantes…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>Syncing the shelf…</source>
            <translation>Sincronizando el estante…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>The last sync failed: {error} Check the shelf's address or token, then sync again.</source>
            <translation>La última sincronización falló: {error} Revise la dirección o el token del estante y vuelva a sincronizar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>This one</source>
            <translation>Este</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>from hardcover.app/account/api; {place}</source>
            <translation>de hardcover.app/account/api; {place}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>in library</source>
            <translation>en la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>matched, not requested</source>
            <translation>encontrado, sin solicitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>no audiobook</source>
            <translation>sin audiolibro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>not looked up yet</source>
            <translation>aún sin buscar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>paused</source>
            <translation>en pausa</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>requested</source>
            <translation>solicitado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>the exported .csv file</source>
            <translation>el archivo .csv exportado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>unknown author</source>
            <translation>autor desconocido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/shelves_page.py" />
            <source>waiting for a choice</source>
            <translation>esperando una elección</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Close a book window</source>
            <translation>Cerrar una ventana de libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Command</source>
            <translation>Comando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Enter</source>
            <translation>Intro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Esc, Ctrl+W</source>
            <translation>Esc, Ctrl+W</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Everything in the app can be reached from the keyboard.</source>
            <translation>Todo en la aplicación es accesible desde el teclado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keyboard Shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Library › {action}</source>
            <translation>Biblioteca › {action}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Menu key, Shift+F10</source>
            <translation>Tecla Menú, Mayús+F10</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Move between controls</source>
            <translation>Moverse entre controles</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Open the selected book (Search, Discover, author and series lists)</source>
            <translation>Abrir el libro seleccionado (Buscar, Descubrir, listas de autores y series)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Show a book's actions</source>
            <translation>Mostrar las acciones de un libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/shortcuts_dialog.py" />
            <source>Tab, Shift+Tab</source>
            <translation>Tab, Mayús+Tab</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Ask an administrator to approve it on the Users page, then sign in again.</source>
            <translation>Pida a un administrador que la apruebe en la página Usuarios y vuelva a iniciar sesión.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Ask an administrator.</source>
            <translation>Consulte a un administrador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Check both and try again; passwords are case-sensitive.</source>
            <translation>Compruebe ambos y vuelva a intentarlo; la contraseña distingue mayúsculas y minúsculas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Check the code, or ask an administrator for a new one.</source>
            <translation>Compruebe el código o pida uno nuevo a un administrador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Only an administrator can invite people.</source>
            <translation>Solo un administrador puede invitar a personas.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>This account is turned off.</source>
            <translation>Esta cuenta está desactivada.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>This invite code is not valid (wrong, used or expired).</source>
            <translation>Este código de invitación no es válido (incorrecto, ya usado o caducado).</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/household/sign_in_limits.py" />
            <source>Too many wrong passwords for '{name}'. Try again in %n minute(s).</source>
            <translation>
                <numerusform>Demasiadas contraseñas incorrectas para «{name}». Vuelva a intentarlo en %n minuto.</numerusform>
                <numerusform>Demasiadas contraseñas incorrectas para «{name}». Vuelva a intentarlo en %n minutos.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/sign_in_limits.py" />
            <source>Wait, or ask an administrator to set a new password.</source>
            <translation>Espere o pida a un administrador que establezca una contraseña nueva.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Wrong user name or password.</source>
            <translation>Nombre de usuario o contraseña incorrectos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/accounts.py" />
            <source>Your account is waiting for an administrator's approval.</source>
            <translation>Su cuenta está pendiente de la aprobación de un administrador.</translation>
        </message>
    </context>
    <context>
        <name>SignInWindow</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Ask for an account</source>
            <translation>&amp;Solicitar una cuenta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Back</source>
            <translation>&amp;Atrás</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Continue</source>
            <translation>&amp;Continuar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Create account</source>
            <translation>&amp;Crear cuenta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Create an account</source>
            <translation>&amp;Crear una cuenta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Display name</source>
            <translation>Nombre &amp;visible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Password</source>
            <translation>&amp;Contraseña</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Remember me on this computer</source>
            <translation>&amp;Recordarme en este equipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Repeat password</source>
            <translation>&amp;Repetir contraseña</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;Sign in</source>
            <translation>&amp;Iniciar sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>&amp;User name</source>
            <translation>Nombre de &amp;usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Approve the sign-in in your browser; this window waits for Plex.</source>
            <translation>Confirme el inicio de sesión en su navegador; esta ventana espera a Plex.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Ask for an account</source>
            <translation>Solicitar una cuenta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Choose a user name.</source>
            <translation>Elija un nombre de usuario.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Create your account with an invite code</source>
            <translation>Cree su cuenta con un código de invitación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Creating your account…</source>
            <translation>Creando su cuenta…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Enter the invite code an administrator gave you.</source>
            <translation>Introduzca el código de invitación que le dio un administrador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Enter your user name and password.</source>
            <translation>Introduzca su nombre de usuario y contraseña.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>I have an &amp;invite code</source>
            <translation>Tengo un código de &amp;invitación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Invite &amp;code</source>
            <translation>&amp;Código de invitación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Opening plex.tv…</source>
            <translation>Abriendo plex.tv…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>P&amp;rofile</source>
            <translation>P&amp;erfil</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Passwords need at least {count} characters.</source>
            <translation>Las contraseñas necesitan al menos {count} caracteres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Profile P&amp;IN</source>
            <translation>P&amp;IN del perfil</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign in to {app}</source>
            <translation>Iniciar sesión en {app}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign in with &amp;Plex…</source>
            <translation>Iniciar sesión con &amp;Plex…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign in with Plex</source>
            <translation>Iniciar sesión con Plex</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Sign-in message</source>
            <translation>Mensaje de inicio de sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Signed in to Plex as {name}. Who is using the app?</source>
            <translation>Sesión iniciada en Plex como {name}. ¿Quién usa la aplicación?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Signing in…</source>
            <translation>Iniciando sesión…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>The two passwords differ.</source>
            <translation>Las dos contraseñas no coinciden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Who is using {app}?</source>
            <translation>¿Quién usa {app}?</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>Your account waits for an administrator's approval. Sign in once they approved it.</source>
            <translation>Su cuenta está pendiente de la aprobación de un administrador. Inicie sesión cuando la haya aprobado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>at least {count} characters</source>
            <translation>al menos {count} caracteres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>e.g. {code}</source>
            <translation>p. ej., {code}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/sign_in_window.py" />
            <source>optional</source>
            <translation>opcional</translation>
        </message>
    </context>
    <context>
        <name>StartupError</name>
        <message>
            <location filename="../../rmab_desktop/__main__.py" />
            <source>The app could not start ({detail}).</source>
            <translation>La aplicación no pudo iniciarse ({detail}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/__main__.py" />
            <source>The log file has the details; please include it when you report the problem.</source>
            <translation>El archivo de registro contiene los detalles; inclúyalo cuando informe del problema.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/__main__.py" />
            <source>{app} cannot start</source>
            <translation>{app} no puede iniciarse</translation>
        </message>
    </context>
    <context>
        <name>StateStack</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>Could not load</source>
            <translation>No se pudo cargar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>This takes a moment.</source>
            <translation>Esto tarda un momento.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/state_stack.py" />
            <source>Try again</source>
            <translation>Reintentar</translation>
        </message>
    </context>
    <context>
        <name>StatusPage</name>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Add the Audible marketplace, an indexer, a download client or a library server in Settings (or the setup wizard); each one then gets a card here.</source>
            <translation>Agregue la tienda de Audible, un indexador, un cliente de descarga o un servidor de biblioteca en Configuración (o en el asistente de configuración); cada uno tendrá entonces su tarjeta aquí.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Check every configured service now</source>
            <translation>Comprobar ahora todos los servicios configurados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Check now</source>
            <translation>Comprobar ahora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Checked every 10 minutes. A service that goes down is reported once, and again when it is back.</source>
            <translation>Se comprueba cada 10 minutos. Un servicio que cae se notifica una vez, y otra vez cuando se recupera.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Checking…</source>
            <translation>Comprobando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>No services to check yet</source>
            <translation>Aún no hay servicios que comprobar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Service status</source>
            <translation>Estado de servicios</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>Services</source>
            <translation>Servicios</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/status_page.py" />
            <source>{down} of %n down</source>
            <translation>
                <numerusform>{down} de %n caído</numerusform>
                <numerusform>{down} de %n caídos</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TaskErrors</name>
        <message>
            <location filename="../../rmab_desktop/workers/runner.py" />
            <source>This is a bug. The details are in the log file.</source>
            <translation>Esto es un error del programa. Los detalles están en el archivo de registro.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/workers/runner.py" />
            <source>Unexpected error: {error}</source>
            <translation>Error inesperado: {error}</translation>
        </message>
    </context>
    <context>
        <name>TestButton</name>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_button.py" />
            <source>Test</source>
            <translation>Probar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/widgets/test_button.py" />
            <source>Testing…</source>
            <translation>Probando…</translation>
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
                <numerusform>%n tarea en curso</numerusform>
                <numerusform>%n tareas en curso</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Hide window</source>
            <translation>Ocultar ventana</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>No active jobs</source>
            <translation>No hay tareas activas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Pause automation</source>
            <translation>Pausar automatización</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Quit</source>
            <translation>Salir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>Show window</source>
            <translation>Mostrar ventana</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>{app} — %n running</source>
            <translation>
                <numerusform>{app}: %n en curso</numerusform>
                <numerusform>{app}: %n en curso</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/tray.py" />
            <source>{app} — paused</source>
            <translation>{app}: en pausa</translation>
        </message>
    </context>
    <context>
        <name>UpcomingPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n libro</numerusform>
                <numerusform>%n libros</numerusform>
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
            <translation>&amp;Mes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>&amp;Refresh</source>
            <translation>A&amp;ctualizar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>&amp;Try again</source>
            <translation>&amp;Reintentar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Books released on the chosen day</source>
            <translation>Libros publicados el día elegido</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Loading upcoming releases…</source>
            <translation>Cargando los próximos lanzamientos…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>No requested book comes out on this day.</source>
            <translation>Ningún libro solicitado se publica este día.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Nothing upcoming</source>
            <translation>Nada próximamente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Release calendar</source>
            <translation>Calendario de publicaciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Release day and book</source>
            <translation>Día de publicación y libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Request</source>
            <translation>Solicitud</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Request a book before its release day (a pre-order on Audible) and it appears here.</source>
            <translation>Solicite un libro antes de su fecha de publicación (una reserva en Audible) y aparecerá aquí.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Requested books that are not out yet, by release day (your calendar's dates). Each is searched for on its release day.</source>
            <translation>Libros solicitados que aún no se han publicado, por fecha de publicación (fechas de su calendario). Cada uno se busca el día de su publicación.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Series</source>
            <translation>Serie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Try again in a moment.</source>
            <translation>Vuelva a intentarlo en un momento.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Upcoming releases</source>
            <translation>Próximos lanzamientos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Upcoming releases by day</source>
            <translation>Próximos lanzamientos por día</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>Upcoming releases could not be loaded</source>
            <translation>No se pudieron cargar los próximos lanzamientos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{date}: {count}</source>
            <translation>{date}: {count}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{series}, book {position}</source>
            <translation>{series}, libro {position}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{status} (watching {name})</source>
            <translation>{status} (en seguimiento: {name})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/upcoming_page.py" />
            <source>{title} (ebook)</source>
            <translation>{title} (libro electrónico)</translation>
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
                <numerusform>%n libro agregado o modificado</numerusform>
                <numerusform>%n libros agregados o modificados</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>%n request(s) now available</source>
            <translation>
                <numerusform>%n solicitud ya disponible</numerusform>
                <numerusform>%n solicitudes ya disponibles</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Check recently added books</source>
            <translation>Comprobar los libros agregados recientemente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retry failed imports</source>
            <translation>Reintentar las importaciones fallidas</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retrying the import</source>
            <translation>Reintentando la importación</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/upkeep.py" />
            <source>Retrying the import of %n request(s)</source>
            <translation>
                <numerusform>Reintentando la importación de %n solicitud</numerusform>
                <numerusform>Reintentando la importación de %n solicitudes</numerusform>
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
                <numerusform>«{title}» ya está en la biblioteca, en {path} (%n capítulo)</numerusform>
                <numerusform>«{title}» ya está en la biblioteca, en {path} (%n capítulos)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/url_audio/source.py" />
            <source>Check the link in a browser; the site may need an account, or yt-dlp may not know it.</source>
            <translation>Compruebe el enlace en un navegador; puede que el sitio requiera una cuenta o que yt-dlp no lo conozca.</translation>
        </message>
    </context>
    <context>
        <name>UserDialogs</name>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Copy</source>
            <translation>&amp;Copiar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Display name</source>
            <translation>Nombre &amp;visible</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Give them to</source>
            <translation>&amp;Dárselas a</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Keep them as {name}'s history</source>
            <translation>&amp;Conservarlas como historial de {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Password</source>
            <translation>&amp;Contraseña</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;Repeat password</source>
            <translation>&amp;Repetir contraseña</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>&amp;User name</source>
            <translation>Nombre de &amp;usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Add</source>
            <translation>Añadir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Add a user</source>
            <translation>Añadir un usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Administrator</source>
            <translation>Administrador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Administrators may do everything; these apply if they become users.</source>
            <translation>Los administradores pueden hacer todo; estos ajustes se aplican si pasan a ser usuarios.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Give this code to the new person. In the sign-in window they choose "I have an invite code" and create their account. It works once, for 7 days, and is not shown again.</source>
            <translation>Dé este código a la persona nueva. En la ventana de inicio de sesión elige «Tengo un código de invitación» y crea su cuenta. Funciona una vez, durante 7 días, y no se vuelve a mostrar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Household default ({state})</source>
            <translation>Valor del hogar ({state})</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>I understand that {name} loses access</source>
            <translation>Entiendo que {name} pierde el acceso</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Invite code</source>
            <translation>Código de invitación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>May download books to this computer</source>
            <translation>Puede descargar libros en este equipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>May search indexers and pick a release</source>
            <translation>Puede buscar en indexadores y elegir una publicación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>New owner of the requests</source>
            <translation>Nuevo propietario de las solicitudes</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>New password for {name}</source>
            <translation>Nueva contraseña para {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Off</source>
            <translation>Desactivado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>On</source>
            <translation>Activado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Passwords need at least {count} characters.</source>
            <translation>Las contraseñas necesitan al menos {count} caracteres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Permissions of {name}</source>
            <translation>Permisos de {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>R&amp;ole</source>
            <translation>R&amp;ol</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Remove</source>
            <translation>Eliminar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Remove {name}</source>
            <translation>Eliminar a {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Requests are approved automatically</source>
            <translation>Las solicitudes se aprueban automáticamente</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>The two passwords differ.</source>
            <translation>Las dos contraseñas no coinciden.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>User</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>User names need at least {count} characters.</source>
            <translation>Los nombres de usuario necesitan al menos {count} caracteres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>at least {count} characters</source>
            <translation>al menos {count} caracteres</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>how the app greets them (optional)</source>
            <translation>cómo la llama la aplicación (opcional)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>off</source>
            <translation>desactivado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>on</source>
            <translation>activado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>{name} can no longer sign in. Their requests stay; choose who owns them now.</source>
            <translation>{name} ya no podrá iniciar sesión. Sus solicitudes se conservan; elija a quién pertenecen ahora.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/dialogs/user_dialogs.py" />
            <source>{name} signs in with it from now on; remembered sign-ins end and a lock is lifted.</source>
            <translation>{name} iniciará sesión con ella a partir de ahora; las sesiones recordadas terminan y se levanta un bloqueo.</translation>
        </message>
    </context>
    <context>
        <name>Users</name>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Ask another administrator to remove your account.</source>
            <translation>Pida a otro administrador que elimine su cuenta.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Choose a longer password.</source>
            <translation>Elija una contraseña más larga.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Choose a longer user name.</source>
            <translation>Elija un nombre de usuario más largo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Choose another user name.</source>
            <translation>Elija otro nombre de usuario.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Choose someone else, or keep them as history.</source>
            <translation>Elija a otra persona o consérvelas como historial.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Give the administrator a password first (rmab users password {name}).</source>
            <translation>Asigne primero una contraseña al administrador (rmab users password {name}).</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>List the users with: rmab users list</source>
            <translation>Liste los usuarios con: rmab users list</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Make someone else an administrator instead.</source>
            <translation>Haga administrador a otra persona en su lugar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can add users.</source>
            <translation>Solo un administrador puede añadir usuarios.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can approve sign-ups.</source>
            <translation>Solo un administrador puede aprobar registros.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change another person's password.</source>
            <translation>Solo un administrador puede cambiar la contraseña de otra persona.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change permissions.</source>
            <translation>Solo un administrador puede cambiar permisos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change roles.</source>
            <translation>Solo un administrador puede cambiar roles.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can change the household defaults.</source>
            <translation>Solo un administrador puede cambiar los valores predeterminados del hogar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Only an administrator can remove users.</source>
            <translation>Solo un administrador puede eliminar usuarios.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Passwords need at least {count} characters.</source>
            <translation>Las contraseñas necesitan al menos {count} caracteres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>Remove another user, or keep this one.</source>
            <translation>Elimine a otro usuario o conserve este.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>Requests can only go to another user who is not removed.</source>
            <translation>Las solicitudes solo pueden pasar a otro usuario que no esté eliminado.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>The administrator '{name}' has no password yet: with a second user, everyone signs in.</source>
            <translation>El administrador «{name}» aún no tiene contraseña: con un segundo usuario, todos inician sesión.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>The first administrator cannot be removed.</source>
            <translation>El primer administrador no se puede eliminar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>The first administrator cannot lose the admin role.</source>
            <translation>El primer administrador no puede perder el rol de administrador.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>There is already a user called '{name}'.</source>
            <translation>Ya hay un usuario llamado «{name}».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>There is no user called '{name}'.</source>
            <translation>No hay ningún usuario llamado «{name}».</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>User names need at least {count} characters.</source>
            <translation>Los nombres de usuario necesitan al menos {count} caracteres.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/requests/users.py" />
            <source>User {id} does not exist.</source>
            <translation>El usuario {id} no existe.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/household/admin.py" />
            <source>You cannot remove yourself.</source>
            <translation>No puede eliminarse a sí mismo.</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>%n sign-up(s) waiting for approval.</source>
            <translation>
                <numerusform>%n registro pendiente de aprobación.</numerusform>
                <numerusform>%n registros pendientes de aprobación.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>%n user(s)</source>
            <translation>
                <numerusform>%n usuario</numerusform>
                <numerusform>%n usuarios</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>&amp;Add…</source>
            <translation>&amp;Añadir…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>&amp;Invite…</source>
            <translation>&amp;Invitar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>&amp;Remove…</source>
            <translation>&amp;Eliminar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>A new password for the selected person, e.g. after a lockout</source>
            <translation>Una contraseña nueva para la persona seleccionada, p. ej., tras un bloqueo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>A one-time code a new person enters in the sign-in window</source>
            <translation>Un código de un solo uso que la persona nueva introduce en la ventana de inicio de sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>A&amp;pprove</source>
            <translation>A&amp;probar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Administrator</source>
            <translation>Administrador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Auto-approve</source>
            <translation>Aprobación automática</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Download</source>
            <translation>Descarga</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Everyone who uses this household's desktops. Administrators approve requests and manage users; a permission is the household default unless set for a person.</source>
            <translation>Todas las personas que usan los equipos de este hogar. Los administradores aprueban solicitudes y gestionan usuarios; un permiso sigue el valor del hogar salvo que se defina para una persona.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Household defaults</source>
            <translation>Valores predeterminados del hogar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Interactive search</source>
            <translation>Búsqueda interactiva</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Invite created.</source>
            <translation>Invitación creada.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Let the selected person who signed up start</source>
            <translation>Permitir que empiece la persona registrada seleccionada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Loading users…</source>
            <translation>Cargando usuarios…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Make &amp;administrator</source>
            <translation>Hacer &amp;administrador</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Make &amp;user</source>
            <translation>Hacer &amp;usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Only administrators can change users; you can look.</source>
            <translation>Solo los administradores pueden cambiar usuarios; usted puede consultarlos.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>P&amp;ermissions…</source>
            <translation>P&amp;ermisos…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Re&amp;fresh</source>
            <translation>Act&amp;ualizar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Set pass&amp;word…</source>
            <translation>Establecer &amp;contraseña…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Signs in with</source>
            <translation>Inicia sesión con</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>The users could not be read</source>
            <translation>No se pudieron leer los usuarios</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>This takes a moment.</source>
            <translation>Esto tarda un momento.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Try again</source>
            <translation>Reintentar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>User</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Users</source>
            <translation>Usuarios</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Users status</source>
            <translation>Estado de los usuarios</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>Waiting for approval</source>
            <translation>Pendiente de aprobación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>You are the only user. Add or invite someone to share this library as a household.</source>
            <translation>Es el único usuario. Añada o invite a alguien para compartir esta biblioteca como hogar.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>no way to sign in yet</source>
            <translation>aún sin forma de iniciar sesión</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>off</source>
            <translation>desactivado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>on</source>
            <translation>activado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>password</source>
            <translation>contraseña</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>{role} (first)</source>
            <translation>{role} (primero)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/users_page.py" />
            <source>{state} (default)</source>
            <translation>{state} (predeterminado)</translation>
        </message>
    </context>
    <context>
        <name>Watching</name>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>Audible lists “{title}” in no series.</source>
            <translation>Audible no incluye “{title}” en ninguna serie.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Audiobook</source>
            <translation>Audiolibro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Audiobook and ebook</source>
            <translation>Audiolibro y libro electrónico</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Downloading</source>
            <translation>Descargando</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Ebook</source>
            <translation>Libro electrónico</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Ignored</source>
            <translation>Ignorado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>In library</source>
            <translation>En la biblioteca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Missing</source>
            <translation>Falta</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>New from {name}: {title}</source>
            <translation>Novedad de {name}: {title}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>New releases</source>
            <translation>Novedades</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Next book only</source>
            <translation>Solo el siguiente libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Not yet released</source>
            <translation>Aún no publicado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Requested</source>
            <translation>Solicitado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>Requested because you watch {name}.</source>
            <translation>Solicitado porque sigue {name}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>Requested because you watch {name}; it comes out on {date}.</source>
            <translation>Solicitado porque sigue {name}; se publica el {date}.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/domain/watching.py" />
            <source>Whole back catalogue</source>
            <translation>Todo el catálogo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/service.py" />
            <source>You already watch “{name}”.</source>
            <translation>Ya sigue “{name}”.</translation>
        </message>
    </context>
    <context>
        <name>WatchingJobs</name>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>Check watched authors and series</source>
            <translation>Comprobar autores y series seguidos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>Request new books of watched authors and series</source>
            <translation>Solicitar los libros nuevos de autores y series seguidos</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: %n new book(s) requested: {titles}</source>
            <translation>
                <numerusform>{watch}: %n libro nuevo solicitado: {titles}</numerusform>
                <numerusform>{watch}: %n libros nuevos solicitados: {titles}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: not checked: {error}</source>
            <translation>{watch}: no comprobado: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/services/watching/__init__.py" />
            <source>{watch}: nothing new</source>
            <translation>{watch}: nada nuevo</translation>
        </message>
    </context>
    <context>
        <name>WatchingPage</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n book(s) requested by this watch so far</source>
            <translation>
                <numerusform>%n libro solicitado por este seguimiento hasta ahora</numerusform>
                <numerusform>%n libros solicitados por este seguimiento hasta ahora</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n book(s) requested.</source>
            <translation>
                <numerusform>%n libro solicitado.</numerusform>
                <numerusform>%n libros solicitados.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>%n new book(s) requested.</source>
            <translation>
                <numerusform>%n libro nuevo solicitado.</numerusform>
                <numerusform>%n libros nuevos solicitados.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>(paused)</source>
            <translation>(en pausa)</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>ASIN</source>
            <translation>ASIN</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Applies to</source>
            <translation>Se aplica a</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Author</source>
            <translation>Autor</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Authors and series you watch: their new books are requested for you once a day. Open an author or a series from a book to watch it.</source>
            <translation>Autores y series que sigue: sus libros nuevos se solicitan para usted una vez al día. Abra el autor o la serie de un libro para seguirlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Books on it are never requested by watches, shelves or “Request everything missing”.</source>
            <translation>Los libros de la lista nunca se solicitan por seguimientos, estanterías ni “Solicitar todo lo que falta”.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Check all now</source>
            <translation>Comprobar todo ahora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Check now</source>
            <translation>Comprobar ahora</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Check the connection in Service status, then try again.</source>
            <translation>Compruebe la conexión en Estado de los servicios y vuelva a intentarlo.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Checking every watch…</source>
            <translation>Comprobando todos los seguimientos…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Checking {name}…</source>
            <translation>Comprobando {name}…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Could not load this</source>
            <translation>No se pudo cargar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Edit watch: {name}</source>
            <translation>Editar seguimiento: {name}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Edit…</source>
            <translation>Editar…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Every edition</source>
            <translation>Todas las ediciones</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Every series you own part of is complete, as far as Audible lists it.</source>
            <translation>Cada serie de la que tiene una parte está completa, según Audible.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Ignore list</source>
            <translation>Lista de ignorados</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Last check</source>
            <translation>Última comprobación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Last check failed: {error}</source>
            <translation>La última comprobación falló: {error}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Loading your ignore list…</source>
            <translation>Cargando la lista de ignorados…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Loading your watches…</source>
            <translation>Cargando sus seguimientos…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Look again</source>
            <translation>Buscar de nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Looking up your series on Audible…</source>
            <translation>Buscando sus series en Audible…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Missing in your series</source>
            <translation>Faltan en sus series</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Mode</source>
            <translation>Modo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>No gaps in your series</source>
            <translation>No faltan libros en sus series</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Not checked yet</source>
            <translation>Aún no comprobado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Nothing new</source>
            <translation>Nada nuevo</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Number</source>
            <translation>N.º</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Open a book, then its author or series, and choose “Watch”. New books are requested for you.</source>
            <translation>Abra un libro, luego su autor o su serie, y elija “Seguir”. Los libros nuevos se solicitan para usted.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Release</source>
            <translation>Publicación</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Remove from the list</source>
            <translation>Quitar de la lista</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Removing…</source>
            <translation>Quitando…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request %n missing book(s)? Books not out yet wait for their release day.</source>
            <translation>
                <numerusform>¿Solicitar %n libro que falta? Los libros aún no publicados esperan a su fecha de publicación.</numerusform>
                <numerusform>¿Solicitar %n libros que faltan? Los libros aún no publicados esperan a su fecha de publicación.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request every missing book</source>
            <translation>Solicitar todos los libros que faltan</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request missing books</source>
            <translation>Solicitar los libros que faltan</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Request missing in this series</source>
            <translation>Solicitar los que faltan de esta serie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Requested: {titles}</source>
            <translation>Solicitado: {titles}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Requesting…</source>
            <translation>Solicitando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Series</source>
            <translation>Serie</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Series and book</source>
            <translation>Serie y libro</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Stop watching</source>
            <translation>Dejar de seguir</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Stop watching {name}? The requests it made stay.</source>
            <translation>¿Dejar de seguir {name}? Las solicitudes ya hechas se mantienen.</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>This edition</source>
            <translation>Esta edición</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Watches</source>
            <translation>Seguimientos</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Watching</source>
            <translation>Seguimiento</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>What it found</source>
            <translation>Encontrado</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>You watch nothing yet</source>
            <translation>Aún no sigue nada</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>Your ignore list is empty</source>
            <translation>Su lista de ignorados está vacía</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/pages/watching_page.py" />
            <source>{series}: you have {owned}, {missing} missing</source>
            <translation>{series}: tiene {owned}, faltan {missing}</translation>
        </message>
    </context>
</TS>
