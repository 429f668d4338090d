// The audit log: GET /api/audit (JSON, paged), GET /api/audit/export (CSV for Excel) and the
// page /admin/audit. Policy action 'audit.read'; which organisations a reader sees is the
// service's filter (its scope), so these routes are "allowed somewhere".
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toIsoDate, localDateOf } from '../../domain/local-date';
import { auditQuerySchema } from '../../schemas/audit.schemas';
import { auditRowsForExport, listAudit } from '../../services/admin/audit-log';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import { auditCsv } from '../../web/admin/audit-csv';
import { auditPage, type AuditFilters } from '../../web/admin/audit-page';
import { adminChrome } from '../../web/admin/chrome';
import { errorLines, errorText } from '../../web/ui/i18n';

/** What the page's filter form sends: every field a string, empty when not set. */
const pageQuerySchema = z.object({
  organisationId: z.string().max(300).optional(),
  actor: z.string().max(320).optional(),
  action: z.string().max(100).optional(),
  subject: z.string().max(300).optional(),
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  before: z.string().max(20).optional(),
});

function withoutEmpty<T extends Record<string, string | undefined>>(q: T): Partial<T> {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v.trim() !== '')) as Partial<T>;
}

export function registerAuditRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit', {
    schema: { tags: ['audit'], summary: 'The audit log (newest first, paged by `before`), filtered by organisation, actor, action, subject and local days', querystring: auditQuerySchema },
    config: { access: { action: 'audit.read' } },
  }, async (req) => listAudit(deps, req.principal, req.query));

  r.get('/api/audit/export', {
    schema: { tags: ['audit'], summary: 'The audit log as CSV (UTF-8 with BOM, for Excel), with the same filters', querystring: auditQuerySchema },
    config: { access: { action: 'audit.read' } },
  }, async (req, reply) => {
    const rows = await auditRowsForExport(deps, req.principal, req.query);
    const day = toIsoDate(localDateOf(deps.clock()));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="nhat-ky-thay-doi-${day}.csv"`)
      .send(Readable.from(auditCsv(rows)));
  });

  r.get('/admin/audit', {
    schema: { tags: ['pages'], summary: 'The audit log page, with filters, paging and the CSV export', querystring: pageQuerySchema },
    config: { access: { action: 'audit.read' } },
  }, async (req, reply) => {
    const filters: AuditFilters = withoutEmpty(req.query);
    const chrome = adminChrome(req.principal, reply.generateCsrf());
    let body: string;
    try {
      body = auditPage({ chrome, filters, page: await listAudit(deps, req.principal, withoutEmpty(req.query)) });
    } catch (err) {
      if (!(err instanceof ServiceError) || err.code !== 'invalid-input') throw err;
      body = auditPage({ chrome, filters, page: null, error: errorText(err), errorLines: errorLines(err) });
      reply.status(400);
    }
    return reply.type('text/html; charset=utf-8').send(body);
  });
}
