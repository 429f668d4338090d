// One deadline's history (the append-only DeadlineEvent table) as sentences a coordinator
// reads: what happened, to whom, with dates as dd/MM/yyyy. Pure: no I/O, no clock.
import { formatViInstant, formatViIsoDate } from '../domain/local-date';
import { currentLocale, formatInstant, formatIsoDay, periodText, type Locale } from './ui/i18n';

export interface DeadlineEventRow {
  at: Date;
  type: string;
  /** JSON written by the activity that appended the event (activities/events.ts). */
  payload: string;
}

const EMAIL_KIND: Record<string, string> = {
  request: 'thư yêu cầu báo cáo đột xuất',
  reminder: 'thư nhắc hạn',
  'due-today': 'thư báo đến hạn hôm nay',
  overdue: 'thư báo quá hạn',
  escalation: 'thư đôn đốc',
  repeat: 'thư nhắc lại',
  manual: 'thư nhắc hạn do cơ quan đầu mối gửi',
  receipt: 'thư xác nhận đã nhận báo cáo',
  extension: 'thư báo gia hạn',
  waiver: 'thư báo miễn báo cáo',
  return: 'thư yêu cầu bổ sung báo cáo',
};

const AUDIENCE: Record<string, string> = {
  'agency-contacts': 'người liên hệ của đơn vị',
  'agency-head': 'thủ trưởng đơn vị',
  coordinator: 'cơ quan đầu mối',
  'coordinator-head': 'lãnh đạo cơ quan đầu mối',
  leadership: 'lãnh đạo',
};

/**
 * A step key as words: "reminder-3wd" -> "nhắc trước 3 ngày làm việc"; an extension's
 * replanned steps carry "r<revision>." ("r1.overdue" -> "báo quá hạn, theo hạn mới lần 1").
 * Unknown keys are shown as they are.
 */
export function stepWords(key: string): string {
  const revised = /^r(\d+)\.(.+)$/.exec(key);
  if (revised) return `${stepWords(revised[2]!)}, theo hạn mới lần ${revised[1]}`;
  let m: RegExpExecArray | null;
  if ((m = /^reminder-(\d+)wd$/.exec(key))) return `nhắc trước ${m[1]} ngày làm việc`;
  if (key === 'due-today') return 'đến hạn hôm nay';
  if (key === 'overdue') return 'báo quá hạn';
  if ((m = /^escalation-(\d+)$/.exec(key))) return `đôn đốc cấp ${m[1]}`;
  if ((m = /^repeat-(\d+)$/.exec(key))) return `nhắc lại lần ${m[1]}`;
  if ((m = /^manual-(\d+)$/.exec(key))) return `nhắc ngay lần ${m[1]}`;
  if (key === 'receipt') return 'xác nhận đã nhận';
  if (key === 'adhoc-request') return 'yêu cầu báo cáo';
  if ((m = /^extension-(\d+)$/.exec(key))) return `gia hạn lần ${m[1]}`;
  if (key === 'waiver') return 'miễn báo cáo';
  return key;
}

/** The kind of a step key, for events that do not record it. */
function kindOfStep(key: string): string {
  const bare = key.replace(/^r\d+\./, '');
  return bare.replace(/-\d+(wd)?$/, '');
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Text a person typed, ended as a sentence (a reason may or may not end with a full stop). */
const asSentence = (s: string) => (/[.!?…]$/u.test(s) ? s : `${s}.`);

/** A value of an unknown event's payload, with days and instants written for people. */
function valueWords(v: unknown): string {
  if (typeof v === 'string') {
    const day = formatViIsoDate(v);
    if (day) return day;
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))) return formatViInstant(new Date(v));
    return v;
  }
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  if (Array.isArray(v)) return v.map(valueWords).join(', ');
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function parsePayload(payload: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(payload);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { 'nội dung': parsed };
  } catch {
    return payload.trim() ? { 'nội dung': payload } : {};
  }
}

/**
 * One event as a Vietnamese sentence. `periodLabel` is the period the page is about
 * ("Năm 2026"). Types no one has taught this function yet still read: "Sự kiện <type>:
 * key: value; …" with dates written dd/MM/yyyy.
 */
