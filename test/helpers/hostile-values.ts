// What a hostile or careless client sends, as fast-check arbitraries: values of the wrong
// type, huge and strange strings (bidi controls, NUL, lone surrogates, injection text),
// absurd numbers, impossible days, prototype-pollution keys, deep nesting, broken JSON,
// wrong content types, ids that try to climb out of their path, odd headers and queries.
import fc from 'fast-check';

/** JSON text emitted as it is (numbers JSON.stringify cannot write, broken or deep documents). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawJson parts and own "__proto__" keys. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${toJsonText((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

export const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\uFEFF',
  '\u200B\u200C\u200D',
  `Trạm Y tế ${BIDI.join('')} xã`,
  '\u202Egnp.exe',
  'Ủy ban nhân dân xã Bình Lư — Phòng Văn hóa – Xã hội',
  'Z̸̢̛̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡',
  '😀👩‍👩‍👧‍👦🇻🇳',
  "' OR '1'='1' --",
  '"; DROP TABLE "Deadline"; --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '%s%s%s%n%x',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  'line\r\nSet-Cookie: injected=1',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'true',
  '[]',
  '{}',
  '//evil.example/',
  '/\\evil.example',
  'https://evil.example/',
];

/** Days a calendar does not have, days at the ends of the calendar or outside every plan, and day-like text that is not a day. */
export const HOSTILE_DAYS = [
  '2026-02-31',
  '2026-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-11-00',
  '0000-01-01',
  '1899-12-31',
  '2201-01-01',
  '9999-12-31',
  '2026-2-3',
  '2026/11/05',
  '05/11/2026',
  ' 2026-11-05',
  '2026-11-05T00:00:00Z',
  '1900-01-01',
  '2099-12-31',
  '2199-12-31',
  '2200-12-31',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999+23:59',
  '2026-11-04T25:61:00Z',
  '2026-11-04T00:00:00+25:00',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  'Invalid Date',
];

/** Numbers JSON can carry but no field means: huge, tiny, negative zero, beyond double precision. */
const ABSURD_NUMBERS = [
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('-0'),
  new RawJson('0.0000000000000000000000000001'),
  1.7976931348623157e308,
  -1.7976931348623157e308,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 53),
  2 ** 31,
  -1,
  0,
  0.5,
  2026.5,
];

const hugeString = fc
  .tuple(fc.constantFrom('a', 'Ạ', '\u202E', '\u0000', '😀', '<', '\\'), fc.constantFrom(1_000, 10_000, 100_000, 400_000, 1_100_000))
  .map(([unit, n]) => unit.repeat(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DAYS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 50 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...BIDI, 'x', '\u0000', ' '), { maxLength: 40 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: hugeString },
);

/** Arrays or objects nested far deeper than any body needs (as raw JSON, cheap to build). */
const deepNesting = fc
  .tuple(fc.constantFrom('[', '{"a":'), fc.constantFrom(100, 1_000, 10_000, 100_000))
  .map(([open, depth]) => new RawJson(open.repeat(depth) + (open === '[' ? ']'.repeat(depth) : `1${'}'.repeat(depth)}`)));

/** Keys that pollute a prototype when merged carelessly. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf'];

const pollution = fc
  .constantFrom(...POLLUTING_KEYS)
  .map((key) => new RawJson(key === 'constructor' ? '{"constructor":{"prototype":{"polluted":"yes"}}}' : `{${JSON.stringify(key)}:{"polluted":"yes"}}`));

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...ABSURD_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: pollution },
);

/** Every path into a JSON value (objects and arrays), the root first. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

type Mutation = {
  kind: 'replace' | 'delete' | 'add' | 'grow';
  pick: number;
  key: string;
  value: unknown;
  /** Replace a day by a day, a number by a number: values that pass the type check go deeper. */
  sameKind: boolean;
  day: string;
  number: unknown;
  /** For 'grow': an array or string repeated this many times (limits a schema forgot). */
  times: number;
};

