// Real processes for the start/stop tests: the app started exactly as `npm start` starts
// it, and the process table read from /proc (Linux), so a test sees what an operator's `ps`
// would show, including children re-parented to init after their parent died.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve('.');

/** Settings of the app, never inherited by a started app from the test's own environment. */
const APP_VARIABLES = /^(HBC_|TEMPORAL_|SMTP_|DATABASE_URL$|MAIL_FROM$)/;

function stat(pid: number): { ppid: number; state: string } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(ppid), state: state! };
  } catch {
    return null;
  }
}

function allPids(): number[] {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
}

/** Running (not zombie) processes. */
export function alive(pid: number): boolean {
  const s = stat(pid);
  return s !== null && s.state !== 'Z';
}

/** Every live descendant of `pid`. */
export function descendants(pid: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const p of allPids()) {
    const s = stat(p);
    if (s && s.state !== 'Z') byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), p]);
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of byParent.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Live `temporal server start-dev` processes on `port`, whoever their parent is now. */
export function devServersOnPort(port: number): number[] {
  return allPids().filter((p) => {
    const cmd = commandLine(p);
    return alive(p) && cmd.includes('server start-dev') && cmd.includes(`--port ${port} `);
  });
}

/** Waits (up to `limitMs`, a safety net, not an assertion) until none of `pids` is alive; returns the survivors with their command lines. */
export async function survivors(pids: number[], limitMs = 30_000): Promise<string[]> {
  const until = Date.now() + limitMs;
  while (Date.now() < until && pids.some(alive)) await new Promise((r) => setTimeout(r, 200));
  return pids.filter(alive).map((p) => `${p} ${commandLine(p)}`);
}

export interface StartedApp {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null: killed by a signal). */
  exited: Promise<number | null>;
}

/**
 * `npm start` in its own process group (as a terminal would start it), with only the given
 * app settings: everything else comes from the defaults, as for an operator.
 */
export function startApp(settings: Record<string, string>): StartedApp {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !APP_VARIABLES.test(k)));
  const child = spawn('npm', ['start'], { cwd: projectRoot, env: { ...env, ...settings }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** 'ready' once the app printed its addresses, 'exited' if it stopped first. */
export async function readyOrExited(app: StartedApp, limitMs = 150_000): Promise<'ready' | 'exited'> {
  const until = Date.now() + limitMs;
  let exited = false;
  void app.exited.then(() => (exited = true));
  while (Date.now() < until) {
    if (app.output().includes('press Ctrl-C to stop')) return 'ready';
    if (exited) return 'exited';
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app neither started nor exited:\n${app.output()}`);
}

/** Cleanup for a test that failed half-way: the whole tree, by the pids it had. */
export function killTree(app: StartedApp): void {
  const pids = app.child.pid ? [app.child.pid, ...descendants(app.child.pid)] : [];
  for (const pid of pids.reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
