// The stable command-line faces of the calculus (issue 3): exact JSON shapes and clear errors.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';

describe('hanbaocao calendar', () => {
  it('prints the 2027 calendar as stable JSON', async () => {
    const { code, out } = await cli('calendar', '--year', '2027', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      year: 2027,
      timeZone: 'Asia/Ho_Chi_Minh',
      nonWorkingDays: [
        { date: '2027-01-01', name: 'Tết Dương lịch' },
        { date: '2027-02-05', name: 'Tết Nguyên đán' },
        { date: '2027-02-08', name: 'Tết Nguyên đán' },
        { date: '2027-02-09', name: 'Tết Nguyên đán' },
        { date: '2027-02-10', name: 'Tết Nguyên đán' },
        { date: '2027-02-11', name: 'Tết Nguyên đán' },
        { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương' },
        { date: '2027-04-30', name: 'Ngày Chiến thắng 30/4' },
        { date: '2027-05-03', name: 'Nghỉ bù Quốc tế Lao động 1/5' },
        { date: '2027-09-02', name: 'Quốc khánh 2/9' },
        { date: '2027-09-03', name: 'Quốc khánh 2/9 (ngày liền kề)' },
      ],
      workingSaturdays: [],
      sources: [],
    });
  });

  it('prints an announced year with the documents it rests on', async () => {
    const { code, out } = await cli('calendar', '--year', '2026', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { nonWorkingDays: { date: string }[]; workingSaturdays: string[]; sources: { document: string; issuedOn: string }[] };
    expect(json.workingSaturdays).toEqual(['2026-01-10', '2026-08-22']);
    expect(json.nonWorkingDays.map((d) => d.date)).toEqual(expect.arrayContaining(['2026-01-02', '2026-08-31', '2026-11-24']));
    expect(json.sources).toContainEqual(expect.objectContaining({ document: '9441/TB-BNV', issuedOn: '2025-10-16', issuer: 'Bộ Nội vụ' }));
  });

  it.each([['abc'], ['20270'], ['1066']])('refuses --year %s with exit 2 and a bilingual message', async (year) => {
    const { code, err } = await cli('calendar', '--year', year, '--json');
    expect(code).toBe(2);
    expect(err).toMatch(/Năm không hợp lệ.*invalid --year/);
  });
});

describe('hanbaocao periods', () => {
  it('prints one object per period with the stable fields', async () => {
    const { code, out } = await cli('periods', '--rule', 'trước ngày 05/11 hằng năm', '--span', '2026-2030', '--json');
    expect(code).toBe(0);
    const periods = JSON.parse(out) as Record<string, unknown>[];
    expect(periods).toHaveLength(5);
    expect(periods[0]).toMatchObject({
      period: '2026',
      lastDay: '2026-11-04',
      lastWorkingDay: '2026-11-04',
      dueAt: '2026-11-04T17:00:00.000Z',
      dataWindow: { from: '2025-12-15', to: '2026-12-14' },
    });
    expect(periods[2]).toMatchObject({ period: '2028', lastDay: '2028-11-04', lastWorkingDay: '2028-11-03' });
    expect(String(periods[0]!.explanation)).toContain('trước ngày 05/11/2026');
  });

  it('reads the seed 004 pair and the Civil Code option', async () => {
    const pair = await cli('periods', '--rule', 'báo cáo 6 tháng trước ngày 05/06 và báo cáo năm trước ngày 05/12', '--span', '2027-2027', '--json');
    expect((JSON.parse(pair.out) as { period: string }[]).map((p) => p.period)).toEqual(['2027-H1', '2027']);
    const civil = await cli('periods', '--rule', 'trước ngày 15/11 hằng năm', '--span', '2026-2026', '--civil-code', '--json');
    expect(JSON.parse(civil.out)).toMatchObject([{ lastDay: '2026-11-16' }]);
  });

  it.each([
    [['--rule', 'khi nào xong thì nộp', '--span', '2026-2030'], /Không đọc được hạn báo cáo[\s\S]*Cannot read a due date/],
    [['--rule', 'trước ngày 31/02 hằng năm', '--span', '2026-2030'], /Ngày không tồn tại[\s\S]*No such day/],
    [['--rule', 'trước ngày 05/11 hằng năm', '--span', '2030-2026'], /năm kết thúc[\s\S]*end year/],
    [['--rule', 'trước ngày 05/11 hằng năm'], /--span/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { code, err } = await cli('periods', ...args, '--json');
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
