/**
 * Why a document could not be read. Every message exists in Vietnamese (for the coordinator
 * who uploaded it) and English (for operators); `code` is stable for programs and the API.
 */
export type IngestErrorCode = 'empty' | 'too-large' | 'binary' | 'unsupported-format' | 'no-text-layer' | 'not-vietnamese' | 'unreadable-file';

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(`${messageVi} / ${messageEn}`);
    this.name = 'IngestError';
  }
}
