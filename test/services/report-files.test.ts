// Files attached through an agency's link are judged by their bytes, capped, and stored by
// content hash under the data directory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { reportFilePath, storeReportFile } from '../../src/services/report-files';

const dataDir = mkdtempSync(path.join(tmpdir(), 'hbc-files-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const opts = { dataDir, maxFileBytes: 4096 };
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c00000000049454e44ae426082', 'hex');

async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('report files', () => {
  it('takes PDF, DOCX and images by what their bytes are, and stores each once by its SHA-256', async () => {
    const pdf = await storeReportFile(opts, PDF, 'C:\\Users\\van-thu\\bao-cao\u202e.pdf');
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', size: PDF.length, name: 'bao-cao.pdf' });
    expect(readFileSync(reportFilePath(dataDir, pdf.sha256))).toEqual(PDF);
    expect(await storeReportFile(opts, PDF, 'again.pdf')).toMatchObject({ sha256: pdf.sha256 });
    expect((await storeReportFile(opts, PNG, 'anh-chup.png')).mediaType).toBe('image/png');
    const word = await docx();
    expect((await storeReportFile({ ...opts, maxFileBytes: 1 << 20 }, word, 'bao-cao.docx')).mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses what the name claims but the bytes are not, an empty file, and one over the cap', async () => {
    await expect(storeReportFile(opts, Buffer.from('MZ\x90\x00 not a report', 'latin1'), 'bao-cao.pdf')).rejects.toMatchObject({ code: 'invalid-input', messageVi: 'Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh (JPEG, PNG, WebP, TIFF)' });
    await expect(storeReportFile(opts, Buffer.from('<html><script>alert(1)</script>'), 'bao-cao.pdf')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(storeReportFile(opts, Buffer.alloc(0), 'trong.pdf')).rejects.toMatchObject({ messageEn: 'The attached file is empty' });
    await expect(storeReportFile(opts, Buffer.concat([PDF, Buffer.alloc(5000)]), 'lon.pdf')).rejects.toMatchObject({ messageEn: 'The attached file is too large (at most 4 KB)' });
  });
});
