// The audit log as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads
// Vietnamese as Windows-1252), a header row, every field quoted (RFC 4180, CRLF lines), and
// any value that a spreadsheet would run as a formula (starting with = + - @, or a tab or
// carriage return: OWASP "CSV injection") prefixed with an apostrophe so it stays text.
import type { AuditRow } from '../../services/admin/audit-log';
import { actorTypeVi, auditActionVi, formatAuditInstant } from './audit-text';

export const CSV_BOM = '\uFEFF';

export const AUDIT_CSV_HEADER = [
  'Mã',
  'Thời điểm (giờ Việt Nam)',
  'Thời điểm (UTC)',
  'Loại người thực hiện',
  'Người thực hiện',
  'Mã người thực hiện',
  'Địa chỉ IP',
  'Hành động',
  'Mã hành động',
  'Cơ quan',
  'Mã cơ quan',
  'Loại đối tượng',
  'Mã đối tượng',
  'Trước',
  'Sau',
];

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: neutralised against formulas, then quoted. */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function auditLine(r: AuditRow): string {
  return csvLine([
    r.id,
    formatAuditInstant(r.at),
    r.at,
    actorTypeVi(r.actorType),
    r.actorLabel,
    r.actorId,
    r.ip,
    auditActionVi(r.action),
    r.action,
    r.organisationName,
    r.organisationId,
    r.subjectType,
    r.subjectId,
    r.before,
    r.after,
  ]);
}

/** The whole file, chunk by chunk: the BOM and header first, then one line per row. */
export async function* auditCsv(rows: AsyncIterable<AuditRow>): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(AUDIT_CSV_HEADER);
  for await (const r of rows) yield auditLine(r);
}
