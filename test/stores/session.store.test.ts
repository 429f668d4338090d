// The session store keeps only sessions someone can still use: anonymous visitors' rows (a
// form's CSRF secret) live two hours, and expired rows are swept on a later write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANONYMOUS_TTL_MS, prismaSessionStore, SWEEP_EVERY_MS } from '../../src/stores/session.store';
import { createTestDb } from '../helpers/test-db';

const T0 = new Date('2026-12-01T01:00:00Z');
const HOUR = 60 * 60_000;

describe('session store', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let now: Date;
  let store: ReturnType<typeof prismaSessionStore>;
  const set = (id: string, session: object) => new Promise<void>((resolve, reject) => store.set(id, session, (err) => (err ? reject(err as Error) : resolve())));
  const get = (id: string) => new Promise<unknown>((resolve, reject) => store.get(id, (err, s) => (err ? reject(err as Error) : resolve(s))));
  const ids = async () => (await testDb.db.session.findMany({ orderBy: { id: 'asc' } })).map((s) => s.id);

  beforeEach(async () => {
    testDb = createTestDb();
    now = T0;
    store = prismaSessionStore(testDb.db, () => now);
    await testDb.db.user.create({ data: { id: 'u1', email: 'u1@example.com', name: 'U1', passwordHash: 'x' } });
  });
  afterEach(async () => {
    await testDb.cleanup();
  });

  it("keeps a visitor's session two hours and a signed-in one for its cookie's life", async () => {
    const cookie = { expires: new Date(T0.getTime() + 12 * HOUR).toISOString() };
    await set('anonymous', { cookie, csrfSecret: 's' });
    await set('signed-in', { cookie, userId: 'u1' });
    const rows = await testDb.db.session.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.expiresAt.getTime() - T0.getTime()])).toEqual([
      ['anonymous', ANONYMOUS_TTL_MS],
      ['signed-in', 12 * HOUR],
    ]);
    now = new Date(T0.getTime() + ANONYMOUS_TTL_MS + 1);
    expect(await get('anonymous')).toBeNull();
    expect(await get('signed-in')).toMatchObject({ userId: 'u1' });
  });

  it('sweeps expired rows on a later write, at most once per sweep interval', async () => {
    const MINUTE = 60_000;
    await set('old-visitor', { csrfSecret: 's' });
    await set('worker', { userId: 'u1', cookie: { expires: new Date(T0.getTime() + 3 * HOUR + 5 * MINUTE).toISOString() } });
    // Three hours on: the visitor's row has expired, and the next write sweeps it.
    now = new Date(T0.getTime() + 3 * HOUR);
    await set('new-visitor', { csrfSecret: 't' });
    expect(await ids()).toEqual(['new-visitor', 'worker']);
    // The worker's session expires a few minutes later, but the last sweep is too recent.
    now = new Date(T0.getTime() + 3 * HOUR + 6 * MINUTE);
    await set('third-visitor', { csrfSecret: 'u' });
    expect(await ids()).toEqual(['new-visitor', 'third-visitor', 'worker']);
    expect(await get('worker')).toBeNull();
    // Once the interval has passed, the next write sweeps it.
    now = new Date(T0.getTime() + 3 * HOUR + SWEEP_EVERY_MS);
    await set('fourth-visitor', { csrfSecret: 'v' });
    expect(await ids()).toEqual(['fourth-visitor', 'new-visitor', 'third-visitor']);
  });
});
