// `npm start` as an operator runs it. On embedded defaults it makes the sample organisations
// and accounts and prints how to sign in, and those addresses and that password work. With
// HBC_ENV=production it refuses, before anything runs, the development secret and sample
// data, and, once the database is open, any sample account, naming what to change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db';
import { freePort } from '../../src/temporal/dev-server';
import { TEMPLATE_DB } from '../helpers/global-setup';
import { createUser } from '../helpers/principals';
import { devServersOnPort, killTree, readyOrExited, startApp, type StartedApp } from '../helpers/processes';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-first-'));
const started: StartedApp[] = [];
const devPorts: number[] = [];
const SECRET = 'a-secret-only-this-installation-knows-0123456789';

async function ports(): Promise<Record<string, string>> {
  const [http, dev, ui, smtp] = [await freePort(), await freePort(), await freePort(), await freePort()];
  devPorts.push(dev);
  return { HBC_PORT: String(http), TEMPORAL_DEV_PORT: String(dev), TEMPORAL_UI_PORT: String(ui), SMTP_PORT: String(smtp) };
}

function launch(env: Record<string, string>): StartedApp {
  const app = startApp(env);
  started.push(app);
  return app;
}

afterEach(() => {
  for (const app of started.splice(0)) killTree(app);
  for (const port of devPorts.splice(0)) for (const pid of devServersOnPort(port)) process.kill(pid, 'SIGKILL');
});
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

describe('first start', () => {
  it('in production refuses the development secret and sample data before starting anything', { timeout: 60_000 }, async () => {
    const dataDir = path.join(tmpRoot, 'never-created');
    const app = launch({ ...(await ports()), HBC_DATA_DIR: dataDir, HBC_ENV: 'production', HBC_SAMPLE_DATA: 'true' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('Không khởi động / not starting:');
    expect(app.output()).toContain('HBC_SESSION_SECRET: đang dùng khóa mặc định chỉ dành cho phát triển');
    expect(app.output()).toContain('HBC_LINK_KEYS: đang dùng khóa ký liên kết mặc định chỉ dành cho phát triển');
    expect(app.output()).toContain('HBC_SAMPLE_DATA=true: ');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('in production refuses a database that holds a sample account', { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(tmpRoot, 'data-'));
    fs.copyFileSync(TEMPLATE_DB, path.join(dataDir, 'app.sqlite'));
    const db = createDb(`file:${path.join(dataDir, 'app.sqlite')}`);
    await db.organisation.create({ data: { id: 'xa', name: 'UBND xã Thử', kind: 'commune' } });
    const id = await createUser(db, { email: 'quantri@hoa-an.example', password: 'mật khẩu công khai', grants: [{ organisationId: 'xa', role: 'administrator' }] });
    await db.user.update({ where: { id }, data: { sample: true } });
    await db.$disconnect();

    const app = launch({ ...(await ports()), HBC_DATA_DIR: dataDir, HBC_ENV: 'production', HBC_SESSION_SECRET: SECRET, HBC_LINK_KEYS: `links-${SECRET}` });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('the database holds 1 sample accounts (quantri@hoa-an.example) whose password is public: delete them with `npx hanbaocao admin delete-sample-users`');
    expect(app.output()).not.toContain('Temporal dev server');
  });

  it('on embedded defaults makes the sample accounts and prints how to sign in with them', { timeout: 240_000 }, async () => {
    const settings: Record<string, string> = { ...(await ports()), HBC_DATA_DIR: fs.mkdtempSync(path.join(tmpRoot, 'data-')) };
    const app = launch(settings);
    expect(await readyOrExited(app, 200_000), app.output()).toBe('ready');
    const out = app.output();
    const password = /password of every sample account: (\S+)/.exec(out)?.[1];
    expect(password, out).toBeTruthy();
    expect(out).toContain(`sign in:     http://localhost:${settings.HBC_PORT}/sign-in`);
    expect(out).toContain('UBND tỉnh Hòa Bình Nam: quantri@hoabinhnam.example (administrator)');
    expect(out).toContain('UBND xã Bình Minh: quantri@binh-minh.example (administrator)');

    const base = `http://127.0.0.1:${settings.HBC_PORT}`;
    const deadlinesAs = async (email: string) => {
      const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      expect(signIn.status, email).toBe(201);
      const cookie = signIn.headers.getSetCookie().filter((c) => c.startsWith('hbc_session=') && !c.startsWith('hbc_session=;')).pop()!.split(';')[0]!;
      const res = await fetch(`${base}/api/deadlines`, { headers: { cookie } });
      return ((await res.json()) as { deadlines: { id: string }[] }).deadlines.length;
    };
    // The commune's coordinator and the province's leader see the sample plan's deadlines; the other commune has none.
    const hoaAn = await deadlinesAs('daumoi@hoa-an.example');
    expect(hoaAn).toBeGreaterThan(0);
    expect(await deadlinesAs('lanhdao@hoabinhnam.example')).toBe(hoaAn);
    expect(await deadlinesAs('daumoi@binh-minh.example')).toBe(0);
  });
});
