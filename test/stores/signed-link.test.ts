// The agencies' signed links: signature under rotating keys, expiry, and what a changed
// character does. Explicit instants, no wall clock.
import { describe, expect, it } from 'vitest';
import { linkExpiry, signLink, verifyLink } from '../../src/stores/signed-link';
import { formNonce, formNonceValid } from '../../src/services/link-form-nonce';

const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);
const claims = { agencyId: 'xa.tyt', deadlineId: 'xa.plan.2026', issuedAt: new Date('2026-10-01T01:00:00Z'), expiresAt: new Date('2026-12-05T17:00:00Z') };
const at = new Date('2026-10-20T03:00:00Z');

describe('signed links', () => {
  it('verifies a link under its key, and under a rotation that put a new key first', () => {
    const token = signLink([OLD], claims);
    expect(verifyLink([OLD], token, at)).toMatchObject({ ok: true, claims });
    expect(verifyLink([NEW, OLD], token, at)).toMatchObject({ ok: true, claims });
    // Once the old key is dropped, its links stop working.
    expect(verifyLink([NEW], token, at)).toEqual({ ok: false, reason: 'forged' });
    // New links are signed with the first key.
    expect(verifyLink([NEW], signLink([NEW, OLD], claims), at).ok).toBe(true);
  });

  it('refuses a changed character in the claims or the signature, and anything that is not a link', () => {
    const token = signLink([OLD], claims);
    const [body, sig] = token.split('.') as [string, string];
    const other = (c: string) => (c === 'A' ? 'B' : 'A');
    for (const i of [0, 10, body.length - 1]) {
      const changed = body.slice(0, i) + other(body[i]!) + body.slice(i + 1);
      expect(verifyLink([OLD], `${changed}.${sig}`, at).ok, `claims[${i}]`).toBe(false);
    }
    expect(verifyLink([OLD], `${body}.${other(sig[0]!)}${sig.slice(1)}`, at)).toEqual({ ok: false, reason: 'forged' });
    for (const junk of ['', 'abc', `${body}.`, `${body}.${sig}.x`, `${'a'.repeat(700)}.${sig}`, '<script>.x']) {
      expect(verifyLink([OLD], junk, at)).toEqual({ ok: false, reason: 'malformed' });
    }
    // A valid signature over claims that are not a link's (signed elsewhere with the same prefix-less key) does not pass either.
    const notJson = Buffer.from('not json').toString('base64url');
    expect(verifyLink([OLD], `${notJson}.${sig}`, at).ok).toBe(false);
  });

  it('expires at the start of the 31st day after the last day (local time)', () => {
    const expiresAt = linkExpiry('2026-11-04');
    expect(expiresAt.toISOString()).toBe('2026-12-04T17:00:00.000Z'); // 05/12 00:00 in Hà Nội
    const token = signLink([OLD], { ...claims, expiresAt });
    expect(verifyLink([OLD], token, new Date('2026-12-04T16:59:59Z')).ok).toBe(true);
    expect(verifyLink([OLD], token, new Date('2026-12-04T17:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it("checks the confirmation page's nonce: signed, not older than a day, not from the future", () => {
    const nonce = formNonce([OLD], at);
    expect(formNonceValid([NEW, OLD], nonce, new Date(at.getTime() + 23 * 3_600_000))).toBe(true);
    expect(formNonceValid([OLD], nonce, new Date(at.getTime() + 25 * 3_600_000))).toBe(false);
    expect(formNonceValid([OLD], nonce, new Date(at.getTime() - 10 * 60_000))).toBe(false);
    expect(formNonceValid([NEW], nonce, at)).toBe(false);
    expect(formNonceValid([OLD], `${at.getTime() + 1}.${nonce.split('.')[1]}`, at)).toBe(false);
    expect(formNonceValid([OLD], 'x', at)).toBe(false);
  });
});
