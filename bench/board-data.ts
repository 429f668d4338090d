// Data generator for the board benchmark (issue 12 item 7): a province, 3,300 communes with
// 10 agencies and a coordinating office each, one plan per commune, and 100,000 deadlines
// over four years, annual, half-yearly and ad-hoc, in a realistic mix as of `asOf`: received
// on time or late, not yet due, overdue (about half of those escalated, level by age),
// extended, waived. Plus a province coordinator and a commune coordinator (users with
// memberships). Written with createMany in chunks, so it works on SQLite and PostgreSQL.
//
//   npx tsx bench/board-data.ts [--out .data/bench/board-100k.sqlite] [--deadlines 100000] [--communes 3300]
//   DATABASE_URL=postgresql://... npx tsx bench/board-data.ts   (an empty, migratable database)
//
// Deterministic for a given asOf day (a seeded generator), so two runs give the same counts.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb, type Db } from '../src/db';
import { addDays, toIsoDate, instantAt, localDateOf, parseIsoDate } from '../src/domain/local-date';
import { migrateDatabase } from '../src/prisma-offline';
import { hashPassword } from '../src/services/sign-in';
import { loadConfig } from '../src/config';

export const BENCH_PROVINCE = 'bench-tinh';
export const BENCH_PASSWORD = 'bench-mat-khau-dai-2026';
export const communeId = (i: number) => `bench-xa-${String(i).padStart(4, '0')}`;

const AGENCIES = ['Trạm Y tế', 'Công an', 'Trường Tiểu học', 'Trường THCS', 'Trường Mầm non', 'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên', 'Hội Nông dân', 'Hội Cựu chiến binh', 'Mặt trận Tổ quốc'];
/** Annual reports of agencies 0..5: the last days of a few real plans ("trước ngày 05/11" ...). */
const ANNUAL_LAST_DAYS = ['11-04', '12-15', '10-20', '06-30', '12-05', '11-25'];

