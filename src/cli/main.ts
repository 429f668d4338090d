import { processIo, type CliCommand, type CliIo } from './io';

// One file per command; loaded lazily so `calendar` does not pay for the PDF reader.
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  admin: { summary: 'tổ chức, quản trị viên đầu tiên / organisations, the first administrator', load: async () => (await import('./admin.command')).run },
  calendar: { summary: 'ngày nghỉ / working-day calendar of a year', load: async () => (await import('./calendar.command')).run },
  import: { summary: 'đọc thử kế hoạch / preview a plan import (--dry-run)', load: async () => (await import('./import.command')).run },
  periods: { summary: 'kỳ báo cáo của một quy tắc hạn / periods of a due rule', load: async () => (await import('./periods.command')).run },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['Cách dùng / usage: hanbaocao <command> [options]', '', ...lines].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`Lệnh không tồn tại / unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  return (await command.load())(rest, io);
}