export function eventSentence(event: DeadlineEventRow, context: { periodLabel?: string } = {}, locale: Locale = currentLocale()): string {
  const p = parsePayload(event.payload);
  if (locale === 'en') {
    const sentence = describeEn(event, p, context);
    return p.sample === true ? `${sentence} (Sample data: a prepared history, no real emails.)` : sentence;
  }
  const sentence = describe(event, p, context);
  // The sample's past (written when `npm start` first loads it) never went out as email.
  return p.sample === true ? `${sentence} (Dữ liệu mẫu: lịch sử dựng sẵn, không có thư thật.)` : sentence;
}

function describe(event: DeadlineEventRow, p: Record<string, unknown>, context: { periodLabel?: string }): string {
  const step = str(p.step);
  const kind = str(p.kind) ?? (step ? kindOfStep(step) : null);
  const what = (kind && EMAIL_KIND[kind]) ?? 'thư';
  const stepPart = step ? ` (${stepWords(step)})` : '';
  const to = str(p.to);
  switch (event.type) {
    case 'period-opened': {
      const last = str(p.lastDay);
      const period = context.periodLabel ?? str(p.periodKey) ?? '';
      return `Mở kỳ báo cáo${period ? `: ${period}` : ''}${last ? `; hạn cuối ${formatViIsoDate(last, { weekday: true }) ?? last}` : ''}.`;
    }
    case 'period-before-tracking': {
      const period = context.periodLabel ?? str(p.periodKey) ?? '';
      return `Ghi nhận kỳ báo cáo${period ? `: ${period}` : ''}; đã hết hạn trước khi bắt đầu theo dõi kế hoạch nên không nhắc, không tính trễ.`;
    }
    case 'email-sent':
      return `Đã gửi ${what}${stepPart}${to ? ` tới ${to}` : ''}${str(p.digest) ? ', gộp trong thư tổng hợp trong ngày' : ''}.`;
    case 'email-failed':
      return `Không gửi được ${what}${stepPart}${to ? ` tới ${to}` : ''}: máy chủ thư từ chối. Hãy kiểm tra lại địa chỉ email.`;
    case 'no-recipients': {
      const audience = Array.isArray(p.audience) ? p.audience.map((a) => AUDIENCE[String(a)] ?? String(a)) : [];
      return `Không có ai để gửi${stepPart}: chưa có địa chỉ email của ${audience.length ? audience.join(', ') : 'người nhận'}.`;
    }
    case 'submitted': {
      const at = str(p.at);
      const when = at && !Number.isNaN(Date.parse(at)) ? ` lúc ${formatViInstant(new Date(at))}` : '';
      const by = str(p.by);
      return `Đã nhận báo cáo${by ? ` từ ${by}` : ''}${when}${p.late === true ? ' (muộn hạn)' : p.late === false ? ' (đúng hạn)' : ''}.`;
    }
    case 'extended': {
      const from = str(p.from);
      const toDay = str(p.to);
      const reason = str(p.reason);
      const by = str(p.by);
      return (
        `Gia hạn${from ? ` từ ${formatViIsoDate(from) ?? from}` : ''}${toDay ? ` đến ${formatViIsoDate(toDay) ?? toDay}` : ''}.` +
        `${reason ? ` Lý do: ${asSentence(reason)}` : ''}${by ? ` Người cho phép: ${asSentence(by)}` : ''}`
      );
    }
    case 'waived': {
      const reason = str(p.reason);
      const by = str(p.by);
      return `Miễn báo cáo kỳ này.${reason ? ` Lý do: ${asSentence(reason)}` : ''}${by ? ` Người quyết định: ${asSentence(by)}` : ''}`;
    }
    case 'reminder-requested': {
      const by = str(p.by);
      const sendAt = str(p.sendAt);
      const at = str(p.at);
      const held = sendAt && at && Date.parse(sendAt) > Date.parse(at);
      const note = str(p.note);
      return (
        `${by ?? 'Cơ quan đầu mối'} yêu cầu gửi nhắc ngay` +
        `${held ? `; ngoài giờ làm việc nên thư đi lúc ${formatViInstant(new Date(sendAt))}` : ''}.` +
        `${note ? ` Ghi chú: ${asSentence(note)}` : ''}`
      );
    }
    case 'returned': {
      const toDay = str(p.to);
      const reason = str(p.reason);
      const by = str(p.by);
      return (
        `Yêu cầu bổ sung: báo cáo được trả lại cho đơn vị${toDay ? `, hạn mới ${formatViIsoDate(toDay) ?? toDay}` : ''}.` +
        `${reason ? ` Lý do: ${asSentence(reason)}` : ''}${by ? ` Người yêu cầu: ${asSentence(by)}` : ''}`
      );
    }
    case 'links-revoked': {
      const reason = str(p.reason);
      const by = str(p.by);
      return `Thu hồi các liên kết gửi báo cáo đã gửi cho đơn vị${by ? ` (${by})` : ''}.${reason ? ` Lý do: ${asSentence(reason)}` : ''}`;
    }
    case 'email-dropped':
      return `Không gửi ${what}${stepPart}${to ? ` tới ${to}` : ''}: kỳ báo cáo đã kết thúc trước giờ gửi.`;
    default: {
      const fields = Object.entries(p).filter(([k]) => k !== 'sample').map(([k, v]) => `${k}: ${valueWords(v)}`);
      return `Sự kiện "${event.type}"${fields.length ? `: ${fields.join('; ')}` : ''}.`;
    }
  }
}

