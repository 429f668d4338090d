// The app over HTTP for the account tests: a migrated database, a clock the test moves,
// a Temporal client whose server never answers (nothing here starts a workflow, unless a
// test passes its own client), and the log lines the app wrote.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/api/server';
import type { Db } from '../../src/db';
import type { ServiceDeps } from '../../src/services/deps';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface TestApp {
  app: FastifyInstance;
  deps: ServiceDeps;
  /** Every log line, raw, as the app wrote it. */
  raw: string[];
  logs: LogLine[];
  close(): Promise<void>;
}

export interface MovableClock {
  (): Date;
  set(iso: string | Date): void;
  advance(ms: number): void;
}

export function movableClock(start: string): MovableClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as MovableClock;
  clock.set = (at) => (now = new Date(at));
  clock.advance = (ms) => (now = new Date(now.getTime() + ms));
  return clock;
}

export function testApp(db: Db, clock: () => Date, opts: ServerOptions & { temporal?: Client; taskQueue?: string } = {}): TestApp {
  const connection = opts.temporal ? null : Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
  const temporal = opts.temporal ?? new Client({ connection: connection! });
  const deps: ServiceDeps = { db, temporal, taskQueue: opts.taskQueue ?? 'accounts-test', clock, searchAttributes: false };
  const raw: string[] = [];
  const logs: LogLine[] = [];
  const app = buildServer(deps, {
    ...opts,
    logger: { level: 'info', stream: { write: (line: string) => (raw.push(line), logs.push(JSON.parse(line) as LogLine)) } },
  });
  return {
    app,
    deps,
    raw,
    logs,
    close: async () => {
      await app.close();
      await connection?.close();
    },
  };
}

/** The session cookie an answer set last (signing in clears the old one, then sets the new). */
export function sessionCookie(res: LightMyRequestResponse): string | undefined {
  return res.cookies.filter((c) => c.name === 'hbc_session' && c.value).pop()?.value;
}

/** An anonymous visitor's session and its CSRF token, as the sign-in page gives them. */
export async function visit(app: FastifyInstance): Promise<{ cookie: string; csrfToken: string }> {
  const res = await app.inject({ method: 'GET', url: '/api/session' });
  return { cookie: sessionCookie(res)!, csrfToken: res.json().csrfToken as string };
}

/** Signs in through the JSON API from a fresh visit; returns the signed-in session cookie and its CSRF token. */
export async function signInAs(app: FastifyInstance, email: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const start = await visit(app);
  const res = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
    cookies: { hbc_session: start.cookie },
    headers: { 'x-csrf-token': start.csrfToken },
  });
  if (res.statusCode !== 201) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res)!;
  const me = await app.inject({ method: 'GET', url: '/api/session', cookies: { hbc_session: cookie } });
  return { cookie, csrfToken: me.json().csrfToken as string };
}
