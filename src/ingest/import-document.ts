import { extractProposal } from './extract-proposal';
import { preparePlanText, type PlanText } from './plan-text';
import type { Proposal } from './proposal';
import { readDocument, type DocumentFormat } from './read-document';

export interface ImportedDocument {
  format: DocumentFormat;
  plan: PlanText;
  proposal: Proposal;
}

/**
 * Bytes of a .txt, .docx or .pdf (or pasted text as UTF-8) -> the cleaned text and the
 * proposal. Pure apart from reading the bytes: nothing is stored. Throws IngestError.
 */
export async function importDocument(bytes: Uint8Array): Promise<ImportedDocument> {
  const { format, text } = await readDocument(bytes);
  const plan = preparePlanText(text);
  return { format, plan, proposal: extractProposal(plan) };
}
