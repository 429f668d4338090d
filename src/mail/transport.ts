// The one place that turns the SMTP settings into nodemailer transport options.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { AppConfig } from '../config';

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
    return { host: '127.0.0.1', port: catcherPort ?? smtp.port, secure: false, ignoreTLS: true };
  }
  const options: SMTPTransport.Options = { host: smtp.host, port: smtp.port, secure: smtp.secure };
  if (smtp.user) {
    options.auth = { user: smtp.user, pass: smtp.password ?? '' };
    if (!smtp.secure) options.requireTLS = true;
  }
  return options;
}

export function createMailer(smtp: AppConfig['smtp'], catcherPort?: number): Transporter<SMTPTransport.SentMessageInfo> {
  return nodemailer.createTransport(smtpTransportOptions(smtp, catcherPort));
}
