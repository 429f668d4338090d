// Regenerates the .docx and .pdf fixtures the ingest tests read, from the project's own
// sample plan (samples/plans/27-KH-UBND-chuyen-doi-so.txt):
//   npx tsx scripts/make-plan-fixtures.ts
// The files are committed, so tests need neither this script nor its font. The PDF uses
// DejaVu Sans (Debian package fonts-dejavu-core) because the PDF standard fonts have no
// Vietnamese letters; pdfkit embeds it so the PDF has a real text layer.
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

const SOURCE = 'samples/plans/27-KH-UBND-chuyen-doi-so.txt';
const OUT = 'test/fixtures/plans';
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const paragraphs = readFileSync(SOURCE, 'utf8').split(/\n/);

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal WordprocessingML package; text in NFD, as some editors save it, to test NFC. */
async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p.normalize('NFD'))}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function pdf(write: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Kế hoạch 27/KH-UBND', CreationDate: new Date(Date.UTC(2026, 2, 3)) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    write(doc);
    doc.end();
  });
}

async function main(): Promise<void> {
  writeFileSync(`${OUT}/27-KH-UBND.docx`, await docx());
  process.stdout.write('27-KH-UBND.docx\n');
  writeFileSync(
    `${OUT}/27-KH-UBND.pdf`,
    await pdf((doc) => {
      doc.font(FONT).fontSize(11);
      for (const p of paragraphs) doc.text(p || ' ', { width: 480 }); // long paragraphs wrap: lines broken mid-sentence
    }),
  );
  process.stdout.write('27-KH-UBND.pdf\n');
  // A "scan": the page is only drawn shapes, no text layer.
  writeFileSync(
    `${OUT}/scanned.pdf`,
    await pdf((doc) => {
      for (let y = 60; y < 760; y += 14) doc.rect(56, y, 300 + ((y * 7) % 180), 6).fill('#333');
    }),
  );
  process.stdout.write('scanned.pdf\n');
}

await main();
