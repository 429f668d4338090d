// The board as an Excel workbook (exceljs): one row per deadline the board's filters select
// (not only one page), Vietnamese headers, the header row frozen and filtered, and a second
// sheet saying what was exported and whether rows were left out.
//
// Dates are real Excel dates shown as dd/mm/yyyy, not text: the office sorts and filters by
// last day in Excel, and a date cell does both correctly where text "04/11/2026" would sort
// by day of month. Excel serials carry no time zone: the cell holds the local day itself.
//
// Formula injection: every user-typed value (agency, plan, obligation names) is written as a
// string cell; exceljs makes a formula only of a {formula} value, so "=HYPERLINK(...)" stays
// text and is shown verbatim (no apostrophe added, unlike the CSV of the audit log, where a
// spreadsheet parses every field itself).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { BoardExport } from '../../services/board-export';
import { xmlSafe } from './file-text';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The columns, in order: header, width, and the value of a row. */
const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Số kế hoạch', width: 16 },
  { header: 'Tên kế hoạch', width: 40 },
  { header: 'Cơ quan ban hành', width: 24 },
  { header: 'Đơn vị báo cáo', width: 28 },
  { header: 'Nội dung báo cáo', width: 40 },
  { header: 'Kỳ báo cáo', width: 16 },
  { header: 'Hạn cuối', width: 12 },
  { header: 'Tình trạng', width: 22 },
  { header: 'Số ngày làm việc quá hạn', width: 14 },
  { header: 'Gia hạn', width: 9 },
  { header: 'Cấp cảnh báo', width: 10 },
  { header: 'Đã cảnh báo tới', width: 28 },
] as const;

export const BOARD_XLSX_HEADERS = COLUMNS.map((c) => c.header);
/** Index of "Hạn cuối", the one date column. */
const DATE_COLUMN = 7;

/** An ISO local day as the Excel date of that day (exceljs writes a Date's UTC day). */
const excelDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/**
 * Written with exceljs's streaming writer: each row is committed as it is added, so 50,000
 * rows do not sit in memory as cell objects (the in-memory workbook took three times as
 * long). Strings go to the shared-string table (t="s" cells: plain text to every reader;
 * the writer's inline alternative marks them t="str", a formula's cached result).
 */
export async function boardXlsx(data: BoardExport): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = 'Hạn báo cáo';
  wb.created = data.generatedAt;
  const sheet = wb.addWorksheet('Bảng theo dõi', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, ...(i === DATE_COLUMN ? { style: { numFmt: 'dd/mm/yyyy' } } : {}) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();
  data.rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      xmlSafe(r.planNumber),
      xmlSafe(r.planTitle),
      xmlSafe(r.organisation),
      xmlSafe(r.agency),
      xmlSafe(r.obligation),
      xmlSafe(r.periodLabel),
      excelDay(r.lastDay),
      r.officialVi,
      r.workingDaysLate,
      r.extended ? 'Có' : '',
      r.escalationLevel,
      xmlSafe(r.escalatedTo ?? ''),
    ]).commit();
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + data.rows.length, column: COLUMNS.length } };
  sheet.commit();

  const about = wb.addWorksheet('Thông tin');
  about.columns = [{ width: 30, style: { font: { bold: true } } }, { width: 70 }];
  const lines: [string, string][] = [
    ['Xuất lúc', data.generatedAtVi],
    ['Kỳ', data.periodLabel],
    ['Bộ lọc', xmlSafe(data.filtersVi || 'không có')],
    ['Số dòng phù hợp', String(data.total)],
    ['Số dòng trong tệp', String(data.rows.length)],
  ];
  if (data.total > data.rows.length) lines.push(['Lưu ý', `Tệp chỉ chứa ${data.rows.length.toLocaleString('vi-VN')} dòng đầu tiên (giới hạn mỗi lần xuất); hãy lọc hẹp hơn để xuất phần còn lại.`]);
  for (const line of lines) about.addRow(line).commit();
  about.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
