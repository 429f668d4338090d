// A worker in its own process, so a test can kill it with SIGKILL like a crashed machine.
// Configured by environment: HBC_TEST_ADDRESS, HBC_TEST_QUEUE, HBC_TEST_DB (file: URL),
// HBC_TEST_SMTP_PORT and HBC_TEST_BUNDLE (a JSON file with the pre-built workflow bundle).
// Prints "READY" once it polls. Mail goes through the product's own mailer
// (src/mail/transport.ts: pooled, with its timeouts), so a stuck relay or a crash with
// messages in flight behaves here as it would in production. Used by the crash test and by the chaos run (bench/chaos.ts).
import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createDb } from '../../src/db';
import { createMailer } from '../../src/mail/transport';
import { createWorker } from '../../src/worker';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
const address = env('HBC_TEST_ADDRESS');
const taskQueue = env('HBC_TEST_QUEUE');
const connection = await NativeConnection.connect({ address });
const client = new Client({ connection: await Connection.connect({ address }) });
const worker = await createWorker({
  connection,
  namespace: 'default',
  taskQueue,
  workflowBundle: JSON.parse(fs.readFileSync(env('HBC_TEST_BUNDLE'), 'utf8')),
  deps: {
    db: createDb(env('HBC_TEST_DB')),
    mailer: createMailer({ host: null, port: Number(env('HBC_TEST_SMTP_PORT')), secure: false, from: 'hbc@test.example' }),
    clock: () => new Date(),
    publicUrl: 'http://hbc.test',
    mailFrom: 'Hạn báo cáo <hbc@test.example>',
    temporal: { client, taskQueue, searchAttributes: false },
  },
});
const running = worker.run();
process.stdout.write('READY\n');
await running;
