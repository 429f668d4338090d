// Finds the Temporal CLI, or builds it from the Go module proxy. These machines cannot
// download release binaries, so `go install` is the supported way to get the dev server.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** $TEMPORAL_CLI, then PATH, then .tools/bin/temporal; null when none exists. */
export function findTemporalCli(projectRoot: string): string | null {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`TEMPORAL_CLI=${fromEnv} does not exist`);
    return fromEnv;
  }
  const local = path.join(projectRoot, '.tools', 'bin', 'temporal');
  return onPath('temporal') ?? (fs.existsSync(local) ? local : null);
}

export function goAvailable(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Builds the CLI into .tools/bin with `go install -v`, reporting progress through `log`
 * (module downloads, then one line per ~50 compiled packages). Takes minutes on 2 cores.
 */
export async function buildTemporalCli(projectRoot: string, log: (line: string) => void): Promise<string> {
  const bin = path.join(projectRoot, '.tools', 'bin');
  fs.mkdirSync(bin, { recursive: true });
  log(`Building the Temporal CLI from ${TEMPORAL_CLI_MODULE} (Go module proxy; several minutes on 2 cores)...`);
  const started = Date.now();
  const child = spawn('go', ['install', '-v', TEMPORAL_CLI_MODULE], {
    env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOBIN: bin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let downloaded = 0;
  let compiled = 0;
  let tail: string[] = [];
  const onLine = (line: string) => {
    tail = [...tail.slice(-20), line];
    if (line.startsWith('go: downloading')) {
      downloaded += 1;
      if (downloaded % 25 === 1) log(`  downloading modules: ${downloaded}`);
    } else if (line && !line.startsWith('go:')) {
      compiled += 1;
      if (compiled % 50 === 0) log(`  compiled ${compiled} packages (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  };
  let buffer = '';
  child.stderr.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`go install failed (exit ${code}):\n${tail.join('\n')}`);
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${path.join(bin, 'temporal')}`);
  return path.join(bin, 'temporal');
}

/** Finds the CLI or builds it; null when neither is possible (no Go on this machine). */
export async function ensureTemporalCli(projectRoot: string, log: (line: string) => void): Promise<string | null> {
  const found = findTemporalCli(projectRoot);
  if (found) return found;
  if (!goAvailable()) return null;
  return buildTemporalCli(projectRoot, log);
}
