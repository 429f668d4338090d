// The per-page nonce of a link's confirmation form. The link's signed token is what
// authorises the POST (it is in the path; no cookie is involved, so a cross-site form
// cannot borrow anyone's authority: whoever can post the token could open it anyway). The
// nonce adds that the POST comes from a page this server rendered recently: a scanner or
// script that posts to the address it found in an email, without loading the page, records
// nothing. Stateless (an HMAC of the moment the page was rendered, under the link keys), so
// a GET of the page writes nothing, not even a session.
import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'hanbaocao/agency-form/v1.';
/** A confirmation page may stay open this long before its form is sent. */
export const FORM_NONCE_VALID_MS = 24 * 60 * 60_000;
/** Clocks of several app processes may differ this much. */
const SKEW_MS = 5 * 60_000;

const mac = (key: string, at: string) => createHmac('sha256', key).update(PREFIX + at).digest('base64url');

export function formNonce(keys: readonly string[], now: Date): string {
  const at = String(now.getTime());
  return `${at}.${mac(keys[0]!, at)}`;
}

export function formNonceValid(keys: readonly string[], nonce: string, now: Date): boolean {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(nonce);
  if (!m) return false;
  const at = Number(m[1]);
  if (now.getTime() - at > FORM_NONCE_VALID_MS || at - now.getTime() > SKEW_MS) return false;
  const given = Buffer.from(m[2]!, 'base64url');
  return keys.some((key) => timingSafeEqual(Buffer.from(mac(key, m[1]!), 'base64url'), given));
}
