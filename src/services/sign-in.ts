// Signing in with an email and a password (argon2id through @node-rs/argon2). The same
// answer for an unknown email and a wrong password, so addresses cannot be probed.
//
// Brute force: every wrong password of an account counts (User.failedLogins, reset by a
// success); the MAX_FAILED_SIGN_INS-th locks the account for LOCKOUT_MS (User.lockedUntil),
// and while it is locked even the right password is refused, without being checked. The
// lock lives in the database, so it holds across restarts and processes; the HTTP layer adds
// in-memory rate limits per address and per email (src/api/sign-in-limits.ts) that stop a
// burst before it reaches argon2.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { ANONYMOUS } from '../auth/policy';
import { formatViDate, formatViInstant, localDateOf, weekdayEn } from '../domain/local-date';
import { appendAudit } from './audit';
import type { ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';

export const signInBodySchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1000),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

/** Wrong passwords in a row that lock an account. */
export const MAX_FAILED_SIGN_INS = 10;
/** How long a lock lasts. */
export const LOCKOUT_MS = 15 * 60_000;

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Why a sign-in was refused: for the log only, never shown (the answers must not tell an unknown address from a wrong password). */
export type SignInRefusal = 'unknown-email' | 'wrong-password' | 'locked' | 'disabled' | 'rate-limited';

export class SignInRefusedError extends ServiceError {
  constructor(
    readonly reason: SignInRefusal,
    code: 'unauthenticated' | 'forbidden' | 'rate-limited',
    vi: string,
    en: string,
    /** Until when a rate limit or a lock refuses this sign-in (for Retry-After). */
    readonly retryAt: Date | null = null,
  ) {
    super(code, vi, en, retryAt ? [`retry-at: ${retryAt.toISOString()}`] : []);
  }
}

const wrong = (reason: SignInRefusal) => new SignInRefusedError(reason, 'unauthenticated', 'Email hoặc mật khẩu không đúng.', 'Wrong email or password.');

/**
 * "08:15 Thứ Ba, 20/10/2026" and its English: what a person reads, in local time, rounded up
 * to the minute so that trying again at the time shown is never too early.
 */
export function untilText(instant: Date): { vi: string; en: string } {
  const at = new Date(Math.ceil(instant.getTime() / 60_000) * 60_000);
  const vi = formatViInstant(at);
  const day = localDateOf(at);
  return { vi, en: `${vi.slice(0, 5)} on ${weekdayEn(day)} ${formatViDate(day)} (Asia/Ho_Chi_Minh)` };
}

/**
 * Refused for too many attempts with this email, by the lock or by the rate limit: one
 * answer for both, so an address that has an account reads like one that has not.
 */
export function tooManyForEmail(until: Date, reason: 'locked' | 'rate-limited'): SignInRefusedError {
  const t = untilText(until);
  return new SignInRefusedError(
    reason,
    'rate-limited',
    `Đăng nhập sai quá nhiều lần với địa chỉ email này; tạm thời không đăng nhập được cho đến ${t.vi}. Nếu quên mật khẩu, hãy dùng "Quên mật khẩu".`,
    `Too many failed sign-ins with this email address: signing in is blocked until ${t.en}. Forgot the password? Use the password reset.`,
    until,
  );
}

export interface SignInContext {
  /** Where the attempt came from, for the audit log of a lock. */
  ip: string | null;
  /** The HTTP layer's rate limit for this email refuses attempts until then (null: it does not). */
  emailLimitedUntil?: Date | null;
}

/** Returns the user's id; throws a SignInRefusedError (401, 403 disabled, 429 locked) otherwise. */
export async function signIn(deps: Pick<ServiceDeps, 'db' | 'clock'>, input: unknown, ctx: SignInContext = { ip: null }): Promise<{ userId: string }> {
  const body = parseBody(signInBodySchema, input);
  const now = deps.clock();
  const user = await deps.db.user.findUnique({ where: { email: body.email } });
  if (user?.lockedUntil && user.lockedUntil.getTime() > now.getTime()) throw tooManyForEmail(user.lockedUntil, 'locked');
  if (ctx.emailLimitedUntil) throw tooManyForEmail(ctx.emailLimitedUntil, 'rate-limited');
  // Verify against something even for an unknown address, so timing tells nothing either.
  const ok = await verify(user?.passwordHash ?? (await unknownUserHash()), body.password).catch(() => false);
  if (!user) throw wrong('unknown-email');
  if (!ok) {
    await countFailure(deps, user.id, now, ctx);
    throw wrong('wrong-password');
  }
  if (user.disabledAt) throw new SignInRefusedError('disabled', 'forbidden', 'Tài khoản này đã bị khóa.', 'This account is disabled.');
  if (user.failedLogins !== 0 || user.lockedUntil) await deps.db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  return { userId: user.id };
}

/**
 * One more wrong password. The count is incremented in the database (not read, added and
 * written back), so parallel attempts cannot lose one; the attempt that reaches the limit
 * sets the lock and starts the count again, and the lock is written to the audit log.
 */
async function countFailure(deps: Pick<ServiceDeps, 'db'>, userId: string, now: Date, ctx: SignInContext): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const { failedLogins } = await tx.user.update({ where: { id: userId }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
    if (failedLogins < MAX_FAILED_SIGN_INS) return;
    const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
    await tx.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil } });
    await appendAudit(tx, now, { principal: ANONYMOUS, ip: ctx.ip }, {
      action: 'account.lock',
      organisationId: null,
      subjectType: 'user',
      subjectId: userId,
      after: { lockedUntil: lockedUntil.toISOString(), failedSignIns: failedLogins },
    });
  });
}

// The hash of a random password no one knows, computed once per process.
let dummy: Promise<string> | undefined;
function unknownUserHash(): Promise<string> {
  return (dummy ??= hash(randomBytes(24).toString('hex')));
}
