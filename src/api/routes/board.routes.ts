// The coordinator's board and the leader's list of late agencies, each as a page and as
// JSON with the same filters. Lists: the service reads only what the policy's read scope
// allows, so the routes need no resource.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { boardQuerySchema } from '../../schemas/board.schemas';
import { allowedOn } from '../../services/access';
import { readBoard } from '../../services/board';
import { readLate } from '../../services/late-view';
import type { ServiceDeps } from '../../services/deps';
import { boardPage } from '../../web/board/board-page';
import { latePage } from '../../web/board/late-page';
import { chromeFor } from '../chrome';

const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);

export function registerBoardRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/board', {
    schema: { tags: ['board'], summary: 'The board: counts in the official four-way status, overdue ageing in working days, filtered and paged rows, reporting and on-time rates, the on-time rate per agency and year', querystring: boardQuerySchema },
    config: { access: { action: 'deadline.read' } },
  }, async (req) => readBoard(deps, req.principal, req.query));

  r.get('/board', {
    schema: { tags: ['pages'], summary: "The coordinator's board", querystring: boardQuerySchema },
    config: { access: { action: 'deadline.read' } },
  }, async (req, reply) => {
    const board = await readBoard(deps, req.principal, req.query);
    const canRemind = await allowedOn(deps, req.principal, 'deadline.remind', board.rows);
    const canUrge = await allowedOn(deps, req.principal, 'deadline.urge', board.rows);
    return html(reply, boardPage(board, canRemind, chromeFor(req, reply), canUrge));
  });

  r.get('/api/late', {
    schema: { tags: ['board'], summary: 'Late agencies across plans with working days late and the escalations sent, and the roll-up per commune this year' },
    config: { access: { action: 'deadline.read' } },
  }, async (req) => readLate(deps, req.principal));

  r.get('/late', {
    schema: { tags: ['pages'], summary: "The leader's page of late agencies" },
    config: { access: { action: 'deadline.read' } },
  }, async (req, reply) => {
    const view = await readLate(deps, req.principal);
    const canRemind = await allowedOn(deps, req.principal, 'deadline.remind', view.rows);
    const canUrge = await allowedOn(deps, req.principal, 'deadline.urge', view.rows);
    return html(reply, latePage(view, canRemind, chromeFor(req, reply), canUrge));
  });
}
