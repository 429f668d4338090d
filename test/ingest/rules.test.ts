// The extraction rules one by one, on the wordings plans of this genre use.
import { describe, expect, it } from 'vitest';
import { draftFromProposal } from '../../src/ingest/draft';
import { indicatorsIn } from '../../src/ingest/rules/agencies.rules';
import { propose } from './ingest-helpers';

/** A minimal plan around one duties paragraph, so each rule is seen in its usual place. */
function plan(duty: string, heading = '1. Các cơ quan, đơn vị', header = 'Số: 12/KH-UBND\nAn Phú, ngày 02 tháng 01 năm 2026\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2026') {
  return `${header}\nIV. TỔ CHỨC THỰC HIỆN\n${heading}\n${duty}\n2. Phòng Nội vụ\nTheo dõi, đôn đốc.`;
}

describe('reporting obligations: due rules as plans write them', () => {
  it.each([
    ['Báo cáo kết quả về Ủy ban nhân dân xã trước ngày 05/11 hằng năm.', 'annual', [{ day: 5, month: 11, inclusive: false }]],
    ['Báo cáo kết quả về UBND xã trước ngày 5/11 hàng năm.', 'annual', [{ day: 5, month: 11, inclusive: false }]],
    ['Báo cáo kết quả về UBND xã trước ngày 15 tháng 11 hằng năm.', 'annual', [{ day: 15, month: 11, inclusive: false }]],
    ['Gửi báo cáo năm về Sở Nội vụ chậm nhất ngày 20/12.', 'annual', [{ day: 20, month: 12, inclusive: true }]],
    ['Báo cáo về UBND tỉnh đến hết ngày 10.12 hằng năm.', 'annual', [{ day: 10, month: 12, inclusive: true }]],
    [
      'Báo cáo 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 15/12 gửi về Phòng Nội vụ.',
      'semiannual',
      [
        { day: 15, month: 6, inclusive: false },
        { day: 15, month: 12, inclusive: false },
      ],
    ],
    ['Báo cáo hằng quý, trước ngày 20 của tháng cuối quý, gửi về UBND xã.', 'quarterly', []],
    ['Báo cáo tiến độ về UBND xã chậm nhất ngày 25 hằng tháng.', 'monthly', []],
    ['Báo cáo tổng kết về UBND xã trước ngày 30/6/2027.', 'once', [{ day: 30, month: 6, inclusive: false }]],
  ])('%s -> %s', (sentence, recurrence, due) => {
    const { proposal } = propose(plan(sentence));
    expect(proposal.obligations[0]).toMatchObject({ recurrence, due, reporter: 'Các cơ quan, đơn vị', reporterKind: 'generic' });
  });

  // Wordings whose words end in a Vietnamese letter or follow a digit: read with Unicode
  // word boundaries, and the rule's words go to the deadlines as written.
  it.each([
    ['Báo cáo quý trước ngày 15 tháng cuối quý, gửi về UBND xã.', 'quarterly', [], 'Báo cáo quý trước ngày 15 tháng cuối quý'],
    ['Báo cáo quý gửi về UBND xã chậm nhất ngày 10 của tháng đầu quý sau.', 'quarterly', [], 'chậm nhất ngày 10 của tháng đầu quý sau'],
    ['Báo cáo tháng gửi về UBND xã chậm nhất ngày 20 tháng sau.', 'monthly', [], 'chậm nhất ngày 20 tháng sau'],
    ['Báo cáo kết quả về UBND xã không quá ngày 20/12 hằng năm.', 'annual', [{ day: 20, month: 12, inclusive: true }], 'không quá ngày 20/12 hằng năm'],
    ['Báo cáo kết quả về UBND xã trước ngày 16 tháng 11 hằng năm.', 'annual', [{ day: 16, month: 11, inclusive: false }], 'trước ngày 16 tháng 11 hằng năm'],
    ['Đề nghị quý cơ quan báo cáo về UBND xã trước ngày 05/11 hằng năm.', 'annual', [{ day: 5, month: 11, inclusive: false }], 'trước ngày 05/11 hằng năm'],
  ])('%s -> %s', (sentence, recurrence, due, dueRule) => {
    const { proposal } = propose(plan(sentence));
    expect(proposal.unread).toEqual([]);
    expect(proposal.obligations).toHaveLength(1);
    expect(proposal.obligations[0]).toMatchObject({ recurrence, due, dueRule });
  });

  it('reads "(qua ...)" up to the due words, whatever letter follows them', () => {
    const { proposal } = propose(plan('Trạm Y tế xã báo cáo về UBND xã qua Phòng Văn hóa – Xã hội trước ngày 10/01 hằng năm.'));
    expect(proposal.obligations[0]).toMatchObject({ reporter: 'Trạm Y tế xã', via: 'Phòng Văn hóa – Xã hội', recipient: 'UBND xã' });
  });

  it('adds an ad-hoc obligation for "hoặc đột xuất theo yêu cầu"', () => {
    const { proposal } = propose(plan('Báo cáo về UBND xã trước ngày 30/11 hằng năm hoặc đột xuất theo yêu cầu.'));
    expect(proposal.obligations.map((o) => o.recurrence)).toEqual(['annual', 'adhoc']);
  });

  it('reads the subject as reporter and "(qua ...)" as the body it reports through', () => {
    const { proposal } = propose(plan('Trạm Y tế xã báo cáo số liệu về Ủy ban nhân dân xã (qua Phòng Văn hóa – Xã hội) trước ngày 10/01 hằng năm.'));
    expect(proposal.obligations[0]).toMatchObject({ reporter: 'Trạm Y tế xã', reporterKind: 'specific', reporters: ['Trạm Y tế xã'], via: 'Phòng Văn hóa – Xã hội' });
  });

  it('expands a generic reporter to the named agencies, leaving out the one it reports via', () => {
    const { proposal } = propose(plan('Báo cáo về UBND xã (qua Phòng Nội vụ) trước ngày 05/11 hằng năm.', '1. Thủ trưởng các cơ quan, ban, ngành, đoàn thể'));
    expect(proposal.obligations[0]!.reporters).toEqual([]);
    const two = propose(plan('Báo cáo về UBND xã (qua Phòng Nội vụ) trước ngày 05/11 hằng năm.\n3. Trạm Y tế xã\nChăm sóc sức khỏe.'));
    expect(two.proposal.obligations[0]!.reporters).toEqual(['Trạm Y tế xã']);
  });

  it('proposes a periodic report whose period has no date with that period, flagged, and lists it as unread', () => {
    const { proposal } = propose(plan('Báo cáo định kỳ kết quả thực hiện về UBND xã vào cuối năm.'));
    expect(proposal.obligations).toMatchObject([{ recurrence: 'annual', due: [], needsDate: true }]);
    expect(proposal.unread).toContain('Báo cáo định kỳ chưa có hạn, cần đặt ngày (periodic report without a date, set one): Báo cáo định kỳ kết quả thực hiện về UBND xã vào cuối năm.');
  });

  it('keeps a periodic report it cannot date at all in unread, not as an obligation', () => {
    const { proposal } = propose(plan('Báo cáo định kỳ kết quả thực hiện về UBND xã trong quý IV.'));
    expect(proposal.obligations).toEqual([]);
    expect(proposal.unread).toContain('Báo cáo định kỳ chưa đọc được hạn (periodic report, no readable date): Báo cáo định kỳ kết quả thực hiện về UBND xã trong quý IV.');
  });

  it('keeps a dated sentence that is not a report out of the obligations', () => {
    const { proposal } = propose(plan('Tổ chức hội nghị trước ngày 05/11 hằng năm.'));
    expect(proposal.obligations).toEqual([]);
    expect(proposal.unread[0]).toContain('no reporting obligation');
  });
});

