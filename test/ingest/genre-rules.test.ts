// The reader's rules for the genre (issue 13), one table per rule family. Every sentence here
// is written for the test in the wordings the genre uses; none is copied from the corpus.
import { describe, expect, it } from 'vitest';
import { parseDueRule, type DueSchedule } from '../../src/domain/due-rule';
import { draftFromProposal } from '../../src/ingest/draft';
import type { Proposal } from '../../src/ingest/proposal';
import { confirmImportBodySchema } from '../../src/schemas/import.schemas';
import { propose } from './ingest-helpers';

const ONE_YEAR = 'Số: 12/KH-UBND\nAn Phú, ngày 02 tháng 01 năm 2026\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2026';
const FIVE_YEARS = 'Số: 12/KH-UBND\nAn Phú, ngày 02 tháng 01 năm 2026\nKẾ HOẠCH\nThực hiện công tác dân vận giai đoạn 2026-2030';

/** A plan around one duties paragraph. */
function plan(duty: string, header = FIVE_YEARS) {
  return `${header}\nIV. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan, đơn vị\n${duty}\n2. Phòng Nội vụ\nTheo dõi, đôn đốc.`;
}

const pad = (n: number) => String(n).padStart(2, '0');
function item(s: DueSchedule): string {
  if (s.kind === 'annual' || s.kind === 'semiannual') return `${s.kind} ${pad(s.due.day)}/${pad(s.due.month)}`;
  if (s.kind === 'once') return `once ${pad(s.date.day)}/${pad(s.date.month)}/${s.date.year}`;
  return `${s.kind} d${pad(s.dayOfMonth)}${s.monthOffset === 1 ? ' next' : ''}`;
}

/** The obligations as the deadlines will read them: every schedule of every rule, in order. */
function schedules(p: Proposal): string[] {
  return p.obligations.flatMap((o) => {
    if (o.recurrence === 'adhoc') return ['adhoc'];
    if (o.needsDate) return o.due.length > 0 ? o.due.map((d) => `${o.recurrence} ${pad(d.day)}/${pad(d.month)} no year`) : [`${o.recurrence} no date`];
    return parseDueRule(o.dueRule).schedules.map(item);
  });
}

const read = (text: string) => schedules(propose(text).proposal);

describe('a period named apart from its date', () => {
  it.each([
    ['Báo cáo quý gửi về UBND xã trước ngày 10 tháng cuối cùng của mỗi quý.', ['quarterly d10']],
    ['Báo cáo 6 tháng gửi về UBND huyện trước ngày 10/6.', ['semiannual 10/06']],
    ['Báo cáo tháng gửi UBND xã trước ngày 12 của tháng.', ['monthly d12']],
    ['- Báo cáo định kỳ hàng tháng: thời hạn gửi báo cáo chậm nhất vào ngày 18 của tháng báo cáo.', ['monthly d18']],
    ['- Báo cáo định kỳ hàng quý: thời hạn gửi báo cáo chậm nhất vào ngày 18 của tháng cuối quý.', ['quarterly d18']],
    ['- Báo cáo định kỳ 6 tháng: thời hạn gửi báo cáo chậm nhất vào ngày 18/6 và ngày 18/12 hàng năm.', ['semiannual 18/06', 'semiannual 18/12']],
    ['- Báo cáo định kỳ hàng năm: thời hạn gửi báo cáo chậm nhất là ngày 18/12 hàng năm.', ['annual 18/12']],
    // The period after the date, and numbers also spelled out in brackets.
    ['- Chậm nhất ngày 12 (mười hai) của tháng báo cáo đối với báo cáo định kỳ hằng tháng;', ['monthly d12']],
    ['- Chậm nhất ngày 09 (chín) của tháng cuối quý đối với báo cáo định kỳ hằng quý;', ['quarterly d09']],
    ['- Chậm nhất ngày 09 (chín) tháng 06 (sáu) đối với báo cáo định kỳ 06 (sáu) tháng;', ['semiannual 09/06']],
    ['- Chậm nhất ngày 21 (hai mươi mốt) tháng 11 (mười một) đối với báo cáo định kỳ hằng năm.', ['annual 21/11']],
  ])('%s', (sentence, expected) => {
    expect(read(plan(sentence))).toEqual(expected);
  });

  it('quotes the sentence as written, brackets and all', () => {
    const { plan: text, proposal } = propose(plan('- Chậm nhất ngày 12 (mười hai) của tháng báo cáo đối với báo cáo định kỳ hằng tháng;'));
    const o = proposal.obligations[0]!;
    expect(o.quote).toContain('(mười hai)');
    expect(text.text.slice(o.position.start, o.position.end)).toBe(o.quote);
  });
});

