// Text a person typed, made safe to show. Pure code.

/**
 * Bidirectional formatting characters (U+202A-U+202E embeddings and overrides, U+2066-U+2069
 * isolates, U+200E/U+200F marks, U+061C). A name like "Trạm Y tế\u202Efdp.exe" would show
 * reversed in a page, an email subject or a spreadsheet cell and hide what it really says
 * (the "Trojan Source" trick). They have no place in Vietnamese administrative text.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text without bidirectional control characters; everything else is kept as typed. */
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Whether the text holds a bidirectional control character. */
export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source).test(text);
}

/**
 * Text folded for search: NFC-independent, lower case, without diacritics, "đ" as "d", runs
 * of spaces as one, so "tram y te" finds "Trạm Y tế" and "TRẠM Y TẾ" alike.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
