// Bad input never crashes and never half-creates: each gets a clear bilingual IngestError.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors';
import { importDocument } from '../../src/ingest/import-document';
import { preparePlanText } from '../../src/ingest/plan-text';

async function codeOf(bytes: Uint8Array): Promise<string> {
  try {
    await importDocument(bytes);
    return 'no error';
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    expect(err.messageVi.length).toBeGreaterThan(10);
    expect(err.messageEn.length).toBeGreaterThan(10);
    return err.code;
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('importDocument refuses bad input clearly', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['only blank lines', utf8('\n \n\t\n'), 'empty'],
    ['only page numbers and markdown', utf8('**\n1\n###\n- 2 -\n'), 'empty'],
    ['a 20 MB upload', new Uint8Array(20 * 1024 * 1024).fill(0x61), 'too-large'],
    ['a PNG image', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]), 'binary'],
    ['text full of NUL bytes', utf8('Kế hoạch\u0000\u0000\u0000\u0000 số 1\u0000\u0000'), 'binary'],
    ['Latin-1 bytes (not UTF-8)', Uint8Array.from([0x4b, 0xe9, 0x20, 0x68, 0x6f, 0x1e1 & 0xff, 0xe0, 0xe8]), 'binary'],
    ['a Word 97-2003 .doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'unsupported-format'],
    ['a damaged .docx (zip header, junk after)', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'unreadable-file'],
    ['a damaged PDF', utf8('%PDF-1.7\nthis is not a pdf body'), 'unreadable-file'],
    ['a scanned PDF with no text layer', readFileSync('test/fixtures/plans/scanned.pdf'), 'no-text-layer'],
    [
      'an English text',
      utf8('IMPLEMENTATION PLAN\nAll agencies shall report to the People’s Committee before 5 November every year through the Office of Culture and Society.'),
      'not-vietnamese',
    ],
  ])('%s: %s', async (_what, bytes, code) => {
    expect(await codeOf(bytes)).toBe(code);
  });
});

describe('preparePlanText cleans what copying and converting leave behind', () => {
  it('normalises decomposed diacritics to NFC', () => {
    const decomposed = 'Báo cáo trước ngày 05/11 hằng năm về Ủy ban nhân dân xã.'.normalize('NFD');
    const { text } = preparePlanText(decomposed);
    expect(text).toBe('Báo cáo trước ngày 05/11 hằng năm về Ủy ban nhân dân xã.');
  });

  it('removes markdown markers and page numbers and joins lines broken mid-sentence', () => {
    const raw = [
      '## **KẾ HOẠCH**',
      'Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân xã (*qua Phòng Văn hóa – Xã hội*) trước',
      '',
      '3',
      '',
      'ngày 05/11 hằng năm.',
      '1. Phòng Kinh tế',
      'Tổng hợp số liệu.',
    ].join('\n');
    expect(preparePlanText(raw).paragraphs.map((p) => p.text)).toEqual([
      'KẾ HOẠCH',
      'Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân xã (qua Phòng Văn hóa – Xã hội) trước ngày 05/11 hằng năm.',
      '1. Phòng Kinh tế',
      'Tổng hợp số liệu.',
    ]);
  });

  it('keeps a heading and the paragraph after it apart', () => {
    const { paragraphs } = preparePlanText('1. Thủ trưởng các cơ quan, ban, ngành, đoàn thể\nTổ chức tuyên truyền, phổ biến kế hoạch này.');
    expect(paragraphs).toHaveLength(2);
  });
});
