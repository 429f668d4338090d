// Reading the audit log: administrators and auditors of an organisation read its rows, a
// province's also its communes'; filters and paging; the CSV export opens in Excel with
// Vietnamese intact and runs no formula; the page escapes what people typed. On SQLite and
// on PostgreSQL: appending, filtering by local days and paging are queries of each.
import { describe, expect, it } from 'vitest';
import { appendAudit, systemActor } from '../../src/services/audit';
import { CSV_BOM } from '../../src/web/admin/audit-csv';
import { TEST_DATABASES } from '../helpers/test-db';
import { adminWorld, createUser } from './admin-world';

const PASSWORD = 'mật khẩu đủ dài 12';
const HOSTILE = '=HYPERLINK("http://evil.example","<b>Bấm vào</b>")';

describe.each(TEST_DATABASES)('the audit log on %s', (database) => {
  const w = adminWorld(async (db) => {
    await createUser(db, { email: 'thanhtra@tinh.test.example', password: PASSWORD, grants: [{ organisationId: 'tinh', role: 'auditor' }] });
    // Rows as the use cases write them, on three days (local time; 17:30Z is 00:30 the next day in Hà Nội).
    const user = (id: string, label: string) => ({ principal: { kind: 'user' as const, id, label, grants: [] }, ip: '198.51.100.7' });
    const rows: [string, Parameters<typeof appendAudit>[2], string, string, string][] = [
      ['2026-10-01T02:00:00Z', user('u1', 'vhxh@org.test.example'), 'org', 'deadline.extend', 'obl.2026'],
      ['2026-10-01T17:30:00Z', user('u1', 'vhxh@org.test.example'), 'org', 'deadline.waive', 'obl.2025'],
      ['2026-10-03T02:00:00Z', user('u2', 'quantri@tinh.test.example'), 'tinh', 'admin.organisation.update', 'tinh'],
      ['2026-10-04T02:00:00Z', user('u3', 'quantri@xa-b.test.example'), 'xa-b', 'admin.agency.update', 'xa-b.tyt'],
      ['2026-10-05T02:00:00Z', systemActor('sample-data'), 'org', 'deadline.remind', 'obl.2026'],
      ['2026-10-06T02:00:00Z', user('u4', HOSTILE), 'org', 'admin.agency.contact.update', 'tyt.0'],
    ];
    for (const [at, actor, organisationId, action, subjectId] of rows) {
      await appendAudit(db, new Date(at), actor, { action, organisationId, subjectType: 'x', subjectId, before: { tên: 'Trạm Y tế xã' }, after: { tên: HOSTILE } });
    }
  }, database);
  const read = async (who: string, query = '') => {
    const res = await w.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: w.as[who] });
    return res.statusCode === 200 ? (res.json().events as { subjectId: string; action: string }[]).map((e) => `${e.action} ${e.subjectId}`) : res.statusCode;
  };

  it('shows a commune its own rows and a province its own and its communes\', newest first', async () => {
    expect(await read('communeAuditor')).toEqual(['admin.agency.contact.update tyt.0', 'deadline.remind obl.2026', 'deadline.waive obl.2025', 'deadline.extend obl.2026']);
    expect(await read('provinceAuditor')).toHaveLength(6);
    expect(await read('provinceAdmin')).toHaveLength(6);
    expect(await read('siblingAuditor')).toEqual(['admin.agency.update xa-b.tyt']);
    expect(await read('outsiderAdmin')).toEqual([]);
    expect(await read('coordinator')).toBe(403);
    expect(await read('leader')).toBe(403);
  });

  it('filters by organisation, actor, action, subject and local days, and refuses an organisation it may not see', async () => {
    expect(await read('provinceAuditor', '?organisationId=xa-b')).toEqual(['admin.agency.update xa-b.tyt']);
    expect(await read('communeAuditor', '?organisationId=tinh')).toBe(404);
    expect(await read('provinceAuditor', '?actor=VHXH@org')).toEqual(['deadline.waive obl.2025', 'deadline.extend obl.2026']);
    expect(await read('provinceAuditor', '?actor=u2')).toEqual(['admin.organisation.update tinh']);
    expect(await read('provinceAuditor', '?actor=sample-data')).toEqual(['deadline.remind obl.2026']);
    expect(await read('provinceAuditor', '?action=admin.')).toEqual(['admin.agency.contact.update tyt.0', 'admin.agency.update xa-b.tyt', 'admin.organisation.update tinh']);
    expect(await read('provinceAuditor', '?subject=obl.2026')).toEqual(['deadline.remind obl.2026', 'deadline.extend obl.2026']);
    // 17:30Z on 01/10 is 00:30 on 02/10 in Hà Nội.
    expect(await read('provinceAuditor', '?from=2026-10-02&to=2026-10-03')).toEqual(['admin.organisation.update tinh', 'deadline.waive obl.2025']);
    const bad = await w.app.inject({ method: 'GET', url: '/api/audit?from=2026-10-05&to=2026-10-01', headers: w.as.provinceAuditor });
    expect(bad.json()).toMatchObject({ error: 'invalid-input', details: ['to: ngày kết thúc trước ngày bắt đầu'] });
  });

  it('pages with `before`, every row once', async () => {
    const seen: string[] = [];
    let query = '?limit=4';
    for (let pages = 0; pages < 5; pages++) {
      const page = (await w.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: w.as.provinceAuditor })).json();
      seen.push(...page.events.map((e: { id: number }) => String(e.id)));
      if (page.nextBefore === null) break;
      query = `?limit=4&before=${page.nextBefore}`;
    }
    expect(seen).toEqual(['6', '5', '4', '3', '2', '1']);
  });

  it('exports CSV for Excel: BOM, a header row, Vietnamese intact, formulas neutralised', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/audit/export?organisationId=org', headers: w.as.provinceAuditor });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="nhat-ky-thay-doi-2026-10-20.csv"');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Mã","Thời điểm (giờ Việt Nam)","Thời điểm (UTC)","Loại người thực hiện","Người thực hiện","Mã người thực hiện","Địa chỉ IP","Hành động","Mã hành động","Cơ quan","Mã cơ quan","Loại đối tượng","Mã đối tượng","Trước","Sau"');
    expect(lines).toHaveLength(1 + 4 + 1); // header, the commune's four rows, and the empty string after the last CRLF
    expect(lines[1]).toBe(
      '"6","06/10/2026 09:00:00","2026-10-06T02:00:00.000Z","Người dùng","\'=HYPERLINK(""http://evil.example"",""<b>Bấm vào</b>"")","u4","198.51.100.7","Sửa đầu mối liên hệ","admin.agency.contact.update","UBND xã Thử Nghiệm","org","x","tyt.0","{""tên"":""Trạm Y tế xã""}","{""tên"":""=HYPERLINK(\\""http://evil.example\\"",\\""<b>Bấm vào</b>\\"")""}"',
    );
    expect(lines[2]).toContain('"Hệ thống","sample-data","system",""');
    const unauthorised = await w.app.inject({ method: 'GET', url: '/api/audit/export', headers: w.as.coordinator });
    expect(unauthorised.statusCode).toBe(403);
  });

  it('shows the page with filters, escaped, to a signed-in auditor', async () => {
    const { cookies } = await w.signIn('thanhtra@tinh.test.example', PASSWORD);
    const page = await w.app.inject({ method: 'GET', url: '/admin/audit?organisationId=org&action=&limit=', cookies, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nhật ký thay đổi');
    expect(page.body).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;&lt;b>Bấm vào&lt;/b>&quot;)');
    expect(page.body).not.toContain('<b>Bấm');
    expect(page.body).toContain('href="/api/audit/export?organisationId=org"');
    expect(page.body).toContain('<option value="org" selected>UBND xã Thử Nghiệm</option>');
    const bad = await w.app.inject({ method: 'GET', url: '/admin/audit?from=hôm qua', cookies, headers: { accept: 'text/html' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('from: ngày phải có dạng YYYY-MM-DD');
  });
});
