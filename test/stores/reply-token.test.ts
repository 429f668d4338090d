// Reply tokens: short, case-free, signed under the link keys (rotation), expiring, and
// recognised in a reply's addresses.
import { describe, expect, it } from 'vitest';
import { replyAddress, replyHandleOf, replyTokenIn, REPLY_TOKEN_LENGTH, signReplyToken, verifyReplyToken } from '../../src/stores/reply-token';

const OLD = 'khoa-cu-dai-it-nhat-ba-muoi-hai-ky-tu-0000';
const NEW = 'khoa-moi-dai-it-nhat-ba-muoi-hai-ky-tu-1111';
const issuedAt = new Date('2026-11-30T01:00:00Z');
const expiresAt = new Date('2027-01-05T17:00:00Z');
const handle = replyHandleOf('hoa-an.52-2026.tyt.2026');
const settings = { domain: 'reply.hoa-an.example', localPart: 'baocao' };

describe('reply tokens', () => {
  it('fit an address local part (<= 64) in lower-case base32, and verify back to their claims', () => {
    const token = signReplyToken([NEW], { handle, issuedAt, expiresAt });
    expect(token).toMatch(/^[a-z2-7]+$/);
    expect(token).toHaveLength(REPLY_TOKEN_LENGTH);
    expect(`baocao+${token}`.length).toBeLessThanOrEqual(64);
    expect(verifyReplyToken([NEW], token, new Date('2026-12-01T00:00:00Z'))).toEqual({ ok: true, claims: { handle, issuedAt, expiresAt } });
    // A mail system that upper-cases the local part changes nothing.
    expect(verifyReplyToken([NEW], token.toUpperCase(), issuedAt).ok).toBe(true);
  });

  it('verify under any configured key (rotation), and not under a key dropped', () => {
    const token = signReplyToken([OLD], { handle, issuedAt, expiresAt });
    expect(verifyReplyToken([NEW, OLD], token, issuedAt).ok).toBe(true);
    expect(verifyReplyToken([NEW], token, issuedAt)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuse a changed character, a wrong length and a foreign alphabet; say expired with the claims once expired', () => {
    const token = signReplyToken([NEW], { handle, issuedAt, expiresAt });
    const flipped = token.slice(0, 5) + (token[5] === 'a' ? 'b' : 'a') + token.slice(6);
    expect(verifyReplyToken([NEW], flipped, issuedAt)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyReplyToken([NEW], token.slice(1), issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyReplyToken([NEW], `${token.slice(1)}1`, issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyReplyToken([NEW], token, expiresAt)).toEqual({ ok: false, reason: 'expired', claims: { handle, issuedAt, expiresAt } });
  });

  it('are found among a reply\'s addresses, case-insensitively; a bare address is ours without a token; others are not ours', () => {
    const token = signReplyToken([NEW], { handle, issuedAt, expiresAt });
    const address = replyAddress(settings, token);
    expect(replyTokenIn(settings, ['phong-vhxh@hoa-an.example', address.toUpperCase()])).toBe(token);
    expect(replyTokenIn(settings, ['BaoCao@reply.hoa-an.example'])).toBe('');
    expect(replyTokenIn(settings, [`baocao+${token}@other.example`, 'someone@reply.hoa-an.example'])).toBeNull();
  });
});
