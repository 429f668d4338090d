// The agencies' signed links (src/services/agency-links.ts) and the coordinator's way to
// withdraw them.
//
//   GET  /bao-cao/:token          the confirmation page; records nothing (mail scanners open links)
//   POST /bao-cao/:token          its form: records the report (multipart with the file, or JSON)
//   GET  /bao-cao/:token/don-vi   the agency's own page, read-only
//   POST /api/deadlines/:id/link-revocations, POST /deadlines/:id/link-revocations (form)
//
// The link pages are 'public' to the access check: the token in the path is the caller's
// only credential (a session cookie confers nothing here), and the service asks the policy
// table with the link's own principal. Their POST needs no CSRF token, since no ambient
// credential rides on it; a per-page nonce shows it comes from a page we rendered
// (src/services/link-form-nonce.ts).
import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openAgencyLink, recordReportByLink, revokeAgencyLinks, revokeLinksBodySchema, type AttachedFile, type LinkSettings, type OpenLink } from '../../services/agency-links';
import { agencyOverview } from '../../services/agency-overview';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import { formNonce } from '../../services/link-form-nonce';
import { sizeText } from '../../services/report-files';
import { agencyOverviewPage, linkClosedPage, linkConfirmPage, linkReceiptPage, linkRefusedPage, type LinkFormValues } from '../../web/agency/link-pages';
import { actorOf } from '../actor';
import { errorHandler } from '../errors';
import { idParamsSchema } from './params';
import { errorLines, errorText } from '../../web/ui/i18n';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's credential is the signed link in its path: no CSRF token (src/api/server.ts). */
    signedLink?: boolean;
  }
}

const tokenParamsSchema = z.object({ token: z.string().min(1).max(600) });

/**
 * What the form may carry, loosely: the service parses it strictly and the page shows the
 * reasons, so a clerk's mistake is answered with the form again, not a JSON error.
 */
const formBodySchema = z.object({
  submittedBy: z.string().max(200).optional(),
  documentNumber: z.string().max(100).optional(),
  documentDate: z.string().max(20).optional(),
  link: z.string().max(2000).optional(),
  note: z.string().max(2000).optional(),
  nonce: z.string().max(200).optional(),
});

/** Requests whose body was read in full and whose handler began: their errors are ours. */
const handlerStarted = new WeakSet<FastifyRequest>();

function malformedMultipart(cause: Error): FastifyError {
  const err = new Error('Malformed multipart body', { cause }) as FastifyError;
  err.statusCode = 400;
  err.code = 'HBC_MALFORMED_MULTIPART';
  return err;
}

/** The file of a multipart request, read by the multipart hook before validation. */
const attachedFiles = new WeakMap<FastifyRequest, AttachedFile | 'too-large'>();

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8').send(body);

export function registerAgencyLinkRoutes(app: FastifyInstance, deps: ServiceDeps, settings: LinkSettings): void {
  // Multipart only for these routes: nowhere else takes a file from the outside.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: settings.maxFileBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
      async onFile(this: FastifyRequest, part) {
        try {
          const bytes = await part.toBuffer();
          // A form sent without choosing a file carries an empty, nameless part.
          if (bytes.length > 0 || part.filename) attachedFiles.set(this, { bytes, name: part.filename });
        } catch (err) {
          if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
          attachedFiles.set(this, 'too-large');
        }
      },
    });
    // Busboy throws plain Errors (no status) for a body that is not the multipart it claims
    // to be: truncated, no boundary, a broken part header. They arise while the body is read,
    // before any handler runs, so they are the sender's fault: 400, never 500.
    scope.setErrorHandler((err: FastifyError | Error, req, reply) => {
      const unparsed = !handlerStarted.has(req) && (err as FastifyError).statusCode === undefined && req.isMultipart();
      return errorHandler(unparsed ? malformedMultipart(err) : err, req, reply);
    });
    scope.addHook('preHandler', async (req) => void handlerStarted.add(req));
    linkRoutes(scope, deps, settings);
  });
  coordinatorRoutes(app, deps);
}

