// Finds the Temporal CLI, or builds it from the Go module proxy. These machines cannot
// download release binaries, so `go install` is the supported way to get the dev server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childEnvironment, loadConfig, type AppConfig } from '../config';
import { spawnOwned } from './owned-process';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

type ToolPaths = AppConfig['tools'];

function onPath(name: string, searchPath: string[]): string | null {
  for (const dir of searchPath) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** $TEMPORAL_CLI, then PATH, then .tools/bin/temporal; null when none exists. */
export function findTemporalCli(projectRoot: string, tools: ToolPaths = loadConfig().tools): string | null {
  if (tools.temporalCli) {
    if (!fs.existsSync(tools.temporalCli)) {
      throw new Error(`TEMPORAL_CLI=${tools.temporalCli}: không có tệp này / no such file`);
    }
    return tools.temporalCli;
  }
  const local = path.join(projectRoot, '.tools', 'bin', 'temporal');
  return onPath('temporal', tools.searchPath) ?? (fs.existsSync(local) ? local : null);
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
  const child = spawnOwned('go', ['install', '-v', TEMPORAL_CLI_MODULE], {
    env: childEnvironment({ CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOBIN: bin }),
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
  child.stderr?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  child.stdout?.resume();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`go install failed (exit ${code}):\n${tail.join('\n')}`);
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${path.join(bin, 'temporal')}`);
  return path.join(bin, 'temporal');
}

/** Finds the CLI or builds it; null when neither is possible (no Go on this machine). */
export async function ensureTemporalCli(projectRoot: string, log: (line: string) => void, tools: ToolPaths = loadConfig().tools): Promise<string | null> {
  const found = findTemporalCli(projectRoot, tools);
  if (found) return found;
  if (!goAvailable()) return null;
  return buildTemporalCli(projectRoot, log);
}
