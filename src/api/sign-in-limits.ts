// Rate limits on the doors of an account (signing in, asking for a password reset), through
// @fastify/rate-limit: one count per network address, so one machine cannot try many
// accounts, and one per email tried, so many machines cannot try one account. Counted in
// memory on the app's injected clock (a custom store), which keeps tests on a pinned clock
// and a lock of the database (src/services/sign-in.ts) in the same time. In memory is enough
// for the one app process; the lock in the database is what survives a restart.
import fastifyRateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError } from '../services/errors';

export interface AttemptLimit {
  max: number;
  windowMs: number;
}

export interface DoorLimits {
  perAddress: AttemptLimit;
  perEmail: AttemptLimit;
}

/** A refusal for too many attempts, with the instant it ends (sent as Retry-After). */
export class TooManyAttemptsError extends ServiceError {
  constructor(vi: string, en: string, readonly retryAt: Date) {
    super('rate-limited', vi, en, [`retry-at: ${retryAt.toISOString()}`]);
  }
}

/** Retry-After, in whole seconds from `now` (the app's clock), for a refusal that ends at `retryAt`. */
export function setRetryAfter(reply: FastifyReply, now: Date, retryAt: Date): void {
  reply.header('retry-after', String(Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000))));
}

/** What to answer when one network address has tried too often, until `until`. */
export type AddressRefusal = (until: Date) => ServiceError;

type StoreCallback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/** Counts per key in fixed windows, like the library's own LocalStore, but on `clock`. */
class ClockStore implements FastifyRateLimitStore {
  /** Bounded: past this many keys the oldest window is forgotten (a flood of made-up emails must not grow memory). */
  private static readonly MAX_KEYS = 10_000;
  private readonly windows = new Map<string, { count: number; startMs: number }>();

  constructor(private readonly clock: () => Date) {}

  /** The key's live window, or null when it has none (never counted, or its window ended). */
  private live(key: string, timeWindow: number, now: number) {
    const w = this.windows.get(key);
    return w && w.startMs + timeWindow > now ? w : null;
  }

  incr(key: string, callback: StoreCallback, timeWindow: number): void {
    const now = this.clock().getTime();
    let w = this.live(key, timeWindow, now);
    if (!w) {
      w = { count: 0, startMs: now };
      this.windows.delete(key);
      if (this.windows.size >= ClockStore.MAX_KEYS) this.windows.delete(this.windows.keys().next().value!);
      this.windows.set(key, w);
    }
    w.count += 1;
    callback(null, { current: w.count, ttl: w.startMs + timeWindow - now });
  }

  read(key: string, callback: StoreCallback, timeWindow: number): void {
    const now = this.clock().getTime();
    const w = this.live(key, timeWindow, now);
    callback(null, w ? { current: w.count, ttl: w.startMs + timeWindow - now } : { current: 0, ttl: 0 });
  }

  child(): FastifyRateLimitStore {
    return new ClockStore(this.clock);
  }
}

const emailOf = (req: FastifyRequest): string => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

export interface DoorLimiter {
  /**
   * Run before any work: counts the attempt for its network address (throwing the address's
   * refusal past the limit) and says until when its email is limited (null: it is not).
   * `countEmail`: count the attempt for its email now; false to count only failures, later.
   */
  check(req: FastifyRequest, opts: { countEmail: boolean }): Promise<{ emailLimitedUntil: Date | null }>;
  /** Counts a failed attempt for its email. */
  countEmailFailure(req: FastifyRequest): Promise<void>;
}

/**
 * Registers @fastify/rate-limit in `app` (a plugin context of its own, so its counts are this
 * door's). The answer for a limited email is the use case's to give: an account's own lock
 * may say a later time.
 */
export async function doorLimiter(app: FastifyInstance, clock: () => Date, limits: DoorLimits, refuseAddress: AddressRefusal): Promise<DoorLimiter> {
  await app.register(fastifyRateLimit, { global: false, store: class extends ClockStore { constructor() { super(clock); } } });
  const byAddress = app.createRateLimit({ max: limits.perAddress.max, timeWindow: limits.perAddress.windowMs });
  const byEmail = app.createRateLimit({ max: limits.perEmail.max, timeWindow: limits.perEmail.windowMs, keyGenerator: (req) => `email:${emailOf(req)}` });
  const until = (ttl: number) => new Date(clock().getTime() + ttl);
  return {
    async check(req, { countEmail }) {
      const address = await byAddress(req);
      if (!address.isAllowed && address.isExceeded) throw refuseAddress(until(address.ttl));
      // Counted: refused past `max`. Only looked at (failures are counted after): refused at `max`.
      const email = await byEmail(req, { increment: countEmail });
      if (email.isAllowed) return { emailLimitedUntil: null };
      const limited = countEmail ? email.isExceeded : email.remaining === 0;
      return { emailLimitedUntil: limited ? until(email.ttl) : null };
    },
    async countEmailFailure(req) {
      await byEmail(req);
    },
  };
}
