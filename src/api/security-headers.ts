// Security headers on every answer (@fastify/helmet): a Content-Security-Policy that lets
// only this site's own files and the page's own inline <script> and <style> run, the
// latter by a nonce made for each response (helmet's enableCSPNonces), never by
// 'unsafe-inline'; no framing; no referrer (a password reset link must not leak through
// one); and, behind HTTPS, Strict-Transport-Security.
//
// Pages get the nonce without knowing it: the renderer marks each <script> and <style> a
// component writes with a placeholder (src/web/ui/render.tsx), replaced here by this
// response's nonce. Style attributes (style="...") are allowed: they cannot run code.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { NONCE_PLACEHOLDERS } from '../web/ui/render';
import { DOCS_PREFIX } from './access';

/** HSTS for half a year once the site is served over HTTPS. */
const HSTS_MAX_AGE_S = 180 * 24 * 60 * 60;

function directives(https: boolean) {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    // helmet adds this response's nonces to these two.
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src-attr': ["'unsafe-inline'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }): void {
  // The API browser (@fastify/swagger-ui, a maintained library showing only our own API
  // document) injects a <style> element from its script, which no nonce can reach: its pages
  // alone allow inline styles. Its scripts are files, so they still need nothing inline.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(DOCS_PREFIX)) return;
    const docs = directives(opts.https);
    route.config = { ...route.config, helmet: { enableCSPNonces: false, contentSecurityPolicy: { useDefaults: false, directives: { ...docs, 'style-src': ["'self'", "'unsafe-inline'"] } } } } as typeof route.config;
  });
  void app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: { useDefaults: false, directives: directives(opts.https) },
    strictTransportSecurity: opts.https ? { maxAge: HSTS_MAX_AGE_S, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (typeof payload !== 'string' || !reply.cspNonce || !/^text\/html/i.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    return payload.replaceAll(NONCE_PLACEHOLDERS.script, reply.cspNonce.script).replaceAll(NONCE_PLACEHOLDERS.style, reply.cspNonce.style);
  });
}