/** A small seeded generator (mulberry32): the same data set for the same asOf. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  databaseUrl: string;
  asOf: Date;
  communes?: number;
  deadlines?: number;
  log?: (line: string) => void;
}

export interface Generated {
  province: string;
  commune: string;
  deadlines: number;
  submissions: number;
  agencies: number;
  users: { province: string; commune: string };
}

interface DeadlineRow {
  id: string; obligationId: string; periodKey: string; periodLabel: string; lastDay: string; dueAt: Date; dataFrom: string; dataTo: string;
  status: string; extendedFrom: string | null; escalationLevel: number; escalatedTo: string | null; escalatedAt: Date | null; workflowId: string;
}

async function inChunks<T>(items: T[], size: number, write: (chunk: T[]) => Promise<unknown>, progress: (done: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await write(items.slice(i, i + size));
    progress(Math.min(items.length, i + size));
  }
}

/** Fills an empty, migrated database; the caller migrates (see main below). */
export async function generateBoardData(db: Db, opts: Omit<GenerateOptions, 'databaseUrl'>): Promise<Generated> {
  const log = opts.log ?? (() => {});
  const communes = opts.communes ?? 3300;
  const target = opts.deadlines ?? 100_000;
  const today = localDateOf(opts.asOf);
  const rnd = random(Number(toIsoDate(today).replaceAll('-', '')));
  const years = [today.year - 3, today.year - 2, today.year - 1, today.year];

  await db.organisation.create({ data: { id: BENCH_PROVINCE, name: 'UBND tỉnh Thử Nghiệm', kind: 'province', leadershipName: 'Chủ tịch UBND tỉnh', leadershipEmail: 'lanhdao@tinh.bench.example' } });
  const organisations = Array.from({ length: communes }, (_, i) => ({ id: communeId(i), name: `UBND xã Thử Nghiệm ${i + 1}`, kind: 'commune', parentId: BENCH_PROVINCE }));
  const agencies = organisations.flatMap((o) => [
    ...AGENCIES.map((name, a) => ({ id: `${o.id}.a${a}`, organisationId: o.id, name: `${name} ${o.name.replace('UBND ', '')}`, headName: `Trưởng ${name}`, headEmail: `a${a}@${o.id}.bench.example` })),
    { id: `${o.id}.vhxh`, organisationId: o.id, name: 'Phòng Văn hóa - Xã hội', headName: 'Trưởng phòng', headEmail: `vhxh@${o.id}.bench.example` },
  ]);
  const plans = organisations.map((o) => ({ id: `${o.id}.plan`, organisationId: o.id, number: `${100 + (Number(o.id.slice(-4)) % 800)}/KH-UBND`, title: `Kế hoạch thực hiện công tác bình đẳng giới giai đoạn ${years[0]}-${years[0]! + 7} của ${o.name}`, issuedOn: `${years[0]}-02-10`, spanFrom: years[0]!, spanTo: years[0]! + 7, coordinatorAgencyId: `${o.id}.vhxh` }));
  const obligations: { id: string; planId: string; agencyId: string; ruleText: string; kind: string; title: string }[] = [];
  const deadlines: DeadlineRow[] = [];
  const submissions: { id: string; deadlineId: string; submittedAt: Date; recordedAt: Date; submittedBy: string; late: boolean; channel: string }[] = [];

  const add = (obligationId: string, periodKey: string, periodLabel: string, lastDayText: string) => {
    const lastDay = parseIsoDate(lastDayText);
    const id = `${obligationId}.${periodKey}`;
    const past = toIsoDate(lastDay) < toIsoDate(today);
    const extended = rnd() < 0.05;
    const r = rnd();
    let status = 'open';
    let submittedAt: Date | null = null;
    // Older years are mostly closed; this year's past deadlines leave more overdue.
    const closed = lastDay.year < today.year ? 0.9 : 0.72;
    if (r < 0.06) status = 'waived';
    else if (past && r < closed) {
      status = 'submitted';
      const late = rnd() < 0.25;
      const offset = late ? 1 + Math.floor(rnd() * 40) : -Math.floor(rnd() * 10);
      const day = addDays(lastDay, offset);
      submittedAt = instantAt(toIsoDate(day) < toIsoDate(today) ? day : today, 8 + Math.floor(rnd() * 9), Math.floor(rnd() * 60));
    } else if (!past && r < 0.2) {
      status = 'submitted';
      submittedAt = instantAt(today, 8);
    }
    const overdue = status === 'open' && past;
    const level = overdue && rnd() < 0.5 ? 1 + Math.floor(rnd() * 3) : 0;
    deadlines.push({
      id, obligationId, periodKey, periodLabel, lastDay: lastDayText, dueAt: instantAt(addDays(lastDay, 1), 0), dataFrom: `${lastDay.year - 1}-12-15`, dataTo: `${lastDay.year}-12-14`,
      status, extendedFrom: extended ? toIsoDate(addDays(lastDay, -7)) : null, escalationLevel: level,
      escalatedTo: level ? ['Trưởng phòng Văn hóa - Xã hội', 'Phó Chủ tịch UBND xã', 'Chủ tịch UBND xã'][level - 1]! : null,
      escalatedAt: level ? instantAt(addDays(lastDay, 3 * level), 8) : null, workflowId: `deadline/${id}`,
    });
    if (submittedAt) submissions.push({ id: `${id}.s0`, deadlineId: id, submittedAt, recordedAt: submittedAt, submittedBy: 'Văn thư', late: toIsoDate(localDateOf(submittedAt)) > lastDayText, channel: rnd() < 0.7 ? 'online' : 'paper' });
  };

  // Periodic obligations: agencies 0..5 annual, agency 6 half-yearly for the last three years.
  for (const o of organisations) {
    for (let a = 0; a <= 6; a++) {
      const obligationId = `${o.id}.o${a}`;
      obligations.push({ id: obligationId, planId: `${o.id}.plan`, agencyId: `${o.id}.a${a}`, ruleText: a < 6 ? `trước ngày ${ANNUAL_LAST_DAYS[a]!.split('-').reverse().join('/')} hằng năm` : '6 tháng, trước ngày 15/6 và 10/12', kind: 'periodic', title: '' });
      if (a < 6) for (const y of years) add(obligationId, String(y), `Năm ${y}`, `${y}-${ANNUAL_LAST_DAYS[a]}`);
      else for (const y of years.slice(1)) {
        add(obligationId, `${y}-H1`, `6 tháng đầu năm ${y}`, `${y}-06-15`);
        add(obligationId, `${y}-H2`, `6 tháng cuối năm ${y}`, `${y}-12-10`);
      }
    }
  }
  // Ad-hoc requests (báo cáo đột xuất) to agency 7 of as many communes as it takes to reach the target.
  for (let i = 0; deadlines.length < target; i++) {
    const o = organisations[i % communes]!;
    const y = years[Math.floor(i / communes) % years.length]!;
    const day = `${y}-${String(1 + (i % 12)).padStart(2, '0')}-20`;
    const obligationId = `${o.id}.adhoc${i}`;
    obligations.push({ id: obligationId, planId: `${o.id}.plan`, agencyId: `${o.id}.a7`, ruleText: `trước ngày ${day.split('-').reverse().join('/')}`, kind: 'adhoc', title: `Báo cáo đột xuất tình hình phòng chống bão lũ đợt ${i + 1}` });
    add(obligationId, day, `Đột xuất ${day.split('-').reverse().join('/')}`, day);
  }
  deadlines.length = Math.min(deadlines.length, target);

  const progress = (what: string, total: number) => (done: number) => process.stdout.isTTY ? process.stdout.write(`\r[data] ${what} ${done}/${total}${done === total ? '\n' : ''}`) : done === total && log(`${what} ${total}`);
  await inChunks(organisations, 1000, (c) => db.organisation.createMany({ data: c }), progress('organisations', organisations.length));
  await inChunks(agencies, 2000, (c) => db.agency.createMany({ data: c }), progress('agencies', agencies.length));
  await inChunks(plans, 1000, (c) => db.plan.createMany({ data: c }), progress('plans', plans.length));
  await inChunks(obligations, 2000, (c) => db.obligation.createMany({ data: c }), progress('obligations', obligations.length));
  await inChunks(deadlines, 2000, (c) => db.deadline.createMany({ data: c }), progress('deadlines', deadlines.length));
  const kept = new Set(deadlines.map((d) => d.id));
  const subs = submissions.filter((s) => kept.has(s.deadlineId));
  await inChunks(subs, 2000, (c) => db.submission.createMany({ data: c }), progress('submissions', subs.length));

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users = { province: 'dieu-phoi@tinh.bench.example', commune: 'dieu-phoi@xa-0001.bench.example' };
  for (const [email, organisationId] of [[users.province, BENCH_PROVINCE], [users.commune, communeId(1)]] as const) {
    await db.user.create({ data: { id: randomUUID(), email, name: email, passwordHash, memberships: { create: [{ id: randomUUID(), organisationId, role: 'coordinator' }] } } });
  }
  return { province: BENCH_PROVINCE, commune: communeId(1), deadlines: deadlines.length, submissions: subs.length, agencies: agencies.length, users };
}

