// `npm start` (`node --import tsx src/main.ts`, one process, so a signal from the terminal or
// a process manager reaches it directly): the whole product on embedded defaults. Temporal
// dev server (SQLite file), SMTP catcher, worker, API and pages; sample data on first start.
// With TEMPORAL_ADDRESS and SMTP_HOST (production, the container) it starts neither.
//
// Start-up order: refuse early (bad configuration, a port taken, a stray Temporal server)
// before anything runs; migrate the database where the app opens it; then start each part,
// registering how to stop it. SIGINT/SIGTERM and a failed start stop the parts in reverse
// order; child processes die with this process even when it is killed (./temporal/owned-process).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { buildServer } from './api/server';
import { ConfigError, loadConfig, productionProblems, redactedUrl, type AppConfig } from './config';
import type { Db } from './db';
import { startMailCatcher, type MailCatcher } from './mail/mail-catcher';
import { isReplyAddress, startInboundSmtp } from './mail/inbound-smtp';
import { receiveReply } from './services/inbound-replies';
import { createMailer } from './mail/transport';
import { generatePrismaClient, migrateDatabase, prismaClientStale } from './prisma-offline';
import { sampleAccountProblems, sampleSignInLines } from './services/accounts';
import type { ServiceDeps } from './services/deps';
import { loadSampleData, readSampleData } from './services/load-sample-data';
import { startWeeklyDigests } from './services/weekly-digests';
import { createTemporalClient } from './temporal/client';
import { startDevServer } from './temporal/dev-server';
import { checkSearchAttributes } from './temporal/search-attribute-check';
import { StartRefusedError, startProblems } from './temporal/start-checks';
import { ensureTemporalCli } from './temporal/temporal-cli';
import { createWorker, installRuntimeWithoutSignalHandlers } from './worker';

const log = (line: string) => console.log(`[hanbaocao] ${line}`);
const warn = (line: string) => console.warn(`[hanbaocao] ${line}`);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---- stopping -------------------------------------------------------------------------

type Stop = () => Promise<unknown>;
/** Last started, first stopped: the HTTP server and the worker go before the Temporal server. */
const stops: Stop[] = [];
let exiting = false;

function onStop(stop: Stop): void {
  stops.unshift(stop);
}

/** Stops what has started, then exits; the first caller's code wins (npm forwards a Ctrl-C the terminal also sent). */
async function stopAndExit(code: number, reason: string): Promise<void> {
  if (exiting) return;
  exiting = true;
  log(reason);
  for (const stop of stops) await stop().catch((err: Error) => warn(`while stopping: ${err.message}`));
  process.exit(code);
}

function handleStopSignals(dataDir: string): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void stopAndExit(0, `${signal}: stopping; data kept in ${dataDir}`));
  }
}

// ---- starting -------------------------------------------------------------------------

async function refuseToStartIfBlocked(config: AppConfig): Promise<void> {
  const problems = await startProblems(config);
  if (problems.length) throw new StartRefusedError(problems);
}

/** Migrates the database the app opens (so a container that only runs the app is migrated too), then opens it. */
async function openDatabase(config: AppConfig): Promise<Db> {
  if (prismaClientStale()) {
    log('generating the Prisma client...');
    await generatePrismaClient(config.databaseUrl);
  }
  await migrateDatabase(config.databaseUrl);
  log(`database migrated: ${redactedUrl(config.databaseUrl)}`);
  // Imported here, not at the top: src/db.ts needs the client generated just above.
  const { createDb } = await import('./db');
  const db = createDb(config.databaseUrl);
  onStop(() => db.$disconnect());
  return db;
}

async function startCatcher(config: AppConfig): Promise<MailCatcher | undefined> {
  if (config.smtp.host) return undefined;
  const catcher = await startMailCatcher({ port: config.smtp.port, persistPath: path.join(config.dataDir, 'inbox.jsonl') });
  onStop(() => catcher.close());
  return catcher;
}

/** The Temporal frontend's address: TEMPORAL_ADDRESS, else the embedded dev server started here. */
async function startTemporal(config: AppConfig): Promise<{ address: string; uiUrl: string | null }> {
  if (config.temporal.address) return { address: config.temporal.address, uiUrl: null };
  const cliPath = await ensureTemporalCli(projectRoot, log, config.tools);
  if (!cliPath) {
    throw new Error('không tìm thấy Temporal CLI / Temporal CLI not found: install Go (it is built on first start) or set TEMPORAL_CLI or TEMPORAL_ADDRESS');
  }
  log('starting the Temporal dev server...');
  const server = await startDevServer({
    cliPath,
    port: config.temporal.devPort,
    uiPort: config.temporal.uiPort,
    dbFilename: path.join(config.dataDir, 'temporal.sqlite'),
    namespace: config.temporal.namespace,
    log,
  });
  onStop(() => server.stop());
  return { address: server.address, uiUrl: server.uiUrl };
}

async function connectClient(config: AppConfig, address: string): Promise<{ client: Client; searchAttributes: boolean }> {
  const client = await createTemporalClient(address, config.temporal.namespace);
  onStop(() => client.connection.close());
  const check = await checkSearchAttributes(client.connection, config.temporal.namespace, address);
  if (check.ok) log('search attributes: registered, set on every workflow');
  else check.advice.forEach(warn);
  return { client, searchAttributes: check.ok };
}

