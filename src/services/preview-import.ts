// Reads an uploaded or pasted plan and returns the proposal and an editable draft; stores
// nothing. A document that cannot be read is a 400 with the reader's bilingual message.
import type { Db } from '../db';
import { draftFromProposal, type ImportDraft } from '../ingest/draft';
import { IngestError } from '../ingest/errors';
import { importDocument } from '../ingest/import-document';
import type { Proposal } from '../ingest/proposal';
import type { DocumentFormat } from '../ingest/read-document';
import { ServiceError } from './errors';

export interface ImportPreview {
  format: DocumentFormat;
  /** The cleaned text every quote position points into. */
  text: string;
  proposal: Proposal;
  draft: ImportDraft;
}

export async function previewImport(db: Db, bytes: Uint8Array): Promise<ImportPreview> {
  let imported;
  try {
    imported = await importDocument(bytes);
  } catch (err) {
    if (err instanceof IngestError) throw new ServiceError('invalid-input', err.messageVi, err.messageEn, [err.code]);
    throw err;
  }
  const draft = draftFromProposal(imported.proposal);
  // An organisation already in the database with the issuer's name keeps its id.
  const existing = await db.organisation.findFirst({ where: { name: draft.body.organisation.name } });
  if (existing) draft.body.organisation = { id: existing.id, name: existing.name, kind: existing.kind as 'province' | 'commune' | 'district' };
  return { format: imported.format, text: imported.plan.text, proposal: imported.proposal, draft };
}
