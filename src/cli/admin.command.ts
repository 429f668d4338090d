// `hanbaocao admin ...`: how a real installation begins, at the server's console, before
// anyone can sign in: its first organisations and its first administrator. Works on the
// database the app opens (DATABASE_URL, else $HBC_DATA_DIR/app.sqlite), migrated first.
// A password is never an argument (shell history, the process list): it is asked for without
// echo on a terminal, or read from the first line of stdin.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type AppConfig } from '../config';
import { createOrganisation, createOrganisationBodySchema, createUserAccount, createUserBodySchema, deleteSampleUsers, withAppDatabase } from '../services/accounts';
import type { Actor } from '../services/audit';
import { parseBody, ServiceError } from '../services/errors';
import type { CliCommand, CliIo } from './io';

const USAGE = [
  'Cách dùng / usage:',
  '  hanbaocao admin create-organisation --id <id> --name <tên> --kind province|commune|district [--parent <id>]',
  '  hanbaocao admin create-user --org <id> --role administrator|coordinator|leader|agency|auditor --email <email> [--name <tên>] [--agency <id>]',
  '      (mật khẩu: nhập khi được hỏi, hoặc dòng đầu của stdin / the password: typed when asked, or the first line of stdin)',
  '  hanbaocao admin delete-sample-users',
].join('\n');

export interface AdminOptions {
  config: AppConfig;
  /** The new user's password, from the terminal or stdin. */
  readPassword: (io: CliIo) => Promise<string>;
}

export const run: CliCommand = async (args, io) => {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(err.message);
    return 2;
  }
  return runAdmin(args, io, { config, readPassword: passwordFromStdin });
};

/** The operator at the console, as the audit log records them. */
function consoleActor(): Actor {
  return { principal: { kind: 'system', id: 'cli', label: `hanbaocao admin (${os.userInfo().username})` }, ip: null };
}

export async function runAdmin(args: string[], io: CliIo, opts: AdminOptions): Promise<number> {
  const [sub, ...rest] = args;
  if (rest.some((a) => a === '--password' || a.startsWith('--password='))) {
    io.stderr(
      'Không nhận mật khẩu qua tham số dòng lệnh (sẽ lộ trong lịch sử lệnh và danh sách tiến trình): hãy nhập khi được hỏi, hoặc qua stdin.\n' +
        'A password is never taken as an argument (it would show in the shell history and the process list): type it when asked, or pipe it on stdin.',
    );
    return 2;
  }
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: rest,
      options: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, parent: { type: 'string' }, org: { type: 'string' }, role: { type: 'string' }, email: { type: 'string' }, agency: { type: 'string' } },
    }).values;
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    switch (sub) {
      case 'create-organisation': {
        const input = { id: values.id, name: values.name, kind: values.kind, parentId: values.parent };
        parseBody(createOrganisationBodySchema, input); // a typo is refused before the database is opened
        const { id } = await withAppDatabase(opts.config.databaseUrl, (deps) => createOrganisation(deps, consoleActor(), input));
        io.stdout(`Đã tạo tổ chức / organisation created: ${id}`);
        return 0;
      }
      case 'create-user': {
        const password = await opts.readPassword(io);
        const input = { organisationId: values.org, role: values.role, email: values.email, name: values.name, agencyId: values.agency, password };
        parseBody(createUserBodySchema, input);
        const user = await withAppDatabase(opts.config.databaseUrl, (deps) => createUserAccount(deps, consoleActor(), input));
        io.stdout(`Đã tạo tài khoản / account created: ${user.email} (${values.role}, ${values.org}); đăng nhập tại / sign in at ${opts.config.http.publicUrl}/sign-in`);
        return 0;
      }
      case 'delete-sample-users': {
        const count = await withAppDatabase(opts.config.databaseUrl, (deps) => deleteSampleUsers(deps, consoleActor()));
        io.stdout(`Đã xóa ${count} tài khoản mẫu / ${count} sample accounts deleted`);
        return 0;
      }
      default:
        io.stderr(`${sub ? `Lệnh con không tồn tại / unknown subcommand: ${sub}\n` : ''}${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    const lines = err.details.map((d, i) => `  - ${d}${err.detailsEn[i] && err.detailsEn[i] !== d ? ` / ${err.detailsEn[i]}` : ''}`);
    io.stderr([`${err.messageVi} / ${err.messageEn}`, ...lines].join('\n'));
    return 1;
  }
}

/** On a terminal: asked twice, without echo. Otherwise: the first line of stdin. */
async function passwordFromStdin(io: CliIo): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const first = await askHidden('Mật khẩu / password: ');
  const again = await askHidden('Nhập lại / again: ');
  if (first !== again) {
    io.stderr('Hai lần nhập không giống nhau / the two entries differ');
    throw new ServiceError('invalid-input', 'Hai lần nhập mật khẩu không giống nhau.', 'The two password entries differ.');
  }
  return first;
}

/** A line typed on the terminal, not echoed (raw mode: the characters never reach the screen). */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0003') {
          finish();
          if (ch === '\u0003') reject(new Error('cancelled / đã hủy'));
          else resolve(value);
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? [...value].slice(0, -1).join('') : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}
