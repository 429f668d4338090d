// `hanbaocao import --confirm` calls the running server as an integration: with the API
// token in HBC_API_TOKEN it gets past authentication, without it the answer says what to set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { grantToken } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';
import { movableClock, testApp, type TestApp } from './helpers';

describe('the CLI calling the server', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let t: TestApp;
  let url: string;
  let token: string;
  const draft = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-cli-token-')), 'draft.json');

  beforeAll(async () => {
    testDb = createTestDb();
    await testDb.db.organisation.create({ data: { id: 'xa', name: 'UBND xã Thử', kind: 'commune' } });
    token = await grantToken(testDb.db, { organisationId: 'xa', role: 'coordinator' });
    t = testApp(testDb.db, movableClock('2026-10-20T03:00:00Z'));
    url = await t.app.listen({ host: '127.0.0.1', port: 0 });
    // A real draft of a plan of another commune: the coordinator's token may not import it, which
    // is answered only once the server knows who is asking.
    expect((await cli('import', '--dry-run', 'samples/plans/27-KH-UBND-chuyen-doi-so.txt', '--draft', draft)).code).toBe(0);
  });
  afterEach(() => {
    delete process.env.HBC_API_TOKEN;
  });
  afterAll(async () => {
    await t?.close();
    await testDb?.cleanup();
    fs.rmSync(path.dirname(draft), { recursive: true, force: true });
  });

  it('without HBC_API_TOKEN is refused as anonymous and told what to set', async () => {
    const res = await cli('import', '--confirm', draft, '--server', url);
    expect(res.code).toBe(1);
    expect(res.err).toContain('Hãy đăng nhập để tiếp tục.');
    expect(res.err).toContain('Set HBC_API_TOKEN to an API token (an administrator makes one at /admin/tokens, with the coordinator role).');
  });

  it('with HBC_API_TOKEN sends it as a Bearer token', async () => {
    process.env.HBC_API_TOKEN = token;
    const res = await cli('import', '--confirm', draft, '--server', url);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^Không tìm thấy nội dung này./); // known, and refused by the policy: not its commune
    expect(res.err).not.toContain('HBC_API_TOKEN');
  });
});
