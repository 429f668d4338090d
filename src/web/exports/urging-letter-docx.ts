// A draft urging letter (công văn đôn đốc) as .docx (the `docx` library), in the layout of
// Decree 30/2020/NĐ-CP for administrative documents: A4, Times New Roman; a two-column header
// table without borders (the issuing body, số and ký hiệu with the number left blank for the
// clerk, trích yếu | Quốc hiệu, Tiêu ngữ, địa danh and date); Kính gửi; the body; Nơi nhận
// beside the signature block (TM. / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, the name left blank for the
// leader who signs). Every name is a text run: the library escapes it, so a hostile agency
// name is text in the letter, never markup.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import type { UrgingLetter } from '../../services/urging-letter';
import { viDay, xmlSafe } from './file-text';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = 'Times New Roman';
/** Sizes in half-points: 13 and 14 pt as the decree asks, 12 and 11 for Nơi nhận. */
const PT = (pt: number) => pt * 2;
/** Millimetres in twips. */
const MM = (mm: number) => Math.round((mm / 25.4) * 1440);

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

type Run = Omit<IRunOptions, 'text'> & { text: string };
const run = (r: Run) => new TextRun({ font: FONT, size: PT(14), ...r, text: xmlSafe(r.text) });
const line = (runs: Run | Run[], opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number; before?: number } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: MM(10) } : undefined,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: 300 },
    children: (Array.isArray(runs) ? runs : [runs]).map(run),
  });
const center = (r: Run | Run[], after = 0) => line(r, { align: AlignmentType.CENTER, after });

/**
 * The issuing body's two header lines and its short name: "UBND xã Bình Lư" reads as
 * ỦY BAN NHÂN DÂN / XÃ BÌNH LƯ, địa danh "Bình Lư"; any other name stands as it is.
 */
export function issuingBody(name: string): { lines: string[]; collective: string; place: string } {
  const m = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/iu.exec(name.trim());
  if (!m) return { lines: [name.toLocaleUpperCase('vi')], collective: name.toLocaleUpperCase('vi'), place: name };
  const unit = m[1]!;
  const place = unit.replace(/^(xã|phường|thị trấn|đặc khu|tỉnh|thành phố|huyện|quận|thị xã)\s+/iu, '');
  return { lines: ['ỦY BAN NHÂN DÂN', unit.toLocaleUpperCase('vi')], collective: 'ỦY BAN NHÂN DÂN', place };
}

/**
 * "ngày 05 tháng 02 năm 2026": the decree writes a day below 10 and the months 1 and 2 with a
 * leading zero (so the date cannot be altered by hand).
 */
export function dateLine(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

const cell = (children: Paragraph[], widthPct: number) =>
  new TableCell({ children, width: { size: widthPct, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });

export async function urgingLetterDocx(l: UrgingLetter): Promise<Buffer> {
  const body = issuingBody(l.organisation);
  const what = l.title ? `${l.title} (${l.ruleText})` : l.ruleText;
  const subject = `V/v đôn đốc báo cáo ${l.periodLabel} theo Kế hoạch số ${l.planNumber}`;
  const through = l.coordinator ? ` (qua ${l.coordinator})` : '';
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([
            ...body.lines.map((t) => center({ text: t, bold: true, size: PT(13) })),
            center({ text: '———', size: PT(13) }, 120),
            center({ text: 'Số:        /UBND-VHXH', size: PT(13) }),
            center({ text: subject, size: PT(12) }),
          ], 40),
          cell([
            center({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: PT(13) }),
            center({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: PT(14), underline: {} }, 240),
            center({ text: `${body.place}, ${dateLine(l.date)}`, italics: true, size: PT(14) }),
          ], 60),
        ],
      }),
    ],
  });
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([
            line({ text: 'Nơi nhận:', bold: true, italics: true, size: PT(12) }, { align: AlignmentType.LEFT }),
            line({ text: '- Như trên;', size: PT(11) }, { align: AlignmentType.LEFT }),
            line({ text: '- Chủ tịch, các Phó Chủ tịch;', size: PT(11) }, { align: AlignmentType.LEFT }),
            ...(l.coordinator ? [line({ text: `- ${l.coordinator};`, size: PT(11) }, { align: AlignmentType.LEFT })] : []),
            line({ text: '- Lưu: VT, VHXH.', size: PT(11) }, { align: AlignmentType.LEFT }),
          ], 45),
          cell([
            center({ text: `TM. ${body.collective}`, bold: true, size: PT(14) }),
            center({ text: 'KT. CHỦ TỊCH', bold: true, size: PT(14) }),
            center({ text: 'PHÓ CHỦ TỊCH', bold: true, size: PT(14) }, 1600),
            center({ text: '', bold: true, size: PT(14) }),
          ], 55),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'Hạn báo cáo',
    title: subject,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: MM(20), bottom: MM(20), left: MM(30), right: MM(15) } } },
        children: [
          header,
          center([{ text: 'Kính gửi: ', size: PT(14) }, { text: `${l.agency}.`, size: PT(14) }], 0),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          line([
            { text: `Thực hiện Kế hoạch số ${l.planNumber} ngày ${viDay(l.planIssuedOn)} của ${l.organisation} về ${l.planTitle}, ` },
            { text: `${l.agency} có trách nhiệm báo cáo: “${what}”, kỳ ${l.periodLabel} (số liệu từ ngày ${viDay(l.dataFrom)} đến ngày ${viDay(l.dataTo)}), ` },
            { text: `hạn cuối ngày ${viDay(l.lastDay)}.` },
          ], { indent: true, after: 120 }),
          line({ text: `Đến nay đã quá hạn ${l.workingDaysLate} ngày làm việc nhưng ${l.organisation} chưa nhận được báo cáo của ${l.agency}.` }, { indent: true, after: 120 }),
          line({ text: `Để kịp thời tổng hợp, báo cáo cấp trên theo quy định, ${l.organisation} đề nghị ${l.agency} khẩn trương hoàn thành và gửi báo cáo về ${l.organisation}${through} trước ngày ${viDay(l.reportBy)}.` }, { indent: true, after: 120 }),
          line({ text: `Đề nghị ${l.agency} quan tâm, thực hiện./.` }, { indent: true, after: 240 }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
