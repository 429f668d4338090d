// Reads an uploaded or pasted plan and returns the proposal and an editable draft; stores
// nothing. A document that cannot be read is a 400 with the reader's bilingual message, and
// so is one still being read when the parse pool's time cap expires.
import type { Db } from '../db';
import { draftFromProposal, type ImportDraft } from '../ingest/draft';
import { IngestError } from '../ingest/errors';
import { importDocument, type ImportedDocument } from '../ingest/import-document';
import type { Proposal } from '../ingest/proposal';
import type { DocumentFormat } from '../ingest/read-document';
import { ParseTimeCapError } from '../parse-pool/parse-pool';
import { ServiceError } from './errors';

export interface ImportPreview {
  format: DocumentFormat;
  /** The cleaned text every quote position points into. */
  text: string;
  proposal: Proposal;
  draft: ImportDraft;
}

/** Bytes -> cleaned text and proposal: in process by default, or a parse pool's thread (the API). */
export type ReadPlanDocument = (bytes: Uint8Array) => Promise<ImportedDocument>;

/**
 * `importInto`: the organisations the caller may import into (absent: any, as for the CLI's
 * dry run). A plan is imported into the caller's own organisation: when the document's issuer
 * is not one of them and the caller has exactly one, the draft names that one and says so.
 */
export async function previewImport(db: Db, bytes: Uint8Array, read: ReadPlanDocument = importDocument, importInto?: readonly string[]): Promise<ImportPreview> {
  let imported;
  try {
    imported = await read(bytes);
  } catch (err) {
    if (err instanceof IngestError) throw new ServiceError('invalid-input', err.messageVi, err.messageEn, [err.code]);
    if (err instanceof ParseTimeCapError) {
      const ms = err.timeCapMs;
      const [vi, en] = ms >= 1000 ? [`${Math.round(ms / 1000)} giây`, `${Math.round(ms / 1000)} s`] : [`${ms} ms`, `${ms} ms`];
      throw new ServiceError(
        'invalid-input',
        `Đọc tệp quá ${vi} nên đã dừng. Hãy tách văn bản thành tệp nhỏ hơn hoặc chỉ dán phần nội dung kế hoạch.`,
        `Reading the document took longer than ${en} and was stopped. Split it into smaller files, or paste only the plan's text.`,
        ['too-slow'],
      );
    }
    throw err;
  }
  const draft = draftFromProposal(imported.proposal);
  // An organisation already in the database with the issuer's name keeps its id.
  const existing = await db.organisation.findFirst({ where: { name: draft.body.organisation.name } });
  if (existing) draft.body.organisation = { id: existing.id, name: existing.name, kind: existing.kind as 'province' | 'commune' | 'district' };
  if (importInto && !importInto.includes(draft.body.organisation.id) && importInto.length === 1) {
    const own = await db.organisation.findUnique({ where: { id: importInto[0]! } });
    if (own) {
      draft.warnings.push(`Văn bản ghi cơ quan ban hành "${draft.body.organisation.name}"; kế hoạch sẽ được nhập vào ${own.name}, tổ chức của tài khoản này.`);
      draft.body.organisation = { id: own.id, name: own.name, kind: own.kind as 'province' | 'commune' | 'district' };
    }
  }
  return { format: imported.format, text: imported.plan.text, proposal: imported.proposal, draft };
}
