// `hanbaocao import --dry-run FILE [--json]`: reads a plan (.txt, .docx, .pdf) and prints
// the proposal without touching the database. `--draft out.json` also writes the editable
// draft; `hanbaocao import --confirm draft.json [--server URL]` sends the edited draft to
// the running server (POST /api/imports, as the holder of the API token in --token-file), which creates the plan and starts its workflows. Stable JSON face (issue 5): plan {number,
// issuer, date, title, span}, obligations [{reporter, recipient, via, recurrence, due,
// quote, confidence}], campaigns [{name, start, end, recurring, quote}], unread. Add
// fields; never rename or remove them.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { draftFromProposal } from '../ingest/draft';
import { IngestError } from '../ingest/errors';
import { importDocument } from '../ingest/import-document';
import type { Proposal } from '../ingest/proposal';
import { MAX_DOCUMENT_BYTES, tooLarge } from '../ingest/read-document';
import type { CliCommand, CliIo } from './io';

const USAGE = [
  'Cách dùng / usage:',
  '  hanbaocao import --dry-run <plan.txt|plan.docx|plan.pdf> [--json] [--draft draft.json]',
  '  hanbaocao import --confirm draft.json [--server http://localhost:3000] --token-file token.txt',
  '    (token.txt holds an API token with the right to import for the draft\'s organisation)',
].join('\n');

export const run: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        draft: { type: 'string' },
        confirm: { type: 'string' },
        server: { type: 'string' },
        'token-file': { type: 'string' },
      },
    });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.confirm) return confirmDraft(parsed.values.confirm, parsed.values.server, parsed.values['token-file'], io);
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    io.stderr(`Cần đúng một tệp kế hoạch / exactly one plan file is required\n${USAGE}`);
    return 2;
  }
  if (!parsed.values['dry-run']) {
    // Confirming creates plans and starts workflows, so it always goes through a draft the
    // coordinator has looked at: the web page, or --draft then --confirm.
    io.stderr(
      'Hãy đọc thử trước (--dry-run --draft draft.json), sửa draft.json, rồi xác nhận bằng --confirm draft.json (hoặc dùng trang /imports/new).\n' +
        'Preview first (--dry-run --draft draft.json), edit draft.json, then --confirm draft.json (or use the /imports/new page).',
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
      throw tooLarge(info.size);
    }
    const { format, plan, proposal } = await importDocument(await readFile(file));
    if (parsed.values.draft) {
      const draft = draftFromProposal(proposal);
      await writeFile(parsed.values.draft, `${JSON.stringify(draft.body, null, 2)}\n`);
      for (const w of draft.warnings) io.stderr(`! ${w}`);
      io.stderr(`Đã ghi bản nháp / draft written: ${parsed.values.draft}`);
    }
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

/** Sends an edited draft to the running server; prints what it created. */
async function confirmDraft(file: string, server: string | undefined, tokenFile: string | undefined, io: CliIo): Promise<number> {
  let body: unknown;
  try {
    body = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    io.stderr(`Không đọc được bản nháp ${file} (JSON)\nCannot read the draft ${file} as JSON: ${(err as Error).message}`);
    return 2;
  }
  // The token comes from a file, never from the command line, where other users see it (ps).
  let token = '';
  if (tokenFile) {
    try {
      token = (await readFile(tokenFile, 'utf8')).trim();
    } catch (err) {
      io.stderr(`Không đọc được tệp mã truy cập ${tokenFile}\nCannot read the token file ${tokenFile}: ${(err as Error).message}`);
      return 2;
    }
  }
  let base: string;
  let apiToken: string | null;
  try {
    // The app's own address (HBC_PUBLIC_URL, else http://localhost:$HBC_PORT) and the API token
    // an administrator made for this (HBC_API_TOKEN), read where the app reads its settings.
    const config = loadConfig();
    base = (server ?? config.http.publicUrl).replace(/\/$/, '');
    apiToken = config.apiToken;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(err.message);
    return 2;
  }
  let res: Response;
  try {
    // --token-file wins over HBC_API_TOKEN: both keep the token off the command line (ps).
    const bearerToken = token || apiToken;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(bearerToken && { authorization: `Bearer ${bearerToken}` }) };
    res = await fetch(`${base}/api/imports`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    io.stderr(`Không kết nối được máy chủ ${base}: hãy chạy \`npm start\` trước.\nCannot reach ${base}: start the server with \`npm start\` first.`);
    return 1;
  }
  const answer = (await res.json()) as { message?: string; messageEn?: string; details?: string[]; created?: Record<string, unknown>; startedWorkflows?: number; planId?: string };
  if (!res.ok) {
    const hint =
      res.status === 401 && !apiToken
        ? 'Hãy đặt HBC_API_TOKEN là một mã truy cập API (quản trị viên tạo tại /admin/tokens, vai trò cơ quan đầu mối). / Set HBC_API_TOKEN to an API token (an administrator makes one at /admin/tokens, with the coordinator role).'
        : undefined;
    io.stderr([answer.message, answer.messageEn, ...(answer.details ?? []).map((d) => `  - ${d}`), hint].filter(Boolean).join('\n'));
    return 1;
  }
  io.stdout(JSON.stringify(answer));
  return 0;
}

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
