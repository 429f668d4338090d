// The one layout of every page: Vietnamese by default (English by the switch in the header), a header with the links the visitor
// may use (the route decides them from the policy, the page only shows them), who is signed
// in and a sign-out button, and the page's own content.
import type { ComponentChildren } from 'preact';
import { currentLocale, currentPath, tr } from './i18n';

export interface NavLink {
  href: string;
  label: string;
}

/** What every page knows about its visitor. */
export interface PageChrome {
  /** The signed-in person's email or name; absent for an anonymous visitor. */
  user?: string;
  /** The links of the header, already filtered by what the visitor may do. */
  nav: NavLink[];
  /**
   * For the sign-out form, and for the page's own requests: scripts read it from
   * <meta name="csrf-token"> and send it as the x-csrf-token header.
   */
  csrfToken?: string;
}

export const ANONYMOUS_CHROME: PageChrome = { nav: [] };

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#1d2733}
header{background:#8b1a1a;color:#fff;padding:.6rem 1rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
header a,header button.link{color:#fff}header .who{margin-left:auto;display:flex;gap:.8rem;align-items:center}
button.link{background:none;border:0;padding:0;cursor:pointer;text-decoration:underline;font:inherit}
main{padding:1rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
.state{padding:.1rem .4rem;border-radius:.3rem;font-size:.9em;white-space:nowrap}
.state-overdue,.state-escalated{background:#fde2e1}.state-due-today,.state-due-soon{background:#fff3c4}
.state-submitted-on-time{background:#dff5e1}.state-submitted-late{background:#e9f0d8}.state-waived{background:#eee}
form label{display:block;margin:.4rem 0}input,textarea,select{width:min(30rem,100%)}pre{white-space:pre-wrap}
.msg{margin:.5rem 0;padding:.5rem;border-radius:.3rem}.msg.ok{background:#dff5e1}.msg.err{background:#fde2e1}
`;

/** The switch to the other language, back to this page: the language's own name, in its own language. */
function LanguageSwitch() {
  const other = currentLocale() === 'vi' ? { code: 'en', name: 'English' } : { code: 'vi', name: 'Tiếng Việt' };
  return (
    <a class="lang" href={`/lang/${other.code}?next=${encodeURIComponent(currentPath())}`} lang={other.code} hreflang={other.code}>
      {other.name}
    </a>
  );
}

export function Layout(props: { title: string; chrome: PageChrome; children: ComponentChildren }) {
  const { chrome } = props;
  const site = tr('Hạn báo cáo', 'Reporting deadlines');
  return (
    <html lang={currentLocale()}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {chrome.csrfToken ? <meta name="csrf-token" content={chrome.csrfToken} /> : null}
        <title>{`${props.title} – ${site}`}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <header>
          <b>{site}</b>
          {chrome.nav.map((l) => (
            <a href={l.href}>{l.label}</a>
          ))}
          {chrome.user ? (
            <span class="who">
              <span>{chrome.user}</span>
              <form method="post" action="/sign-out" style="margin:0">
                <input type="hidden" name="_csrf" value={chrome.csrfToken ?? ''} />
                <button class="link">{tr('Đăng xuất', 'Sign out')}</button>
              </form>
              <LanguageSwitch />
            </span>
          ) : (
            <span class="who">
              <LanguageSwitch />
            </span>
          )}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