describe('six-month and annual reports in one sentence, in any order', () => {
  it.each([
    ['Báo cáo 6 tháng và năm gửi về UBND xã trước ngày 12/6 và 12/12.', ['semiannual 12/06', 'annual 12/12']],
    ['Báo cáo năm và 6 tháng gửi về UBND xã trước ngày 12/12 và 12/6.', ['annual 12/12', 'semiannual 12/06']],
    ['Báo cáo năm trước ngày 12/12, báo cáo 6 tháng trước ngày 12/6 gửi về UBND xã.', ['annual 12/12', 'semiannual 12/06']],
    ['Định kỳ gửi báo cáo sáu tháng (trước ngày 12/6) và báo cáo năm (trước ngày 12/12) về UBND xã.', ['semiannual 12/06', 'annual 12/12']],
    ['Gửi báo cáo 6 tháng về UBND xã trước ngày 12/6 và báo cáo năm trước ngày 12/12.', ['semiannual 12/06', 'annual 12/12']],
  ])('%s', (sentence, expected) => {
    expect(read(plan(sentence))).toEqual(expected);
  });
});

describe('quarterly and monthly rules relative to the period, dates in the next year', () => {
  it.each([
    ['Báo cáo quý về UBND xã chậm nhất ngày 15 của tháng đầu quý sau.', ['quarterly d15 next']],
    ['Các thôn báo cáo về UBND xã trước ngày 20 hằng tháng.', ['monthly d20']],
    ['Báo cáo tháng về UBND xã chậm nhất ngày 5 tháng sau.', ['monthly d05 next']],
    ['Báo cáo năm gửi về UBND huyện trước ngày 15/01 năm sau.', ['annual 15/01']],
  ])('%s', (sentence, expected) => {
    expect(read(plan(sentence))).toEqual(expected);
  });
});

