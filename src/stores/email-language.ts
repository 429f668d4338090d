// The language an address's emails are written in (docs/language.md). Emails go to addresses
// (a contact, an agency's head, the leadership), so the choice is looked up by address when
// the email is composed: a contact with that address (an agency's contacts, and anyone who is
// also a contact somewhere), then a user account with it (the leadership digest, a password
// reset). English when any of them chose English: whoever set English for an address asked
// to read it, and a second record left at the default is no choice at all. Vietnamese
// otherwise, and for an address nobody knows (an agency's head who is nobody's contact).
import type { DbTx } from '../db';
import { languageOf, type Language } from '../domain/language';

/** Every address's language, keyed by the address lower-cased and trimmed. */
export async function emailLanguages(db: DbTx, addresses: readonly string[]): Promise<Map<string, Language>> {
  const keys = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
  const out = new Map<string, Language>(keys.map((k) => [k, 'vi']));
  if (keys.length === 0) return out;
  // Addresses are stored lower-case by the API; an imported or seeded one may not be, so both spellings are asked for.
  const spellings = [...new Set([...keys, ...addresses.map((a) => a.trim())])];
  const [contacts, users] = await Promise.all([
    db.contact.findMany({ where: { email: { in: spellings }, language: 'en' }, select: { email: true, language: true } }),
    db.user.findMany({ where: { email: { in: spellings }, language: 'en' }, select: { email: true, language: true } }),
  ]);
  for (const r of [...contacts, ...users]) out.set(r.email.trim().toLowerCase(), languageOf(r.language));
  return out;
}

export async function emailLanguage(db: DbTx, address: string): Promise<Language> {
  return (await emailLanguages(db, [address])).get(address.trim().toLowerCase()) ?? 'vi';
}
