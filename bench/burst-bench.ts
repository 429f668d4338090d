// Benchmark (not a test) of issue 14's morning burst: `npm run bench [-- --n 1000,10000 --connections 5]`.
// Prints progress and a table, and writes bench/results/burst-<time>.json.
//
// Measured now: THE LIMIT, the same N messages sent straight with pooled nodemailer to the
// project's SMTP server on 127.0.0.1 (src/mail/mail-catcher.ts, the server the engine's
// tests deliver to), no scheduling: wall time until the last is accepted, emails per
// second, lateness (accepted minus the instant the burst began) p50/p95/p99, duplicates
// (one Message-ID accepted twice) and missing.
// THE PEER (bench/pgboss-peer.ts): the same N reminders as pg-boss delayed jobs on the
// project's PostgreSQL, planned for one instant, delivered to the same SMTP server; lateness
// from that instant. `--peer no` leaves it out (a machine without PostgreSQL).
// THE ENGINE (bench/engine-burst.ts): N deadlines whose reminder falls on one instant,
// through the real dev server, worker, digest, outbox and mail transport, to the same SMTP
// server; lateness from that instant. `--engine no` leaves it out; `--cpu-prof yes` writes a
// CPU profile of its worker under .data/bench/. Runs on a working day, 06:00-18:00
// Vietnamese time (its step is planned for a minute of today).
// Not measured yet: the scheduling of a generated province (null in the JSON, with the reason).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { startMailCatcher } from '../src/mail/mail-catcher';
import { judge, type BurstResult } from './burst-judge';
import { engineBurst, type EngineResult } from './engine-burst';
import { peerBurst, type PeerResult } from './pgboss-peer';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000,10000' },
    connections: { type: 'string', default: '5' },
    peer: { type: 'string', default: 'yes' },
    'peer-workers': { type: 'string', default: '4' },
    'peer-batch': { type: 'string', default: '50' },
    engine: { type: 'string', default: 'yes' },
    'start-concurrency': { type: 'string', default: '50' },
    'cpu-prof': { type: 'string', default: 'no' },
    lead: { type: 'string' },
    'temporal-db': { type: 'string', default: 'memory' },
  },
});
const sizes = values.n.split(',').map(Number);
const connections = Number(values.connections);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(connections) || connections < 1) {
  throw new Error('--n takes whole numbers separated by commas, --connections a whole number');
}
const peer = values.peer !== 'no';
const peerWorkers = Number(values['peer-workers']);
const peerBatch = Number(values['peer-batch']);
if (![peerWorkers, peerBatch].every((v) => Number.isInteger(v) && v >= 1)) throw new Error('--peer-workers and --peer-batch take whole numbers');
const engine = values.engine !== 'no';
const startConcurrency = Number(values['start-concurrency']);
/** Seconds left for starting the workflows before their instant: measured at 20 to 25 starts a second on the shared 2 cores, with room. */
const leadFor = (n: number) => (values.lead ? Number(values.lead) : 60 + Math.ceil(n / 20));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(`[bench] ${line}`);

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
    const peered: PeerResult | null = peer ? await peerBurst(n, { connections, batchSize: peerBatch, workers: peerWorkers, log }) : null;
    const engined: EngineResult | null = engine
      ? await engineBurst(n, { root, leadSeconds: leadFor(n), startConcurrency, cpuProf: values['cpu-prof'] === 'yes', temporalDb: values['temporal-db'] === 'file' ? 'file' : 'memory', log })
      : null;
    const ratio = (a: BurstResult | null, b: BurstResult | null) => (a && b ? Math.round((a.emailsPerSecond / b.emailsPerSecond) * 100) / 100 : null);
    const notMeasured = [engine ? '' : 'the engine: left out with --engine no', peer ? '' : 'the pg-boss peer: left out with --peer no'].filter(Boolean).join('; ');
    scenarios.push({
      n,
      limit,
      engine: engined,
      peer: peered,
      engineVsLimit: ratio(engined, limit),
      engineVsPeer: ratio(engined, peered),
      // Added with the peer: how far the peer stays from the limit, from the same run.
      peerVsLimit: ratio(peered, limit),
      p99LatenessMs: engined?.p99LatenessMs ?? null,
      duplicates: limit.duplicates + (peered?.duplicates ?? 0) + (engined?.duplicates ?? 0),
      missing: limit.missing + (peered?.missing ?? 0) + (engined?.missing ?? 0),
      ...(notMeasured && { notMeasured }),
    });
  }
  console.log('');
  console.log('| N | path | wall s | emails/s | p50 ms | p95 ms | p99 ms | duplicates | missing |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const row = (n: number, name: string, r: BurstResult) =>
    console.log(`| ${n} | ${name} | ${(r.wallMs / 1000).toFixed(1)} | ${r.emailsPerSecond} | ${r.p50LatenessMs} | ${r.p95LatenessMs} | ${r.p99LatenessMs} | ${r.duplicates} | ${r.missing} |`);
  for (const s of scenarios) {
    row(s.n, 'limit (pooled nodemailer)', s.limit);
    if (s.peer) row(s.n, `peer (pg-boss, ${peerWorkers}×${peerBatch}; scheduled in ${(s.peer.scheduleMs / 1000).toFixed(1)} s)`, s.peer);
    if (s.engine) {
      const e = s.engine;
      row(s.n, `engine (${e.startsPerSecond} starts/s; worker ${e.workerRssMbAsleep} MB asleep, ${e.workerRssMbPeak} MB peak)`, e);
    }
  }
  console.log('');
  for (const s of scenarios) {
    console.log(`N=${s.n}: engine ÷ limit ${s.engineVsLimit ?? '-'}, engine ÷ peer ${s.engineVsPeer ?? '-'}, peer ÷ limit ${s.peerVsLimit ?? '-'}, engine p99 lateness ${s.p99LatenessMs ?? '-'} ms`);
  }
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `burst-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  // The load average says how much else the machine was doing (figures on a shared machine are noisy).
  const result = { kind: 'burst', at: new Date().toISOString(), cores: os.cpus().length, loadAverage: os.loadavg(), node: process.version, parameters: { sizes, connections, peer, peerWorkers, peerBatch, engine, startConcurrency, temporalDb: values['temporal-db'] }, scenarios };
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`written ${path.relative(root, file)}`);
}

main().catch((err: Error) => {
  console.error(`[bench] ${err.message}`);
  process.exit(1);
});
