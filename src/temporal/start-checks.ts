// What `npm start` checks before it starts anything: every port it will listen on is free,
// and no Temporal server it did not start answers on the embedded server's port. Failing
// here leaves nothing behind; failing after the dev server is up used to leave it running.
import net from 'node:net';
import { PORT_VARIABLES, type AppConfig } from '../config';
import { temporalAnswers } from './dev-server';

export interface PortUse {
  host: string;
  port: number;
  /** The setting that moves it. */
  variable: (typeof PORT_VARIABLES)[keyof typeof PORT_VARIABLES];
  what: string;
}

/** The ports this configuration listens on (0 means any free port and is never taken). */
export function portsToOpen(config: AppConfig): PortUse[] {
  const uses: PortUse[] = [{ host: config.http.host, port: config.http.port, variable: PORT_VARIABLES.http, what: 'web app / ứng dụng web' }];
  if (!config.temporal.address) {
    uses.push(
      { host: '127.0.0.1', port: config.temporal.devPort, variable: PORT_VARIABLES.temporalDev, what: 'Temporal dev server' },
      { host: '127.0.0.1', port: config.temporal.uiPort, variable: PORT_VARIABLES.temporalUi, what: 'Temporal Web UI' },
    );
  }
  if (!config.smtp.host) uses.push({ host: '127.0.0.1', port: config.smtp.port, variable: PORT_VARIABLES.smtp, what: 'SMTP catcher / hộp thư thử' });
  return uses.filter((u) => u.port !== 0);
}

/** null when `host:port` can be listened on, else the error code (EADDRINUSE, EACCES, EADDRNOTAVAIL). */
export function listenProblem(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

function portProblem(use: PortUse, code: string): string {
  const where = `${use.host}:${use.port}`;
  if (code === 'EADDRINUSE') {
    return `Cổng ${where} (${use.what}) đang bị chương trình khác dùng: dừng chương trình đó hoặc đặt ${use.variable} sang cổng khác. / Port ${where} (${use.what}) is already in use: stop what holds it or set ${use.variable} to a free port.`;
  }
  return `Không mở được ${where} (${use.what}, ${code}): kiểm tra ${use.variable}. / Cannot listen on ${where} (${use.what}, ${code}): check ${use.variable}.`;
}

function strayTemporalProblem(port: number): string {
  const address = `127.0.0.1:${port}`;
  return [
    `Một máy chủ Temporal không do ứng dụng này khởi động đang chạy ở ${address} (có thể còn sót từ lần chạy trước). Hãy dừng nó; hoặc đặt TEMPORAL_ADDRESS=${address} nếu cố ý dùng nó; hoặc đặt TEMPORAL_DEV_PORT sang cổng khác.`,
    `A Temporal server this app did not start answers on ${address} (perhaps left over from an earlier run). Stop it; or set TEMPORAL_ADDRESS=${address} to use it on purpose; or set TEMPORAL_DEV_PORT to another port.`,
  ].join('\n    ');
}

/** Every reason not to start, as bilingual lines naming the variable to change; [] to go ahead. */
export async function startProblems(config: AppConfig): Promise<string[]> {
  const problems: string[] = [];
  const uses = portsToOpen(config);
  for (const [i, use] of uses.entries()) {
    const clash = uses.slice(i + 1).find((other) => other.port === use.port);
    if (clash) problems.push(`${use.variable} và ${clash.variable} cùng là ${use.port}: đổi một trong hai. / ${use.variable} and ${clash.variable} are both ${use.port}: change one.`);
  }
  for (const use of uses) {
    const code = await listenProblem(use.host, use.port);
    if (code === null) continue;
    const strayTemporal = use.variable === PORT_VARIABLES.temporalDev && code === 'EADDRINUSE' && (await temporalAnswers(`${use.host}:${use.port}`));
    problems.push(strayTemporal ? strayTemporalProblem(use.port) : portProblem(use, code));
  }
  return problems;
}

export class StartRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Không khởi động / not starting:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StartRefusedError';
  }
}
