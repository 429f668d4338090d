// The audit log is append-only: no code of the product updates or deletes its rows, through
// Prisma or raw SQL. A source scan, so a future change that tries fails here before review.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/web/admin/audit-csv';

const ROOTS = ['src', 'activities', 'workflows', 'scripts', 'prisma', 'bin'];
const SKIP = new Set(['generated', 'node_modules']);

const FORBIDDEN: [string, RegExp][] = [
  ['a Prisma update or delete of AuditEvent', /auditEvent\s*\??\.\s*(update|updateMany|upsert|delete|deleteMany|createMany)\b/],
  ['raw SQL that changes AuditEvent', /\b(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|INSERT\s+OR\s+REPLACE\s+INTO)\s+["'`[]?AuditEvent\b/i],
];

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx|js|mjs|cjs|sql)$/.test(e.name) ? [p] : [];
  });
}

function offences(text: string): string[] {
  return FORBIDDEN.filter(([, re]) => re.test(text)).map(([what]) => what);
}

describe('the audit log is append-only', () => {
  it('recognises what it forbids', () => {
    expect(offences('await tx.auditEvent.update({ where: { id } })')).toEqual(['a Prisma update or delete of AuditEvent']);
    expect(offences('db.auditEvent .deleteMany()')).toEqual(['a Prisma update or delete of AuditEvent']);
    expect(offences('await db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = 1`')).toEqual(['raw SQL that changes AuditEvent']);
    expect(offences('UPDATE AuditEvent SET actorLabel = 1')).toEqual(['raw SQL that changes AuditEvent']);
    expect(offences('await db.auditEvent.create({ data })')).toEqual([]);
    expect(offences('await db.auditEvent.findMany({})')).toEqual([]);
  });

  it('has no code that updates or deletes audit rows', () => {
    const files = ROOTS.flatMap((r) => sources(r));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => offences(fs.readFileSync(f, 'utf8')).map((what) => `${f}: ${what}`));
    expect(found).toEqual([]);
  });
});

describe('CSV fields', () => {
  it.each([
    ['plain text', 'Trạm Y tế xã', '"Trạm Y tế xã"'],
    ['quotes doubled', 'Phòng "VH-XH"', '"Phòng ""VH-XH"""'],
    ['a comma and a line break kept inside the quotes', 'a,b\r\nc', '"a,b\r\nc"'],
    ['a formula', '=1+2', `"'=1+2"`],
    ['a plus', '+84 912', `"'+84 912"`],
    ['a minus', '-2+3', `"'-2+3"`],
    ['an at sign', '@SUM(A1)', `"'@SUM(A1)"`],
    ['a leading tab', '\t=1', `"'\t=1"`],
    ['a leading carriage return', '\r=1', `"'\r=1"`],
    ['a formula sign later in the text', 'a=1', '"a=1"'],
    ['nothing', null, '""'],
    ['a number', 42, '"42"'],
  ])('writes %s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
