// `hanbaocao import --dry-run FILE --json`: the stable JSON face of issue 5 and its errors.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';

describe('hanbaocao import --dry-run', () => {
  it('prints the proposal of a .pdf as JSON with the stable fields', async () => {
    const { code, out } = await cli('import', '--dry-run', 'test/fixtures/plans/27-KH-UBND.pdf', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.plan).toMatchObject({ number: '27/KH-UBND', issuer: 'Ủy ban nhân dân xã Hòa Bình', date: '2026-03-03', span: { from: 2026, to: 2030 } });
    expect(typeof json.plan.title).toBe('string');
    for (const o of json.obligations) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['reporter', 'recipient', 'via', 'recurrence', 'due', 'quote', 'confidence']));
      expect(['annual', 'semiannual', 'quarterly', 'monthly', 'once', 'adhoc']).toContain(o.recurrence);
    }
    expect(json.obligations[1].due).toEqual([
      { day: 15, month: 6, inclusive: false },
      { day: 20, month: 12, inclusive: true },
    ]);
    expect(json.campaigns[1]).toMatchObject({ start: { day: 1, month: 10 }, end: { day: 31, month: 10 }, recurring: true });
    expect(Object.keys(json.campaigns[1])).toEqual(expect.arrayContaining(['name', 'start', 'end', 'recurring', 'quote']));
    expect(Array.isArray(json.unread)).toBe(true);
    expect(json.source).toMatchObject({ format: 'pdf' });
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await cli('import', '--dry-run', 'samples/plans/27-KH-UBND-chuyen-doi-so.txt');
    expect(code).toBe(0);
    expect(out).toContain('Kế hoạch 27/KH-UBND');
    expect(out).toContain('Công an xã → Ủy ban nhân dân xã Hòa Bình: hằng quý, trước ngày 15 của tháng cuối quý');
  });

  it.each([
    [['import', '--dry-run', 'test/fixtures/plans/scanned.pdf'], 1, 'không có lớp chữ'],
    [['import', '--dry-run', 'no/such/plan.pdf'], 2, 'Không tìm thấy tệp'],
    [['import', '--dry-run'], 2, 'exactly one plan file'],
    [['import', 'samples/plans/27-KH-UBND-chuyen-doi-so.txt'], 2, '--dry-run'],
  ])('%j exits %i with a clear message', async (argv, exit, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(exit);
    expect(err).toContain(message);
  });
});
