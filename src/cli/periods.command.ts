// `hanbaocao periods --rule "trước ngày 05/11 hằng năm" --span 2026-2030 [--json]`
// Stable JSON face (issue 3): one object per period with period, lastDay, lastWorkingDay,
// dueAt, dataWindow, explanation. Add fields; never rename or remove them.
import { parseArgs } from 'node:util';
import { officialCalendar } from '../domain/official-calendar';
import { parseDueRule } from '../domain/due-rule';
import { DomainError } from '../domain/errors';
import { formatViDateWithWeekday, parseIsoDate, toIsoDate } from '../domain/local-date';
import { periodsFor, type HolidayRule } from '../domain/periods';
import type { CliCommand } from './io';

const USAGE = `Cách dùng / usage: hanbaocao periods --rule "trước ngày 05/11 hằng năm" --span 2026-2030 [--issued 2026-06-11] [--civil-code] [--json]`;

export const run: CliCommand = async (args, io) => {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        rule: { type: 'string' },
        span: { type: 'string' },
        issued: { type: 'string' },
        'civil-code': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const span = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(values.span ?? '');
  if (!values.rule || !span) {
    io.stderr(`Thiếu --rule hoặc --span dạng 2026-2030 / --rule and --span like 2026-2030 are required\n${USAGE}`);
    return 2;
  }
  try {
    const holidayRule: HolidayRule = values['civil-code'] ? 'civil-code' : 'written-date';
    const periods = periodsFor(parseDueRule(values.rule), { from: Number(span[1]), to: Number(span[2]) }, officialCalendar(), {
      holidayRule,
      ...(values.issued && { issuedOn: parseIsoDate(values.issued) }),
    });
    if (values.json) {
      io.stdout(
        JSON.stringify(
          periods.map((p) => ({
            period: p.periodKey,
            label: p.label,
            lastDay: toIsoDate(p.lastDay),
            lastWorkingDay: toIsoDate(p.lastWorkingDay),
            dueAt: p.dueAt.toISOString(),
            dataWindow: { from: toIsoDate(p.dataWindow.from), to: toIsoDate(p.dataWindow.to) },
            ruleText: p.ruleText,
            explanation: p.explanation,
          })),
        ),
      );
    } else if (periods.length === 0) {
      io.stdout('Không có kỳ báo cáo định kỳ nào (chỉ báo cáo đột xuất) / no periodic deadlines (ad hoc only)');
    } else {
      for (const p of periods) {
        io.stdout(`${p.label.padEnd(22)} hạn cuối ${formatViDateWithWeekday(p.lastDay)}  — ${p.explanation}`);
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof DomainError) {
      io.stderr(`${err.messageVi}\n${err.messageEn}`);
      return 2;
    }
    throw err;
  }
};
