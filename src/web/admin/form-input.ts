// From a posted form (every field a string, or several for checkboxes) to the input the
// services parse with their schemas, so a form and the JSON API meet the same rules and the
// same bilingual refusals. Creating: an empty field is a field not given. Updating: an
// empty optional field clears the value (null), an empty required one stays empty and is
// refused.
import { z } from 'zod';

/** What @fastify/formbody hands over, bounded so a hostile form is a 400, not a burden. */
export const formBodySchema = z.record(z.string().max(100), z.union([z.string().max(10_000), z.array(z.string().max(10_000)).max(50)]));
export type FormBody = z.infer<typeof formBodySchema>;

export function field(body: FormBody, name: string): string {
  const v = body[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
}

export function fields(body: FormBody, name: string): string[] {
  const v = body[name];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);
}

/** A field exactly as typed (a password: its spaces are part of it). */
export function rawField(body: FormBody, name: string): string {
  const v = body[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** The named fields that are not empty. */
export function createInput(body: FormBody, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, field(body, n)]).filter(([, v]) => v !== ''));
}

/** Every named field; the `nullable` ones as null when empty. */
export function updateInput(body: FormBody, names: readonly string[], nullable: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(names.map((n) => [n, field(body, n) === '' && nullable.includes(n) ? null : field(body, n)]));
}

/** The text fields of a form as it was sent, to show it again (never the password). */
export function echo(body: FormBody): Record<string, string> {
  return Object.fromEntries(Object.keys(body).filter((k) => k !== 'password' && k !== '_csrf').map((k) => [k, field(body, k)]));
}

const number = (text: string): number | undefined => (text === '' ? undefined : Number(text));

/** "20/11/2026" to "2026-11-20"; anything else as written, for the schema to refuse clearly. */
function isoDay(text: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text;
}

/** The reminder policy form as a ReminderPolicy-shaped input for reminderPolicySchema. */
export function policyFromForm(body: FormBody, escalationRows: number): unknown {
  const escalations = [];
  for (let i = 1; i <= escalationRows; i++) {
    const days = field(body, `escalation${i}Days`);
    const audience = fields(body, `escalation${i}Audience`);
    // A row with neither a delay nor an audience is a row not used.
    if (days === '' && audience.length === 0) continue;
    escalations.push({ afterWorkingDays: number(days), audience });
  }
  const latest = number(field(body, 'latestSendHour'));
  return {
    reminderWorkingDaysBefore: field(body, 'reminderWorkingDaysBefore').split(/[\s,;]+/).filter(Boolean).map(Number),
    sendHour: number(field(body, 'sendHour')),
    sendMinute: number(field(body, 'sendMinute')) ?? 0,
    ...(latest === undefined ? {} : { latestSendHour: latest }),
    dueToday: field(body, 'dueToday') !== '',
    overdue: field(body, 'overdue') !== '',
    escalations,
    repeatEveryDays: number(field(body, 'repeatEveryDays')) ?? 0,
    repeatCap: number(field(body, 'repeatCap')) ?? 0,
    quietDays: field(body, 'quietDays').split(/[\s,;]+/).filter(Boolean).map(isoDay),
  };
}
