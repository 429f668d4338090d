// The one place that turns the SMTP settings into nodemailer transport options.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { AppConfig } from '../config';

/**
 * A relay that stops answering must fail the attempt before the activity's heartbeat
 * timeout (20 s) and the outbox claim's lease (activities/outbox.ts CLAIM_LEASE_MS, 30 s).
 * With nodemailer's defaults (10 minutes of socket silence) a stuck attempt outlived both:
 * a retry took the message over and sent it, and the stuck one could still be accepted
 * later, a second delivery. Silence is measured between bytes, so a slow but live relay is
 * not cut off. Found by the chaos run's silent relay (docs/RELIABILITY.md).
 */
export const STUCK_RELAY_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 } as const;

/**
 * - Embedded catcher (no SMTP_HOST): 127.0.0.1 on the catcher's port, plain text, no login;
 *   it never leaves this machine.
 * - A real relay with a login: credentials never travel in clear. SMTP_SECURE=true is TLS
 *   from the first byte; otherwise the server must offer STARTTLS (`requireTLS`), and
 *   nodemailer refuses to log in (or send) when it does not.
 * - A real relay without a login: STARTTLS when offered, as nodemailer does by default.
 */
export function smtpTransportOptions(smtp: AppConfig['smtp'], catcherPort?: number): SMTPTransport.Options {
  if (!smtp.host) {
    return { host: '127.0.0.1', port: catcherPort ?? smtp.port, secure: false, ignoreTLS: true, ...STUCK_RELAY_TIMEOUTS };
  }
  const options: SMTPTransport.Options = { host: smtp.host, port: smtp.port, secure: smtp.secure, ...STUCK_RELAY_TIMEOUTS };
  if (smtp.user) {
    options.auth = { user: smtp.user, pass: smtp.password ?? '' };
    if (!smtp.secure) options.requireTLS = true;
  }
  return options;
}

/**
 * Connections the worker keeps open to the SMTP server. A morning burst sends thousands of
 * emails at once: a connection (and its greeting, EHLO, login) per email was most of the
 * cost of each (docs/PERFORMANCE.md "The morning burst"). A crash can leave at most the
 * messages in flight on these connections accepted but unmarked (activities/outbox.ts).
 */
export const SMTP_POOL_CONNECTIONS = 5;

export function createMailer(smtp: AppConfig['smtp'], catcherPort?: number): Transporter<SMTPPool.SentMessageInfo> {
  return nodemailer.createTransport({ ...smtpTransportOptions(smtp, catcherPort), pool: true, maxConnections: SMTP_POOL_CONNECTIONS, maxMessages: Infinity });
}
