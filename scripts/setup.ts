// Everything `npm start` and `npm test` need beyond `npm ci`, idempotent and fast when
// done: the Temporal CLI (built with Go when missing), the Java time-skipping test server
// (with --test), Debian's chromium for end-to-end tests (with --test), the generated Prisma
// client and the migrated app database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePrismaOffline } from '../src/prisma-offline';
import { ensureTemporalCli } from '../src/temporal/temporal-cli';
import { ensureTestServer } from '../src/temporal/test-server';
import { ensureChromium } from './chromium';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(`[setup] ${line}`);
const forTests = process.argv.includes('--test');

function prisma(...args: string[]): void {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`prisma ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  // With TEMPORAL_ADDRESS the app talks to an existing server (production, docker-compose).
  if (!process.env.TEMPORAL_ADDRESS || forTests) {
    const cli = await ensureTemporalCli(root, log);
    if (cli) log(`Temporal CLI: ${cli}`);
    else log('Temporal CLI not found and Go is not installed: set TEMPORAL_CLI or TEMPORAL_ADDRESS (see README).');
  }

  if (forTests) {
    const wrapper = ensureTestServer(root, log);
    log(wrapper ? `time-skipping test server: ${wrapper}` : 'no java/mvn: the SDK will download its test server');
    log(`chromium for end-to-end tests: ${ensureChromium(log)}`);
  }

  ensurePrismaOffline();
  prisma('generate');
  log('Prisma client generated');
  if (!forTests) {
    prisma('migrate', 'deploy');
    log('app database migrated');
  }
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: Error) => {
  console.error(`[setup] ${err.message}`);
  process.exit(1);
});
