// Debian's chromium for the end-to-end tests (driven by playwright-core; Playwright's own
// browser download is not reachable from these machines). Installed with apt when missing
// and the setup runs as root; otherwise the setup says what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { childEnvironment, loadConfig } from '../src/config';

/** $HBC_CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = loadConfig().tools.chromium;

export function ensureChromium(log: (line: string) => void): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(`chromium not found at ${CHROMIUM_PATH}: install it (sudo apt-get install chromium) or set HBC_CHROMIUM`);
  }
  log('installing chromium with apt-get (about a minute)...');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: childEnvironment({ DEBIAN_FRONTEND: 'noninteractive' }) });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is missing`);
  return CHROMIUM_PATH;
}
