// src/config.ts is the one reader of the environment: every setting parsed in one place,
// every problem reported at once in both languages, and the database it names is the one
// `prisma migrate deploy` migrates, however the CLI is started.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_LINK_KEY, DEVELOPMENT_SESSION_SECRET, loadConfig, productionProblems, redactedUrl } from '../src/config';

describe('configuration', () => {
  it('lists every bad setting at once, naming the variable and its value, in Vietnamese and English', () => {
    let error: unknown;
    try {
      loadConfig({ HBC_PORT: 'ba nghìn', SMTP_SECURE: 'maybe', DATABASE_URL: 'mysql://db/app', TEMPORAL_DEV_PORT: '70000' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toEqual([
      'HBC_PORT="ba nghìn": phải là số cổng 0–65535 / must be a port number 0–65535',
      'DATABASE_URL="mysql://db/app": phải bắt đầu bằng file: (SQLite) hoặc postgres:// (PostgreSQL) / must start with file: (SQLite) or postgres:// (PostgreSQL)',
      'TEMPORAL_DEV_PORT="70000": phải là số cổng 0–65535 / must be a port number 0–65535',
      'SMTP_SECURE="maybe": phải là true hoặc false / must be true or false',
    ]);
    expect(message).toMatch(/^Cấu hình không hợp lệ \/ invalid configuration:/);
  });

  it('puts the database in HBC_DATA_DIR and makes every path absolute', () => {
    const config = loadConfig({ HBC_DATA_DIR: 'data-here' });
    expect(config.databaseUrl).toBe(`file:${path.resolve('data-here', 'app.sqlite')}`);
    expect(loadConfig({ DATABASE_URL: 'file:./x/app.sqlite' }).databaseUrl).toBe(`file:${path.resolve('x', 'app.sqlite')}`);
    expect(loadConfig({}).databaseProvider).toBe('sqlite');
  });

  it('selects PostgreSQL by a postgres:// DATABASE_URL, kept as given, and never logs its password', () => {
    for (const url of ['postgres://hbc:secret@db:5432/app', 'postgresql://hbc:secret@db/app']) {
      const config = loadConfig({ DATABASE_URL: url });
      expect(config.databaseProvider).toBe('postgresql');
      expect(config.databaseUrl).toBe(url);
    }
    expect(redactedUrl('postgres://hbc:secret@db:5432/app')).toBe('postgres://hbc:***@db:5432/app');
    expect(redactedUrl('file:/data/app.sqlite')).toBe('file:/data/app.sqlite');
    expect(loadConfig({}).postgres.port).toBe(55432);
  });

  it('reads the tool settings too: TEMPORAL_CLI, HBC_CHROMIUM and the search path', () => {
    const config = loadConfig({ TEMPORAL_CLI: '/opt/temporal', HBC_CHROMIUM: '/opt/chromium', PATH: `/a${path.delimiter}/b` });
    expect(config.tools).toEqual({ temporalCli: '/opt/temporal', chromium: '/opt/chromium', searchPath: ['/a', '/b'] });
    expect(loadConfig({}).tools).toEqual({ temporalCli: null, chromium: '/usr/bin/chromium', searchPath: [] });
  });

  it('runs on embedded development defaults: sample data on, the development secret, no API token', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', sampleData: true, apiToken: null });
    expect(config.auth).toEqual({ sessionSecret: DEVELOPMENT_SESSION_SECRET, secureCookies: false, trustProxy: false });
    expect(productionProblems(config)).toEqual([]);
  });

  it('in production refuses the development secret and sample data, naming what to change in both languages', () => {
    const problems = productionProblems(loadConfig({ HBC_ENV: 'production', HBC_SAMPLE_DATA: 'true' }));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^HBC_SESSION_SECRET: đang dùng khóa mặc định chỉ dành cho phát triển; .+ \/ the development-only default is in use: set a random string of at least 32 characters/);
    expect(problems[1]).toMatch(/^HBC_LINK_KEYS: đang dùng khóa ký liên kết mặc định .+ \/ the development-only key for signed links is in use/);
    expect(problems[2]).toMatch(/^HBC_SAMPLE_DATA=true: .+ \/ sample data comes with sample accounts whose password is public, refused with HBC_ENV=production: unset it or set it to false$/);
    // Set explicitly to the public default: refused all the same.
    expect(productionProblems(loadConfig({ HBC_ENV: 'production', HBC_SESSION_SECRET: DEVELOPMENT_SESSION_SECRET, HBC_LINK_KEYS: 'k'.repeat(40) }))).toHaveLength(1);
    // The development link key refused even behind a new one (a rotation that kept the public key).
    expect(productionProblems(loadConfig({ HBC_ENV: 'production', HBC_SESSION_SECRET: 'x'.repeat(48), HBC_LINK_KEYS: `${'k'.repeat(40)},${DEVELOPMENT_LINK_KEY}` }))).toHaveLength(1);
  });

  it('reads the link keys as a list, first one signs, each at least 32 characters, never echoed', () => {
    expect(loadConfig({}).links.keys).toEqual([DEVELOPMENT_LINK_KEY]);
    expect(loadConfig({ HBC_LINK_KEYS: ` ${'a'.repeat(32)} , ${'b'.repeat(40)} ` }).links.keys).toEqual(['a'.repeat(32), 'b'.repeat(40)]);
    expect(() => loadConfig({ HBC_LINK_KEYS: `${'a'.repeat(32)},ngắn-quá` })).toThrow(/HBC_LINK_KEYS=\(ẩn \/ hidden\): mỗi khóa phải dài ít nhất 32 ký tự/);
  });

  it('in production starts with its own secret and without sample data (off by default there)', () => {
    const config = loadConfig({ HBC_ENV: 'production', HBC_SESSION_SECRET: 'x'.repeat(48), HBC_LINK_KEYS: 'k'.repeat(48), HBC_API_TOKEN: 'hbc_abc' });
    expect(config).toMatchObject({ env: 'production', sampleData: false, apiToken: 'hbc_abc' });
    expect(productionProblems(config)).toEqual([]);
  });

  it('refuses a short secret and an unknown HBC_ENV without ever printing the secret', () => {
    let error: unknown;
    try {
      loadConfig({ HBC_ENV: 'staging', HBC_SESSION_SECRET: 'ngắn-quá-bí-mật' });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).problems).toEqual([
      'HBC_ENV="staging": phải là development hoặc production / must be development or production',
      'HBC_SESSION_SECRET=(ẩn / hidden): phải dài ít nhất 32 ký tự / must be at least 32 characters',
    ]);
    expect((error as ConfigError).message).not.toContain('ngắn-quá-bí-mật');
  });

  it('behind HTTPS makes cookies Secure and believes one proxy, unless HBC_TRUST_PROXY says otherwise', () => {
    expect(loadConfig({ HBC_PUBLIC_URL: 'https://hanbaocao.laichau.gov.vn' }).auth).toMatchObject({ secureCookies: true, trustProxy: true });
    expect(loadConfig({ HBC_PUBLIC_URL: 'https://hanbaocao.laichau.gov.vn', HBC_TRUST_PROXY: 'false' }).auth.trustProxy).toBe(false);
    expect(loadConfig({ HBC_PUBLIC_URL: 'http://10.0.0.5:3000' }).auth.secureCookies).toBe(false);
  });

  it('is the only module outside test/ that reads process.env', () => {
    const roots = ['src', 'scripts', 'activities', 'workflows', 'bin', 'bench', 'prisma.config.ts'];
    const files = roots.flatMap((root) =>
      fs.statSync(root).isFile()
        ? [root]
        : fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => path.join(root, f)).filter((f) => /\.(ts|mts|js|mjs)$/.test(f) && !f.startsWith('src/generated')),
    );
    const readers = files.filter((f) => fs.readFileSync(f, 'utf8').includes('process.env'));
    expect(readers).toEqual(['src/config.ts']);
  });

  it('`npx prisma migrate deploy` by hand migrates $HBC_DATA_DIR/app.sqlite, the file the app opens', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-cfg-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('PRISMA_')));
    const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'migrate', 'deploy'], { env: { ...env, HBC_DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    const db = createClient({ url: `file:${path.join(dataDir, 'app.sqlite')}` });
    try {
      const applied = await db.execute('SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL');
      const migrations = fs.readdirSync('prisma/migrations', { withFileTypes: true }).filter((d) => d.isDirectory());
      expect(Number(applied.rows[0]!.n)).toBe(migrations.length);
    } finally {
      db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
