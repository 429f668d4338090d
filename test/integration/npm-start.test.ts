// `npm start` as an operator runs it: a real npm, node, Temporal dev server, SMTP catcher
// and SQLite file, each test on its own free ports and its own HBC_DATA_DIR. What is
// checked is what `ps` and the data folder show afterwards.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Connection } from '@temporalio/client';
import { freePort, type DevServer } from '../../src/temporal/dev-server';
import { startTestDevServer } from '../helpers/temporal';
import { descendants, devServersOnPort, killTree, readyOrExited, startApp, survivors, type StartedApp } from '../helpers/processes';

const START_TIMEOUT_MS = 180_000;
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-start-'));
const started: StartedApp[] = [];
const devPorts: number[] = [];

async function settings(): Promise<Record<string, string>> {
  const [http, dev, ui, smtp] = [await freePort(), await freePort(), await freePort(), await freePort()];
  devPorts.push(dev);
  return {
    HBC_DATA_DIR: fs.mkdtempSync(path.join(tmpRoot, 'data-')),
    HBC_PORT: String(http),
    TEMPORAL_DEV_PORT: String(dev),
    TEMPORAL_UI_PORT: String(ui),
    SMTP_PORT: String(smtp),
    HBC_SAMPLE_DATA: 'false',
  };
}

function launch(env: Record<string, string>): StartedApp {
  const app = startApp(env);
  started.push(app);
  return app;
}

async function startedApp(env: Record<string, string>): Promise<StartedApp> {
  const app = launch(env);
  expect(await readyOrExited(app), app.output()).toBe('ready');
  return app;
}

function occupy(port: number): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => socket.destroy());
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

afterEach(() => {
  for (const app of started.splice(0)) killTree(app);
  for (const port of devPorts.splice(0)) for (const pid of devServersOnPort(port)) process.kill(pid, 'SIGKILL');
});

afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

describe('npm start', () => {
  it('migrates the database inside a new HBC_DATA_DIR before it opens it, and answers /health', { timeout: START_TIMEOUT_MS }, async () => {
    const env = await settings();
    const app = await startedApp(env);

    const health = await fetch(`http://127.0.0.1:${env.HBC_PORT}/health`);
    expect(await health.json()).toEqual({ ok: true });

    const db = createClient({ url: `file:${path.join(env.HBC_DATA_DIR!, 'app.sqlite')}` });
    const applied = await db.execute('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name');
    db.close();
    const expected = fs.readdirSync('prisma/migrations', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(applied.rows.map((r) => r.migration_name)).toEqual(expected);

    process.kill(app.child.pid!, 'SIGTERM');
    expect(await app.exited).toBe(0);
  });

  it.each([
    ['SIGTERM to npm (what a process manager sends)', 'SIGTERM', 'npm'],
    ['SIGINT to npm (kill -INT)', 'SIGINT', 'npm'],
    ["Ctrl-C (SIGINT to the terminal's process group)", 'SIGINT', 'group'],
  ] as const)('%s stops node, the Temporal dev server and every other child', { timeout: START_TIMEOUT_MS }, async (_label, signal, target) => {
    const env = await settings();
    const app = await startedApp(env);
    const tree = descendants(app.child.pid!);
    const devServers = devServersOnPort(Number(env.TEMPORAL_DEV_PORT));
    expect(devServers).toHaveLength(1);
    expect(tree).toEqual(expect.arrayContaining(devServers));

    process.kill(target === 'group' ? -app.child.pid! : app.child.pid!, signal);
    await app.exited;
    expect(await survivors(tree)).toEqual([]);
    expect(app.output()).toContain(`${signal}: stopping`);
  });

  it.each(['HBC_PORT', 'TEMPORAL_DEV_PORT', 'TEMPORAL_UI_PORT', 'SMTP_PORT'])(
    'refuses to start when the port of %s is taken, names the variable, and leaves no process behind',
    { timeout: START_TIMEOUT_MS },
    async (variable) => {
      const env = await settings();
      const blocker = await occupy(Number(env[variable]));
      try {
        const app = launch(env);
        expect(await readyOrExited(app), app.output()).toBe('exited');
        expect(await app.exited).not.toBe(0);
        expect(app.output()).toContain(`set ${variable} to a free port`);
        expect(app.output()).toContain(`đặt ${variable} sang cổng khác`);
        expect(devServersOnPort(Number(env.TEMPORAL_DEV_PORT))).toEqual([]);
      } finally {
        blocker.close();
      }
    },
  );

  it('refuses a Temporal server it did not start on TEMPORAL_DEV_PORT, and leaves that server running', { timeout: START_TIMEOUT_MS }, async () => {
    const env = await settings();
    let stray: DevServer | undefined;
    try {
      stray = await startTestDevServer(null, Number(env.TEMPORAL_DEV_PORT));
      const [strayPid] = devServersOnPort(Number(env.TEMPORAL_DEV_PORT));
      const app = launch(env);
      expect(await readyOrExited(app), app.output()).toBe('exited');
      expect(await app.exited).not.toBe(0);
      expect(app.output()).toContain(`set TEMPORAL_ADDRESS=127.0.0.1:${env.TEMPORAL_DEV_PORT} to use it on purpose`);
      expect(app.output()).toContain('TEMPORAL_DEV_PORT');
      expect(devServersOnPort(Number(env.TEMPORAL_DEV_PORT))).toEqual([strayPid]);
      const connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_DEV_PORT}` });
      expect((await connection.workflowService.getSystemInfo({})).serverVersion).toBeTruthy();
      await connection.close();
    } finally {
      await stray?.stop();
    }
  });

  it.each([
    ['registered', undefined, 'search attributes: registered, set on every workflow'],
    ['not registered', [], 'temporal operator search-attribute create --address ADDRESS --namespace default --name HbcOrganisation --type Keyword'],
  ] as const)(
    'with TEMPORAL_ADDRESS and our search attributes %s, says whether it sets them and serves /health',
    { timeout: START_TIMEOUT_MS },
    async (_label, registered, expected) => {
      const env = await settings();
      const server = await startTestDevServer(null, undefined, { searchAttributes: registered });
      try {
        const app = await startedApp({ ...env, TEMPORAL_ADDRESS: server.address });
        expect(app.output()).toContain(expected.replace('ADDRESS', server.address));
        expect((await fetch(`http://127.0.0.1:${env.HBC_PORT}/health`)).status).toBe(200);
        process.kill(app.child.pid!, 'SIGTERM');
        expect(await app.exited).toBe(0);
      } finally {
        await server.stop();
      }
    },
  );
});
