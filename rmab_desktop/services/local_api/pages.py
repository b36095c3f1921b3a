"""Two small pages served by the local API so a browser can request the Audible book it shows.

``/bookmarklet`` offers a bookmark that, on an Audible book page, opens ``/request-book?asin=...``
here. That page asks for an API token once, keeps it in this origin's browser storage (the token
never travels in a URL, so it never reaches a log), and posts the request to ``/api/v1/requests``.
The pages hold no data: everything they show comes from the API, which checks the token.
"""

from __future__ import annotations

import html
import json

from rmab_desktop.domain.i18n import Translator

tr = Translator("ApiPages")

# Finds the ASIN in an Audible product address (/pd/Title/B0XXXXXXXX or /dp/B0XXXXXXXX).
_BOOKMARKLET = (
    "javascript:(function(){var m=location.pathname.match(/\\/(?:pd|dp)\\/(?:[^/]+\\/)?([A-Z0-9]{10})/);"
    "if(!m){alert(%s);return;}window.open('ORIGIN/request-book?asin='+m[1]"
    "+'&region='+encodeURIComponent(location.hostname),'_blank');})();"
)

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.5}"
    "a.button,button{display:inline-block;padding:.5em 1em;border-radius:6px;border:1px solid #888;"
    "text-decoration:none;color:inherit}input{width:100%;padding:.4em;font-family:monospace}"
    "@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#eee}a{color:#8ab4f8}}"
)


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width"><style>{_STYLE}</style></head>'
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )


def bookmarklet_page() -> str:
    script = _BOOKMARKLET % json.dumps(tr("Open an Audible book page first."))
    return _page(
        tr("Request from Audible"),
        "<p>{explain}</p><p><a class=button id=mark href='#'>{label}</a></p>"
        "<script>document.getElementById('mark').href={script}.replace('ORIGIN',location.origin);</script>".format(
            explain=html.escape(
                tr(
                    "Drag this button to your bookmarks bar. On an Audible book page, click the bookmark: "
                    "ReadMeABook Desktop requests that book for you."
                )
            ),
            label=html.escape(tr("Request in ReadMeABook")),
            script=json.dumps(script),
        ),
    )


def request_page() -> str:
    words = {
        "asking": tr("Requesting…"),
        "noAsin": tr("No book was given. Use the bookmark on an Audible book page."),
        "needToken": tr("Paste an API token (Settings > Local API in the app). It stays in this browser."),
        "failed": tr("The request failed:"),
    }
    return _page(
        tr("Request from Audible"),
        "<p id=state></p><form id=tokenForm hidden><input id=token autocomplete=off>"
        "<p><button>{save}</button></p></form><script>const W={words};".format(
            save=html.escape(tr("Save token and request")), words=json.dumps(words)
        )
        + """
const q=new URLSearchParams(location.search),asin=q.get('asin'),st=document.getElementById('state');
const host=q.get('region')||'',tlds={'co.uk':'uk','de':'de','fr':'fr','ca':'ca','com.au':'au','it':'it',
'es':'es','co.jp':'jp','in':'in'};let region=null;
for(const t in tlds){if(host.endsWith('audible.'+t)){region=tlds[t];}}
async function ask(){const token=localStorage.getItem('rmabToken');
 if(!token){st.textContent=W.needToken;document.getElementById('tokenForm').hidden=false;return;}
 st.textContent=W.asking;
 const r=await fetch('/api/v1/requests',{method:'POST',headers:{'Content-Type':'application/json',
  'X-Api-Key':token},body:JSON.stringify({asin:asin,region:region})});
 const b=await r.json();
 if(r.status===401){localStorage.removeItem('rmabToken');}
 st.textContent=r.ok?b.message:W.failed+' '+b.error+' '+(b.hint||'');}
document.getElementById('tokenForm').onsubmit=function(e){e.preventDefault();
 localStorage.setItem('rmabToken',document.getElementById('token').value.trim());ask();};
if(!asin){st.textContent=W.noAsin;}else{ask();}
</script>""",
    )
