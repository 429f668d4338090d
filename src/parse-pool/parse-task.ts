// What one parse thread runs: the in-process reader, with its refusals turned into plain
// data, because an Error crossing a thread boundary loses its class and its bilingual fields.
import { IngestError, type IngestErrorCode } from '../ingest/errors';
import { importDocument, type ImportedDocument } from '../ingest/import-document';

export type ParseOutcome =
  | { ok: true; document: ImportedDocument }
  | { ok: false; refusal: { code: IngestErrorCode; messageVi: string; messageEn: string } };

export async function parseTask(bytes: Uint8Array): Promise<ParseOutcome> {
  try {
    return { ok: true, document: await importDocument(bytes) };
  } catch (err) {
    if (err instanceof IngestError) return { ok: false, refusal: { code: err.code, messageVi: err.messageVi, messageEn: err.messageEn } };
    throw err;
  }
}
