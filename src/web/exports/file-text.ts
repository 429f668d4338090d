// Text bound for a file format built on XML (.xlsx, .docx): XML 1.0 has no way to carry the
// C0 controls but tab, newline and carriage return, nor U+FFFE/U+FFFF or a lone surrogate;
// a name holding one would make the whole file unreadable, so each becomes U+FFFD and the
// rest of the name is kept verbatim (no markup is ever made of it: the writers escape).
// eslint-disable-next-line no-control-regex -- matching the controls XML cannot carry is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** "30/11/2026" of an ISO local day "2026-11-30". */
export function viDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
