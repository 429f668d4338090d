// Plan documents are read in worker threads: a large upload does not stall the server, the
// threads give the same answer as reading in process, and a document still being read when
// the time cap expires is refused and its thread terminated. Real HTTP, real SQLite.
import fs from 'node:fs';
import { once } from 'node:events';
import { Client, Connection } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/api/errors';
import { registerImportRoutes } from '../../src/api/routes/imports.routes';
import { validatorCompiler } from '../../src/api/openapi';
import { ANONYMOUS } from '../../src/auth/policy';
import { buildServer } from '../../src/api/server';
import { bearer, grantToken } from '../helpers/principals';
import { importDocument } from '../../src/ingest/import-document';
import { createParsePool } from '../../src/parse-pool/parse-pool';
import type { ServiceDeps } from '../../src/services/deps';
import { seedText } from '../ingest/ingest-helpers';
import { createTestDb } from '../helpers/test-db';

/** Seed 001 repeated to about 2 MB: seconds of reading, well under the 10 MB limit. */
const LARGE_PLAN = Buffer.from(seedText('001').repeat(Math.ceil(2_000_000 / Buffer.byteLength(seedText('001')))));

describe('reading uploads off the event loop', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let deps: ServiceDeps;

  beforeAll(() => {
    testDb = createTestDb();
    // Preview touches no workflow: a lazy connection that is never opened.
    const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    deps = { db: testDb.db, temporal, taskQueue: 'parse-pool-test', clock: () => new Date('2026-12-20T03:00:00Z'), searchAttributes: false };
  });

  afterAll(async () => {
    await testDb?.cleanup();
  });

  it('answers /health while a large upload is still being read, then returns its preview', async () => {
    const events: string[] = [];
    // The preview's first step after reading the document is looking up its issuer: that
    // call marks the end of the reading, in process or in a thread alike.
    const db = new Proxy(testDb.db, {
      get(target, prop, receiver) {
        if (prop !== 'organisation') return Reflect.get(target, prop, receiver);
        return new Proxy(target.organisation, {
          get(organisation, method, r) {
            if (method !== 'findFirst') return Reflect.get(organisation, method, r);
            return (args: Parameters<typeof target.organisation.findFirst>[0]) => {
              events.push('document read');
              return organisation.findFirst(args);
            };
          },
        });
      },
    });
    const app = buildServer({ ...deps, db }, { logger: false });
    await testDb.db.organisation.create({ data: { id: 'xa-doc', name: 'UBND xã Đọc', kind: 'commune' } });
    const coordinator = bearer(await grantToken(testDb.db, { organisationId: 'xa-doc', role: 'coordinator' }));
    let reading!: () => void;
    const readingStarted = new Promise<void>((resolve) => (reading = resolve));
    app.addHook('preHandler', async (req) => {
      if (req.url === '/api/imports/preview') reading();
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const preview = fetch(`${base}/api/imports/preview`, { method: 'POST', headers: { ...coordinator, 'content-type': 'text/plain; charset=utf-8' }, body: LARGE_PLAN }).then(async (res) => {
        events.push('preview answered');
        return { status: res.status, body: (await res.json()) as { proposal: { plan: { number: string } } } };
      });
      await readingStarted;
      const health = await fetch(`${base}/health`).then(async (res) => {
        events.push('health answered');
        return res.json();
      });
      const previewed = await preview;

      expect(events).toEqual(['health answered', 'document read', 'preview answered']);
      expect(health).toEqual({ ok: true });
      expect(previewed.status).toBe(200);
      expect(previewed.body.proposal.plan.number).toBe('645/KH-UBND');
    } finally {
      await app.close();
    }
  });

  it('gives the same document as reading in process, for text, .docx and .pdf', async () => {
    const pool = createParsePool();
    try {
      for (const bytes of [Buffer.from(seedText('001')), fs.readFileSync('test/fixtures/plans/27-KH-UBND.docx'), fs.readFileSync('test/fixtures/plans/27-KH-UBND.pdf')]) {
        expect(await pool.parse(bytes)).toEqual(await importDocument(bytes));
      }
      await expect(pool.parse(fs.readFileSync('test/fixtures/plans/scanned.pdf'))).rejects.toMatchObject({ name: 'IngestError', code: 'no-text-layer' });
    } finally {
      await pool.close();
    }
  });

  it('refuses a document still being read when the time cap expires, in both languages, and terminates its thread', async () => {
    // One thread started with the pool, so the upload runs on it at once and the 1 ms cap
    // expires while it is being read.
    const pool = createParsePool({ timeCapMs: 1, minThreads: 1, maxThreads: 1 });
    const app: FastifyInstance = Fastify();
    app.setErrorHandler(errorHandler);
    // The routes declare zod schemas: validated as the app validates them; the caller is anonymous.
    app.setValidatorCompiler(validatorCompiler);
    app.decorateRequest('principal', null as never);
    app.addHook('onRequest', async (req) => {
      req.principal = ANONYMOUS;
    });
    registerImportRoutes(app, deps, { parsePool: pool });
    try {
      const [thread] = pool.threads();
      const threadExit = once(thread!, 'exit');
      const res = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: LARGE_PLAN });

      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: 'invalid-input',
        message: 'Đọc tệp quá 1 ms nên đã dừng. Hãy tách văn bản thành tệp nhỏ hơn hoặc chỉ dán phần nội dung kế hoạch.',
        messageEn: "Reading the document took longer than 1 ms and was stopped. Split it into smaller files, or paste only the plan's text.",
        details: ['too-slow'],
      });
      await threadExit;
      expect(pool.threads()).not.toContain(thread);
    } finally {
      await app.close();
      await pool.close();
    }
  });
});
