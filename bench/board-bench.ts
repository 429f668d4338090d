// Benchmark (not a test) of issue 12 item 7: the board with 100,000 deadlines across 3,300
// communes. `npm run bench:board [-- --requests 200 --warmup 20 --fresh]`.
//
// Generates the data set once (bench/board-data.ts, .data/bench/board-100k.sqlite; --fresh
// makes it again), migrates it (new indexes land on a reused file), then measures through
// buildServer(...).inject (the whole Fastify stack: access check, validation, service, JSON
// or HTML, no network): p50/p95/p99 of the board's first page for a province coordinator
// and a commune coordinator (with the aggregates cached, as between two writes, and cold, as
// after one: src/services/board-cache.ts), a few filters, and an export of 10,000 rows with
// its .xlsx written.
// Prints JSON and writes it to bench/results/board-<time>.json. Targets (issue 12): first
// page p95 under 50 ms, export of 10,000 rows under 2 s.
//
// PostgreSQL: DATABASE_URL=postgresql://.../empty_db npm run bench:board (generates into it
// when it has no deadline yet).
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { buildServer } from '../src/api/server';
import type { Principal } from '../src/auth/policy';
import { createDb } from '../src/db';
import { migrateDatabase } from '../src/prisma-offline';
import { exportBoard } from '../src/services/board-export';
import { clearBoardCache } from '../src/services/board-cache';
import { hashToken } from '../src/services/principals';
import { boardXlsx } from '../src/web/exports/board-xlsx';
import { BENCH_PROVINCE, benchDatabaseUrl, communeId, DEFAULT_BENCH_DB, generateDatabase } from './board-data';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' }, 'province-requests': { type: 'string', default: '30' }, warmup: { type: 'string', default: '20' }, fresh: { type: 'boolean', default: false } } });
const requests = Number(values.requests);
// A province's requests take seconds today (docs/PERFORMANCE.md): fewer of them keep a run short.
const provinceRequests = Number(values['province-requests']);
const warmup = Number(values.warmup);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.error(`[bench] ${line}`);

const databaseUrl = benchDatabaseUrl(`file:${DEFAULT_BENCH_DB}`);
if (values.fresh && databaseUrl.startsWith('file:')) fs.rmSync(DEFAULT_BENCH_DB, { force: true });
await migrateDatabase(databaseUrl);
const db = createDb(databaseUrl);
const deadlines = await db.deadline.count();
if (deadlines === 0) {
  await db.$disconnect();
  log('generating the data set (once; reused by later runs)...');
  const generated = await generateDatabase({ databaseUrl, asOf: new Date(), log });
  log(`generated ${generated.deadlines} deadlines`);
}
const dbReady = deadlines === 0 ? createDb(databaseUrl) : db;
const counts = { deadlines: await dbReady.deadline.count(), submissions: await dbReady.submission.count(), organisations: await dbReady.organisation.count(), agencies: await dbReady.agency.count() };
log(`data: ${JSON.stringify(counts)}`);

async function tokenFor(organisationId: string): Promise<string> {
  const token = `hbc_${randomBytes(24).toString('base64url')}`;
  await dbReady.apiToken.create({ data: { id: randomUUID(), organisationId, role: 'coordinator', name: 'bench', tokenHash: hashToken(token) } });
  return token;
}
const tokens = { province: await tokenFor(BENCH_PROVINCE), commune: await tokenFor(communeId(1)) };

const connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
const app = buildServer({ db: dbReady, temporal: new Client({ connection }), taskQueue: 'bench', clock: () => new Date(), searchAttributes: false }, { logger: false });
await app.ready();

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function measure(name: string, who: keyof typeof tokens, url: string, n = requests, cold = false) {
  const headers = { authorization: `Bearer ${tokens[who]}` };
  if (who === 'province') n = Math.min(n, provinceRequests);
  let bytes = 0;
  let total: number | undefined;
  for (let i = 0; i < (who === 'province' ? Math.min(warmup, 3) : warmup); i++) await app.inject({ method: 'GET', url, headers });
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    // A cold request: as after a write anywhere in the scope, or the first of the day.
    if (cold) clearBoardCache(dbReady);
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url, headers });
    times.push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    bytes = res.body.length;
    if (url.startsWith('/api/')) total = (res.json() as { total: number }).total;
    if (i % 20 === 0) process.stderr.write(`\r[bench] ${name} ${i}/${n}   `);
  }
  times.sort((a, b) => a - b);
  const result = { name, who, url, cold, requests: n, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times.at(-1)!), bytes, rowsMatching: total };
  process.stderr.write(`\r[bench] ${name}: p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms\n`);
  return result;
}

const plan = `${communeId(1)}.plan`;
const scenarios = [
  await measure('first page, commune coordinator (JSON)', 'commune', '/api/board'),
  await measure('first page, commune coordinator (HTML page)', 'commune', '/board'),
  await measure('first page, province coordinator (JSON)', 'province', '/api/board'),
  await measure('first page, province coordinator (HTML page)', 'province', '/board'),
  await measure('first page, commune coordinator, cache cold (JSON)', 'commune', '/api/board', requests, true),
  await measure('first page, province coordinator, cache cold (JSON)', 'province', '/api/board', provinceRequests, true),
  await measure('province: overdue', 'province', '/api/board?status=overdue'),
  await measure('province: one plan, every period', 'province', `/api/board?plan=${encodeURIComponent(plan)}&period=`),
  await measure('province: page 40 sorted by last day', 'province', '/api/board?sort=last-day&page=40'),
  await measure('province: search "tram y te" (no diacritics)', 'province', `/api/board?q=${encodeURIComponent('tram y te')}`),
  await measure('commune: search "cong an"', 'commune', `/api/board?q=${encodeURIComponent('cong an')}`),
];

// The export: what GET /api/board/export.xlsx does, for 10,000 rows: the unpaged, sorted rows
// (readBoardRows through exportBoard) and the workbook written by exceljs (boardXlsx).
const provincePrincipal: Principal = { kind: 'token', id: 'bench', label: 'bench', grants: [{ organisationId: BENCH_PROVINCE, role: 'coordinator' }] };
const exportTimes: { totalMs: number; rowsMs: number; xlsxMs: number }[] = [];
let exported = 0;
let xlsxBytes = 0;
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  const data = await exportBoard({ db: dbReady, clock: () => new Date() }, provincePrincipal, { period: '' }, 10_000);
  const read = performance.now();
  const file = await boardXlsx(data);
  const done = performance.now();
  exportTimes.push({ totalMs: done - started, rowsMs: read - started, xlsxMs: done - read });
  exported = data.rows.length;
  xlsxBytes = file.length;
}
const median = (key: keyof (typeof exportTimes)[number]) => round(percentile(exportTimes.map((t) => t[key]).sort((a, b) => a - b), 50));
const exportResult = {
  rows: exported, runs: exportTimes.length, bytes: xlsxBytes, medianMs: median('totalMs'), maxMs: round(Math.max(...exportTimes.map((t) => t.totalMs))),
  medianRowsMs: median('rowsMs'), medianXlsxMs: median('xlsxMs'),
  measures: 'exportBoard (SQL order + 10,000 rows read and mapped through the domain) + boardXlsx (the .xlsx written in memory by exceljs), province, every period, sorted by days late',
};
log(`export of ${exported} rows: median ${exportResult.medianMs} ms (rows ${exportResult.medianRowsMs} ms, xlsx ${exportResult.medianXlsxMs} ms)`);

await app.close();
await connection.close();
await dbReady.$disconnect();

const result = {
  at: new Date().toISOString(),
  command: 'npm run bench:board',
  database: databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql',
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
  data: counts,
  warmup,
  scenarios,
  export: exportResult,
};
const out = path.join(root, 'bench', 'results', `board-${result.at.replace(/[:.]/g, '-')}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
