// The engine's worker for bench/engine-burst.ts, in a process of its own so the burst can
// measure its memory and profile it (`node --cpu-prof`). Composed as src/main.ts composes
// production's: src/worker.ts createWorker, the real activities, outbox and mail transport
// (src/mail/transport.ts) to the bench's SMTP server. Settings come as one JSON argument
// (src/config.ts stays the only reader of the environment). Prints "READY" once it polls
// and stops cleanly on SIGTERM, so a CPU profile is written. Every second it prints
// "ASLEEP <n>": deadlines whose workflow has planned its step (or queued it). The bench asks the worker
// rather than opening the SQLite file itself: a second process reading it (rollback journal)
// makes the worker's writes fail at once with SQLITE_BUSY, and their retries wait 10 s.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createDb } from '../src/db';
import { createMailer } from '../src/mail/transport';
import { createWorker } from '../src/worker';

interface EngineWorkerSettings {
  address: string;
  taskQueue: string;
  databaseUrl: string;
  smtpPort: number;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as EngineWorkerSettings;
Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
const connection = await NativeConnection.connect({ address: settings.address });
const client = new Client({ connection: await Connection.connect({ address: settings.address }) });
const db = createDb(settings.databaseUrl);
// No SMTP host: the embedded catcher's settings, as `npm start` in development.
const mailer = createMailer({ host: null, port: settings.smtpPort, secure: false, from: 'Hạn báo cáo <hbc@bench.hanbaocao.example>' }, settings.smtpPort);
const worker = await createWorker({
  connection,
  namespace: 'default',
  taskQueue: settings.taskQueue,
  deps: {
    db,
    mailer,
    clock: () => new Date(),
    publicUrl: 'http://hbc.bench.example',
    mailFrom: 'Hạn báo cáo <hbc@bench.hanbaocao.example>',
    temporal: { client, taskQueue: settings.taskQueue, searchAttributes: true },
  },
});
process.once('SIGTERM', () => worker.shutdown());
const running = worker.run();
process.stdout.write('READY\n');
const report = setInterval(() => {
  // Waiting for its step, or (within QUEUE_AHEAD_MS of it) already queued for the digest.
  void db.deadline.count({ where: { OR: [{ nextStepAt: { not: null } }, { outboxMessages: { some: {} } }] } }).then((n) => process.stdout.write(`ASLEEP ${n}\n`), () => undefined);
}, 1000);
running.finally(() => clearInterval(report)).catch(() => undefined);
await running;
mailer.close();
await db.$disconnect();
await connection.close();
process.exit(0);
