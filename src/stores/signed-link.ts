// The agencies' signed links: who may report on a deadline without an account. Shared by
// the activities that put a link in each email and the service that opens it.
//
// A link is `<claims>.<signature>`, both base64url: the claims name one agency, one
// deadline, when the link was issued and when it expires; the signature is HMAC-SHA256 under
// a key from the configuration (HBC_LINK_KEYS, src/config.ts), over a fixed prefix and the
// claims. Links are signed with the first key and accepted under any, so a key is rotated by
// putting a new one first. Revocation is not in the link: the coordinator's revocation row
// (AgencyLinkRevocation) refuses every link of its deadline issued at or before it.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { addDays, parseIsoDate, startOfLocalDay } from '../domain/local-date';

/** What a link proves once its signature holds. */
export interface LinkClaims {
  agencyId: string;
  deadlineId: string;
  issuedAt: Date;
  expiresAt: Date;
}

export type LinkCheck = { ok: true; claims: LinkClaims; id: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** Days a link keeps working after its deadline's last day (the period is closed by then). */
export const LINK_VALID_DAYS_AFTER_LAST_DAY = 30;

/** Domain separation: a signature made for something else under the same key is no link. */
const PREFIX = 'hanbaocao/agency-link/v1.';
const MAX_TOKEN_LENGTH = 600;

function mac(key: string, claims: string): Buffer {
  return createHmac('sha256', key).update(PREFIX + claims).digest();
}

/** The instant a link of a deadline whose last day is `lastDay` ("YYYY-MM-DD") stops working: the start of the 31st day after it (local time). */
export function linkExpiry(lastDay: string): Date {
  return startOfLocalDay(addDays(parseIsoDate(lastDay), LINK_VALID_DAYS_AFTER_LAST_DAY + 1));
}

export function signLink(keys: readonly string[], claims: LinkClaims): string {
  const key = keys[0];
  if (!key) throw new Error('no key to sign agency links with (HBC_LINK_KEYS)');
  const body = Buffer.from(
    JSON.stringify({ a: claims.agencyId, d: claims.deadlineId, i: claims.issuedAt.getTime(), e: claims.expiresAt.getTime() }),
    'utf8',
  ).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** A short, stable id of a link for logs and the audit trail (never the link itself, which is a credential). */
export function linkId(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

/**
 * Checks a link's shape, signature (under any of `keys`) and expiry at `now`. Says nothing
 * of revocation or of whether the deadline is the agency's: the caller looks those up.
 */
export function verifyLink(keys: readonly string[], token: string, now: Date): LinkCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'malformed' };
  const [, body, signature] = m as unknown as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  if (!keys.some((key) => timingSafeEqual(mac(key, body), given))) return { ok: false, reason: 'forged' };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const c = raw as { a?: unknown; d?: unknown; i?: unknown; e?: unknown };
  if (typeof c.a !== 'string' || typeof c.d !== 'string' || typeof c.i !== 'number' || typeof c.e !== 'number') return { ok: false, reason: 'malformed' };
  const claims: LinkClaims = { agencyId: c.a, deadlineId: c.d, issuedAt: new Date(c.i), expiresAt: new Date(c.e) };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims, id: linkId(token) };
}

/** Where a link leads: the confirmation page (GET shows, only its form's POST records). */
export function agencyLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/bao-cao/${token}`;
}
