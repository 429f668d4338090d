// The one HTML frame of every email. Message bodies are fragments: a digest puts several
// fragments in one frame instead of concatenating whole documents.
import type { Language } from '../../src/domain/language';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function emailDocument(bodyHtml: string, language: Language = 'vi'): string {
  return [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif">`,
    bodyHtml,
    '</body></html>',
  ].join('\n');
}

export interface ComposedEmail {
  subject: string;
  text: string;
  /** The message's own HTML, without the document frame. */
  htmlBody: string;
  /** The framed document that is sent. */
  html: string;
}

export function composed(subject: string, text: string, htmlBody: string, language: Language = 'vi'): ComposedEmail {
  return { subject, text, htmlBody, html: emailDocument(htmlBody, language) };
}
