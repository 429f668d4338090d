// The note of a report replied by email is the agency's own words: the quoted reminder goes.
import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from '../../src/domain/reply-text';

describe('stripQuotedReply', () => {
  it.each([
    [
      'Gmail in Vietnamese, its header wrapped over two lines',
      'Kính gửi Phòng VH-XH,\r\nTrạm gửi báo cáo quý IV.\r\n\r\nVào Th 2, 30 thg 11, 2026 lúc 08:00 Hạn báo cáo <hanbaocao@hoa-an.example>\r\nđã viết:\r\n> [Nhắc hạn] Báo cáo ...\r\n',
      'Kính gửi Phòng VH-XH,\nTrạm gửi báo cáo quý IV.',
    ],
    ['Gmail in Vietnamese on one line', 'Đã gửi.\n\nVào 08:00, 30/11/2026 Hạn báo cáo đã viết:\n> nhắc\n', 'Đã gửi.'],
    ['English', 'Attached.\n\nOn Mon, Nov 30, 2026 at 8:00 AM Hạn báo cáo <x@y> wrote:\n> reminder', 'Attached.'],
    ['Outlook separator', 'Gửi kèm báo cáo.\n-----Original Message-----\nFrom: Hạn báo cáo\nSubject: nhắc', 'Gửi kèm báo cáo.'],
    ['Outlook header block without separator', 'Gửi kèm.\n\nFrom: Hạn báo cáo <x@y>\nSent: Monday\nTo: van-thu\n\nNhắc hạn', 'Gửi kèm.'],
    ['interleaved quote lines', '> câu hỏi\nTrả lời thứ nhất\n> câu hỏi khác\nTrả lời thứ hai', 'Trả lời thứ nhất\nTrả lời thứ hai'],
    ['a signature', 'Báo cáo đính kèm.\n-- \nVăn thư Trạm Y tế\n0203 123 456', 'Báo cáo đính kèm.'],
    ['only the quote', '\n\n> [Nhắc hạn] ...\n> ...', ''],
  ])('%s', (_name, text, note) => {
    expect(stripQuotedReply(text)).toBe(note);
  });

  it('keeps a line that merely starts with "Từ:" or "Vào" when no header follows', () => {
    expect(stripQuotedReply('Từ: Trạm Y tế xã gửi báo cáo\nVào tuần sau sẽ bổ sung phụ lục.')).toBe('Từ: Trạm Y tế xã gửi báo cáo\nVào tuần sau sẽ bổ sung phụ lục.');
  });
});
