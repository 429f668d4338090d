// The token of a reply address (`baocao+<token>@<domain>`, docs/reply-by-email.md): which
// deadline an agency's reply by email is about. Shared by the activities that put it in
// Reply-To and the intake that reads it back (src/services/inbound-replies.ts).
//
// An email address's local part is at most 64 characters and mail systems may change its
// case, so the token is short and case-free: base32 (lower case, RFC 4648 alphabet) of
// 26 bytes = 42 characters:
//   handle (8 bytes)    names the deadline through a ReplyAddress row (deadline ids are long)
//   issuedAt (4 bytes)  seconds since 1970: a revocation of the deadline's links refuses
//                       reply tokens issued at or before it, as it refuses links
//   expiresAt (4 bytes) seconds since 1970: the link's own expiry (30 days after the last day)
//   MAC (10 bytes)      HMAC-SHA256 under HBC_LINK_KEYS (the first signs, any verifies, so
//                       the links' key rotation rotates these too), truncated to 80 bits:
//                       plenty against guessing over SMTP, which answers one try at a time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface ReplyClaims {
  handle: string;
  issuedAt: Date;
  expiresAt: Date;
}

/** An expired token still says, signed, which deadline it was for: the intake queues its reply there. */
export type ReplyTokenCheck = { ok: true; claims: ReplyClaims } | { ok: false; reason: 'malformed' | 'forged' } | { ok: false; reason: 'expired'; claims: ReplyClaims };

/** Domain separation from the links signed under the same keys. */
const PREFIX = 'hanbaocao/reply-token/v1.';
const HANDLE_BYTES = 8;
const MAC_BYTES = 10;
const TOKEN_BYTES = HANDLE_BYTES + 4 + 4 + MAC_BYTES;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
export const REPLY_TOKEN_LENGTH = Math.ceil((TOKEN_BYTES * 8) / 5);

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

function mac(key: string, body: Buffer): Buffer {
  return createHmac('sha256', key).update(PREFIX).update(body).digest().subarray(0, MAC_BYTES);
}

/** The handle of a deadline: stable, so every email of a deadline names the same ReplyAddress row. */
export function replyHandleOf(deadlineId: string): string {
  return createHash('sha256').update(`hanbaocao/reply-handle/v1.${deadlineId}`).digest('hex').slice(0, HANDLE_BYTES * 2);
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function signReplyToken(keys: readonly string[], claims: ReplyClaims): string {
  const key = keys[0];
  if (!key) throw new Error('no key to sign reply tokens with (HBC_LINK_KEYS)');
  const body = Buffer.alloc(TOKEN_BYTES - MAC_BYTES);
  Buffer.from(claims.handle, 'hex').copy(body, 0, 0, HANDLE_BYTES);
  body.writeUInt32BE(seconds(claims.issuedAt), HANDLE_BYTES);
  body.writeUInt32BE(seconds(claims.expiresAt), HANDLE_BYTES + 4);
  return base32(Buffer.concat([body, mac(key, body)]));
}

/** Checks a token's shape, signature under any of `keys`, and expiry at `now`; revocation and the handle's deadline are the caller's. */
export function verifyReplyToken(keys: readonly string[], token: string, now: Date): ReplyTokenCheck {
  const text = token.toLowerCase();
  if (text.length !== REPLY_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const bytes = unbase32(text);
  if (!bytes || bytes.length !== TOKEN_BYTES) return { ok: false, reason: 'malformed' };
  const body = bytes.subarray(0, TOKEN_BYTES - MAC_BYTES);
  const given = bytes.subarray(TOKEN_BYTES - MAC_BYTES);
  if (!keys.some((key) => timingSafeEqual(mac(key, body), given))) return { ok: false, reason: 'forged' };
  const claims: ReplyClaims = {
    handle: body.subarray(0, HANDLE_BYTES).toString('hex'),
    issuedAt: new Date(body.readUInt32BE(HANDLE_BYTES) * 1000),
    expiresAt: new Date(body.readUInt32BE(HANDLE_BYTES + 4) * 1000),
  };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

export interface ReplyAddressSettings {
  domain: string;
  localPart: string;
}

export function replyAddress(settings: ReplyAddressSettings, token: string): string {
  return `${settings.localPart}+${token}@${settings.domain}`;
}

/**
 * The token of a reply address among `addresses` (envelope recipients first, then To and
 * Cc), or null when none is ours: `<localPart>+<token>@<domain>`, case-insensitively. A
 * bare `<localPart>@<domain>` is ours without a token ('' ).
 */
export function replyTokenIn(settings: ReplyAddressSettings, addresses: readonly string[]): string | null {
  let bare = false;
  for (const a of addresses) {
    const [local, domain] = splitAddress(a);
    if (domain !== settings.domain) continue;
    if (local === settings.localPart) bare = true;
    if (local.startsWith(`${settings.localPart}+`)) return local.slice(settings.localPart.length + 1);
  }
  return bare ? '' : null;
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf('@');
  return at < 0 ? [address.toLowerCase(), ''] : [address.slice(0, at).toLowerCase(), address.slice(at + 1).toLowerCase()];
}
