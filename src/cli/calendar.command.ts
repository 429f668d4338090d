// `hanbaocao calendar --year 2027 [--json]`: the working-day calendar the deadlines use.
// Stable JSON face (issue 3): year, timeZone, nonWorkingDays[{date,name}], workingSaturdays;
// added later: sources[{document,issuedOn,issuer,title,url?,note?}], the documents an
// announced year rests on ([] for a computed year).
import { parseArgs } from 'node:util';
import { formatViDate, formatViDateWithWeekday, parseIsoDate, TIME_ZONE } from '../domain/local-date';
import { calendarYear } from '../services/calendar-year';
import type { CliCommand } from './io';

const USAGE = 'Cách dùng / usage: hanbaocao calendar --year 2027 [--json]';

export const run: CliCommand = async (args, io) => {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { year: { type: 'string' }, json: { type: 'boolean', default: false } } }));
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const year = Number(values.year);
  if (!values.year || !/^\d{4}$/.test(values.year) || year < 1900 || year > 2200) {
    io.stderr(`Năm không hợp lệ: "${values.year ?? ''}" (1900-2200) / invalid --year: "${values.year ?? ''}" (1900-2200)\n${USAGE}`);
    return 2;
  }
  const report = calendarYear(year);
  const { sources } = report;
  if (values.json) {
    io.stdout(JSON.stringify({ year, timeZone: TIME_ZONE, nonWorkingDays: report.nonWorkingDays, workingSaturdays: report.workingSaturdays, sources }));
    return 0;
  }
  io.stdout(`Ngày nghỉ trong tuần làm việc năm ${year} (${TIME_ZONE}):`);
  for (const d of report.nonWorkingDays) io.stdout(`  ${formatViDateWithWeekday(parseIsoDate(d.date)).padEnd(22)} ${d.name}`);
  io.stdout(report.workingSaturdays.length ? 'Ngày cuối tuần đi làm bù:' : 'Không có ngày cuối tuần đi làm bù.');
  for (const d of report.workingSaturdays) io.stdout(`  ${formatViDateWithWeekday(parseIsoDate(d))}`);
  if (!sources.length) io.stdout('Lịch tính theo quy tắc (chưa có thông báo chính thức của năm này).');
  else io.stdout('Theo văn bản:');
  for (const s of sources) io.stdout(`  ${s.document} ngày ${formatViDate(parseIsoDate(s.issuedOn))} (${s.issuer}): ${s.title}`);
  return 0;
};
