// The days off the government actually announced for public servants (cán bộ, công chức,
// viên chức), where they differ from the computed calendar (vn-holidays.ts), with the
// documents they come from. Add a year when its announcement is published; an
// administrator can also supply overrides at run time (createBusinessCalendar(overrides)).
// Only announcements we have read are here; other years are computed.
// test/domain/official-calendar.test.ts lists, by hand from the documents, every weekday off
// and every working Saturday of each year below.
import type { CalendarOverrides } from './business-calendar';

export const officialOverrides: CalendarOverrides = {
  years: {
    // Tết Giáp Thìn: Thu 08/02 (29 tháng Chạp) to Wed 14/02/2024, five Tết days (two before
    // mùng 1, three after) and two days in lieu of the Saturday and Sunday. 30/4-01/05:
    // Monday 29/04 off, Saturday 04/05 worked. Quốc khánh 02/09 (Mon) and 03/09 (Tue), as
    // computed. Giỗ Tổ Thu 18/04, as computed.
    '2024': {
      tetDaysOff: ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'],
      extraDaysOff: [{ date: '2024-04-29', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5' }],
      workingWeekendDays: ['2024-05-04'],
      source: [
        {
          document: '8662/VPCP-KGVX',
          issuedOn: '2023-11-03',
          issuer: 'Văn phòng Chính phủ',
          title: 'Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2024 (ý kiến Thủ tướng Chính phủ)',
          url: 'http://kkt-kontum.com/thoi-gian-nghi-tet-nguyen-dan-giap-thin-tu-ngay-8-1422024-nghi-le-quoc-khanh-tu-ngay-318-den-392024.p-3210.html',
        },
        {
          document: '5015/TB-LĐTBXH',
          issuedOn: '2023-11-22',
          issuer: 'Bộ Lao động – Thương binh và Xã hội',
          title:
            'Thông báo về việc nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2024 đối với cán bộ, công chức, viên chức và người lao động',
          url: 'http://huyendakha.kontum.gov.vn/tin-tuc/thong-bao-ve-viec-nghi-tet-am-lich-va-nghi-le-quoc-khanh-nam-2024-doi-voi-can-bo-cong-chuc-vien-chuc-va-nguoi-lao-dong.html',
        },
        {
          document: '2450/VPCP-KGVX',
          issuedOn: '2024-04-12',
          issuer: 'Văn phòng Chính phủ',
          title: 'Hoán đổi ngày làm việc dịp nghỉ lễ Ngày Chiến thắng 30/4 và Ngày Quốc tế Lao động 1/5/2024',
          url: 'https://baophapluat.vn/media/thu-tuong-chinh-phu-dong-y-nghi-5-ngay-lien-tiep-dip-304-va-15-post12513.html',
          note: 'The Ministry of Labour announced the swap to agencies in notice 1570/TB-LĐTBXH, which was not read.',
        },
      ],
    },
    // Tết Ất Tỵ: Sat 25/01 to Sun 02/02/2025, five Tết days Mon 27/01 (28 tháng Chạp) to Fri
    // 31/01 (mùng 3) and four weekend days; no swap and no make-up Saturday for Tết.
    // 30/4-01/05: Friday 02/05 off, Saturday 26/04 worked. Quốc khánh Sat 30/08 to Tue 02/09,
    // the adjacent day Monday 01/09, as computed. Giỗ Tổ Mon 07/04, as computed.
    '2025': {
      tetDaysOff: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
      extraDaysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5' }],
      workingWeekendDays: ['2025-04-26'],
      source: [
        {
          document: '8726/VPCP-KGVX',
          issuedOn: '2024-11-26',
          issuer: 'Văn phòng Chính phủ',
          title: 'Nghỉ Tết Âm lịch và một số dịp nghỉ lễ trong năm 2025 (ý kiến Thủ tướng Chính phủ)',
          url: 'https://pld.net.vn/tag/nghi-tet-nguyen-dan.html',
          note: 'The days (Tết 25/01-02/02, swap 02/05 for 26/04, Quốc khánh 30/08-02/09) as the press reported this letter; the letter itself was not read. Giỗ Tổ 05-07/04 and the 26/04 make-up day: https://en.baochinhphu.vn/three-days-off-in-celebration-for-hung-kings-commemoration-day-111250304153250976.htm',
        },
        {
          document: '6150/TB-BLĐTBXH',
          issuedOn: '2024-12-03',
          issuer: 'Bộ Lao động – Thương binh và Xã hội',
          title: 'Thông báo nghỉ Tết Âm lịch, nghỉ lễ Quốc khánh và hoán đổi ngày làm việc dịp 30/4 – 1/5 năm 2025',
          note: 'Number and date as secondary sources cite them (also written 6150/TB-LĐTBXH); the notice itself was not read.',
        },
      ],
    },
    // Tết Dương lịch: Thu 01/01 and Friday 02/01/2026 off, Saturday 10/01 worked. Tết Bính
    // Ngọ: Mon 16/02 (29 tháng Chạp) to Fri 20/02 (mùng 4), as computed. Giỗ Tổ Sunday 26/04,
    // made up on Monday 27/04, as computed; no swap around 30/4-01/05. Quốc khánh Sat 29/08 to
    // Wed 02/09: Monday 31/08 off, Saturday 22/08 worked, the adjacent day Tuesday 01/09 (as
    // computed). Ngày Văn hóa Việt Nam, Tuesday 24/11, a new paid day off from 2026.
    '2026': {
      tetDaysOff: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
      extraDaysOff: [
        { date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch' },
        { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh 2/9' },
        { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' },
      ],
      workingWeekendDays: ['2026-01-10', '2026-08-22'],
      source: [
        {
          document: '9441/TB-BNV',
          issuedOn: '2025-10-16',
          issuer: 'Bộ Nội vụ',
          title:
            'Thông báo lịch nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2026 đối với cán bộ, công chức, viên chức và người lao động',
          url: 'https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html',
          note: 'Quốc khánh (29/08-02/09, Monday 31/08 swapped for Saturday 22/08) as the Prime Minister agreed it: https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html',
        },
        {
          document: '12729/VPCP-KGVX',
          issuedOn: '2025-12-25',
          issuer: 'Văn phòng Chính phủ',
          title: 'Nghỉ Tết Dương lịch năm 2026 (ý kiến Phó Thủ tướng Phạm Thị Thanh Trà)',
          url: 'https://baohiemxahoi.gov.vn/tintuc/audio/Pages/default.aspx?CateID=0&ItemID=25908&OtItem=date',
        },
        {
          document: '80-NQ/TW',
          issuedOn: '2026-01-07',
          issuer: 'Bộ Chính trị',
          title: 'Nghị quyết về phát triển văn hóa Việt Nam (24/11 hằng năm là Ngày Văn hóa Việt Nam, ngày nghỉ hưởng nguyên lương)',
          url: 'https://baomoi.net.vn/chon-ngay-24-11-hang-nam-la-ngay-van-hoa-viet-nam-c54246060.epi',
          note: 'The day off is reported enacted by Nghị quyết 28/2026/QH16 of the National Assembly, in force 01/07/2026; its text was not read.',
        },
      ],
    },
  },
};
