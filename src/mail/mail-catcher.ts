// A real SMTP server on 127.0.0.1 that keeps every message it receives: the inbox of
// `npm start` and the receiving end of every mail test. Nothing here is a mock: mail
// travels over TCP through nodemailer and is parsed back with mailparser.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  receivedAt: string;
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string[];
  cc: string[];
  /** Reply-To (a token address on emails to an agency: docs/reply-by-email.md); absent in inboxes saved before it was kept. */
  replyTo?: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string | null;
  headers: Record<string, string>;
}

export interface MailCatcher {
  port: number;
  messages(): CaughtMail[];
  /** Resolves once at least `count` messages matching `filter` have arrived. */
  waitFor(count: number, filter?: (m: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail[]>;
  clear(): void;
  close(): Promise<void>;
  /**
   * Development's reply intake (docs/reply-by-email.md): every message with a recipient that
   * `wants` is also handed to `handle` (the same intake as the inbound SMTP listener). A
   * failure of `handle` answers the sender 451, as the listener does.
   */
  handOver(wants: (address: string) => boolean, handle: (raw: Buffer, envelope: { from: string; to: string[] }) => Promise<unknown>): void;
  /**
   * Fault injection for the chaos run (bench/chaos.ts) and its tests: 'refuse' answers every
   * message 451 (try again later), as a relay over its quota does; 'silent' reads the message
   * and never answers, as a stuck relay does, until the mode changes, when the held messages
   * are answered 421 and dropped (the relay gave up on them); 'accept' is the normal mode.
   */
  setFault(mode: SmtpFault): void;
}

export type SmtpFault = 'accept' | 'refuse' | 'silent';

function addresses(field: unknown): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a: { value?: { address?: string }[] }) => (a.value ?? []).map((v) => v.address ?? ''));
}

/**
 * Starts the catcher. `port` 0 picks a free one (tests). With `persistPath`, messages are
 * appended as JSON lines and reloaded on start, so the inbox survives a restart. `clock`
 * stamps `receivedAt` (default: the wall clock); a time-skipping test passes the test
 * server's clock, so it can assert when a workflow really had a message delivered.
 */
export async function startMailCatcher(opts: {
  port: number;
  persistPath?: string;
  clock?: () => Date | Promise<Date>;
  /** Wait this long before accepting each message (a slow relay), so a test can act mid-burst. */
  acceptDelayMs?: number;
}): Promise<MailCatcher> {
  const inbox: CaughtMail[] = [];
  if (opts.persistPath && fs.existsSync(opts.persistPath)) {
    for (const line of fs.readFileSync(opts.persistPath, 'utf8').split('\n')) {
      if (line.trim()) inbox.push(JSON.parse(line) as CaughtMail);
    }
  }
  const waiters = new Set<() => void>();
  let fault: SmtpFault = 'accept';
  const held = new Set<(err: Error) => void>();
  let intake: { wants: (address: string) => boolean; handle: (raw: Buffer, envelope: { from: string; to: string[] }) => Promise<unknown> } | null = null;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (fault !== 'accept') {
        const refuse = (err: Error) => {
          held.delete(refuse);
          callback(err);
        };
        stream.on('end', () => {
          if (fault === 'refuse') refuse(Object.assign(new Error('4.3.2 chaos: try again later'), { responseCode: 451 }));
          else held.add(refuse);
        });
        stream.resume();
        return;
      }
      const receivedAt = Promise.resolve(opts.clock ? opts.clock() : new Date());
      const slow = new Promise((resolve) => setTimeout(resolve, opts.acceptDelayMs ?? 0));
      const raw = new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        stream.on('error', reject);
      });
      Promise.all([raw.then((bytes) => Promise.all([bytes, simpleParser(bytes)])), receivedAt, slow])
        .then(async ([[bytes, parsed], at]) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const handOver = intake;
          if (handOver && envelopeTo.some((a) => handOver.wants(a))) {
            const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: envelopeTo };
            await handOver.handle(bytes, envelope).catch((err: Error) => {
              throw Object.assign(new Error(`4.3.0 reply intake failed: ${err.message}`), { responseCode: 451 });
            });
          }
          const mail: CaughtMail = {
            id: inbox.length + 1,
            receivedAt: at.toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo,
            from: parsed.from?.value[0]?.address ?? '',
            to: addresses(parsed.to),
            cc: addresses(parsed.cc),
            replyTo: addresses(parsed.replyTo),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? null,
            headers: Object.fromEntries(
              [...parsed.headers.entries()]
                .filter(([k]) => k.startsWith('x-hbc-'))
                .map(([k, v]) => [k, String(v)]),
            ),
          };
          inbox.push(mail);
          if (opts.persistPath) fs.appendFileSync(opts.persistPath, `${JSON.stringify(mail)}\n`);
          for (const wake of waiters) wake();
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  // A client that vanishes mid-session (a worker killed with SIGKILL, a dropped connection)
  // is an 'error' of the server; unhandled, it ended the process that hosts the catcher
  // (`npm start`). The message it was sending was never accepted, so there is nothing to keep.
  server.on('error', () => undefined);

  return {
    port,
    messages: () => [...inbox],
    waitFor(count, filter = () => true, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = inbox.filter(filter);
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages, got ${inbox.filter(filter).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    clear: () => void inbox.splice(0),
    handOver(wants, handle) {
      intake = { wants, handle };
    },
    setFault(mode) {
      fault = mode;
      if (mode === 'silent') return;
      for (const refuse of [...held]) refuse(Object.assign(new Error('4.4.2 chaos: gave up waiting'), { responseCode: 421 }));
    },
    close: () => {
      for (const refuse of [...held]) refuse(Object.assign(new Error('4.4.2 closing'), { responseCode: 421 }));
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
