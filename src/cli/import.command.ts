// `hanbaocao import --dry-run FILE [--json]`: reads a plan (.txt, .docx, .pdf) and prints
// the proposal without touching the database. Stable JSON face (issue 5): plan {number,
// issuer, date, title, span}, obligations [{reporter, recipient, via, recurrence, due,
// quote, confidence}], campaigns [{name, start, end, recurring, quote}], unread. Add
// fields; never rename or remove them.
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { IngestError } from '../ingest/errors';
import { importDocument } from '../ingest/import-document';
import type { Proposal } from '../ingest/proposal';
import { MAX_DOCUMENT_BYTES } from '../ingest/read-document';
import type { CliCommand, CliIo } from './io';

const USAGE = 'Cách dùng / usage: hanbaocao import --dry-run <plan.txt|plan.docx|plan.pdf> [--json]';

export const run: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    io.stderr(`Cần đúng một tệp kế hoạch / exactly one plan file is required\n${USAGE}`);
    return 2;
  }
  if (!parsed.values['dry-run']) {
    // Confirming a proposal creates plans and starts workflows: that is the web page's and
    // the API's job (POST /api/imports), where the coordinator can correct it first.
    io.stderr(
      'Lệnh này chỉ đọc thử (--dry-run). Để tạo kế hoạch, hãy xem và xác nhận đề xuất trên trang Nhập kế hoạch.\n' +
        'This command only previews (--dry-run). To create the plan, review and confirm the proposal on the import page.',
    );
    return 2;
  }
  try {
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) {
      io.stderr(`Không tìm thấy tệp: ${file}\nNo such file: ${file}`);
      return 2;
    }
    if (info.size > MAX_DOCUMENT_BYTES) {
      // Refused before reading: a 20 MB upload is not read into memory just to be rejected.
      throw new IngestError('too-large', `Tệp quá lớn (${(info.size / 1024 / 1024).toFixed(1)} MB); giới hạn là 10 MB.`, `File too large (${(info.size / 1024 / 1024).toFixed(1)} MB); the limit is 10 MB.`);
    }
    const { format, plan, proposal } = await importDocument(await readFile(file));
    if (parsed.values.json) io.stdout(JSON.stringify({ ...proposal, source: { file, format, characters: plan.text.length } }));
    else printSummary(proposal, io);
    return 0;
  } catch (err) {
    if (err instanceof IngestError) {
      io.stderr(`${err.messageVi}\n${err.messageEn}`);
      return 1;
    }
    throw err;
  }
};

function printSummary(p: Proposal, io: CliIo): void {
  const span = p.plan.span ? `${p.plan.span.from}–${p.plan.span.to}` : '?';
  io.stdout(`Kế hoạch ${p.plan.number ?? '?'} ngày ${p.plan.date ?? '?'} của ${p.plan.issuer ?? '?'} (${span})`);
  io.stdout(`  ${p.plan.title ?? ''}`);
  io.stdout(`Đơn vị (${p.agencies.length}):`);
  for (const a of p.agencies) {
    const owns = a.indicators.map((i) => (i.indicator === null ? `MT${i.goal}` : `MT${i.goal}.${i.indicator}`)).join(', ');
    io.stdout(`  - ${a.name}${a.kind === 'generic' ? ' (nhóm)' : ''}${owns ? ` — chỉ tiêu ${owns}` : ''}`);
  }
  io.stdout(`Nghĩa vụ báo cáo (${p.obligations.length}):`);
  for (const o of p.obligations) {
    io.stdout(`  - ${o.reporter} → ${o.recipient}${o.via ? ` (qua ${o.via})` : ''}: ${o.dueRule} [${o.recurrence}, tin cậy ${o.confidence}]`);
  }
  io.stdout(`Đợt, chiến dịch (${p.campaigns.length}):`);
  for (const c of p.campaigns) io.stdout(`  - ${c.name}: ${c.start.day}/${c.start.month}–${c.end.day}/${c.end.month}${c.recurring ? ' hằng năm' : ''}`);
  if (p.quotas.length) io.stdout(`Chỉ tiêu định kỳ: ${p.quotas.map((q) => `${q.atLeast} ${q.what} / ${q.every}`).join('; ')}`);
  if (p.reviews.length) io.stdout(`Sơ kết, tổng kết: ${p.reviews.map((r) => r.kind).join(', ')}`);
  if (p.unread.length) {
    io.stdout(`Chưa đọc được (${p.unread.length}):`);
    for (const u of p.unread) io.stdout(`  ! ${u}`);
  }
}