function linkRoutes(app: FastifyInstance, deps: ServiceDeps, settings: LinkSettings): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const maxMb = sizeText(settings.maxFileBytes);
  const hrefs = (token: string) => ({ action: `/bao-cao/${token}`, overviewHref: `/bao-cao/${token}/don-vi` });

  /** Opens the link, or answers with the refusal page (logged with the address; the token itself is a credential and is not). */
  async function open(req: FastifyRequest, reply: FastifyReply, token: string): Promise<OpenLink | null> {
    const opened = await openAgencyLink(deps, settings, token);
    if (opened.ok) return opened.link;
    req.log.warn({ linkRefusal: opened.reason, linkId: opened.linkId ?? null, deadlineId: opened.deadlineId ?? null, remoteAddress: req.ip, method: req.method }, 'agency link refused');
    const status = opened.reason === 'expired' || opened.reason === 'revoked' ? 410 : 403;
    await html(reply, status, linkRefusedPage(opened.reason));
    return null;
  }

  r.get('/bao-cao/:token', {
    schema: { tags: ['agency links'], summary: "An agency's signed link: the confirmation page (records nothing)", params: tokenParamsSchema },
    config: { access: { action: 'public' }, signedLink: true },
  }, async (req, reply) => {
    const link = await open(req, reply, req.params.token);
    if (!link) return reply;
    return html(reply, 200, linkConfirmPage({ link, ...hrefs(req.params.token), nonce: formNonce(settings.keys, deps.clock()), maxMb }));
  });

  r.post('/bao-cao/:token', {
    schema: {
      tags: ['agency links'],
      summary: "Record the report through an agency's signed link (multipart/form-data with `file`, or JSON with `link`)",
      params: tokenParamsSchema,
      body: formBodySchema,
    },
    config: { access: { action: 'public' }, signedLink: true },
  }, async (req, reply) => {
    const link = await open(req, reply, req.params.token);
    if (!link) return reply;
    const values: LinkFormValues = req.body;
    const again = (status: number, err: ServiceError) =>
      html(reply, status, linkConfirmPage({ link, ...hrefs(req.params.token), nonce: formNonce(settings.keys, deps.clock()), maxMb, values, error: errorText(err), details: errorLines(err) }));
    try {
      const file = attachedFiles.get(req) ?? null;
      if (file === 'too-large') {
        const cap = sizeText(settings.maxFileBytes);
        throw new ServiceError('invalid-input', `Tệp đính kèm quá lớn (tối đa ${cap})`, `The attached file is too large (at most ${cap})`, ['file']);
      }
      const receipt = await recordReportByLink(deps, settings, link, req.ip ?? null, req.body, file);
      return html(reply, 200, linkReceiptPage({ link, receiptNumber: receipt.receiptNumber ?? '', submittedAt: receipt.submittedAt, late: receipt.late, overviewHref: hrefs(req.params.token).overviewHref }));
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      if (err.code === 'invalid-input') return again(400, err);
      if (err.code === 'conflict') {
        const reopened = await openAgencyLink(deps, settings, req.params.token);
        return html(reply, 409, reopened.ok ? linkClosedPage(reopened.link, hrefs(req.params.token).overviewHref) : linkRefusedPage(reopened.reason));
      }
      throw err;
    }
  });

  r.get('/bao-cao/:token/don-vi', {
    schema: { tags: ['agency links'], summary: "The agency's own page behind its link: obligations, periods, what is due next, reports and receipts", params: tokenParamsSchema },
    config: { access: { action: 'public' }, signedLink: true },
  }, async (req, reply) => {
    const link = await open(req, reply, req.params.token);
    if (!link) return reply;
    const overview = await agencyOverview(deps, link.principal);
    return html(reply, 200, agencyOverviewPage({ agencyName: link.agencyName, organisationName: link.organisationName, overview, backHref: hrefs(req.params.token).action }));
  });
}

function coordinatorRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { action: 'deadline.links', resource: { kind: 'deadline', from: 'params', key: 'id' } } as const;

  r.post('/api/deadlines/:id/link-revocations', {
    schema: { tags: ['deadlines'], summary: "Revoke every signed link of the deadline issued so far (later emails carry new ones)", params: idParamsSchema, body: revokeLinksBodySchema },
    config: { access },
  }, async (req, reply) => reply.status(201).send(await revokeAgencyLinks(deps, actorOf(req), req.params.id, req.body)));

  r.post('/deadlines/:id/link-revocations', {
    schema: { tags: ['pages'], summary: "The deadline page's form: revoke the agency's links", params: idParamsSchema, body: revokeLinksBodySchema.extend({ _csrf: z.string().max(200).optional() }) },
    config: { access },
  }, async (req, reply) => {
    const { _csrf: _, ...body } = req.body;
    await revokeAgencyLinks(deps, actorOf(req), req.params.id, body);
    return reply.redirect(`/deadlines/${encodeURIComponent(req.params.id)}?links=revoked`, 303);
  });
}
