// Server-side sessions for @fastify/session, in the app database: the cookie carries only the
// signed session id, so signing out, an administrator disabling a user, or a password reset
// end a session by deleting its row, and a stolen cookie dies with it.
import type { Db } from '../db';

type Callback = (err?: unknown) => void;

/** The session object as @fastify/session hands it over: plain JSON plus its cookie. */
interface StoredSession {
  userId?: string;
  cookie?: { expires?: string | Date | null; originalMaxAge?: number | null };
}

/** How long a session lives without a cookie expiry of its own (a browser session). */
const DEFAULT_TTL_MS = 12 * 60 * 60_000;
/**
 * A visitor who has not signed in holds a session only for the CSRF secret of a form (the
 * sign-in page, a password reset): two hours is ample to fill one in, and keeps the rows that
 * every visit of a scanner or a bot leaves from piling up for a whole day.
 */
export const ANONYMOUS_TTL_MS = 2 * 60 * 60_000;
/** How often expired rows are swept, at most: on the next write after this long. */
export const SWEEP_EVERY_MS = 10 * 60_000;

export function prismaSessionStore(db: Db, clock: () => Date) {
  let sweptAt = -Infinity;
  /** Deletes the rows whose expiry passed: nobody can use them any more (get refuses them). */
  async function sweep(now: Date): Promise<void> {
    if (now.getTime() - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now.getTime();
    await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  }
  return {
    set(sessionId: string, stored: object, callback: Callback): void {
      const session = stored as StoredSession;
      const now = clock();
      const cookieExpiry = session.cookie?.expires ? new Date(session.cookie.expires) : new Date(now.getTime() + DEFAULT_TTL_MS);
      const expires = session.userId ? cookieExpiry : new Date(Math.min(cookieExpiry.getTime(), now.getTime() + ANONYMOUS_TTL_MS));
      const row = { data: JSON.stringify(session), userId: session.userId ?? null, expiresAt: expires };
      db.session
        .upsert({ where: { id: sessionId }, create: { id: sessionId, ...row }, update: row })
        .then(() => sweep(now))
        .then(() => callback(), callback);
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- @fastify/session's Session type, restored from JSON
    get(sessionId: string, callback: (err: unknown, session?: any) => void): void {
      db.session
        .findUnique({ where: { id: sessionId } })
        .then((row) => {
          if (!row || row.expiresAt.getTime() <= clock().getTime()) return callback(null, null);
          callback(null, JSON.parse(row.data) as StoredSession);
        }, callback);
    },
    destroy(sessionId: string, callback: Callback): void {
      db.session.deleteMany({ where: { id: sessionId } }).then(() => callback(), callback);
    },
  };
}

/** Ends every session of a user (disabled, password changed). */
export async function endSessionsOf(db: Db, userId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}
