import { IngestError } from './errors';

/** Plans are a few pages; 10 MB leaves room for a .docx with images and refuses a 20 MB upload. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The refusal of a document over MAX_DOCUMENT_BYTES (also used before reading a file). */
export function tooLarge(sizeBytes: number): IngestError {
  const mb = (sizeBytes / 1024 / 1024).toFixed(1);
  return new IngestError('too-large', `Tệp quá lớn (${mb} MB); giới hạn là 10 MB.`, `File too large (${mb} MB); the limit is 10 MB.`);
}

export type DocumentFormat = 'text' | 'docx' | 'pdf';

export interface ReadDocument {
  format: DocumentFormat;
  /** The document's text as the reader gives it (not yet normalised). */
  text: string;
}

/**
 * Reads an uploaded or pasted plan. The format comes from the bytes (magic numbers), not the
 * file name, so a renamed file is still read correctly and a binary file is refused clearly.
 * Throws IngestError ('empty', 'too-large', 'binary', 'unsupported-format', 'no-text-layer',
 * 'unreadable-file'); never returns an empty text.
 */
export async function readDocument(bytes: Uint8Array): Promise<ReadDocument> {
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge(bytes.length);
  const format = sniff(bytes);
  const text = format === 'pdf' ? await readPdf(bytes) : format === 'docx' ? await readDocx(bytes) : readText(bytes);
  if (text.trim().length === 0) {
    if (format === 'pdf') {
      throw new IngestError(
        'no-text-layer',
        'Tệp PDF không có lớp chữ (có thể là bản scan). Hãy tải lên bản .docx hoặc PDF xuất từ Word, hoặc dán nội dung văn bản.',
        'The PDF has no text layer (probably a scan). Upload the .docx or a PDF exported from Word, or paste the text.',
      );
    }
    throw new IngestError('empty', 'Văn bản trống: không có nội dung để đọc.', 'The document is empty: there is no text to read.');
  }
  return { format, text };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function sniff(bytes: Uint8Array): DocumentFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // a zip: .docx is one
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new IngestError(
      'unsupported-format',
      'Tệp .doc (Word 97–2003) chưa được hỗ trợ. Hãy lưu lại thành .docx hoặc PDF.',
      'Legacy .doc (Word 97-2003) files are not supported. Save the file as .docx or PDF.',
    );
  }
  return 'text';
}

function readText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw binary();
  }
  // Valid UTF-8 can still be binary (NUL bytes, control characters): a text plan has none.
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0 && controls / Math.max(1, text.length) > 0.001) throw binary();
  return text;
}

function binary(): IngestError {
  return new IngestError(
    'binary',
    'Không đọc được tệp: đây không phải văn bản, .docx hay .pdf (hoặc văn bản không ở mã UTF-8).',
    'Cannot read the file: it is not text, .docx or .pdf (or the text is not UTF-8).',
  );
}

function unreadable(kind: string, err: unknown): IngestError {
  const detail = err instanceof Error ? err.message : String(err);
  return new IngestError('unreadable-file', `Tệp ${kind} bị hỏng hoặc không đọc được.`, `The ${kind} file is damaged or unreadable: ${detail}`);
}

/** mammoth (maintained .docx reader): raw text, one paragraph per line. */
async function readDocx(bytes: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (err) {
    throw unreadable('.docx', err);
  }
}

/**
 * pdfjs-dist (Mozilla's PDF reader, legacy build for Node): text items joined into lines by
 * their end-of-line flags, pages separated by blank lines.
 */
async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    // pdfjs takes ownership of the buffer it is given: pass a copy.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (err) {
    throw unreadable('PDF', err);
  }
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join('\n'));
    }
    return pages.join('\n\n');
  } finally {
    await doc.destroy();
  }
}
