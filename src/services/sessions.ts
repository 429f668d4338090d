// Sessions, for the HTTP layer: the store @fastify/session keeps them in.
export { endSessionsOf, prismaSessionStore } from '../stores/session.store';
