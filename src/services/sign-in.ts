// Signing in with an email and a password (argon2id through @node-rs/argon2). The same
// answer for an unknown email and a wrong password, so addresses cannot be probed; a
// locked or disabled account says so only once the password was right.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import type { ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';

export const signInBodySchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1000),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

const WRONG = () => new ServiceError('unauthenticated', 'Email hoặc mật khẩu không đúng.', 'Wrong email or password.');

/** Returns the user's id; throws 401 on wrong credentials. */
export async function signIn(deps: Pick<ServiceDeps, 'db' | 'clock'>, input: unknown): Promise<{ userId: string }> {
  const body = parseBody(signInBodySchema, input);
  const user = await deps.db.user.findUnique({ where: { email: body.email } });
  // Verify against something even for an unknown address, so timing tells nothing either.
  const ok = await verify(user?.passwordHash ?? (await unknownUserHash()), body.password).catch(() => false);
  if (!user || !ok) throw WRONG();
  if (user.disabledAt) throw new ServiceError('forbidden', 'Tài khoản này đã bị khóa.', 'This account is disabled.');
  return { userId: user.id };
}

// The hash of a random password no one knows, computed once per process.
let dummy: Promise<string> | undefined;
function unknownUserHash(): Promise<string> {
  return (dummy ??= hash(randomBytes(24).toString('hex')));
}
