// The actor of a request, for the audit log: its principal and the address it came from.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../services/audit';

export function actorOf(req: FastifyRequest): Actor {
  return { principal: req.principal, ip: req.ip ?? null };
}
