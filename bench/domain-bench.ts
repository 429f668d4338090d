// Benchmark (not a test): periods and full reminder timelines for 100,000 deadlines.
// `npx tsx bench/domain-bench.ts [count]`. Prints progress and the time; target < 1 s.
import { officialCalendar } from '../src/domain/official-calendar';
import { parseDueRule } from '../src/domain/due-rule';
import { periodsFor } from '../src/domain/periods';
import { defaultReminderPolicy, planSteps } from '../src/domain/timeline';

const count = Number(process.argv[2] ?? 100_000);
const rules = [
  'trước ngày 05/11 hằng năm',
  'trước ngày 30/11 hằng năm',
  'trước ngày 15 tháng 11',
  'báo cáo 6 tháng trước ngày 05/06 và báo cáo năm trước ngày 05/12',
  'chậm nhất ngày 20/02 hằng năm',
].map(parseDueRule);
const calendar = officialCalendar();

const started = performance.now();
let deadlines = 0;
let steps = 0;
const tick = Math.max(1, Math.floor(count / 10));
while (deadlines < count) {
  // Each iteration: one obligation's five-year span (2026-2030), then a timeline per period.
  const rule = rules[deadlines % rules.length]!;
  for (const period of periodsFor(rule, { from: 2026, to: 2030 }, calendar)) {
    if (deadlines >= count) break;
    steps += planSteps({ lastDay: period.lastDay, lastWorkingDay: period.lastWorkingDay }, defaultReminderPolicy, calendar).length;
    deadlines += 1;
    if (deadlines % tick === 0) process.stdout.write(`\r${Math.round((deadlines / count) * 100)} %`);
  }
}
const ms = performance.now() - started;
console.log(`\r${deadlines} deadlines, ${steps} steps planned in ${ms.toFixed(0)} ms (${((ms * 1000) / deadlines).toFixed(1)} µs per deadline)`);
