// `npm start`: the whole product on embedded defaults. Temporal dev server (SQLite file),
// SMTP catcher, worker, API and pages; sample data on first start. Ctrl-C stops it cleanly
// and everything under .data/ (app database, Temporal history and timers, inbox) is kept.
import fs from 'node:fs';
import path from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import { buildServer } from './api/server';
import { ConfigError, loadConfig } from './config';
import { createDb } from './db';
import { startMailCatcher } from './mail/mail-catcher';
import { createMailer } from './mail/transport';
import { loadSampleData, readSampleData } from './services/load-sample-data';
import { createTemporalClient } from './temporal/client';
import { startDevServer } from './temporal/dev-server';
import { findTemporalCli } from './temporal/temporal-cli';
import { createWorker, installRuntimeWithoutSignalHandlers } from './worker';

const log = (line: string) => console.log(`[hanbaocao] ${line}`);
const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function main(): Promise<void> {
  const config = loadConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const stops: (() => Promise<unknown>)[] = [];

  const catcher = config.smtp.host
    ? undefined
    : await startMailCatcher({ port: config.smtp.port, persistPath: path.join(config.dataDir, 'inbox.jsonl') });
  if (catcher) stops.unshift(() => catcher.close());

  let address = config.temporal.address;
  let uiUrl: string | null = null;
  if (!address) {
    const cliPath = findTemporalCli(projectRoot);
    if (!cliPath) throw new Error('Temporal CLI not found: run `npm run setup` (builds it with Go) or set TEMPORAL_CLI');
    log('starting the Temporal dev server...');
    const server = await startDevServer({
      cliPath,
      port: config.temporal.devPort,
      uiPort: config.temporal.uiPort,
      dbFilename: path.join(config.dataDir, 'temporal.sqlite'),
      namespace: config.temporal.namespace,
      log,
    });
    stops.unshift(() => server.stop());
    address = server.address;
    uiUrl = server.uiUrl;
  }

  const db = createDb(config.databaseUrl);
  stops.unshift(() => db.$disconnect());
  const mailer = createMailer(config.smtp, catcher?.port);
  const clock = () => new Date();

  installRuntimeWithoutSignalHandlers();
  // The client first: the worker's activities use it to start each period's deadline workflow.
  const temporal = await createTemporalClient(address, config.temporal.namespace);
  stops.unshift(() => temporal.connection.close());
  const searchAttributes = !config.temporal.address;
  const connection = await NativeConnection.connect({ address });
  log('bundling workflows and starting the worker...');
  const worker = await createWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: {
      db,
      mailer,
      clock,
      publicUrl: config.http.publicUrl,
      mailFrom: config.smtp.from,
      temporal: { client: temporal, taskQueue: config.temporal.taskQueue, searchAttributes },
    },
  });
  const running = worker.run();
  stops.unshift(async () => {
    worker.shutdown();
    await running;
    await connection.close();
  });

  const services = {
    db,
    temporal,
    taskQueue: config.temporal.taskQueue,
    clock,
    searchAttributes,
  };
  if (config.sampleData) {
    const fresh = await loadSampleData(services, readSampleData(path.join(projectRoot, 'samples', 'sample-data.json')));
    log(fresh ? 'sample plan 52/KH-UBND loaded; a first reminder was sent' : 'sample plan already loaded');
  }

  const app = buildServer(services, { catcher });
  await app.listen({ host: config.http.host, port: config.http.port });
  stops.unshift(() => app.close());

  log(`app:         ${config.http.publicUrl}`);
  if (catcher) log(`inbox:       ${config.http.publicUrl}/inbox (SMTP 127.0.0.1:${catcher.port})`);
  if (uiUrl) log(`Temporal UI: ${uiUrl}`);
  log('press Ctrl-C to stop');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping...`);
    for (const stop of stops) await stop().catch((err: Error) => log(`while stopping: ${err.message}`));
    log('stopped; data kept in .data/');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(`[hanbaocao] không khởi động được / failed to start: ${(err as Error).message}`);
  process.exit(1);
});
