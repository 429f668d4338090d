// Runs `temporal server start-dev` as a child process: the embedded Temporal server of
// `npm start` (SQLite file, so workflows and timers survive a restart) and of the
// integration tests (in memory).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../contract/names';

export interface DevServer {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cliPath: string;
  port: number;
  /** null: headless (tests). */
  uiPort: number | null;
  /** null: in-memory (tests). */
  dbFilename: string | null;
  namespace?: string;
  log?: (line: string) => void;
}

/** A free TCP port on 127.0.0.1 (for tests that run several servers side by side). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function searchAttributeArgs(): string[] {
  return Object.values(SEARCH_ATTRIBUTES).flatMap((a) => ['--search-attribute', `${a.name}=${a.type}`]);
}

async function waitUntilReady(address: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Temporal dev server exited (${child.exitCode}):\n${output()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal dev server did not answer on ${address} within 60 s:\n${output()}`);
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'error'];
  args.push('--namespace', opts.namespace ?? 'default');
  if (opts.dbFilename) args.push('--db-filename', opts.dbFilename);
  if (opts.uiPort === null) args.push('--headless');
  else args.push('--ui-port', String(opts.uiPort));
  args.push(...searchAttributeArgs());

  const child = spawn(opts.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const address = `127.0.0.1:${opts.port}`;
  try {
    await waitUntilReady(address, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  opts.log?.(`Temporal dev server ready on ${address}${opts.dbFilename ? ` (data: ${opts.dbFilename})` : ''}`);
  return {
    address,
    uiUrl: opts.uiPort === null ? null : `http://localhost:${opts.uiPort}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
