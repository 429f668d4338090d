// The papers a Vietnamese office works with (issue 12, item 5; docs/exports.md): the board
// as .xlsx, calendar feeds per plan and per agency, and a draft urging letter as .docx.
//
//   GET  /api/board/export.xlsx                 the board's rows with the board's query
//   POST /api/plans/:id/calendar-feeds          a feed of a plan (its URL shown once)
//   POST /api/agencies/:id/calendar-feeds       a feed of an agency
//   POST /api/calendar-feeds/:id/revocation     revokes a feed
//   GET  /lich/:token.ics                       the feed: 'public', the token is the credential
//   GET  /api/deadlines/:id/urging-letter.docx  the draft letter to a late agency
//
// A feed is made on the plan or agency it shows (one route per kind), so the access check
// finds the organisation from the path like everywhere else.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boardQuerySchema } from '../../schemas/board.schemas';
import { exportBoard } from '../../services/board-export';
import { createCalendarFeed, readCalendarFeed, revokeCalendarFeed, type FeedKind } from '../../services/calendar-feeds';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import { urgingLetter } from '../../services/urging-letter';
import { boardXlsx, XLSX_MEDIA_TYPE } from '../../web/exports/board-xlsx';
import { calendarIcs, ICS_MEDIA_TYPE } from '../../web/exports/calendar-ics';
import { DOCX_MEDIA_TYPE, urgingLetterDocx } from '../../web/exports/urging-letter-docx';
import { actorOf } from '../actor';
import { idParamsSchema } from './params';

const onDeadline = { kind: 'deadline', from: 'params', key: 'id' } as const;

/** attachment; filename="..." with an ASCII fallback and the UTF-8 name (RFC 6266). */
const attachment = (ascii: string) => `attachment; filename="${ascii}"`;

const file = (reply: FastifyReply, mediaType: string, name: string, body: Buffer | string) =>
  reply.header('content-disposition', attachment(name)).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').type(mediaType).send(body);

const feedTokenParams = z.object({ token: z.string().min(1).max(200) });

const feedCreated = z.object({
  id: z.string(),
  kind: z.enum(['agency', 'plan']),
  targetId: z.string(),
  token: z.string(),
  path: z.string(),
  url: z.string(),
  summaryVi: z.string(),
});

export function registerExportRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/board/export.xlsx', {
    schema: { tags: ['board'], summary: "The board's rows as an Excel workbook: the same query as /api/board, every page (at most 50,000 rows; the second sheet says when rows were left out)", querystring: boardQuerySchema },
    config: { access: { action: 'deadline.read' }, binary: { mediaType: XLSX_MEDIA_TYPE, description: 'The workbook (.xlsx)' } },
  }, async (req, reply) => {
    const data = await exportBoard(deps, req.principal, req.query);
    reply.header('x-hbc-rows-total', String(data.total)).header('x-hbc-rows-exported', String(data.rows.length));
    return file(reply, XLSX_MEDIA_TYPE, `bang-theo-doi-${data.generatedAt.toISOString().slice(0, 10)}.xlsx`, await boardXlsx(data));
  });

  r.get('/api/deadlines/:id/urging-letter.docx', {
    schema: { tags: ['deadlines'], summary: 'A draft urging letter (công văn đôn đốc) to the agency of an overdue deadline, in the layout of Decree 30/2020/NĐ-CP (409 when the deadline is not overdue)', params: idParamsSchema },
    config: { access: { action: 'deadline.urge', resource: onDeadline }, binary: { mediaType: DOCX_MEDIA_TYPE, description: 'The draft letter (.docx)' } },
  }, async (req, reply) => {
    const letter = await urgingLetter(deps, req.params.id);
    return file(reply, DOCX_MEDIA_TYPE, `cong-van-don-doc-${letter.date}.docx`, await urgingLetterDocx(letter));
  });

  const createFeed = (kind: FeedKind) => async (req: { params: { id: string } } & Parameters<typeof actorOf>[0], reply: FastifyReply) => {
    const feed = await createCalendarFeed(deps, actorOf(req), kind, req.params.id);
    const url = `${req.protocol}://${req.host}${feed.path}`;
    return reply.status(201).send({
      id: feed.id, kind: feed.kind, targetId: feed.targetId, token: feed.token, path: feed.path, url,
      summaryVi: `Địa chỉ lịch (chỉ hiện một lần, hãy chép lại ngay): ${url}`,
    });
  };
  r.post('/api/plans/:id/calendar-feeds', {
    schema: { tags: ['plans'], summary: "A calendar feed of the plan's deadlines and campaigns; its URL (a credential) is in this answer only", params: idParamsSchema, response: { 201: feedCreated } },
    config: { access: { action: 'calendar.feed', resource: { kind: 'plan', from: 'params', key: 'id' } } },
  }, createFeed('plan'));
  r.post('/api/agencies/:id/calendar-feeds', {
    schema: { tags: ['plans'], summary: "A calendar feed of the agency's deadlines; its URL (a credential) is in this answer only", params: idParamsSchema, response: { 201: feedCreated } },
    config: { access: { action: 'calendar.feed', resource: { kind: 'agency', from: 'params', key: 'id' } } },
  }, createFeed('agency'));

  r.post('/api/calendar-feeds/:id/revocation', {
    schema: { tags: ['plans'], summary: 'Revoke a calendar feed (its URL answers 404 from now on; revoking twice changes nothing)', params: idParamsSchema },
    config: { access: { action: 'calendar.feed', resource: { kind: 'calendar-feed', from: 'params', key: 'id' } } },
  }, async (req) => ({ ...(await revokeCalendarFeed(deps, actorOf(req), req.params.id)), summaryVi: 'Đã thu hồi địa chỉ lịch.' }));

  r.get('/lich/:token.ics', {
    schema: { tags: ['plans'], summary: 'A calendar feed (iCalendar) for calendar apps: the token in the path is the only credential; unknown or revoked: 404', params: feedTokenParams },
    config: { access: { action: 'public' }, binary: { mediaType: 'text/calendar', description: 'The feed (.ics)' } },
  }, async (req, reply) => {
    const feed = await readCalendarFeed(deps, req.params.token);
    // The same answer for a token never made and one revoked: nothing to learn by probing.
    if (!feed) throw new ServiceError('not-found', 'Không tìm thấy nội dung này.', 'Not found.');
    return reply.header('cache-control', 'private, max-age=300').header('referrer-policy', 'no-referrer').type(ICS_MEDIA_TYPE).send(calendarIcs(feed, deps.clock()));
  });
}
