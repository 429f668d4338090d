// Child processes that never outlive the app (the Temporal dev server, the Prisma CLI).
//
// Three ways a parent goes away, three guards:
// - a clean stop: the owner calls stopChild() in its shutdown order (the worker drains
//   before the server it talks to goes);
// - a failed start or any other exit: a process 'exit' hook sends SIGTERM to every owned
//   child still running;
// - SIGKILL or a crash, where no hook runs: the child is started through util-linux
//   `setpriv --pdeathsig TERM`, so the kernel signals it when its parent dies. setpriv execs
//   the command, so the child's pid is the command's own.
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';

export interface OwnedSpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  /**
   * Own process group: Ctrl-C in the terminal reaches the app only, which then stops the
   * child in order instead of both shutting down at once.
   */
  ownProcessGroup?: boolean;
}

const owned = new Set<ChildProcess>();
let exitHookInstalled = false;
let deathSignalSupported: boolean | undefined;

function parentDeathSignalAvailable(): boolean {
  deathSignalSupported ??= spawnSync('setpriv', ['--pdeathsig', 'TERM', '--', 'true'], { stdio: 'ignore' }).status === 0;
  return deathSignalSupported;
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Sends `signal` to every owned child still running. Synchronous, so it works in an 'exit' hook. */
export function signalOwnedChildren(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const child of owned) if (isRunning(child)) child.kill(signal);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => signalOwnedChildren('SIGTERM'));
}

/** Starts `command` as a child that dies with this process (see the top of this file). */
export function spawnOwned(command: string, args: string[], opts: OwnedSpawnOptions = {}): ChildProcess {
  installExitHook();
  const [file, argv] = parentDeathSignalAvailable()
    ? ['setpriv', ['--pdeathsig', 'TERM', '--', command, ...args]]
    : [command, args];
  const child = spawn(file, argv, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: opts.stdio ?? ['ignore', 'pipe', 'pipe'],
    detached: opts.ownProcessGroup ?? false,
  });
  owned.add(child);
  child.once('exit', () => owned.delete(child));
  // A spawn failure (missing binary) must reject the caller's wait, not crash the process.
  child.once('error', () => owned.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs an owned child to completion; rejects with its output when it exits non-zero. */
export async function runOwned(command: string, args: string[], opts: Omit<OwnedSpawnOptions, 'stdio'> = {}): Promise<string> {
  const child = spawnOwned(command, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.trim()}`);
  return output;
}