/** Migrates `databaseUrl` (a fresh file or an empty PostgreSQL database) and fills it. */
export async function generateDatabase(opts: GenerateOptions): Promise<Generated> {
  await migrateDatabase(opts.databaseUrl);
  const db = createDb(opts.databaseUrl);
  try {
    return await generateBoardData(db, opts);
  } finally {
    await db.$disconnect();
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_BENCH_DB = path.join(root, '.data', 'bench', 'board-100k.sqlite');

/** The benchmark's database: DATABASE_URL when it names PostgreSQL (read through src/config.ts), else the given SQLite file. */
export function benchDatabaseUrl(sqliteUrl: string): string {
  const config = loadConfig();
  return config.databaseProvider === 'postgresql' ? config.databaseUrl : sqliteUrl;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: DEFAULT_BENCH_DB }, deadlines: { type: 'string', default: '100000' }, communes: { type: 'string', default: '3300' } } });
  const databaseUrl = benchDatabaseUrl(`file:${path.resolve(values.out)}`);
  const started = performance.now();
  const result = await generateDatabase({ databaseUrl, asOf: new Date(), deadlines: Number(values.deadlines), communes: Number(values.communes), log: (l) => console.log(`[data] ${l}`) });
  console.log(JSON.stringify({ ...result, databaseUrl: databaseUrl.replace(/\/\/[^@]*@/, '//…@'), seconds: Math.round((performance.now() - started) / 100) / 10 }, null, 2));
}
