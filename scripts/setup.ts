// Everything `npm test` needs beyond `npm ci`, idempotent and fast when done: the Temporal
// CLI (built with Go when missing), the Java time-skipping test server and Debian's chromium
// for end-to-end tests and the project's own PostgreSQL (scripts/postgres.ts: installed with
// apt-get when missing, started on its own port and folder; the tests run on both databases)
// with --test, the generated Prisma clients, and (without --test) the migrated app database. `npm start` does not need it: src/main.ts prepares itself.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, redactedUrl } from '../src/config';
import { generatePrismaClient, migrateDatabase } from '../src/prisma-offline';
import { ensureTemporalCli } from '../src/temporal/temporal-cli';
import { ensureTestServer } from '../src/temporal/test-server';
import { ensureChromium } from './chromium';
import { ensurePostgres } from './postgres';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(`[setup] ${line}`);
const forTests = process.argv.includes('--test');
// The container build: the generated clients only (no tools, no database).
const generateOnly = process.argv.includes('--generate-only');

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  if (generateOnly) {
    await generatePrismaClient(config.databaseUrl);
    log('Prisma clients generated');
    return;
  }
  // With TEMPORAL_ADDRESS the app talks to an existing server (production, docker-compose).
  if (!config.temporal.address || forTests) {
    const cli = await ensureTemporalCli(root, log, config.tools);
    if (cli) log(`Temporal CLI: ${cli}`);
    else log('Temporal CLI not found and Go is not installed: set TEMPORAL_CLI or TEMPORAL_ADDRESS (see README).');
  }

  if (forTests) {
    const wrapper = ensureTestServer(root, log);
    log(wrapper ? `time-skipping test server: ${wrapper}` : 'no java/mvn: the SDK will download its test server');
    log(`chromium for end-to-end tests: ${ensureChromium(log)}`);
    log(`PostgreSQL for the tests: ${ensurePostgres(log)}`);
  }

  await generatePrismaClient(config.databaseUrl);
  log('Prisma client generated');
  if (!forTests) {
    await migrateDatabase(config.databaseUrl);
    log(`app database migrated: ${redactedUrl(config.databaseUrl)}`);
  }
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: Error) => {
  console.error(err instanceof ConfigError ? err.message : `[setup] ${err.message}`);
  process.exit(1);
});
