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

/**
 * Signs the session cookies of `npm start` on embedded defaults. Public (it is in the
 * repository), so an app started with HBC_ENV=production refuses it (productionProblems).
 */
export const DEVELOPMENT_SESSION_SECRET = 'hanbaocao-development-only-session-secret-0000';
const SESSION_SECRET_MIN = 32;

/**
 * Signs the agencies' links of `npm start` on embedded defaults (src/stores/signed-link.ts).
 * Public like the session secret, so production refuses it.
 */
export const DEVELOPMENT_LINK_KEY = 'hanbaocao-development-only-link-key-00000000000';
const LINK_KEY_MIN = 32;

/** Reply-To of `npm start` and the tests: baocao+<token>@reply.localhost, which the development SMTP catcher hands to the intake. */
export const DEVELOPMENT_REPLY_ADDRESS = { domain: 'reply.localhost', localPart: 'baocao' } as const;

/** Never echoed in a problem line: a wrong secret is still a secret. */
const SECRET_VARIABLES = new Set(['HBC_SESSION_SECRET', 'HBC_LINK_KEYS', 'HBC_API_TOKEN', 'SMTP_PASSWORD']);

const envSchema = z.object({
  HBC_ENV: z.enum(['development', 'production'], { error: 'phải là development hoặc production / must be development or production' }).default('development'),
  HBC_SESSION_SECRET: z
    .string()
    .min(SESSION_SECRET_MIN, { error: `phải dài ít nhất ${SESSION_SECRET_MIN} ký tự / must be at least ${SESSION_SECRET_MIN} characters` })
    .default(DEVELOPMENT_SESSION_SECRET),
  // Keys of the agencies' signed links, comma-separated: links are signed with the first and
  // accepted under any, so a key rotates by putting the new one first and dropping the old
  // one once its links have expired (30 days after their deadline's last day).
  HBC_LINK_KEYS: z
    .string()
    .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().min(LINK_KEY_MIN, { error: `mỗi khóa phải dài ít nhất ${LINK_KEY_MIN} ký tự / each key must be at least ${LINK_KEY_MIN} characters` }))
        .min(1, { error: 'cần ít nhất một khóa / at least one key' }),
    )
    .default([DEVELOPMENT_LINK_KEY]),
  // Largest file an agency may attach to a report through its link, in megabytes.
  HBC_REPORT_MAX_MB: z.coerce.number({ error: 'phải là số / must be a number' }).int().min(1).max(200).default(20),
  // Reply by email (docs/reply-by-email.md): reminders carry Reply-To <local>+<token>@<domain>;
  // the app's own inbound SMTP listener receives what the organisation's mail server forwards.
  HBC_REPLY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, { error: 'phải là một tên miền / must be a domain name' })
    .default(DEVELOPMENT_REPLY_ADDRESS.domain),
  HBC_REPLY_LOCAL_PART: z
    .string()
    .regex(/^[a-z0-9._-]{1,16}$/i, { error: 'chỉ chữ, số, . _ - (tối đa 16) / letters, digits, . _ - (at most 16)' })
    .default(DEVELOPMENT_REPLY_ADDRESS.localPart),
  HBC_INBOUND_SMTP: flag.default(false),
  HBC_INBOUND_SMTP_HOST: text.default('127.0.0.1'),
  HBC_INBOUND_SMTP_PORT: port.default(2525),
  // Largest reply accepted, attachments included and as encoded on the wire, in megabytes.
  HBC_INBOUND_MAX_MB: z.coerce.number({ error: 'phải là số / must be a number' }).int().min(1).max(200).default(30),
  // An API token (hbc_...) for the CLI's calls to the running server (`import --confirm`).
  HBC_API_TOKEN: text.optional(),
  HBC_DATA_DIR: text.default('.data'),
  HBC_HOST: text.default('127.0.0.1'),
  HBC_PORT: port.default(3000),
  HBC_PUBLIC_URL: z.url({ error: 'phải là địa chỉ URL đầy đủ / must be a full URL (https://...)' }).optional(),
  // Default: true when HBC_PUBLIC_URL is https (the app speaks plain HTTP, so a proxy ends TLS).
  HBC_TRUST_PROXY: flag.optional(),
  // Default: on in development, off in production (where turning it on is refused).
  HBC_SAMPLE_DATA: flag.optional(),
  HBC_CHROMIUM: text.default('/usr/bin/chromium'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, {
      error: 'phải bắt đầu bằng file: (SQLite) hoặc postgres:// (PostgreSQL) / must start with file: (SQLite) or postgres:// (PostgreSQL)',
    })
    .optional(),
  // The project's own PostgreSQL for development and tests (scripts/postgres.ts), never 5432.
  HBC_POSTGRES_PORT: port.default(55432),
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
  /** production: refuses the development defaults and sample accounts (productionProblems). */
  env: 'development' | 'production';
  dataDir: string;
  http: { host: string; port: number; publicUrl: string };
  sampleData: boolean;
  auth: {
    /** Signs the session cookie. */
    sessionSecret: string;
    /** Secure cookies: the app is reached over HTTPS (HBC_PUBLIC_URL starts with https:). */
    secureCookies: boolean;
    /** Believe one proxy's X-Forwarded-For/-Proto (HBC_TRUST_PROXY). */
    trustProxy: boolean;
  };
  /** The agencies' signed links (src/stores/signed-link.ts). */
  links: {
    /** Sign with the first, accept any (rotation). */
    keys: string[];
    /** Largest attached file, in bytes. */
    maxFileBytes: number;
  };
  /** Reply by email (src/services/inbound-replies.ts, docs/reply-by-email.md). */
  replies: {
    /** Reply-To is `<localPart>+<token>@<domain>`. */
    domain: string;
    localPart: string;
    /** The inbound SMTP listener (src/mail/inbound-smtp.ts); off: only the development catcher hands replies over. */
    inbound: { enabled: boolean; host: string; port: number; maxMessageBytes: number };
  };
  /** HBC_API_TOKEN: how the CLI authenticates to the running server; null when unset. */
  apiToken: string | null;
  /**
   * `file:` (SQLite, the embedded default; made absolute so the app and `prisma migrate
   * deploy` open the same file whatever the working directory) or `postgres(ql)://`
   * (production with several app processes; src/db.ts).
   */
  databaseUrl: string;
  /** Which database DATABASE_URL names. */
  databaseProvider: DatabaseProvider;
  /** The project's own development/test PostgreSQL (scripts/postgres.ts). */
  postgres: { port: number };
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

