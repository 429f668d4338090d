// Benchmark (not a test) of issue 14's morning burst: `npm run bench [-- --n 1000,10000 --connections 5]`.
// Prints progress and a table, and writes bench/results/burst-<time>.json.
//
// Measured now: THE LIMIT, the same N messages sent straight with pooled nodemailer to the
// project's SMTP server on 127.0.0.1 (src/mail/mail-catcher.ts, the server the engine's
// tests deliver to), no scheduling: wall time until the last is accepted, emails per
// second, lateness (accepted minus the instant the burst began) p50/p95/p99, duplicates
// (one Message-ID accepted twice) and missing.
// Not measured yet (issue 14 item 2): the engine's own burst, the pg-boss peer and the
// scheduling of a generated province; their fields are null in the JSON, with the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { startMailCatcher, type CaughtMail } from '../src/mail/mail-catcher';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000,10000' },
    connections: { type: 'string', default: '5' },
  },
});
const sizes = values.n.split(',').map(Number);
const connections = Number(values.connections);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(connections) || connections < 1) {
  throw new Error('--n takes whole numbers separated by commas, --connections a whole number');
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(`[bench] ${line}`);

interface BurstResult {
  n: number;
  wallMs: number;
  emailsPerSecond: number;
  p50LatenessMs: number;
  p95LatenessMs: number;
  p99LatenessMs: number;
  duplicates: number;
  missing: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Duplicates, missing and lateness of a burst, from what the SMTP server accepted. */
function judge(n: number, expectedIds: string[], received: CaughtMail[], startedAt: number): BurstResult {
  const seen = new Map<string, number>();
  for (const m of received) if (m.messageId) seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1);
  const duplicates = [...seen.values()].reduce((sum, count) => sum + count - 1, 0);
  const missing = expectedIds.filter((id) => !seen.has(id)).length;
  const lateness = received.map((m) => Date.parse(m.receivedAt) - startedAt).sort((a, b) => a - b);
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

async function limitBurst(n: number): Promise<BurstResult> {
  const catcher = await startMailCatcher({ port: 0 });
  const mailer = nodemailer.createTransport({ pool: true, maxConnections: connections, maxMessages: Infinity, host: '127.0.0.1', port: catcher.port, ignoreTLS: true });
  try {
    const ids = Array.from({ length: n }, (_, i) => `<limit.${n}.${i}@bench.hanbaocao.example>`);
    const tick = Math.max(1, Math.floor(n / 10));
    let accepted = 0;
    const startedAt = Date.now();
    await Promise.all(
      ids.map(async (messageId, i) => {
        await mailer.sendMail({
          from: 'Hạn báo cáo <hbc@bench.hanbaocao.example>',
          to: `donvi${i}@bench.hanbaocao.example`,
          subject: `[Nhắc hạn] Báo cáo năm 2026 – đơn vị ${i}`,
          text: `Kính gửi đơn vị ${i}: hạn nộp báo cáo năm 2026 là ngày 15/11/2026.`,
          messageId,
        });
        accepted += 1;
        if (accepted % tick === 0) process.stdout.write(`\r[bench] limit N=${n}: ${Math.round((accepted / n) * 100)} % accepted`);
      }),
    );
    process.stdout.write('\n');
    const received = await catcher.waitFor(n, undefined, 600_000);
    return judge(n, ids, received, startedAt);
  } finally {
    mailer.close();
    await catcher.close();
  }
}

async function main(): Promise<void> {
  log(`${os.cpus().length} cores (load ${os.loadavg()[0]!.toFixed(1)}), Node ${process.version}; sizes ${sizes.join(', ')}; ${connections} pooled SMTP connections`);
  const scenarios = [];
  for (const n of sizes) {
    const limit = await limitBurst(n);
    scenarios.push({
      n,
      limit,
      engine: null,
      peer: null,
      engineVsLimit: null,
      engineVsPeer: null,
      p99LatenessMs: null,
      duplicates: limit.duplicates,
      missing: limit.missing,
      notMeasured: 'engine and pg-boss peer: not built yet (issue 14 item 2); the figures are the raw SMTP limit only',
    });
  }
  console.log('');
  console.log('| N | path | wall s | emails/s | p50 ms | p95 ms | p99 ms | duplicates | missing |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of scenarios) {
    const l = s.limit;
    console.log(`| ${s.n} | limit (pooled nodemailer) | ${(l.wallMs / 1000).toFixed(1)} | ${l.emailsPerSecond} | ${l.p50LatenessMs} | ${l.p95LatenessMs} | ${l.p99LatenessMs} | ${l.duplicates} | ${l.missing} |`);
  }
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `burst-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  // The load average says how much else the machine was doing (figures on a shared machine are noisy).
  const result = { kind: 'burst', at: new Date().toISOString(), cores: os.cpus().length, loadAverage: os.loadavg(), node: process.version, parameters: { sizes, connections }, scenarios };
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`written ${path.relative(root, file)}`);
}

main().catch((err: Error) => {
  console.error(`[bench] ${err.message}`);
  process.exit(1);
});
