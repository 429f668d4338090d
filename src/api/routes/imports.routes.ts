// Plan import: preview a document (stores nothing), then confirm the edited draft.
//   POST /api/imports/preview  body: the file's bytes (.txt, .docx, .pdf) or text/plain or {"text": "..."}
//   POST /api/imports          body: the confirm draft (src/schemas/import.schemas.ts) -> 201
//   (the coordinator's page, GET /imports/new, is with the other pages)
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createParsePool, type ParsePool } from '../../parse-pool/parse-pool';
import { confirmImportBodySchema } from '../../schemas/import.schemas';
import { scopeFor } from '../../services/access';
import { confirmImport } from '../../services/confirm-import';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import { previewImport } from '../../services/preview-import';
import { actorOf } from '../actor';

const BINARY_TYPES = [
  'application/pdf',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
];
/** Above the reader's 10 MB limit, so an oversized upload gets its clear message, not a bare 413. */
const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;

/**
 * `parsePool`: where uploads are read (tests pass one with a short time cap). By default the
 * app starts its own on the first upload and closes it with the app.
 */
export function registerImportRoutes(app: FastifyInstance, deps: ServiceDeps, opts: { parsePool?: ParsePool } = {}): void {
  let ownPool: ParsePool | undefined;
  const pool = () => opts.parsePool ?? (ownPool ??= createParsePool());
  app.addHook('onClose', async () => ownPool?.close());

  app.addContentTypeParser(BINARY_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES }, (_req, body, done) => done(null, body));

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/imports/preview', {
    bodyLimit: UPLOAD_LIMIT_BYTES,
    schema: {
      tags: ['imports'],
      summary: 'Read a plan (.txt, .docx, .pdf bytes, text/plain, or {"text": "..."}) into a proposal; stores nothing',
    },
    config: { access: { action: 'plan.import' } },
  }, async (req) => {
    const { organisationIds } = await scopeFor(deps, req.principal, 'plan.import');
    return previewImport(deps.db, toBytes(req.body), (bytes) => pool().parse(bytes), organisationIds);
  });

  r.post('/api/imports', {
    schema: { tags: ['imports'], summary: 'Confirm an edited proposal: the plan, its agencies and obligations, and their workflows', body: confirmImportBodySchema },
    config: { access: { action: 'plan.import', resource: { kind: 'organisation', from: 'body', key: 'organisation.id' } } },
  }, async (req, reply) => reply.status(201).send(await confirmImport(deps, actorOf(req), req.body)));
}

function toBytes(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body && typeof body === 'object' && typeof (body as { text?: unknown }).text === 'string') {
    return new TextEncoder().encode((body as { text: string }).text);
  }
  throw new ServiceError(
    'invalid-input',
    'Hãy tải lên tệp .txt, .docx, .pdf hoặc dán nội dung kế hoạch.',
    'Upload a .txt, .docx or .pdf file, or send {"text": "..."}',
  );
}