describe('indicator owners', () => {
  const goals = [
    { number: 4, title: 'y tế', indicators: [1, 2, 3].map((n) => ({ number: n, text: '' })), quote: '', position: { start: 0, end: 0, paragraph: 0 } },
  ];
  it.each([
    ['Chịu trách nhiệm báo cáo chỉ tiêu 3 của mục tiêu 2.', ['2.3']],
    ['Theo dõi và báo cáo kết quả Mục tiêu 1; chỉ tiêu 1, 2 của mục tiêu 2.', ['2.1', '2.2', '1.null']],
    ['Chịu trách nhiệm các chỉ tiêu của mục tiêu 4; chỉ tiêu 3 và 4 của mục tiêu 3.', ['4.1', '4.2', '4.3', '3.3', '3.4']],
    ['Báo cáo chỉ tiêu 2 (số liệu về bạo lực gia đình) của mục tiêu 3.', ['3.2']],
    ['Thực hiện các chỉ tiêu 1-3 của mục tiêu 05.', ['5.1', '5.2', '5.3']],
    ['Lồng ghép các mục tiêu, chỉ tiêu về bình đẳng giới.', []],
  ])('%s', (text, expected) => {
    expect(indicatorsIn(text, goals).map((i) => `${i.goal}.${i.indicator}`)).toEqual(expected);
  });
});

