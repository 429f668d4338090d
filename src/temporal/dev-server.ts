// Runs `temporal server start-dev` as a child process: the embedded Temporal server of
// `npm start` (SQLite file, so workflows and timers survive a restart) and of the
// integration tests (in memory). The child dies with this process (./owned-process), and a
// server already answering on the port is refused, never adopted: stopping it is not ours.
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../contract/names';
import { isRunning, spawnOwned, stopChild } from './owned-process';

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
  /** Registered at start with `--search-attribute`; default: ours (./names). [] registers none. */
  searchAttributes?: readonly { name: string; type: string }[];
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

function searchAttributeArgs(attributes: readonly { name: string; type: string }[]): string[] {
  return attributes.flatMap((a) => ['--search-attribute', `${a.name}=${a.type}`]);
}

/** Whether anything accepts TCP connections on `address`: a refused port answers at once, gRPC would wait out its timeout. */
function tcpOpen(address: string): Promise<boolean> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** True when a Temporal frontend answers on `address` (host:port). */
export async function temporalAnswers(address: string, timeoutMs = 1000): Promise<boolean> {
  if (!(await tcpOpen(address))) return false;
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: timeoutMs });
    await connection.withDeadline(Date.now() + timeoutMs, () => connection!.workflowService.getSystemInfo({}));
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

async function waitUntilReady(address: string, child: ChildProcess, output: () => string): Promise<void> {
  // A binary that cannot be started never exits: it only emits 'error'.
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`Temporal dev server could not start: ${spawnError.message}`);
    if (!isRunning(child)) throw new Error(`Temporal dev server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    if (await temporalAnswers(address)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Temporal dev server did not answer on ${address} within 60 s:\n${output()}`);
}

export class TemporalAlreadyRunningError extends Error {
  constructor(readonly address: string) {
    super(`Một máy chủ Temporal khác đã chạy ở ${address} / another Temporal server already answers on ${address}`);
    this.name = 'TemporalAlreadyRunningError';
  }
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const address = `127.0.0.1:${opts.port}`;
  // Otherwise the readiness check below would be answered by that server, not by our child.
  if (await temporalAnswers(address)) throw new TemporalAlreadyRunningError(address);
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'error'];
  args.push('--namespace', opts.namespace ?? 'default');
  if (opts.dbFilename) args.push('--db-filename', opts.dbFilename);
  if (opts.uiPort === null) args.push('--headless');
  else args.push('--ui-port', String(opts.uiPort));
  args.push(...searchAttributeArgs(opts.searchAttributes ?? Object.values(SEARCH_ATTRIBUTES)));

  const child = spawnOwned(opts.cliPath, args, { ownProcessGroup: true });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    await waitUntilReady(address, child, () => output);
  } catch (err) {
    await stopChild(child, 0);
    throw err;
  }
  opts.log?.(`Temporal dev server ready on ${address}${opts.dbFilename ? ` (data: ${opts.dbFilename})` : ''}`);
  return {
    address,
    uiUrl: opts.uiPort === null ? null : `http://localhost:${opts.uiPort}`,
    stop: () => stopChild(child),
  };
}
