// The chaos run of issue 14 (a script, not a test): `npm run chaos [-- --deadlines 40
// --contacts 25 --faults worker-killed,all-together --down-ms 15000 --silent-ms 60000]`.
// Each fault on a fresh world (bench/chaos/rig.ts): a burst of receipts (deadlines x
// contacts), the fault injected mid-burst, then the tally: expected, delivered,
// duplicated, missing, events recorded, largest lateness. Prints a table and writes
// bench/results/chaos-<time>.json; exits non-zero when a promise broke. docs/RELIABILITY.md
// reads the figures.
// The faults that take under two minutes also run in the test command at a small size
// (test/integration/chaos.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FAULTS, runFault, type FaultName, type Tally } from './chaos/faults';
import { prepare, startRig } from './chaos/rig';
import { SMTP_POOL_CONNECTIONS } from '../src/mail/transport';

const { values } = parseArgs({
  options: {
    deadlines: { type: 'string', default: '40' },
    contacts: { type: 'string', default: '25' },
    faults: { type: 'string', default: FAULTS.join(',') },
    'accept-delay-ms': { type: 'string', default: '20' },
    'refuse-ms': { type: 'string', default: '20000' },
    'silent-ms': { type: 'string', default: '60000' },
    'lock-ms': { type: 'string', default: '20000' },
    'down-ms': { type: 'string', default: '15000' },
    // Longer than the activities' longest retry interval (10 minutes): a message still owed
    // after this long with nothing arriving is missing, not merely waiting for its retry.
    'settle-ms': { type: 'string', default: '660000' },
    'after-complete-ms': { type: 'string', default: '10000' },
  },
});
const num = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number of ${name.endsWith('ms') ? 'milliseconds' : 'items'}`);
  return n;
};
const faults = values.faults.split(',') as FaultName[];
const unknown = faults.filter((f) => !FAULTS.includes(f));
if (unknown.length) throw new Error(`unknown fault(s) ${unknown.join(', ')}; known: ${FAULTS.join(', ')}`);
const timings = { refuseMs: num('refuse-ms'), silentMs: num('silent-ms'), lockMs: num('lock-ms'), downMs: num('down-ms') };
const started = new Date();
const log = (line: string) => process.stderr.write(`[chaos ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s] ${line}\n`);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-chaos-'));

const prepared = await prepare(root, log);
const results: Tally[] = [];
for (const fault of faults) {
  const rig = await startRig({ prepared, dir: path.join(root, fault), deadlines: num('deadlines'), contacts: num('contacts'), acceptDelayMs: num('accept-delay-ms'), log });
  try {
    results.push(await runFault(rig, fault, timings, { quietMs: num('settle-ms'), afterCompleteMs: num('after-complete-ms') }, log));
  } finally {
    await rig.close();
  }
  log(`${fault}: ${JSON.stringify(results.at(-1))}`);
}
fs.rmSync(root, { recursive: true, force: true });

const header = '| fault | expected | delivered | duplicated | 2+ Message-IDs | missing | rows sent | events submitted / email-sent | p50 lateness s | largest lateness s |';
console.log(`\n${header}\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const r of results) {
  console.log(
    `| ${r.fault} | ${r.expected} | ${r.delivered} | ${r.duplicated} | ${r.distinctMessageIds} | ${r.missing} | ${r.outboxSent} | ${r.events.submitted} / ${r.events.emailSent} | ${(r.p50LatenessMs / 1000).toFixed(1)} | ${(r.largestLatenessMs / 1000).toFixed(1)} |`,
  );
}
const out = path.join('bench', 'results', `chaos-${started.toISOString().replace(/[:.]/g, '-')}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ startedAt: started.toISOString(), cores: os.cpus().length, load: os.loadavg(), parameters: { deadlines: num('deadlines'), contacts: num('contacts'), acceptDelayMs: num('accept-delay-ms'), ...timings }, results }, null, 2)}\n`);
console.log(`\nwritten ${out}`);
// Duplicates beyond the messages one crash can leave in flight (one per pooled connection,
// each under its own Message-ID) break the promise too.
const broken = results.filter(
  (r) => r.missing > 0 || r.distinctMessageIds > 0 || r.delivered !== r.expected || r.outboxSent !== r.expected || r.duplicated > SMTP_POOL_CONNECTIONS,
);
process.exitCode = broken.length ? 1 : 0;
