// `npm run fuzz`: the hostile-input properties of test/api/hostile-input.test.ts, many more
// times (50,000 requests by default, spread over every operation of /openapi.json), in the
// same world (real Temporal dev server and worker, SMTP catcher, a fresh database). Prints
// the answers per operation and every violation found, grouped; exits 1 when there is one.
//
//   npm run fuzz                                   # 50,000 requests
//   npm run fuzz -- --runs 5000 --seed 42          # fewer, reproducible
//   npm run fuzz -- --only "POST /api/imports"     # one operation (repeatable)
import { parseArgs } from 'node:util';
import { startAuthzWorld } from '../test/helpers/authz-world';
import { prepareSqliteTemplate } from '../test/helpers/global-setup';
import { fuzz, type Violation } from '../test/helpers/hostile-input';
import { readOperations } from '../test/helpers/operations';
import { quietRuntime } from '../test/helpers/temporal';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50000' },
    seed: { type: 'string' },
    only: { type: 'string', multiple: true },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not "${values.runs}"`);
const log = (line: string) => console.log(`[fuzz] ${line}`);

async function main(): Promise<number> {
  const started = Date.now();
  prepareSqliteTemplate();
  quietRuntime();
  log('starting the world: Temporal dev server, worker, SMTP catcher, database, fixtures');
  const world = await startAuthzWorld();
  try {
    const all = await readOperations(world);
    const ops = values.only?.length ? all.filter((o) => values.only!.includes(o.key)) : all;
    if (!ops.length) throw new Error(`no operation matches --only; the operations are:\n  ${all.map((o) => o.key).join('\n  ')}`);
    log(`${runs} requests over ${ops.length} operations`);
    const summary = await fuzz(world, ops, {
      runs,
      seed: values.seed === undefined ? undefined : Number(values.seed),
      onOperation: (op, done) => log(`${op.key} done (${done} requests, ${((Date.now() - started) / 1000).toFixed(0)} s)`),
    });

    console.log(`\nseed ${summary.seed}; ${summary.requests} requests in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    for (const [op, statuses] of Object.entries(summary.statuses)) {
      const counts = Object.entries(statuses).map(([status, n]) => `${status}×${n}`).join(' ');
      console.log(`${op.padEnd(40)} ${counts}`);
    }
    const groups = new Map<string, Violation[]>();
    for (const v of summary.violations) {
      const key = `${v.op}: ${v.problem.split('\n')[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<request id>').slice(0, 160)}`;
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    console.log(`\n${summary.violations.length} violations${groups.size ? `, ${groups.size} kinds:` : ''}`);
    for (const [key, found] of groups) {
      console.log(`\n× ${found.length}× ${key}\n  ${found[0]!.problem.split('\n').slice(1).join('\n  ')}\n  sent: ${found[0]!.request}`);
    }
    return summary.violations.length ? 1 : 0;
  } finally {
    await world.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
