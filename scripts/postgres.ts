// The project's own PostgreSQL for development and tests: Debian's binaries (installed with
// apt-get when missing and run as root), a cluster of its own in .data/postgres, on
// 127.0.0.1:$HBC_POSTGRES_PORT (55432 by default) and a socket in that folder. It never
// touches the system's cluster on 5432. It stays running after the tests, like a service:
//   npx tsx scripts/postgres.ts [start|stop|status|url]
// The cluster trusts local connections (it listens on 127.0.0.1 only) and sorts text
// bytewise like SQLite (--no-locale), so both databases return rows in the same order.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnvironment, loadConfig } from '../src/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The cluster's folder (or, see postgresData, a link to it). */
export const POSTGRES_DATA = path.join(root, '.data', 'postgres');
export const POSTGRES_USER = 'hanbaocao';
const OS_USER = 'postgres';

function run(file: string, args: string[], opts: { asPostgres?: boolean; allowFail?: boolean } = {}): { status: number; out: string } {
  const [cmd, argv] = opts.asPostgres && process.getuid?.() === 0 ? ['runuser', ['-u', OS_USER, '--', file, ...args]] : [file, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: childEnvironment({ LC_ALL: 'C' }) });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${file} ${args.join(' ')} failed (exit ${r.status}):\n${out}`);
  return { status: r.status ?? 1, out };
}

/** The folder of Debian's newest PostgreSQL binaries, or null. */
function binDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0]!, 'bin') : null;
}

function installPostgres(log: (line: string) => void): string {
  const found = binDir();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('PostgreSQL not found under /usr/lib/postgresql: install it (sudo apt-get install postgresql)');
  log('installing PostgreSQL with apt-get (about a minute)...');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'postgresql']]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: childEnvironment({ DEBIAN_FRONTEND: 'noninteractive' }) });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
  const installed = binDir();
  if (!installed) throw new Error('apt-get installed postgresql but no initdb under /usr/lib/postgresql');
  return installed;
}

export function postgresPort(): number {
  return loadConfig().postgres.port;
}

/** A connection URL to `database` on the project's cluster. */
export function postgresUrl(database: string): string {
  return `postgresql://${POSTGRES_USER}@127.0.0.1:${postgresPort()}/${database}`;
}

/**
 * Run as root, the server runs as the `postgres` user, which must reach the folder. A checkout
 * in a private folder (a CI clone under a mode-700 directory) does not let it: the cluster
 * then lives in /var/lib/postgresql/hanbaocao/<checkout hash> and .data/postgres links to it.
 */
function prepareDataFolder(): void {
  if (process.getuid?.() !== 0 || fs.existsSync(POSTGRES_DATA)) return;
  fs.mkdirSync(path.dirname(POSTGRES_DATA), { recursive: true });
  const reachable = spawnSync('runuser', ['-u', OS_USER, '--', 'test', '-x', path.dirname(POSTGRES_DATA)]).status === 0;
  if (reachable) {
    fs.mkdirSync(POSTGRES_DATA);
  } else {
    const elsewhere = path.join('/var/lib/postgresql/hanbaocao', createHash('sha256').update(root).digest('hex').slice(0, 12));
    fs.mkdirSync(elsewhere, { recursive: true });
    fs.symlinkSync(elsewhere, POSTGRES_DATA);
  }
  run('chown', [`${OS_USER}:`, fs.realpathSync(POSTGRES_DATA)]);
}

/** The real folder: the server's user may not pass through the link's own folder. */
function data(): string {
  return fs.existsSync(POSTGRES_DATA) ? fs.realpathSync(POSTGRES_DATA) : POSTGRES_DATA;
}

function running(bin: string): boolean {
  return run(path.join(bin, 'pg_ctl'), ['-D', data(), 'status'], { asPostgres: true, allowFail: true }).status === 0;
}

/** Installs, initialises and starts the cluster as needed; returns the URL of its `postgres` database. */
export function ensurePostgres(log: (line: string) => void = () => {}): string {
  const bin = installPostgres(log);
  if (!fs.existsSync(path.join(data(), 'PG_VERSION'))) {
    prepareDataFolder();
    fs.mkdirSync(data(), { recursive: true });
    run(path.join(bin, 'initdb'), ['-D', data(), '-U', POSTGRES_USER, '--auth=trust', '--no-locale', '--encoding=UTF8'], { asPostgres: true });
    log(`PostgreSQL cluster created in ${data()}`);
  }
  if (!running(bin)) {
    const port = postgresPort();
    const options = [
      `-p ${port}`,
      `-k ${data()}`,
      '-c listen_addresses=127.0.0.1',
      // Tests open a pool per database; several test files run at once.
      '-c max_connections=300',
      // A development cluster: a crash may lose the last commits, never corrupts.
      '-c synchronous_commit=off',
    ].join(' ');
    const started = run(path.join(bin, 'pg_ctl'), ['-D', data(), '-l', path.join(data(), 'server.log'), '-o', options, '-w', 'start'], {
      asPostgres: true,
      allowFail: true,
    });
    if (started.status !== 0) {
      const tail = fs.existsSync(path.join(data(), 'server.log')) ? fs.readFileSync(path.join(data(), 'server.log'), 'utf8').split('\n').slice(-8).join('\n') : '';
      throw new Error(`PostgreSQL did not start on 127.0.0.1:${port} (set HBC_POSTGRES_PORT if the port is taken):\n${started.out}\n${tail}`);
    }
    log(`PostgreSQL started on 127.0.0.1:${port} (${data()})`);
  }
  return postgresUrl('postgres');
}

export function stopPostgres(): void {
  const bin = binDir();
  if (bin && fs.existsSync(path.join(data(), 'PG_VERSION')) && running(bin)) {
    run(path.join(bin, 'pg_ctl'), ['-D', data(), '-m', 'fast', '-w', 'stop'], { asPostgres: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? 'start';
  const log = (line: string) => console.log(`[postgres] ${line}`);
  if (command === 'start') log(`ready: ${ensurePostgres(log)}`);
  else if (command === 'stop') stopPostgres();
  else if (command === 'url') console.log(postgresUrl(process.argv[3] ?? 'hanbaocao'));
  else if (command === 'status') {
    const bin = binDir();
    console.log(bin && running(bin) ? `running on 127.0.0.1:${postgresPort()}` : 'stopped');
  } else {
    console.error('usage: tsx scripts/postgres.ts [start|stop|status|url [database]]');
    process.exit(2);
  }
}