describe('one-off dated reports', () => {
  it.each([
    ['a date with its year', plan('Báo cáo tổng kết về UBND xã trước ngày 30/6/2027.'), ['once 30/06/2027']],
    ['a date in a one-year plan is this year', plan('Báo cáo kết quả về UBND huyện trước ngày 30/9.', ONE_YEAR), ['once 30/09/2026']],
    ['a date already past when issued is next year', plan('Báo cáo kết quả về UBND huyện trước ngày 10/01.', 'Số: 40/UBND-VP\nAn Phú, ngày 20 tháng 12 năm 2025'), ['once 10/01/2026']],
    ['a date in a five-year plan recurs', plan('Báo cáo kết quả về UBND huyện trước ngày 30/9.'), ['annual 30/09']],
    ['a date with dots', plan('Đề nghị chậm nhất ngày 25.12.2026 phải báo cáo nội dung này theo yêu cầu của Bộ Nội vụ.'), ['once 25/12/2026']],
    ['no year anywhere: the day is kept, the year must be set', 'Các tỉnh báo cáo Bộ Nội vụ trước 30/8.\nSố liệu phải được gửi về Bộ trước 15/8.', ['once 30/08 no year', 'once 15/08 no year']],
  ])('%s', (_label, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('ad-hoc and on-request reports', () => {
  it.each([
    ['Báo cáo đột xuất về UBND xã khi có yêu cầu.', ['adhoc']],
    ['Các đơn vị báo cáo UBND xã ngay khi phát sinh vụ việc phức tạp.', ['adhoc']],
    ['Báo cáo theo yêu cầu của cấp trên.', ['adhoc']],
    ['Báo cáo về UBND xã trước ngày 30/11 hằng năm hoặc đột xuất theo yêu cầu.', ['annual 30/11', 'adhoc']],
    // "as the ministry asked" dates a report; it is not an on-request report.
    ['Chậm nhất ngày 10/12/2026 phải báo cáo nội dung này theo yêu cầu của Bộ Nội vụ.', ['once 10/12/2026']],
    ['Các xã cần khẩn trương nộp báo cáo theo yêu cầu.', []],
  ])('%s', (sentence, expected) => {
    expect(read(plan(sentence))).toEqual(expected);
  });
});

describe('periods stated without a date', () => {
  it.each([
    ['Định kỳ 6 tháng, hằng năm báo cáo kết quả về UBND xã.', ['semiannual no date', 'annual no date']],
    ['Đánh giá kết quả thực hiện định kỳ hằng quý hoặc đột xuất khi cần thiết.', ['quarterly no date', 'adhoc']],
    ['Báo cáo quý về UBND xã theo quy định.', ['quarterly no date']],
    ['Dự thảo báo cáo 6 tháng đầu năm 2026 đã gửi UBND xã.', []],
    ['Báo cáo năm 2025 của xã đã được thông qua.', []],
    ['Báo cáo kết quả Tháng hành động vì môi trường về UBND xã.', []],
  ])('%s', (sentence, expected) => {
    expect(read(plan(sentence))).toEqual(expected);
  });

  it('never puts an undated obligation in the draft: it asks for the date instead', () => {
    const { proposal } = propose(plan('Định kỳ 6 tháng báo cáo kết quả về UBND xã.'));
    expect(proposal.obligations).toMatchObject([{ recurrence: 'semiannual', needsDate: true, due: [] }]);
    const draft = draftFromProposal(proposal);
    expect(draft.body.obligations).toEqual([]);
    expect(draft.warnings.some((w) => w.includes('hãy đặt ngày'))).toBe(true);
  });
});

describe('what is not a reporting obligation', () => {
  it.each([
    ['a data window', 'Số liệu báo cáo năm tính từ ngày 15/12 năm trước đến ngày 14/12 của kỳ báo cáo.', []],
    ['a data window in Decree 09 words', 'Thời gian chốt số liệu báo cáo 6 tháng tính từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 6.', []],
    ['a meeting', 'Tổ chức hội nghị sơ kết trước ngày 15/7/2026; báo cáo kết quả về UBND xã trước ngày 20/7/2026.', ['once 20/07/2026']],
    ['a meeting that hears draft reports', 'Ngày 18/11, UBND xã họp nghe dự thảo báo cáo năm 2026.', []],
    ['a duty to draft a plan', 'Các thôn xây dựng kế hoạch gửi về UBND xã trước ngày 15/3; báo cáo kết quả trước ngày 15/12 hằng năm.', ['annual 15/12']],
    ['a task deadline', 'Hoàn thành rà soát trước ngày 30/6/2026; báo cáo kết quả về UBND xã trước ngày 15/12 hằng năm.', ['annual 15/12']],
    ['an agency named after plans is still a report', 'Các xã báo cáo Sở Kế hoạch và Đầu tư trước ngày 15/12 hằng năm.', ['annual 15/12']],
  ])('%s', (_label, sentence, expected) => {
    expect(read(plan(sentence))).toEqual(expected);
  });

  it.each([
    ['Từ năm 2026, các đơn vị không phải báo cáo quý; báo cáo năm gửi trước ngày 10/12 hằng năm.', ['annual 10/12']],
    ['Báo cáo quý gửi về UBND xã trước ngày 15 của tháng cuối quý.\nBãi bỏ báo cáo quý kể từ ngày ký.', []],
    ['Không thực hiện báo cáo tháng. Báo cáo 6 tháng gửi về UBND xã trước ngày 10/6.', ['semiannual 10/06']],
  ])('a sentence saying a report is not made removes it: %s', (sentence, expected) => {
    expect(read(plan(sentence))).toEqual(expected);
  });
});

describe('campaigns in every date form', () => {
  const campaigns = (text: string) => propose(text).proposal.campaigns.map((c) => `${c.start.day}/${c.start.month}-${c.end.day}/${c.end.month}${c.year ? ` ${c.year}` : ''}${c.recurring ? ' every year' : ''}`);
  it.each([
    ['in parentheses after the name', 'Hưởng ứng Tháng hành động vì người cao tuổi (từ ngày 01/10 - 31/10).', ['1/10-31/10 every year']],
    ['a range sharing one month', 'Tuần lễ áo dài diễn ra từ ngày 1-7/3/2026.', ['1/3-7/3 2026']],
    ['a range sharing one month, in words', 'Chiến dịch vệ sinh môi trường từ ngày 5 đến ngày 12/4.', ['5/4-12/4 every year']],
    ['a dash between day and month', 'Tháng cao điểm an toàn giao thông diễn ra từ 20-3 đến 20-4.', ['20/3-20/4 every year']],
    ['the name after the dates', 'Hằng năm lấy tuần từ ngày 10 - 16/9 làm Tuần lễ học tập suốt đời.', ['10/9-16/9 every year']],
    ['a wave, expected dates', 'Đợt 2: dự kiến từ ngày 10/8 đến ngày 20/8/2026.', ['10/8-20/8 2026']],
    ['across the new year', 'Kế hoạch bảo đảm trật tự dịp Tết Nguyên đán 2027\nThời gian thực hiện: từ ngày 25/12/2026 đến ngày 10/02/2027.', ['25/12-10/2 2026']],
    ['the time of the document\'s campaign', 'Tháng hành động vì trẻ em năm 2026\nThời gian: từ ngày 01/6 đến ngày 30/6/2026.', ['1/6-30/6 2026']],
    ['an activity dated under "Thời gian"', 'UBND phường thông báo treo cờ.\nThời gian treo cờ Tổ quốc: từ ngày 29/4/2026 đến hết ngày 03/5/2026.', ['29/4-3/5 2026']],
    [
      'several activities under a "Thời gian" heading',
      'UBND xã thông báo.\nThời gian trang trí, tuyên truyền:\n- Mừng Xuân (01/01/1930 - 01/01/2026) treo cờ từ ngày 25/01/2026 đến hết ngày 05/02/2026.\n- Mừng ngày thành lập tỉnh treo cờ từ ngày 10/3/2026 đến hết ngày 12/3/2026.',
      ['25/1-5/2 2026', '10/3-12/3 2026'],
    ],
  ])('%s', (_label, text, expected) => {
    expect(campaigns(text)).toEqual(expected);
  });

  it.each([
    ['a data window', 'Số liệu báo cáo 6 tháng tính từ ngày 01/01 đến ngày 30/6 của năm báo cáo.'],
    ['an anniversary', 'Kỷ niệm 80 năm Ngày Cách mạng tháng Tám thành công (19/8/1945 - 19/8/2025).'],
    ['a launch ceremony', 'Sáng 16/4, Ban Chỉ đạo tổ chức lễ phát động Tháng hành động vì an toàn thực phẩm.'],
    ['a range with no campaign', 'Thời gian tiếp công dân từ ngày 02/01 đến ngày 30/6 tại trụ sở.'],
  ])('is no campaign: %s', (_label, text) => {
    expect(campaigns(text)).toEqual([]);
  });
});

describe('documents that are not plans', () => {
  it.each([
    ['a Thông tư', 'BỘ NỘI VỤ\nSố: 09/2026/TT-BNV\nHà Nội, ngày 10 tháng 3 năm 2026\nTHÔNG TƯ\nQuy định chế độ báo cáo\nBáo cáo năm gửi trước ngày 15/12 hằng năm.', '09/2026/TT-BNV'],
    ['a letter', 'ỦY BAN NHÂN DÂN HUYỆN AN PHÚ\nSố: 215/UBND-VP\nAn Phú, ngày 10 tháng 3 năm 2026\nV/v báo cáo kết quả\nĐề nghị UBND các xã báo cáo về UBND huyện trước ngày 20/3/2026.', '215/UBND-VP'],
    ['a news item with no number', 'Các tỉnh gửi báo cáo về Bộ Nội vụ trước ngày 30/8/2026.', null],
  ])('reads %s without asking for a plan number or span', (_label, text, number) => {
    const { proposal } = propose(text);
    expect(proposal.plan.number).toBe(number);
    expect(proposal.unread.filter((u) => u.includes('plan number') || u.includes('span'))).toEqual([]);
    expect(proposal.obligations.length).toBeGreaterThan(0);
  });

  it('still asks a plan for its number', () => {
    const { proposal } = propose('KẾ HOẠCH\nThực hiện công tác dân vận năm 2026\nBáo cáo kết quả về UBND xã trước ngày 15/12/2026.');
    expect(proposal.unread.some((u) => u.includes('no plan number'))).toBe(true);
  });
});

describe('numbering schemes reach the confirm form', () => {
  it.each([
    ['Số: 645/KH-UBND', '645/KH-UBND'],
    ['Số: 06/2024/QĐ-UBND', '06/2024/QĐ-UBND'],
    ['Số 215/UBND-VP', '215/UBND-VP'],
  ])('%s is read whole and can be confirmed as read', (line, number) => {
    const text = `${line}\nAn Phú, ngày 10 tháng 3 năm 2026\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2026\nIV. TỔ CHỨC THỰC HIỆN\n1. Trạm Y tế xã\nBáo cáo kết quả về UBND xã trước ngày 15/12 hằng năm.`;
    const { proposal } = propose(text);
    expect(proposal.plan.number).toBe(number);
    const body = draftFromProposal(proposal).body;
    expect(confirmImportBodySchema.safeParse(body).error?.issues.filter((i) => i.path.join('.') === 'plan.number') ?? []).toEqual([]);
  });
});

describe('the issuer and date of notices and portal pages', () => {
  it.each([
    ['UBND xã vừa ban hành Kế hoạch triển khai Tháng hành động vì an toàn thực phẩm.', 'UBND xã'],
    ['Ngày 05/3/2026, UBND huyện An Phú ban hành văn bản số 215/UBND-VP về việc xây dựng kế hoạch cải cách hành chính.', 'UBND huyện An Phú'],
    ['Hằng năm Ban Chỉ đạo huyện đã xây dựng kế hoạch phòng chống thiên tai.', 'Ban Chỉ đạo huyện'],
  ])('%s -> %s', (sentence, issuer) => {
    expect(propose(sentence).proposal.plan.issuer).toBe(issuer);
  });

  it('reads the date of a header laid out as table cells', () => {
    const { proposal } = propose('ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 30/KH-UBND | An Phú, ngày 13 tháng 7 năm 2026 |\nBáo cáo kết quả về UBND tỉnh trước ngày 15/12 hằng năm.');
    expect(proposal.plan).toMatchObject({ number: '30/KH-UBND', date: '2026-07-13', place: 'An Phú' });
  });
});