const EMAIL_KIND_EN: Record<string, string> = {
  request: 'the ad-hoc report request',
  reminder: 'the reminder',
  'due-today': 'the due-today notice',
  overdue: 'the overdue notice',
  escalation: 'the escalation letter',
  repeat: 'the repeat reminder',
  manual: "the coordinator's reminder",
  receipt: 'the receipt',
  extension: 'the extension notice',
  waiver: 'the waiver notice',
  return: 'the request to complete the report',
};

const AUDIENCE_EN: Record<string, string> = {
  'agency-contacts': "the agency's contacts",
  'agency-head': 'the head of the agency',
  coordinator: 'the coordinating office',
  'coordinator-head': 'the head of the coordinating office',
  leadership: 'the leadership',
};

/** stepWords in English: "reminder-3wd" -> "reminder 3 working days before". */
export function stepWordsEn(key: string): string {
  const revised = /^r(\d+)\.(.+)$/.exec(key);
  if (revised) return `${stepWordsEn(revised[2]!)}, after new last day no. ${revised[1]}`;
  let m: RegExpExecArray | null;
  if ((m = /^reminder-(\d+)wd$/.exec(key))) return `reminder ${m[1]} working days before`;
  if (key === 'due-today') return 'due today';
  if (key === 'overdue') return 'overdue notice';
  if ((m = /^escalation-(\d+)$/.exec(key))) return `escalation level ${m[1]}`;
  if ((m = /^repeat-(\d+)$/.exec(key))) return `repeat no. ${m[1]}`;
  if ((m = /^manual-(\d+)$/.exec(key))) return `immediate reminder no. ${m[1]}`;
  if (key === 'receipt') return 'receipt';
  if (key === 'adhoc-request') return 'report request';
  if ((m = /^extension-(\d+)$/.exec(key))) return `extension no. ${m[1]}`;
  if (key === 'waiver') return 'waiver';
  return key;
}

const dayEn = (iso: string, weekday = false) => formatIsoDay(iso, { weekday }, 'en');

