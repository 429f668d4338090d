// What a burst delivered, judged from what the SMTP server accepted: the same measure for
// every path of bench/burst-bench.ts (the limit, the pg-boss peer, and later the engine).
import type { CaughtMail } from '../src/mail/mail-catcher';

export interface BurstResult {
  n: number;
  wallMs: number;
  emailsPerSecond: number;
  p50LatenessMs: number;
  p95LatenessMs: number;
  p99LatenessMs: number;
  duplicates: number;
  missing: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Duplicates, missing and lateness of a burst. Lateness is counted from `plannedAt`: the
 * instant the burst began (the limit) or the instant every reminder was planned for (a
 * scheduler).
 */
export function judge(n: number, expectedIds: string[], received: CaughtMail[], plannedAt: number): BurstResult {
  const seen = new Map<string, number>();
  for (const m of received) if (m.messageId) seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1);
  const duplicates = [...seen.values()].reduce((sum, count) => sum + count - 1, 0);
  const missing = expectedIds.filter((id) => !seen.has(id)).length;
  const lateness = received.map((m) => Date.parse(m.receivedAt) - plannedAt).sort((a, b) => a - b);
  const wallMs = lateness.at(-1) ?? NaN;
  return {
    n,
    wallMs,
    emailsPerSecond: Math.round((received.length / wallMs) * 1000 * 10) / 10,
    p50LatenessMs: percentile(lateness, 50),
    p95LatenessMs: percentile(lateness, 95),
    p99LatenessMs: percentile(lateness, 99),
    duplicates,
    missing,
  };
}
