// The pages translated after the first round, read in English: the reply review queue, a
// plan's reminder policy, and
// the pages behind an agency's signed link (the confirmation form, the agency's own page, a
// refused link), which an English email's link opens through /lang/en. No Vietnamese beyond
// what people typed (the data here is ASCII, but for the plan's rule in its own words).
import { beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_LINK_KEY } from '../../src/config';
import type { Db } from '../../src/db';
import { signLink } from '../../src/stores/signed-link';
import { PAGE_USERS, pagesWorld } from '../helpers/pages-world';

const RULE = 'trước ngày 05/11 hằng năm';
const VIETNAMESE = /[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/u;

function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<a class="lang"[^>]*>[^<]*<\/a>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll(RULE, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

const leftovers = (html: string) => visibleText(html).split(/\s{2,}/).map((t) => t.trim()).filter((t) => VIETNAMESE.test(t));

/** A commune with ASCII names, so whatever Vietnamese is left on a page is the page's own. */
async function seedAsciiCommune(db: Db): Promise<void> {
  await db.organisation.create({ data: { id: 'org', name: 'Commune Test', kind: 'commune' } });
  await db.agency.create({ data: { id: 'coord', organisationId: 'org', name: 'Culture Office', contacts: { create: [{ id: 'coord.1', name: 'Clerk', email: 'clerk@org.test.example' }] } } });
  await db.agency.create({ data: { id: 'tyt', organisationId: 'org', name: 'Health Station', contacts: { create: [{ id: 'tyt.1', name: 'Nurse', email: 'nurse@org.test.example', language: 'en' }] } } });
  await db.plan.create({ data: { id: 'plan', organisationId: 'org', number: '77/KH-UBND', title: 'Gender equality plan', issuedOn: '2026-03-01', spanFrom: 2026, spanTo: 2030, coordinatorAgencyId: 'coord' } });
  await db.obligation.create({ data: { id: 'obl', planId: 'plan', agencyId: 'tyt', ruleText: RULE, indicators: 'Goal 4' } });
  await db.deadline.create({ data: { id: 'obl.2026', obligationId: 'obl', periodKey: '2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04', dueAt: new Date('2026-11-04T17:00:00Z'), dataFrom: '2025-12-15', dataTo: '2026-12-14', status: 'open', workflowId: 'deadline/obl.2026' } });
  await db.inboundReply.create({
    data: { id: 'reply-1', messageId: '<r1@x>', receivedAt: new Date('2026-10-19T02:00:00Z'), organisationId: 'org', fromAddress: 'stranger@x.test.example', subject: 'Report', note: 'Here it is', reason: 'unknown-sender', status: 'pending' },
  });
}

describe('the link pages and the reply queue in English', () => {
  const world = pagesWorld('language-links', seedAsciiCommune);
  let cookies: Record<string, string>;
  const token = signLink([DEVELOPMENT_LINK_KEY], { agencyId: 'tyt', deadlineId: 'obl.2026', issuedAt: new Date('2026-10-19T00:00:00Z'), expiresAt: new Date('2026-12-31T00:00:00Z') });

  beforeAll(async () => {
    cookies = await world.signIn(PAGE_USERS.coordinator);
  });

  const get = (url: string, lang: 'vi' | 'en', signedIn = false) =>
    world.app.inject({ method: 'GET', url, cookies: { ...(signedIn ? cookies : {}), hbc_lang: lang }, headers: { accept: 'text/html' } });

  it.each([
    ['/replies', true],
    ['/plans/plan/reminder-policy', true],
    [`/bao-cao/${token}`, false],
    [`/bao-cao/${token}/don-vi`, false],
    ['/bao-cao/not-a-token', false],
  ] as const)('%s shows no Vietnamese in English', async (url, signedIn) => {
    const res = await get(url, 'en', signedIn);
    expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
    expect(res.body).toContain('<html lang="en">');
    expect(leftovers(res.body)).toEqual([]);
  });

  it('writes the link page in English with the English weekday, and in Vietnamese by default', async () => {
    const en = visibleText((await get(`/bao-cao/${token}`, 'en')).body);
    expect(en).toContain('Send the report');
    expect(en).toContain('Wednesday, 04/11/2026');
    expect(en).toContain('Year 2026');
    const vi = visibleText((await get(`/bao-cao/${token}`, 'vi')).body);
    expect(vi).toContain('Xác nhận gửi báo cáo');
    expect(vi).toContain('Thứ Tư, 04/11/2026');
  });

  it('shows the reply queue in English: the reason, the status and the forms', async () => {
    const text = visibleText((await get('/replies', 'en', true)).body);
    expect(text).toContain('Replies to review');
    expect(text).toContain("The sender is not one of the agency's contacts");
    expect(text).toContain('Assign and record');
    expect(visibleText((await get('/replies', 'vi', true)).body)).toContain('Người gửi không có trong danh sách liên hệ của đơn vị');
  });

  it('shows the reminder policy in English and keeps its Vietnamese by default', async () => {
    const en = visibleText((await get('/plans/plan/reminder-policy', 'en', true)).body);
    expect(en).toContain('Reminder policy');
    expect(en).toContain("The coordinating office's head");
    expect(en).toContain('Save the policy');
    const vi = visibleText((await get('/plans/plan/reminder-policy', 'vi', true)).body);
    expect(vi).toContain('Chính sách nhắc hạn');
    expect(vi).toContain('Lưu chính sách');
  });

  it("opens an English email's link through the language switch, which lands on the link's page", async () => {
    const res = await world.app.inject({ method: 'GET', url: `/lang/en?next=${encodeURIComponent(`/bao-cao/${token}`)}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/bao-cao/${token}`);
    expect(res.cookies.find((c) => c.name === 'hbc_lang')?.value).toBe('en');
  });
});
