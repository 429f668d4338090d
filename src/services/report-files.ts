// Files agencies attach to a report through their link: checked by what the bytes are (the
// maintained `file-type` package reads the magic numbers, and looks inside the zip for
// DOCX and XLSX), never by the name or the browser's claimed type; size-capped; stored once
// under the data directory by their SHA-256 (the same file sent twice is one file).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { StoredFile } from '../schemas/deadline.schemas';
import { ServiceError } from './errors';

/** What an agency may attach: a report as issued (PDF), as written (DOCX, XLSX), or scanned (image). */
export const REPORT_FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/tiff': 'TIFF',
};

export interface ReportFileOptions {
  dataDir: string;
  maxFileBytes: number;
}

/** A size cap as people read it: whole megabytes, or kilobytes below one. */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.floor(mb)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Where a stored file lives: <dataDir>/reports/<first two hex digits>/<sha256>. */
export function reportFilePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'reports', sha256.slice(0, 2), sha256);
}

/** A name safe to show and to send back in a header: no path, no control characters, at most 255 characters. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (clean || 'bao-cao').slice(0, 255);
}

/**
 * Checks and stores one attached file. Refuses (400) an empty or too large file and any
 * type outside REPORT_FILE_TYPES, naming what was found.
 */
export async function storeReportFile(opts: ReportFileOptions, bytes: Buffer, name: string): Promise<StoredFile> {
  if (bytes.length === 0) throw new ServiceError('invalid-input', 'Tệp đính kèm trống', 'The attached file is empty', [`file: 0 byte`]);
  if (bytes.length > opts.maxFileBytes) {
    const cap = sizeText(opts.maxFileBytes);
    throw new ServiceError('invalid-input', `Tệp đính kèm quá lớn (tối đa ${cap})`, `The attached file is too large (at most ${cap})`, [`file: ${bytes.length} byte`]);
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !REPORT_FILE_TYPES[detected.mime]) {
    const found = detected ? detected.mime : 'không nhận ra / unknown';
    throw new ServiceError(
      'invalid-input',
      'Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh (JPEG, PNG, WebP, TIFF)',
      'Only PDF, DOCX, XLSX or image files (JPEG, PNG, WebP, TIFF) are accepted',
      [`file: ${found}`],
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = reportFilePath(opts.dataDir, sha256);
  await mkdir(path.dirname(target), { recursive: true });
  const exists = await stat(target).then(() => true, () => false);
  if (!exists) {
    // Written beside its place and renamed: a reader never sees half a file.
    const partial = `${target}.${randomUUID()}.part`;
    await writeFile(partial, bytes, { flag: 'wx' });
    await rename(partial, target);
  }
  return { sha256, name: cleanName(name), mediaType: detected.mime, size: bytes.length };
}
