// The SMTP transport built from the configuration, against real SMTP servers on 127.0.0.1
// (smtp-server): a login is never sent over a connection without TLS.
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startMailCatcher } from '../../src/mail/mail-catcher';
import { SMTP_POOL_CONNECTIONS, smtpTransportOptions, STUCK_RELAY_TIMEOUTS } from '../../src/mail/transport';
import { CLAIM_LEASE_MS, CONCURRENT_SENDS, isPermanent } from '../../activities/outbox';

const message = { from: 'hbc@test.example', to: 'vanthu@tyt.test', subject: 'Nhắc hạn', text: 'Báo cáo năm 2026' };

/**
 * A relay that offers no STARTTLS and would accept a login in clear (allowInsecureAuth), so
 * only the client's own refusal keeps the password off the wire. Records every AUTH and message.
 */
async function plainRelay() {
  const authAttempts: string[] = [];
  const received: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      authAttempts.push(`${auth.method} ${auth.username}`);
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push('message');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, authAttempts, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('SMTP transport options', () => {
  it('with SMTP_USER and SMTP_SECURE=false, refuses a server without STARTTLS before any AUTH', async () => {
    const relay = await plainRelay();
    closers.push(relay.close);
    const config = loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(relay.port), SMTP_SECURE: 'false', SMTP_USER: 'hbc', SMTP_PASSWORD: 'secret' });

    const transport = nodemailer.createTransport(smtpTransportOptions(config.smtp));
    await expect(transport.sendMail(message)).rejects.toThrow(/STARTTLS/);
    expect(relay.authAttempts).toEqual([]);
    expect(relay.received).toEqual([]);
  });

  it('without SMTP_USER, sends through the same server (nothing secret to protect)', async () => {
    const relay = await plainRelay();
    closers.push(relay.close);
    const config = loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(relay.port) });

    await nodemailer.createTransport(smtpTransportOptions(config.smtp)).sendMail(message);
    expect(relay.received).toEqual(['message']);
    expect(relay.authAttempts).toEqual([]);
  });

  it('the embedded catcher (no SMTP_HOST) still receives mail in plain text, SMTP_USER or not', async () => {
    const catcher = await startMailCatcher({ port: 0 });
    closers.push(() => catcher.close());
    const config = loadConfig({ SMTP_USER: 'ignored-for-the-catcher' });

    await nodemailer.createTransport(smtpTransportOptions(config.smtp, catcher.port)).sendMail(message);
    const [mail] = await catcher.waitFor(1);
    expect(mail!.subject).toBe('Nhắc hạn');
  });

  it('fails a send to a relay that stopped answering within its socket timeout, before the outbox lease lets a retry take the message', async () => {
    // Otherwise a stuck attempt could still be accepted after a retry sent the same message.
    expect(STUCK_RELAY_TIMEOUTS.socketTimeout).toBeLessThan(CLAIM_LEASE_MS);
    // Sends wait for a connection before they renew their claim, never in the pool's queue after it.
    expect(CONCURRENT_SENDS).toBe(SMTP_POOL_CONNECTIONS);
    const catcher = await startMailCatcher({ port: 0 });
    closers.push(() => catcher.close());
    const config = loadConfig({});
    catcher.setFault('silent');
    await expect(nodemailer.createTransport(smtpTransportOptions(config.smtp, catcher.port)).sendMail(message)).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    catcher.setFault('accept');
    expect(catcher.messages()).toEqual([]);
  }, 60_000);

  it('a relay that refuses for now answers 451, which the outbox retries rather than fails', async () => {
    const catcher = await startMailCatcher({ port: 0 });
    closers.push(() => catcher.close());
    catcher.setFault('refuse');
    const refusal = await nodemailer.createTransport(smtpTransportOptions(loadConfig({}).smtp, catcher.port)).sendMail(message).catch((err: unknown) => err);
    expect(refusal).toMatchObject({ responseCode: 451 });
    expect(isPermanent(refusal)).toBe(false);
  });
});
