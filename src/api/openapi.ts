// The API document: OpenAPI 3.1 generated from the same zod schemas the routes validate
// with (fastify-type-provider-zod), served at /openapi.json and browsable at /docs
// (@fastify/swagger-ui, assets from its own package: nothing is fetched from elsewhere).
// Every operation carries its security requirement and, as `x-hbc-action`, the policy
// action it performs, so the authorisation test can read the routes and their rules from
// the document itself.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ServiceError, issuesToLines, issuesToLinesEn, zodVi } from '../services/errors';
import { DOCS_PREFIX, type RouteAccess } from './access';

export const SESSION_COOKIE = 'hbc_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route that answers a file: its media type, documented as the 200 response (the exports). */
    binary?: { mediaType: string; description: string };
  }
}

/** The 200 response of a route that answers a file, for the document. */
function binaryResponse(binary: { mediaType: string; description: string } | undefined) {
  return binary ? { response: { 200: { description: binary.description, content: { [binary.mediaType]: { schema: { type: 'string', format: 'binary' } } } } } } : {};
}

/** Security requirements by access kind: public routes need nothing; the rest a session or a token. */
function securityOf(access: RouteAccess | undefined): Record<string, string[]>[] {
  return !access || access.action === 'public' ? [] : [{ sessionCookie: [] }, { bearerToken: [] }];
}

/**
 * Registered at the root of the app (not in a plugin of its own, whose hooks would see only
 * its own routes), before every route, so the document holds them all.
 */
export function registerOpenApi(app: FastifyInstance): void {
  void app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hạn báo cáo (hanbaocao) API',
        description:
          'Reporting deadlines of Vietnamese local government. Errors have one JSON shape: ' +
          '{error, message (Vietnamese), messageEn, details, detailsEn, requestId}. State-changing requests made with a ' +
          'session cookie need the x-csrf-token header (GET /api/session gives it); requests with a Bearer token do not.',
        version: '1',
      },
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token created by an administrator (hbc_...).' },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = input.route.config?.access as RouteAccess | undefined;
      return {
        ...out,
        schema: { ...out.schema, ...binaryResponse(input.route.config?.binary), security: securityOf(access), 'x-hbc-action': access?.action ?? 'public', ...(access && 'resource' in access && access.resource ? { 'x-hbc-resource': access.resource } : {}) },
      };
    },
  });
  void app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX });
  app.get('/openapi.json', { config: { access: { action: 'public' } }, schema: { hide: true } }, async () => app.swagger());
}

/** Half of a UTF-16 pair standing alone: not Unicode text, and refused by the database driver. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string that is not well-formed Unicode, or null (iterative: bodies may nest deep). */
function illFormedText(data: unknown): string | null {
  const stack: [unknown, string][] = [[data, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return path || '(body)';
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

/**
 * Validation by the route's zod schemas, answered like every other bad input: a 400 with
 * "path: message" lines in Vietnamese (details) and English (detailsEn). Text that only a
 * JSON escape can carry ("\ud800" alone) is refused first: the driver's failure on it was a
 * 500 in a request, and an activity retried for ever in a workflow.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const badText = illFormedText(data);
  if (badText) {
    return {
      error: new ServiceError('invalid-input', 'Dữ liệu không hợp lệ', 'Invalid input', [`${badText}: chứa ký tự không hợp lệ (nửa cặp UTF-16 đứng lẻ)`], {
        detailsEn: [`${badText}: contains an invalid character (a lone UTF-16 surrogate)`],
      }),
    };
  }
  const result = schema.safeParse(data, { error: zodVi, reportInput: true });
  if (result.success) return { value: result.data };
  const issues = result.error.issues;
  return { error: new ServiceError('invalid-input', 'Dữ liệu không hợp lệ', 'Invalid input', issuesToLines(issues), { detailsEn: issuesToLinesEn(issues) }) };
};