export type DatabaseProvider = 'sqlite' | 'postgresql';

/** SQLite for `file:` URLs (libsql), PostgreSQL for `postgres://` and `postgresql://`. */
export function databaseProviderOf(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
}

/** A database URL fit for a log line: a PostgreSQL password is replaced by ***. */
export function redactedUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/, '$1***@');
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
  if (databaseProviderOf(url) === 'postgresql') return url;
  return `file:${path.resolve(url.slice('file:'.length))}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        // The variable, not the index inside it (HBC_LINK_KEYS.1): a list of secrets is one secret.
        const key = String(i.path[0] ?? '');
        const shown = SECRET_VARIABLES.has(key) ? '(ẩn / hidden)' : JSON.stringify(env[key] ?? '');
        return `${key}=${shown}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.HBC_DATA_DIR);
  const publicUrl = (e.HBC_PUBLIC_URL ?? `http://localhost:${e.HBC_PORT}`).replace(/\/$/, '');
  return {
    env: e.HBC_ENV,
    dataDir,
    http: { host: e.HBC_HOST, port: e.HBC_PORT, publicUrl },
    sampleData: e.HBC_SAMPLE_DATA ?? e.HBC_ENV === 'development',
    auth: {
      sessionSecret: e.HBC_SESSION_SECRET,
      secureCookies: publicUrl.startsWith('https:'),
      trustProxy: e.HBC_TRUST_PROXY ?? publicUrl.startsWith('https:'),
    },
    links: { keys: e.HBC_LINK_KEYS, maxFileBytes: e.HBC_REPORT_MAX_MB * 1024 * 1024 },
    replies: {
      domain: e.HBC_REPLY_DOMAIN.toLowerCase(),
      localPart: e.HBC_REPLY_LOCAL_PART.toLowerCase(),
      inbound: { enabled: e.HBC_INBOUND_SMTP, host: e.HBC_INBOUND_SMTP_HOST, port: e.HBC_INBOUND_SMTP_PORT, maxMessageBytes: e.HBC_INBOUND_MAX_MB * 1024 * 1024 },
    },
    apiToken: e.HBC_API_TOKEN ?? null,
    databaseUrl: absoluteFileUrl(e.DATABASE_URL ?? `file:${path.join(dataDir, 'app.sqlite')}`),
    databaseProvider: databaseProviderOf(e.DATABASE_URL ?? 'file:'),
    postgres: { port: e.HBC_POSTGRES_PORT },
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
 * What a production start refuses in the configuration itself, one bilingual line each,
 * naming the variable to change. The database's own check (sample accounts) comes once it
 * is open (src/services/accounts.ts). Empty in development.
 */
export function productionProblems(config: AppConfig): string[] {
  if (config.env !== 'production') return [];
  const problems: string[] = [];
  if (config.auth.sessionSecret === DEVELOPMENT_SESSION_SECRET) {
    problems.push(
      'HBC_SESSION_SECRET: đang dùng khóa mặc định chỉ dành cho phát triển; hãy đặt một chuỗi ngẫu nhiên dài ít nhất 32 ký tự (ví dụ `openssl rand -base64 48`) ' +
        '/ the development-only default is in use: set a random string of at least 32 characters (e.g. `openssl rand -base64 48`)',
    );
  }
  if (config.links.keys.includes(DEVELOPMENT_LINK_KEY)) {
    problems.push(
      'HBC_LINK_KEYS: đang dùng khóa ký liên kết mặc định chỉ dành cho phát triển; hãy đặt một chuỗi ngẫu nhiên dài ít nhất 32 ký tự (ví dụ `openssl rand -base64 48`) ' +
        '/ the development-only key for signed links is in use: set a random string of at least 32 characters (e.g. `openssl rand -base64 48`)',
    );
  }
  if (config.sampleData) {
    problems.push(
      'HBC_SAMPLE_DATA=true: dữ liệu mẫu kèm tài khoản mẫu có mật khẩu công khai, không dùng khi HBC_ENV=production; hãy bỏ biến này hoặc đặt false ' +
        '/ sample data comes with sample accounts whose password is public, refused with HBC_ENV=production: unset it or set it to false',
    );
  }
  return problems;
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
