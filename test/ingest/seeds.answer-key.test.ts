// Answer keys written by hand from ../shared/seeds and DOMAIN.md's seed table: every
// obligation, campaign and indicator owner found, and nothing else (exact counts).
import { describe, expect, it } from 'vitest';
import { expectQuotesInPlace, owned, propose, seedText } from './ingest-helpers';

describe('seed 000: 1218/KH-UBND, women in leadership, xã Bình Lư', () => {
  const { plan, proposal } = propose(seedText('000'));

  it('reads the header: number, issuer, date, title, span, higher plan, signer', () => {
    expect(proposal.plan).toMatchObject({
      number: '1218/KH-UBND',
      issuer: 'Ủy ban nhân dân xã Bình Lư',
      place: 'Bình Lư',
      date: '2026-06-11',
      span: { from: 2026, to: 2030 },
      signer: { name: 'Nguyễn Thị Nhàn', title: 'PHÓ CHỦ TỊCH' },
    });
    expect(proposal.plan.title).toMatch(/^Triển khai thực hiện Chương trình tăng cường sự tham gia bình đẳng của phụ nữ .* xã Bình Lư$/u);
    expect(proposal.plan.higherPlan).toMatchObject({ number: '4595/KH-UBND', date: '2026-06-09' });
  });

  it('finds the one obligation: every agency to UBND xã via Phòng VH-XH before 05/11 every year', () => {
    expect(proposal.obligations).toHaveLength(1);
    expect(proposal.obligations[0]).toMatchObject({
      reporter: 'Thủ trưởng các cơ quan, ban, ngành, đoàn thể',
      reporterKind: 'generic',
      recipient: 'Ủy ban nhân dân xã Bình Lư',
      via: 'Phòng Văn hóa – Xã hội',
      recurrence: 'annual',
      due: [{ day: 5, month: 11, inclusive: false }],
      dueRule: 'trước ngày 05/11 hằng năm',
    });
    expect(proposal.obligations[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    // The generic reporter stands for the agencies the plan names, not the one it reports via.
    expect(proposal.obligations[0]!.reporters).toEqual([
      'Văn phòng HĐND và UBND',
      'Phòng Kinh tế',
      'Trung tâm Dịch vụ tổng hợp',
      'Ủy ban Mặt trận Tổ quốc Việt Nam xã',
    ]);
  });

  it("keeps Phòng VH-XH's undated report upward (Sở Nội vụ, UBND tỉnh) and says it has no date", () => {
    expect(proposal.upwardReports).toEqual([
      expect.objectContaining({ reporter: 'Phòng Văn hóa – Xã hội', recipient: 'Sở Nội vụ, Ủy ban nhân dân tỉnh' }),
    ]);
    expect(proposal.unread).toHaveLength(1);
    expect(proposal.unread[0]).toContain('Sở Nội vụ');
  });

  it('lists the agencies of the duties section and invents no campaign or quota', () => {
    expect(proposal.agencies.map((a) => a.name)).toEqual([
      'Thủ trưởng các cơ quan, ban, ngành, đoàn thể',
      'Phòng Văn hóa – Xã hội',
      'Văn phòng HĐND và UBND',
      'Phòng Kinh tế',
      'Trung tâm Dịch vụ tổng hợp',
      'Ủy ban Mặt trận Tổ quốc Việt Nam xã',
    ]);
    expect(proposal.campaigns).toEqual([]);
    expect(proposal.quotas).toEqual([]);
    expectQuotesInPlace(plan, proposal);
  });
});

describe('seed 001: 645/KH-UBND, gender-equality strategy, xã Bình Lư', () => {
  const { plan, proposal } = propose(seedText('001'));

  it('reads the header', () => {
    expect(proposal.plan).toMatchObject({
      number: '645/KH-UBND',
      issuer: 'Ủy ban nhân dân xã Bình Lư',
      date: '2026-04-10',
      title: 'Thực hiện Chiến lược quốc gia về Bình đẳng giới giai đoạn 2026-2030 trên địa bàn xã Bình Lư',
      span: { from: 2026, to: 2030 },
      signer: { name: 'Nguyễn Thị Nhàn' },
    });
    expect(proposal.plan.higherPlan).toMatchObject({ number: '8416/KH-UBND', date: '2025-12-26', issuer: 'Ủy ban nhân dân tỉnh Lai Châu' });
  });

  it('finds the annual report before 30/11 from every commune agency via Phòng VH-XH', () => {
    expect(proposal.obligations).toHaveLength(1);
    const o = proposal.obligations[0]!;
    expect(o).toMatchObject({
      reporter: 'Các cơ quan đơn vị thuộc xã',
      reporterKind: 'generic',
      recipient: 'Ủy ban nhân dân xã Bình Lư',
      via: 'Phòng Văn hóa – Xã hội',
      recurrence: 'annual',
      due: [{ day: 30, month: 11, inclusive: false }],
    });
    expect(o.quote).toBe(
      'Chế độ báo cáo định kỳ hàng năm: Báo cáo kết quả thực hiện Chiến lược gửi về Ủy ban nhân dân xã (qua Phòng Văn hóa – Xã hội) trước ngày 30/11 hàng năm.',
    );
    expect(o.reporters).toEqual([
      'Phòng Kinh tế',
      'Văn phòng HĐND và UBND xã',
      'Trạm Y tế xã',
      'Các trường thuộc UBND xã',
      'Trung tâm Dịch vụ tổng hợp',
      'Công an xã',
      'Ủy ban Mặt trận Tổ quốc Việt Nam xã, các tổ chức chính trị- xã hội',
    ]);
  });

  it('assigns every indicator owner of DOMAIN.md', () => {
    expect(owned(proposal, 'Phòng Văn hóa – Xã hội')).toEqual(['1.1', '2.1', '2.2', '6.1', '6.2']);
    expect(owned(proposal, 'Phòng Kinh tế')).toEqual(['2.3']);
    expect(owned(proposal, 'Trạm Y tế xã')).toEqual(['3.3', '3.4', '4.1', '4.2', '4.3']);
    expect(owned(proposal, 'Các trường thuộc UBND xã')).toEqual(['5.1', '5.2', '5.3', '5.4']);
    expect(owned(proposal, 'Trung tâm Dịch vụ tổng hợp')).toEqual(['6.3', '6.4']);
    expect(owned(proposal, 'Công an xã')).toEqual(['3.2']);
    expect(owned(proposal, 'Văn phòng HĐND và UBND xã')).toEqual([]);
    const police = proposal.agencies.find((a) => a.name === 'Công an xã')!;
    expect(police.reportingDuties.map((d) => d.quote).join(' ')).toContain('phòng, chống mua bán người');
  });

  it('reads the six goals with their indicators', () => {
    expect(proposal.goals.map((g) => [g.number, g.indicators.length])).toEqual([
      [1, 1],
      [2, 3],
      [3, 4],
      [4, 3],
      [5, 4],
      [6, 4],
    ]);
  });

  it('finds the campaign days 08/03, 28/06, 20/10 and the Action Month 15/11-15/12 organised by Phòng VH-XH', () => {
    expect(proposal.campaigns.map((c) => [c.kind, `${c.start.day}/${c.start.month}`, `${c.end.day}/${c.end.month}`, c.recurring])).toEqual([
      ['observance', '28/6', '28/6', true],
      ['observance', '8/3', '8/3', true],
      ['observance', '20/10', '20/10', true],
      ['campaign', '15/11', '15/12', true],
    ]);
    expect(proposal.campaigns.slice(0, 3).every((c) => c.name.startsWith('Việc nhà bình đẳng'))).toBe(true);
    expect(proposal.campaigns[3]).toMatchObject({
      name: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
      organiser: 'Phòng Văn hóa – Xã hội',
    });
  });

  it('finds the quotas (4 news items a quarter, a radio segment a month) and the final review', () => {
    expect(proposal.quotas.map((q) => [q.every, q.atLeast, q.goal, q.indicator])).toEqual([
      ['quarter', 4, 6, 3],
      ['month', 1, 6, 4],
    ]);
    expect(proposal.quotas[0]!.what).toBe('tin, bài');
    expect(proposal.reviews.map((r) => r.kind)).toContain('final');
    expectQuotesInPlace(plan, proposal);
  });
});

describe('seed 004: 01/KH-BVSTBPN, provincial committee work plan 2024', () => {
  const { plan, proposal } = propose(seedText('004'));

  it('reads the header despite markdown debris', () => {
    expect(proposal.plan).toMatchObject({
      number: '01/KH-BVSTBPN',
      issuer: 'Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu',
      date: '2024-04-24',
      span: { from: 2024, to: 2024 },
      standingBody: 'Sở Lao động - Thương binh Xã hội',
      signer: { name: 'Tổng Thanh Hải', title: 'PHÓ CHỦ TỊCH UBND TỈNH' },
    });
    expect(proposal.plan.title).toBe('Thực hiện Công tác Bình đẳng giới và Hoạt động Vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu năm 2024');
    expect(proposal.plan.higherDocuments.map((d) => d.number)).toEqual(['1415/KH-UBND']);
  });

  it('finds the 6-month report before 05/06 and the annual report before 05/12, plus ad-hoc reports, via the standing body', () => {
    expect(proposal.obligations.map((o) => [o.recurrence, o.due])).toEqual([
      [
        'semiannual',
        [
          { day: 5, month: 6, inclusive: false },
          { day: 5, month: 12, inclusive: false },
        ],
      ],
      ['adhoc', []],
    ]);
    for (const o of proposal.obligations) {
      expect(o).toMatchObject({
        reporter: 'Ban VSTBCPN các sở, ban, ngành, đoàn thể và các huyện, thành phố',
        reporterKind: 'generic',
        recipient: 'Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu',
        via: 'Sở Lao động - Thương binh Xã hội',
      });
      // The recipient was inferred (the sentence names none): the confidence says so.
      expect(o.confidence).toBeLessThan(0.9);
    }
    expect(proposal.obligations[0]!.dueRule).toBe('báo cáo 6 tháng trước ngày 5/6 và báo cáo năm trước ngày 5/12');
  });

  it('finds the June national action month and the Action Month 15/11-15/12/2024', () => {
    expect(proposal.campaigns.map((c) => [c.name, `${c.start.day}/${c.start.month}`, `${c.end.day}/${c.end.month}`, c.recurring, c.year])).toEqual([
      ['Tháng hành động quốc gia về phòng, chống bạo lực gia đình', '1/6', '30/6', false, 2024],
      ['Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới', '15/11', '15/12', false, 2024],
    ]);
    expectQuotesInPlace(plan, proposal);
  });

  it('has nothing left unread', () => {
    expect(proposal.unread).toEqual([]);
  });
});
