// `hanbaocao admin`: a real installation begins with its first organisations and its first
// administrator, made at the console on the database the app opens (migrated first, here a
// new file). Unknown organisations, roles and agencies are refused in both languages, and a
// password is never an argument: it comes from stdin (checked with the real `npx hanbaocao`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/cli/admin.command';
import { loadConfig } from '../../src/config';
import { createDb, type Db } from '../../src/db';
import { movableClock, testApp } from './helpers';

const PASSWORD = 'quản trị viên đầu tiên';

describe('hanbaocao admin', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-admin-'));
  const databaseUrl = `file:${path.join(dir, 'data', 'app.sqlite')}`;
  const config = loadConfig({ DATABASE_URL: databaseUrl, HBC_PUBLIC_URL: 'https://hanbaocao.hoabinhnam.example' });
  let db: Db;

  const admin = async (args: string[], password = PASSWORD) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, { config, readPassword: async () => password });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(() => {
    db = createDb(databaseUrl);
  });
  afterAll(async () => {
    await db?.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates a province and a commune under it in a database that did not exist yet', async () => {
    const province = await admin(['create-organisation', '--id', 'tinh-hoa-binh-nam', '--name', 'UBND tỉnh Hòa Bình Nam', '--kind', 'province']);
    expect(province).toMatchObject({ code: 0, out: 'Đã tạo tổ chức / organisation created: tinh-hoa-binh-nam' });
    const commune = await admin(['create-organisation', '--id', 'xa-hoa-an', '--name', 'UBND xã Hòa An', '--kind', 'commune', '--parent', 'tinh-hoa-binh-nam']);
    expect(commune.code).toBe(0);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: 'xa-hoa-an' } })).toMatchObject({ kind: 'commune', parentId: 'tinh-hoa-binh-nam' });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: 'admin.organisation.create', subjectId: 'xa-hoa-an' } })).toMatchObject({ actorType: 'system', actorId: 'cli' });

    const orphan = await admin(['create-organisation', '--id', 'xa-le', '--name', 'UBND xã Lẻ', '--kind', 'commune', '--parent', 'tinh-khong-co']);
    expect(orphan).toMatchObject({ code: 1, err: 'Không có tổ chức "tinh-khong-co". / No organisation "tinh-khong-co".\n  - tinh-khong-co' });
    const kind = await admin(['create-organisation', '--id', 'x', '--name', 'X', '--kind', 'huyện']);
    expect(kind.code).toBe(1);
    expect(kind.err).toContain('kind: phải là một trong province, commune, district / kind: must be one of province, commune, district');
    expect((await admin(['create-organisation', '--id', 'xa-hoa-an', '--name', 'Lại', '--kind', 'commune'])).code).toBe(1);
  });

  it('creates the first administrator, who can then sign in', async () => {
    const res = await admin(['create-user', '--org', 'tinh-hoa-binh-nam', '--role', 'administrator', '--email', 'QuanTri@HoaBinhNam.example', '--name', 'Đinh Văn Quản']);
    expect(res).toMatchObject({
      code: 0,
      out: 'Đã tạo tài khoản / account created: quantri@hoabinhnam.example (administrator, tinh-hoa-binh-nam); đăng nhập tại / sign in at https://hanbaocao.hoabinhnam.example/sign-in',
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'quantri@hoabinhnam.example' }, include: { memberships: true } });
    expect(user).toMatchObject({ name: 'Đinh Văn Quản', sample: false, memberships: [{ organisationId: 'tinh-hoa-binh-nam', role: 'administrator', agencyId: null }] });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    const t = testApp(db, movableClock('2026-10-20T03:00:00Z'));
    try {
      const signIn = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'quantri@hoabinhnam.example', password: PASSWORD } });
      expect(signIn.statusCode).toBe(201);
    } finally {
      await t.close();
    }
  });

  it('refuses an unknown organisation, role or agency, a taken address and a short password', async () => {
    const refused = async (args: string[], password = PASSWORD) => {
      const res = await admin(['create-user', ...args], password);
      expect(res.code, args.join(' ')).toBe(1);
      return res.err;
    };
    expect(await refused(['--org', 'tinh-khong-co', '--role', 'administrator', '--email', 'a@x.example'])).toMatch(/^Không có tổ chức "tinh-khong-co". \/ No organisation "tinh-khong-co"./);
    expect(await refused(['--org', 'xa-hoa-an', '--role', 'superuser', '--email', 'a@x.example'])).toContain(
      'role: phải là một trong administrator, coordinator, leader, agency, auditor / role: must be one of administrator, coordinator, leader, agency, auditor',
    );
    expect(await refused(['--org', 'xa-hoa-an', '--role', 'agency', '--email', 'a@x.example'])).toMatch(/^Tài khoản đơn vị báo cáo cần chọn đơn vị. \/ An agency account needs its agency./);
    expect(await refused(['--org', 'xa-hoa-an', '--role', 'agency', '--agency', 'khong-co', '--email', 'a@x.example'])).toMatch(/No agency "khong-co" in this organisation/);
    expect(await refused(['--org', 'xa-hoa-an', '--role', 'leader', '--email', 'quantri@hoabinhnam.example'])).toMatch(/An account for quantri@hoabinhnam.example exists already/);
    expect(await refused(['--org', 'xa-hoa-an', '--role', 'leader', '--email', 'b@x.example'], 'ngắn')).toContain('password: mật khẩu cần ít nhất 12 ký tự / password: the password needs at least 12 characters');
    expect(await db.user.count()).toBe(1);
  });

  it('reads the password from stdin through the real command, and never takes it as an argument', async () => {
    const npx = (args: string[], stdin: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/hanbaocao.js', 'admin', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.stdin.end(stdin);
        child.on('exit', (code) => resolve({ code, out }));
      });
    const asArgument = await npx(['create-user', '--org', 'xa-hoa-an', '--role', 'coordinator', '--email', 'daumoi@hoa-an.example', '--password', 'lộ-trong-lịch-sử'], '');
    expect(asArgument.code).toBe(2);
    expect(asArgument.out).toContain('A password is never taken as an argument');
    const piped = await npx(['create-user', '--org', 'xa-hoa-an', '--role', 'coordinator', '--email', 'daumoi@hoa-an.example'], `${PASSWORD}\nthe rest is ignored\n`);
    expect(piped, piped.out).toMatchObject({ code: 0 });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'daumoi@hoa-an.example' } });
    const t = testApp(db, movableClock('2026-10-20T03:00:00Z'));
    try {
      expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: PASSWORD } })).statusCode).toBe(201);
    } finally {
      await t.close();
    }
  });
});
