// What the pages' own scripts share with the server: pages are rendered by preact
// (src/web/ui/render.tsx), which escapes and removes bidirectional controls on the server;
// text that reaches a page later, by fetch, is cleaned in the browser with this class.

/**
 * neutraliseBidi's characters as a regular-expression class for the pages' own scripts,
 * which show text that arrives by fetch (test/web/pages.test.ts keeps the two equal).
 */
export const BIDI_CLASS = String.raw`[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]`;
