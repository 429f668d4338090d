// The only reader of process.env. Every setting has an embedded default so `npm start`
// works on a fresh clone; a bad value stops the start with every problem listed at once.
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  HBC_DATA_DIR: z.string().min(1).default('.data'),
  HBC_HOST: z.string().min(1).default('127.0.0.1'),
  HBC_PORT: port.default(3000),
  HBC_PUBLIC_URL: z.url().optional(),
  HBC_SAMPLE_DATA: flag.default(true),
  DATABASE_URL: z.string().startsWith('file:').optional(),
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('hanbaocao'),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: port.default(1025),
  SMTP_SECURE: flag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Hạn báo cáo <hanbaocao@localhost>'),
});

export interface AppConfig {
  dataDir: string;
  http: { host: string; port: number; publicUrl: string };
  sampleData: boolean;
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
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
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
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, 'app.sqlite')}`,
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
      user: e.SMTP_USER,
      password: e.SMTP_PASSWORD,
      from: e.MAIL_FROM,
    },
  };
}