function valueWordsEn(v: unknown): string {
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return dayEn(v);
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))) return formatInstant(new Date(v), 'en');
    return v;
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map(valueWordsEn).join(', ');
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** describe, in English: the same events, the same facts, people's own words as they typed them. */
function describeEn(event: DeadlineEventRow, p: Record<string, unknown>, context: { periodLabel?: string }): string {
  const step = str(p.step);
  const kind = str(p.kind) ?? (step ? kindOfStep(step) : null);
  const what = (kind && EMAIL_KIND_EN[kind]) ?? 'the email';
  const stepPart = step ? ` (${stepWordsEn(step)})` : '';
  const to = str(p.to);
  const reasonPart = (reason: string | null) => (reason ? ` Reason: ${asSentence(reason)}` : '');
  switch (event.type) {
    case 'period-opened': {
      const last = str(p.lastDay);
      const period = context.periodLabel ? periodText(context.periodLabel, 'en') : (str(p.periodKey) ?? '');
      return `Reporting period opened${period ? `: ${period}` : ''}${last ? `; last day ${dayEn(last, true)}` : ''}.`;
    }
    case 'period-before-tracking': {
      const period = context.periodLabel ? periodText(context.periodLabel, 'en') : (str(p.periodKey) ?? '');
      return `Reporting period recorded${period ? `: ${period}` : ''}; it ended before the plan was tracked, so it is not reminded or counted late.`;
    }
    case 'email-sent':
      return `Sent ${what}${stepPart}${to ? ` to ${to}` : ''}${str(p.digest) ? ", in the day's digest" : ''}.`;
    case 'email-failed':
      return `Could not send ${what}${stepPart}${to ? ` to ${to}` : ''}: the mail server refused it. Check the email address.`;
    case 'no-recipients': {
      const audience = Array.isArray(p.audience) ? p.audience.map((a) => AUDIENCE_EN[String(a)] ?? String(a)) : [];
      return `No one to send to${stepPart}: no email address for ${audience.length ? audience.join(', ') : 'the recipients'}.`;
    }
    case 'submitted': {
      const at = str(p.at);
      const when = at && !Number.isNaN(Date.parse(at)) ? ` at ${formatInstant(new Date(at), 'en')}` : '';
      const by = str(p.by);
      return `Report received${by ? ` from ${by}` : ''}${when}${p.late === true ? ' (late)' : p.late === false ? ' (on time)' : ''}.`;
    }
    case 'extended': {
      const from = str(p.from);
      const toDay = str(p.to);
      const by = str(p.by);
      return `Extended${from ? ` from ${dayEn(from)}` : ''}${toDay ? ` to ${dayEn(toDay)}` : ''}.${reasonPart(str(p.reason))}${by ? ` Granted by: ${asSentence(by)}` : ''}`;
    }
    case 'waived': {
      const by = str(p.by);
      return `Waived for this period.${reasonPart(str(p.reason))}${by ? ` Decided by: ${asSentence(by)}` : ''}`;
    }
    case 'reminder-requested': {
      const by = str(p.by);
      const sendAt = str(p.sendAt);
      const at = str(p.at);
      const held = sendAt && at && Date.parse(sendAt) > Date.parse(at);
      const note = str(p.note);
      return (
        `${by ?? 'The coordinating office'} asked for a reminder now` +
        `${held ? `; outside working hours, so it leaves at ${formatInstant(new Date(sendAt), 'en')}` : ''}.` +
        `${note ? ` Note: ${asSentence(note)}` : ''}`
      );
    }
    case 'returned': {
      const toDay = str(p.to);
      const by = str(p.by);
      return `Sent back for completion: the report was returned to the agency${toDay ? `, new last day ${dayEn(toDay)}` : ''}.${reasonPart(str(p.reason))}${by ? ` Requested by: ${asSentence(by)}` : ''}`;
    }
    case 'links-revoked': {
      const by = str(p.by);
      return `Revoked the report links sent to the agency${by ? ` (${by})` : ''}.${reasonPart(str(p.reason))}`;
    }
    case 'email-dropped':
      return `Did not send ${what}${stepPart}${to ? ` to ${to}` : ''}: the period ended before it was due to leave.`;
    default: {
      const fields = Object.entries(p).filter(([k]) => k !== 'sample').map(([k, v]) => `${k === 'nội dung' ? 'content' : k}: ${valueWordsEn(v)}`);
      return `Event "${event.type}"${fields.length ? `: ${fields.join('; ')}` : ''}.`;
    }
  }
}
