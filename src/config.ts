// The only reader of process.env, for the app, the CLI, prisma.config.ts and scripts/.
// Every setting has an embedded default so `npm start` works on a fresh clone; a bad
// value stops the start with every problem listed at once, in Vietnamese and English.
import path from 'node:path';
import { z } from 'zod';

const PORT_MESSAGE = 'phải là số cổng 0–65535 / must be a port number 0–65535';
const port = z.coerce
  .number({ error: PORT_MESSAGE })
  .int({ error: PORT_MESSAGE })
  .min(0, { error: PORT_MESSAGE })
  .max(65535, { error: PORT_MESSAGE });
const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'phải là true hoặc false / must be true or false' })
  .transform((v) => v === 'true' || v === '1');
const text = z.string({ error: 'không được để trống / must not be empty' }).min(1, { error: 'không được để trống / must not be empty' });

const envSchema = z.object({
  HBC_DATA_DIR: text.default('.data'),
  HBC_HOST: text.default('127.0.0.1'),
  HBC_PORT: port.default(3000),
  HBC_PUBLIC_URL: z.url({ error: 'phải là địa chỉ URL đầy đủ / must be a full URL (https://...)' }).optional(),
  HBC_SAMPLE_DATA: flag.default(true),
  HBC_CHROMIUM: text.default('/usr/bin/chromium'),
  DATABASE_URL: z
    .string()
    .startsWith('file:', { error: 'phải bắt đầu bằng file: (SQLite) / must start with file: (SQLite)' })
    .optional(),
  TEMPORAL_ADDRESS: text.optional(),
  TEMPORAL_NAMESPACE: text.default('default'),
  TEMPORAL_TASK_QUEUE: text.default('hanbaocao'),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_CLI: text.optional(),
  SMTP_HOST: text.optional(),
  SMTP_PORT: port.default(1025),
  SMTP_SECURE: flag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3, { error: 'quá ngắn / too short' }).default('Hạn báo cáo <hanbaocao@localhost>'),
  // Not ours, but read here so no other module touches process.env: where to look for `temporal`.
  PATH: z.string().default(''),
});

export interface AppConfig {
  dataDir: string;
  http: { host: string; port: number; publicUrl: string };
  sampleData: boolean;
  /** Absolute `file:` URL: the app and `prisma migrate deploy` open the same file whatever the working directory. */
  databaseUrl: string;
  temporal: {
    /** null: start the embedded dev server (`temporal server start-dev`). */
    address: string | null;
    namespace: string;
    taskQueue: string;
    devPort: number;
    uiPort: number;
  };
  smtp: {
    /** null: start the embedded SMTP catcher on 127.0.0.1:port. */
    host: string | null;
    port: number;
    secure: boolean;
    user?: string;
    password?: string;
    from: string;
  };
  tools: {
    /** $TEMPORAL_CLI; null: look on the search path, then in .tools/bin. */
    temporalCli: string | null;
    /** Chromium for the end-to-end tests. */
    chromium: string;
    /** Directories of $PATH, in order. */
    searchPath: string[];
  };
}

/** The variable each port setting comes from, for messages that tell the operator what to change. */
export const PORT_VARIABLES = {
  http: 'HBC_PORT',
  temporalDev: 'TEMPORAL_DEV_PORT',
  temporalUi: 'TEMPORAL_UI_PORT',
  smtp: 'SMTP_PORT',
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function absoluteFileUrl(url: string): string {
  return `file:${path.resolve(url.slice('file:'.length))}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = i.path.join('.');
        return `${key}=${JSON.stringify(env[key] ?? '')}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.HBC_DATA_DIR);
  return {
    dataDir,
    http: {
      host: e.HBC_HOST,
      port: e.HBC_PORT,
      publicUrl: (e.HBC_PUBLIC_URL ?? `http://localhost:${e.HBC_PORT}`).replace(/\/$/, ''),
    },
    sampleData: e.HBC_SAMPLE_DATA,
    databaseUrl: absoluteFileUrl(e.DATABASE_URL ?? `file:${path.join(dataDir, 'app.sqlite')}`),
    temporal: {
      address: e.TEMPORAL_ADDRESS ?? null,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      devPort: e.TEMPORAL_DEV_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
    },
    smtp: {
      host: e.SMTP_HOST ?? null,
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE,
      user: e.SMTP_USER || undefined,
      password: e.SMTP_PASSWORD,
      from: e.MAIL_FROM,
    },
    tools: {
      temporalCli: e.TEMPORAL_CLI ?? null,
      chromium: e.HBC_CHROMIUM,
      searchPath: e.PATH.split(path.delimiter).filter(Boolean),
    },
  };
}

/**
 * The environment for a child process: this process's own plus `extra`. Children such as
 * the Prisma CLI, go and apt-get read their own variables, which this module does not parse.
 */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * Sets each variable that is not set yet, for third-party code that reads its own
 * variables in this process (the Prisma CLI loading prisma.config.ts).
 */
export function setDefaultEnvironment(vars: Record<string, string>): void {
  for (const [name, value] of Object.entries(vars)) process.env[name] ??= value;
}
