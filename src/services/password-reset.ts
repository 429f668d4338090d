// Password reset by an emailed link. Asking always gets the same answer, whether or not the
// address has an account. For an account, a random token is made, only its SHA-256 is kept
// (PasswordReset), and the email is committed with it as a pending outbox row, then delivered
// by the mail workflow: the person never waits on the mail server. The link expires after
// RESET_LINK_TTL_MS and works once; using it sets the password, ends every session of the
// user, kills the user's other links and lifts a sign-in lock (the email proves who it is).
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ANONYMOUS } from '../auth/policy';
import { mailWorkflowId } from '../contract/names';
import type { AccountEmail } from '../schemas/mail.schemas';
import { startMailWorkflow } from '../temporal/starters';
import { appendAudit } from './audit';
import { starterOf, type ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';
import { hashToken } from './principals';
import { hashPassword } from './sign-in';

export const RESET_LINK_TTL_MS = 60 * 60_000;
export const MIN_PASSWORD_LENGTH = 12;

export const passwordResetRequestBodySchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email({ error: 'không phải địa chỉ email / not an email address' })),
});
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBodySchema>;

export const newPasswordBodySchema = z
  .object({
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, { error: `mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự / the password needs at least ${MIN_PASSWORD_LENGTH} characters` })
      .max(200, { error: 'mật khẩu quá dài (tối đa 200 ký tự) / the password is too long (200 characters at most)' }),
    confirm: z.string().max(200),
  })
  .refine((b) => b.password === b.confirm, { path: ['confirm'], error: 'hai lần nhập không giống nhau / the two entries differ' });
export type NewPasswordBody = z.infer<typeof newPasswordBodySchema>;

/** The one answer to every request for a reset, so no one learns which addresses have an account. */
export const RESET_REQUESTED = {
  message: 'Nếu địa chỉ này có tài khoản, một thư có liên kết đặt lại mật khẩu vừa được gửi tới. Liên kết dùng được một lần, trong 1 giờ.',
  messageEn: 'If this address has an account, an email with a password reset link is on its way. The link works once, within one hour.',
} as const;

/** Expired, used, or never issued: one answer, so a link cannot be probed. */
export const resetLinkInvalid = () =>
  new ServiceError(
    'not-found',
    'Liên kết đặt lại mật khẩu không còn hiệu lực (đã dùng, đã hết hạn hoặc không đúng). Hãy yêu cầu một liên kết mới.',
    'This password reset link is no longer valid (used, expired or unknown). Ask for a new one.',
  );

export interface ResetContext {
  /** The address the request came from, for the audit log. */
  ip: string | null;
}

/**
 * For an address with a live account: stores the reset, queues its email and starts the mail
 * workflow. Returns whether an email was queued (for tests and logs; never for the answer).
 */
export async function requestPasswordReset(deps: ServiceDeps, input: unknown, ctx: ResetContext): Promise<{ queued: boolean }> {
  const { email } = parseBody(passwordResetRequestBodySchema, input);
  const user = await deps.db.user.findUnique({ where: { email } });
  if (!user || user.disabledAt) return { queued: false };
  const now = deps.clock();
  const token = randomBytes(32).toString('base64url');
  const resetId = randomUUID();
  const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_MS);
  const key = `password-reset:${resetId}`;
  const payload: AccountEmail = { kind: 'password-reset', name: user.name, email: user.email, token, expiresAt: expiresAt.toISOString() };
  await deps.db.$transaction(async (tx) => {
    await tx.passwordReset.create({ data: { id: resetId, userId: user.id, tokenHash: hashToken(token), expiresAt, createdAt: now } });
    await tx.outboxMessage.create({
      data: { id: key, key, stepKey: 'password-reset', recipient: user.email, subject: '[Hạn báo cáo] Đặt lại mật khẩu', status: 'pending', claimedAt: now, payload: JSON.stringify(payload) },
    });
    await appendAudit(tx, now, { principal: ANONYMOUS, ip: ctx.ip }, {
      action: 'account.password-reset.request',
      organisationId: null,
      subjectType: 'user',
      subjectId: user.id,
      after: { resetId, expiresAt: expiresAt.toISOString(), workflowId: mailWorkflowId(key) },
    });
  });
  await startMailWorkflow(starterOf(deps), { key });
  return { queued: true };
}

async function liveReset(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string) {
  const row = await deps.db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { email: true } } } });
  if (!row || row.usedAt || row.expiresAt.getTime() <= deps.clock().getTime()) return null;
  return row;
}

/** The account a live link resets (to name it on the form); throws the one "no longer valid" answer otherwise. */
export async function resetLinkAccount(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string): Promise<{ email: string }> {
  const row = await liveReset(deps, token);
  if (!row) throw resetLinkInvalid();
  return { email: row.user.email };
}

/**
 * Sets the new password through a live link. The link is taken by a conditional update, so
 * of two uses at once only one succeeds. Returns how many sessions were ended.
 */
export async function resetPassword(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string, input: unknown, ctx: ResetContext): Promise<{ endedSessions: number }> {
  const body = parseBody(newPasswordBodySchema, input);
  const row = await liveReset(deps, token);
  if (!row) throw resetLinkInvalid();
  const passwordHash = await hashPassword(body.password);
  const now = deps.clock();
  return deps.db.$transaction(async (tx) => {
    const taken = await tx.passwordReset.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (taken.count !== 1) throw resetLinkInvalid();
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
    const otherLinks = await tx.passwordReset.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    const ended = await tx.session.deleteMany({ where: { userId: row.userId } });
    await appendAudit(tx, now, { principal: ANONYMOUS, ip: ctx.ip }, {
      action: 'account.password-reset',
      organisationId: null,
      subjectType: 'user',
      subjectId: row.userId,
      after: { resetId: row.id, endedSessions: ended.count, revokedLinks: otherLinks.count },
    });
    return { endedSessions: ended.count };
  });
}
