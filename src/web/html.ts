// Tiny HTML helpers: every interpolated value goes through esc(); pages are plain HTML so
// they work without a build step and in any browser a commune office has.
import { neutraliseBidi } from '../domain/text';
import { NONCE_PLACEHOLDERS } from './ui/render';

/**
 * A value made safe for HTML text and attributes: markup characters escaped, and
 * bidirectional controls removed so a name cannot show reversed ("Trojan Source").
 */
export function esc(value: unknown): string {
  return neutraliseBidi(String(value ?? '')).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * neutraliseBidi's characters as a regular-expression class for the pages' own scripts,
 * which show text that arrives by fetch (test/web/html.test.ts keeps the two equal).
 */
export const BIDI_CLASS = String.raw`[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]`;

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} – Hạn báo cáo</title>
<style nonce="${NONCE_PLACEHOLDERS.style}">
body{font-family:system-ui,sans-serif;margin:0;color:#1d2733}
header{background:#8b1a1a;color:#fff;padding:.6rem 1rem;display:flex;gap:1.5rem;align-items:center}
header a{color:#fff}main{padding:1rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
.state{padding:.1rem .4rem;border-radius:.3rem;font-size:.9em;white-space:nowrap}
.state-overdue,.state-escalated{background:#fde2e1}.state-due-today,.state-due-soon{background:#fff3c4}
.state-submitted-on-time{background:#dff5e1}.state-submitted-late{background:#e9f0d8}.state-waived{background:#eee}
form label{display:block;margin:.4rem 0}input,textarea{width:min(30rem,100%)}pre{white-space:pre-wrap}
.msg{margin:.5rem 0;padding:.5rem;border-radius:.3rem}.msg.ok{background:#dff5e1}.msg.err{background:#fde2e1}
</style></head>
<body><header><b>Hạn báo cáo</b><a href="/">Danh sách hạn</a><a href="/imports/new">Nhập kế hoạch</a><a href="/inbox">Hộp thư (dev)</a></header>
<main>${body}</main></body></html>`;
}
