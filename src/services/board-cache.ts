// The board's aggregates (counts, rates, chart, filter choices) cached per scope, filters,
// today and data version (issue 12 item 7, docs/PERFORMANCE.md). A province's aggregates group
// every deadline of its 3,300 communes, seconds of work on a loaded machine; the rows of a page
// are never cached (they are read fresh on every request).
//
// The version is the newest deadline change (max "updatedAt", src/stores/board.store.ts
// dataVersion), read on every request from an index, so a report recorded by another process
// (the worker) is seen on the next request. Two guards keep a stale answer out:
// - an answer is kept only when computed SETTLE_MS after its version's change: a write stamped
//   by a process whose clock runs a little behind (or in the same millisecond) could otherwise
//   commit after the computation without raising the maximum;
// - an entry lives at most TTL_MS: changes that stamp no deadline (an agency or a plan renamed)
//   reach the board's names within that time.
// The stamps are physical write times, not business time, so the wall clock is read here and
// not deps.clock (tests pin the business day; the database stamps real instants).
import { createHash } from 'node:crypto';

export const TTL_MS = 60_000;
export const SETTLE_MS = 2_000;
/** Entries kept; a province's entry is a few hundred kilobytes at most (RATES_MAX_ROWS, OPTIONS_MAX). */
const MAX_ENTRIES = 200;

interface Entry {
  version: number;
  storedAt: number;
  value: Promise<unknown>;
}

// Per database client: a process (or a test) with two databases never answers one's board from the other's.
const caches = new WeakMap<object, Map<string, Entry>>();

/** A short key for long parts (a province's 3,300 organisation ids, a search's matched ids). */
export function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

/**
 * The cached value for `key` at `version` (null: no deadline at all), else `compute()`'s,
 * kept when the version has settled. Concurrent misses of one key share one computation.
 */
export async function cached<T>(db: object, key: string, version: Date | null, compute: () => Promise<T>, wallNow: () => number = Date.now): Promise<T> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const v = version?.getTime() ?? 0;
  const now = wallNow();
  const hit = entries.get(key);
  if (hit && hit.version === v && now - hit.storedAt < TTL_MS) {
    // Most recently used last: the first key is the one to drop.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  if (now - v >= SETTLE_MS) {
    entries.set(key, { version: v, storedAt: now, value });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    // A failed computation is not an answer to keep.
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
  }
  return value;
}

/** Forget every entry of a client (the benchmark's cold requests, tests that recount from scratch). */
export function clearBoardCache(db: object): void {
  caches.get(db)?.clear();
}

/** How many answers are kept for a client (tests: the cache is in use at all). */
export function boardCacheSize(db: object): number {
  return caches.get(db)?.size ?? 0;
}