function grown(old: unknown, times: number): unknown {
  if (Array.isArray(old)) return Array.from({ length: times }, (_, i) => old[i % Math.max(1, old.length)] ?? `x${i}`);
  if (typeof old === 'string') return old.repeat(Math.max(1, Math.floor(times / Math.max(1, old.length / 10))));
  return old;
}

const DAY_LIKE = /^\d{4}-\d{2}-\d{2}/;

function replacement(old: unknown, m: Mutation): unknown {
  if (!m.sameKind) return m.value;
  if (typeof old === 'string' && DAY_LIKE.test(old)) return m.day;
  if (typeof old === 'number') return m.number;
  return m.value;
}

/** A valid example with one thing broken: a value replaced, a field dropped, a stray key added, or a list or text grown. */
export function mutate(example: unknown, m: Mutation): unknown {
  const paths = pathsOf(example);
  const path = paths[m.pick % paths.length]!;
  if (path.length === 0) return m.kind === 'replace' ? replacement(example, m) : m.kind === 'grow' ? grown(example, m.times) : example;
  const copy = structuredClone(example) as Record<string | number, unknown>;
  let parent = copy;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (m.kind === 'replace') parent[last] = replacement(parent[last], m);
  else if (m.kind === 'delete') delete parent[last];
  else if (m.kind === 'grow') parent[last] = grown(parent[last], m.times);
  else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    else parent[last] = m.value;
  }
  return copy;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add', 'grow'),
  pick: fc.nat(),
  key: fc.oneof(fc.constantFrom(...POLLUTING_KEYS, 'id', 'organisationId', 'status', 'role'), fc.string({ maxLength: 20 })),
  value: hostileValue,
  sameKind: fc.boolean(),
  day: fc.constantFrom(...HOSTILE_DAYS),
  number: fc.constantFrom(...ABSURD_NUMBERS),
  times: fc.constantFrom(2, 100, 1_000, 40_000),
});

/** A whole body that is not what the route expects at all. */
export const strangeBody: fc.Arbitrary<RawJson> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => new RawJson(JSON.stringify(v))),
  fc.constantFrom('', '{', '{"a":1,}', "{'a':1}", 'null', '[]', '"text"', '0', '{"a":1}{"b":2}', '\uFEFF{}', '{"__proto__":{"polluted":"yes"}}').map((t) => new RawJson(t)),
  deepNesting,
  pollution,
  fc.string({ unit: 'binary', maxLength: 300 }).map((t) => new RawJson(t)),
);

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----hbc',
  'application/xml',
  'application/octet-stream',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/merge-patch+json',
  'invalid/type/with/slashes',
  '',
];

/** Header values a client may send (printable Latin-1: what HTTP carries). */
const headerText = fc.oneof(
  fc.constantFrom('', ' ', 'null', '*/*', 'text/html', 'text/html, application/json;q=0.1', 'application/xml', 'vi-VN,vi;q=0.9,en;q=0.1', '999999999999', '-1', 'é', '../..', 'gzip, deflate, br'),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 300 }),
);

export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom('accept', 'accept-language', 'accept-encoding', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-csrf-token', 'x-request-id', 'origin', 'referer', 'user-agent', 'if-none-match', 'range', 'x-http-method-override'),
  headerText,
  { maxKeys: 4 },
);

/** Query strings: stray and polluting keys, repeated keys, bracket syntax, raw and encoded text. */
export const hostileQuery: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('next', 'id', '__proto__', '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[]', 'a[b][c]', 'limit', 'page', ''), fc.string({ maxLength: 10 })),
      hostileString.filter((s) => s.length < 5_000),
    ),
    { maxLength: 5 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeText(k)}=${encodeText(v)}`).join('&'));

/** Percent-encoded text (a lone surrogate, which no URL can carry, becomes U+FFFD as a browser would send it). */
export function encodeText(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** Ids in a path that try to escape it, probe it or overflow it. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('..', '.', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%00', "' OR '1'='1", 'xa-ngoai', 'tinh-thu', '__proto__', 'constructor', ' ', '\u202E'),
  fc.constantFrom(301, 5_000, 100_000).map((n) => 'a'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 50 }),
);
