// The product's own inbound SMTP listener (docs/reply-by-email.md): placed behind the
// organisation's mail server, which forwards baocao+*@<reply domain> to it. It accepts mail
// for the reply addresses only (never a relay), refuses what is larger than the cap while it
// arrives, and hands each message to the intake (src/services/inbound-replies.ts, injected:
// src/mail stays below the services). The intake's failure to decide (database or Temporal
// down) answers 451, so the forwarding server keeps the message and tries again.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface InboundEnvelope {
  from: string;
  to: string[];
}

export type InboundHandler = (raw: Buffer, envelope: InboundEnvelope) => Promise<unknown>;

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

/** Whether an address is one of ours: `<localPart>@<domain>` or `<localPart>+<anything>@<domain>`, case-insensitively. */
export function isReplyAddress(address: string, settings: { domain: string; localPart: string }): boolean {
  const a = address.toLowerCase();
  return a === `${settings.localPart}@${settings.domain}` || (a.startsWith(`${settings.localPart}+`) && a.endsWith(`@${settings.domain}`));
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startInboundSmtp(opts: {
  host: string;
  /** 0 picks a free one (tests). */
  port: number;
  maxMessageBytes: number;
  addresses: { domain: string; localPart: string };
  handle: InboundHandler;
  log: (line: string) => void;
}): Promise<InboundSmtp> {
  const server = new SMTPServer({
    // Reached only by the organisation's mail server on an internal network: it did the
    // TLS, the spam filtering and the sender checks (SPF, DKIM, DMARC) already.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: opts.maxMessageBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (isReplyAddress(address.address, opts.addresses)) return callback();
      callback(smtpError(`5.1.1 <${address.address}>: not a reply address of this service`, 550));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err: Error) => callback(err));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(smtpError(`5.3.4 message larger than ${opts.maxMessageBytes} bytes`, 552));
          return;
        }
        const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
        opts.handle(Buffer.concat(chunks), envelope).then(
          () => callback(),
          (err: Error) => {
            opts.log(`inbound reply not taken, the sender will retry: ${err.message}`);
            callback(smtpError('4.3.0 temporarily unable to take this message, try again later', 451));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  server.on('error', (err: Error) => opts.log(`inbound SMTP: ${err.message}`));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
