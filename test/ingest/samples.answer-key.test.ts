// The project's own sample plans (samples/plans), written with other numbering, date
// spellings, agencies and topics than the seeds, read as .txt, .docx (NFD text) and .pdf
// (lines broken by the page width): the same proposal from every format.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/ingest/import-document';
import type { Proposal } from '../../src/ingest/proposal';
import { expectQuotesInPlace, owned, propose } from './ingest-helpers';

const CHUYEN_DOI_SO = 'samples/plans/27-KH-UBND-chuyen-doi-so.txt';
const THIEN_TAI = 'samples/plans/112-KH-UBND-phong-chong-thien-tai.md';

function expectChuyenDoiSo(proposal: Proposal): void {
  expect(proposal.plan).toMatchObject({
    number: '27/KH-UBND',
    issuer: 'Ủy ban nhân dân xã Hòa Bình',
    date: '2026-03-03',
    span: { from: 2026, to: 2030 },
    signer: { name: 'Trần Văn Minh', title: 'CHỦ TỊCH' },
  });
  expect(proposal.plan.higherPlan).toMatchObject({ kind: 'Kế hoạch', number: '1502/KH-UBND', date: '2026-01-15' });
  expect(proposal.obligations.map((o) => [o.reporter, o.recipient, o.via, o.recurrence, o.due])).toEqual([
    ['Công an xã', 'Ủy ban nhân dân xã Hòa Bình', null, 'quarterly', []],
    [
      'Các cơ quan, đơn vị trên địa bàn xã',
      'Ủy ban nhân dân xã Hòa Bình',
      'Văn phòng HĐND và UBND xã',
      'semiannual',
      [
        { day: 15, month: 6, inclusive: false },
        { day: 20, month: 12, inclusive: true },
      ],
    ],
    ['Các cơ quan, đơn vị trên địa bàn xã', 'Ủy ban nhân dân xã Hòa Bình', 'Văn phòng HĐND và UBND xã', 'adhoc', []],
  ]);
  expect(proposal.obligations[0]!.dueRule).toBe('hằng quý, trước ngày 15 của tháng cuối quý');
  expect(proposal.obligations[1]!.reporters).toEqual(['Phòng Kinh tế', 'Trung tâm Phục vụ hành chính công xã', 'Công an xã', 'Trường Tiểu học Hòa Bình']);
  expect(owned(proposal, 'Văn phòng HĐND và UBND xã')).toEqual(['1.1', '1.2']);
  expect(owned(proposal, 'Phòng Kinh tế')).toEqual(['2.1']);
  expect(owned(proposal, 'Trung tâm Phục vụ hành chính công xã')).toEqual(['2.1', '2.2']);
  expect(proposal.campaigns.map((c) => [c.kind, c.name, `${c.start.day}/${c.start.month}`, `${c.end.day}/${c.end.month}`, c.recurring])).toEqual([
    ['observance', 'Xã hội số – ngày Chuyển đổi số quốc gia', '10/10', '10/10', true],
    ['campaign', 'Đợt cao điểm tuyên truyền về dịch vụ công trực tuyến', '1/10', '31/10', true],
  ]);
  expect(proposal.quotas.map((q) => [q.every, q.atLeast, q.what])).toEqual([['year', 2, 'lớp tập huấn kỹ năng số']]);
  expect(proposal.reviews.map((r) => [r.kind, r.year])).toEqual([
    ['midterm', 2028],
    ['final', 2030],
  ]);
  expect(proposal.upwardReports.map((u) => u.recipient)).toEqual(['Ủy ban nhân dân tỉnh, Sở Khoa học và Công nghệ']);
}

describe('sample plan 27/KH-UBND (digital transformation, xã Hòa Bình)', () => {
  it('reads the text file', () => {
    const { plan, proposal } = propose(readFileSync(CHUYEN_DOI_SO, 'utf8'));
    expectChuyenDoiSo(proposal);
    expectQuotesInPlace(plan, proposal);
  });

  it.each([
    ['docx', 'test/fixtures/plans/27-KH-UBND.docx'],
    ['pdf', 'test/fixtures/plans/27-KH-UBND.pdf'],
  ])('reads the same proposal from the .%s', async (format, file) => {
    const imported = await importDocument(readFileSync(file));
    expect(imported.format).toBe(format);
    expect(imported.plan.text).toBe(imported.plan.text.normalize('NFC'));
    expectChuyenDoiSo(imported.proposal);
    expectQuotesInPlace(imported.plan, imported.proposal);
  });
});

describe('sample plan 112/KH-UBND (disaster prevention 2027, markdown debris and page numbers)', () => {
  const { plan, proposal } = propose(readFileSync(THIEN_TAI, 'utf8'));

  it('reads a one-year provincial plan', () => {
    expect(proposal.plan).toMatchObject({
      number: '112/KH-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Thái Nguyên',
      date: '2027-01-05',
      title: 'Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2027',
      span: { from: 2027, to: 2027 },
      signer: { name: 'Lê Thị Hồng Vân', title: 'PHÓ CHỦ TỊCH' },
    });
    expect(proposal.plan.higherPlan).toMatchObject({ kind: 'Quyết định', number: '45/QĐ-TWPCTT' });
  });

  it('finds a monthly report (inclusive day) and a one-off dated report', () => {
    expect(proposal.obligations.map((o) => [o.reporter, o.recipient, o.via, o.recurrence, o.due])).toEqual([
      ['Ủy ban nhân dân các xã, phường', 'Sở Nông nghiệp và Môi trường', null, 'monthly', []],
      ['Các sở, ban, ngành tỉnh', 'Ủy ban nhân dân tỉnh Thái Nguyên', 'Sở Nông nghiệp và Môi trường', 'once', [{ day: 10, month: 12, inclusive: false }]],
    ]);
    expect(proposal.obligations[0]!.dueRule).toBe('chậm nhất ngày 25 hằng tháng');
  });

  it('joins the sentence a page break cut and drops page numbers', () => {
    expect(plan.text).toContain('thiệt hại về người và tài sản của Nhân dân.');
    expect(plan.paragraphs.some((p) => /^\d+$/u.test(p.text))).toBe(false);
    expect(plan.text).not.toMatch(/\*\*|##/u);
  });

  it('finds the action month of May 2027 and the quarterly bulletin quota', () => {
    expect(proposal.campaigns.map((c) => [c.name, `${c.start.day}/${c.start.month}`, `${c.end.day}/${c.end.month}`, c.recurring, c.year])).toEqual([
      ['Tháng hành động phòng, chống thiên tai', '1/5', '31/5', false, 2027],
    ]);
    expect(proposal.quotas.map((q) => [q.every, q.atLeast])).toEqual([['quarter', 1]]);
    expectQuotesInPlace(plan, proposal);
  });
});
