import { describe, expect, it } from 'vitest';
import { dataWindowEn, dataWindowVi } from '../../src/domain/data-window';
import { parseIsoDate } from '../../src/domain/local-date';

const w = (from: string, to: string) => ({ from: parseIsoDate(from), to: parseIsoDate(to) });

describe('the data a report covers, as people read it', () => {
  it.each([
    ['an annual report due before its window closes says data to the report day, with an estimate', w('2025-12-15', '2026-12-14'), '2026-11-04',
      'từ 15/12/2025 đến thời điểm báo cáo, ước thực hiện đến 14/12/2026', 'from 15/12/2025 to the day of the report, with an estimate to 14/12/2026'],
    ['a window that ends before the last day is shown whole', w('2025-12-15', '2026-06-14'), '2026-06-20', '15/12/2025 – 14/06/2026', '15/12/2025 – 14/06/2026'],
    ['a window ending on the last day itself is whole', w('2026-11-05', '2026-11-16'), '2026-11-16', '05/11/2026 – 16/11/2026', '05/11/2026 – 16/11/2026'],
  ])('%s', (_name, window, lastDay, vi, en) => {
    expect(dataWindowVi(window, parseIsoDate(lastDay))).toBe(vi);
    expect(dataWindowEn(window, parseIsoDate(lastDay))).toBe(en);
  });
});