describe('plan header spellings', () => {
  it.each([
    ['Số: 645/KH-UBND', '645/KH-UBND'],
    ['Số 27/KH-UBND', '27/KH-UBND'],
    ['Số: 01 /KH-BVSTBPN', '01/KH-BVSTBPN'],
    ['Số:112 / KH-UBND', '112/KH-UBND'],
  ])('%s -> %s', (line, number) => {
    const { proposal } = propose(plan('Báo cáo về UBND xã trước ngày 05/11 hằng năm.', undefined, `${line}\nAn Phú, ngày 2 tháng 1 năm 2026\nKẾ HOẠCH\nCông tác dân vận giai đoạn 2026-2030`));
    expect(proposal.plan.number).toBe(number);
    expect(proposal.plan.date).toBe('2026-01-02');
    expect(proposal.plan.span).toEqual({ from: 2026, to: 2030 });
  });
});

describe('the issuer\'s level and the span, read as whole words', () => {
  const withIssuer = (issuer: string, title = 'Công tác dân vận năm 2026') =>
    `Số: 12/KH-UBND\nAn Phú, ngày 02 tháng 01 năm 2026\nKẾ HOẠCH\n${title}\n${issuer} ban hành Kế hoạch công tác dân vận như sau:\nI. MỤC TIÊU\nNâng cao chất lượng.\nII. TỔ CHỨC THỰC HIỆN\n1. Phòng Kinh tế\nBáo cáo kết quả về Ủy ban nhân dân trước ngày 05/11 hằng năm.`;

  it.each([
    ['Ủy ban nhân dân tỉnh Lai Châu', 'province'],
    ['Ban Vì sự tiến bộ của phụ nữ tỉnh', 'province'],
    ['Ủy ban nhân dân huyện Thạch An', 'district'],
    ['Ủy ban nhân dân xã Bình Lư', 'commune'],
    // A place named "Tỉnh Túc" is not a province.
    ['Ủy ban nhân dân thị trấn Tỉnh Túc', 'commune'],
  ])('%s -> %s', (issuer, kind) => {
    const { proposal } = propose(withIssuer(issuer));
    expect(proposal.plan.issuer).toBe(issuer);
    expect(draftFromProposal(proposal).body.organisation.kind).toBe(kind);
  });

  it.each([
    ['Công tác dân vận năm 2026', { from: 2026, to: 2026 }],
    ['Công tác dân vận giai đoạn 2026–2030', { from: 2026, to: 2030 }],
    ['Công tác dân vận năm 2026-2030', { from: 2026, to: 2030 }],
    ['Công tác dân vận năm 20261', null],
  ])('title "%s" -> span %j', (title, span) => {
    expect(propose(withIssuer('Ủy ban nhân dân xã An Phú', title)).proposal.plan.span).toEqual(span);
  });
});

describe('campaigns and quotas', () => {
  it.each([
    ['Hưởng ứng Tháng hành động vì trẻ em (từ ngày 01/6 đến ngày 30/6) hằng năm.', 'Tháng hành động vì trẻ em', '1/6', '30/6', true],
    ['Tổ chức Tuần lễ áo dài từ ngày 01/3 đến hết ngày 08/03/2026.', 'Tuần lễ áo dài', '1/3', '8/3', false],
  ])('%s', (sentence, name, start, end, recurring) => {
    const { proposal } = propose(plan(`${sentence} Báo cáo về UBND xã trước ngày 05/11 hằng năm.`));
    expect(proposal.campaigns.map((c) => [c.name, `${c.start.day}/${c.start.month}`, `${c.end.day}/${c.end.month}`, c.recurring])).toEqual([[name, start, end, recurring]]);
  });

  it.each([
    ['Mỗi năm tổ chức ít nhất 02 hoạt động truyền thông.', 'year', 2, 'hoạt động truyền thông'],
    ['Đăng tải ít nhất 3 tin bài mỗi quý.', 'quarter', 3, 'tin bài'],
    ['Hằng tháng có tối thiểu 01 chuyên mục phát thanh.', 'month', 1, 'chuyên mục phát thanh'],
  ])('%s', (sentence, every, atLeast, what) => {
    const { proposal } = propose(plan(sentence));
    expect(proposal.quotas.map((q) => [q.every, q.atLeast, q.what])).toEqual([[every, atLeast, what]]);
  });
});