async function startWorker(config: AppConfig, address: string, deps: { db: Db; client: Client; searchAttributes: boolean; catcher?: MailCatcher }): Promise<void> {
  const connection = await NativeConnection.connect({ address });
  // Pooled: its connections stay open between emails, so it is closed with the worker.
  const mailer = createMailer(config.smtp, deps.catcher?.port);
  log('bundling workflows and starting the worker...');
  const worker = await createWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: {
      db: deps.db,
      mailer,
      clock: () => new Date(),
      publicUrl: config.http.publicUrl,
      mailFrom: config.smtp.from,
      linkKeys: config.links.keys,
      replies: { domain: config.replies.domain, localPart: config.replies.localPart },
      temporal: { client: deps.client, taskQueue: config.temporal.taskQueue, searchAttributes: deps.searchAttributes },
    },
  });
  const running = worker.run();
  running.catch((err: Error) => void stopAndExit(1, `worker stopped / worker failed: ${err.message}`));
  onStop(async () => {
    worker.shutdown();
    await running.catch(() => undefined);
    mailer.close();
    await connection.close();
  });
}

/**
 * Replies by email (docs/reply-by-email.md): the inbound SMTP listener when enabled
 * (production, behind the organisation's mail server), and in development the SMTP catcher
 * hands over what is addressed to the reply domain. Both feed the same intake.
 */
async function startReplyIntake(config: AppConfig, services: ServiceDeps, catcher: MailCatcher | undefined): Promise<void> {
  const settings = { ...config.replies, keys: config.links.keys, maxFileBytes: config.links.maxFileBytes, dataDir: config.dataDir };
  const handle = (raw: Buffer, envelope: { from: string; to: string[] }) => receiveReply(services, settings, raw, envelope, warn);
  const wants = (address: string) => isReplyAddress(address, config.replies);
  catcher?.handOver(wants, handle);
  const inbound = config.replies.inbound;
  if (!inbound.enabled) return;
  const listener = await startInboundSmtp({ host: inbound.host, port: inbound.port, maxMessageBytes: inbound.maxMessageBytes, addresses: config.replies, handle, log: warn });
  onStop(() => listener.close());
  log(`replies:     SMTP ${inbound.host}:${listener.port} for ${config.replies.localPart}+…@${config.replies.domain}`);
}

/** Development: the sample plan, its organisations and an account per role; returns how to sign in with them. */
async function loadSamplePlan(services: ServiceDeps, publicUrl: string): Promise<string[]> {
  const data = readSampleData(path.join(projectRoot, 'samples', 'sample-data.json'));
  const sample = await loadSampleData(services, data);
  const reminder = sample.firstReminder;
  log(
    !sample.fresh
      ? 'sample plan already loaded'
      : reminder?.held
        ? `sample plan 52/KH-UBND loaded; its first reminder waits for working hours: ${reminder.sendAt}`
        : 'sample plan 52/KH-UBND loaded; a first reminder is on its way to the inbox',
  );
  const names = Object.fromEntries([data.organisation, ...data.accounts.organisations].map((o) => [o.id, o.name]));
  return sampleSignInLines(data.accounts, names, publicUrl);
}

/** What to do on an installation without any account yet (production starts without sample data). */
async function firstAccountHint(db: Db): Promise<string[]> {
  if ((await db.user.count()) > 0) return [];
  return [
    'no account yet / chưa có tài khoản nào: create the first organisation and administrator:',
    '  npx hanbaocao admin create-organisation --id <id> --name "UBND ..." --kind province|commune [--parent <id>]',
    '  npx hanbaocao admin create-user --org <id> --role administrator --email <email>   (the password is read from stdin)',
  ];
}

async function main(): Promise<void> {
  const config = loadConfig();
  handleStopSignals(config.dataDir);
  // Production refuses the development defaults before anything starts, and sample accounts once the database is open.
  const unsafe = productionProblems(config);
  if (unsafe.length) throw new StartRefusedError(unsafe);
  await refuseToStartIfBlocked(config);
  fs.mkdirSync(config.dataDir, { recursive: true });

  const db = await openDatabase(config);
  if (config.env === 'production') {
    const samples = await sampleAccountProblems({ db });
    if (samples.length) throw new StartRefusedError(samples);
  }
  const catcher = await startCatcher(config);
  const temporal = await startTemporal(config);
  installRuntimeWithoutSignalHandlers();
  // The client first: the worker's activities use it to start each period's deadline workflow.
  const { client, searchAttributes } = await connectClient(config, temporal.address);
  await startWorker(config, temporal.address, { db, client, searchAttributes, catcher });

  const services: ServiceDeps = { db, temporal: client, taskQueue: config.temporal.taskQueue, clock: () => new Date(), searchAttributes };
  const signIn = config.sampleData ? await loadSamplePlan(services, config.http.publicUrl) : await firstAccountHint(db);
  await startWeeklyDigests(services);

  await startReplyIntake(config, services, catcher);

  const app = buildServer(services, { catcher, auth: config.auth, links: { keys: config.links.keys, maxFileBytes: config.links.maxFileBytes, dataDir: config.dataDir } });
  await app.listen({ host: config.http.host, port: config.http.port });
  onStop(() => app.close());

  log(`app:         ${config.http.publicUrl}`);
  if (catcher) log(`inbox:       ${config.http.publicUrl}/inbox (SMTP 127.0.0.1:${catcher.port})`);
  if (temporal.uiUrl) log(`Temporal UI: ${temporal.uiUrl}`);
  signIn.forEach(log);
  log('press Ctrl-C to stop');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartRefusedError) console.error(err.message);
  else console.error(`[hanbaocao] không khởi động được / failed to start: ${(err as Error).message}`);
  void stopAndExit(1, 'start failed; stopping what had started');
});
