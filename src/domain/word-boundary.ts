// Whole-word matching for Vietnamese text. Pure code.
//
// JavaScript's \b and \B only know ASCII word characters ([A-Za-z0-9_]), even with the `u`
// flag: in "quý" the last letter is not a word character to them, so /\bquý\b/ never matches
// before a space, and /6 tháng/ happily matches inside "16 tháng". Every regular expression
// in src/domain and src/ingest builds its word boundaries from here instead
// (test/domain/word-boundary.test.ts refuses any \b in their sources).

/** A letter (any script), a combining mark (decomposed diacritics) or a digit. */
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;

/** Pattern source: the position is not preceded by a letter, mark or digit. Needs the `u` flag. */
export const WORD_START = `(?<!${WORD_CHAR})`;

/** Pattern source: the position is not followed by a letter, mark or digit. Needs the `u` flag. */
export const WORD_END = `(?!${WORD_CHAR})`;

/**
 * Pattern source matching `source` (alternatives allowed) only as whole words: neither
 * glued to a letter or digit before it nor after it. Embed it in a RegExp with the `u` flag.
 */
export function wholeWords(source: string): string {
  return `${WORD_START}(?:${source})${WORD_END}`;
}

/** A RegExp matching `source` only as whole words; the `u` flag is always added. */
export function wordRegExp(source: string, flags = ''): RegExp {
  return new RegExp(wholeWords(source), flags.includes('u') ? flags : `${flags}u`);
}
