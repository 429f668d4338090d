import type { Recurrence } from '../domain/due-rule';

/**
 * What the importer read in a plan, for the coordinator to correct and confirm. Every item
 * keeps the exact quote it came from and where it is in the cleaned text (PlanText.text).
 * The JSON of `hanbaocao import --dry-run --json` is this object: a stable face (issue 5),
 * so fields may be added but never renamed or removed.
 */
export interface Proposal {
  plan: PlanMetadata;
  agencies: ProposedAgency[];
  goals: Goal[];
  obligations: ProposedObligation[];
  /** Reports the plan asks for without a date ("báo cáo Sở Nội vụ ... theo quy định"). */
  upwardReports: UpwardReport[];
  campaigns: ProposedCampaign[];
  quotas: Quota[];
  reviews: Review[];
  /** Sentences that look like duties with dates or reports but that no rule could read. */
  unread: string[];
}

export interface Position {
  /** Offsets in the cleaned text: text.slice(start, end) === quote. */
  start: number;
  end: number;
  /** Index of the paragraph (line) the quote is in. */
  paragraph: number;
}

export interface Quoted {
  quote: string;
  position: Position;
}

export interface PlanMetadata {
  /** "645/KH-UBND", or null when the document has no "Số:" line. */
  number: string | null;
  issuer: string | null;
  place: string | null;
  /** ISO date of issue, "2026-04-10". */
  date: string | null;
  title: string | null;
  span: { from: number; to: number } | null;
  higherPlan: HigherDocument | null;
  /** Every higher document the plan says it implements. */
  higherDocuments: HigherDocument[];
  signer: { name: string; title: string | null } | null;
  /** The body that compiles reports for the issuer ("cơ quan Thường trực"), when named. */
  standingBody: string | null;
  /** The distribution list (Nơi nhận), one entry per line. */
  recipients: string[];
  quotes: Partial<Record<'number' | 'date' | 'issuer' | 'title' | 'span' | 'signer', Quoted>>;
}

export interface HigherDocument extends Quoted {
  kind: string;
  number: string;
  date: string | null;
  issuer: string | null;
}

export type AgencyKind = 'specific' | 'generic';

export interface ProposedAgency extends Quoted {
  name: string;
  /** 'generic' is a group such as "các cơ quan, ban, ngành, đoàn thể": expanded where it reports. */
  kind: AgencyKind;
  duties: Quoted[];
  /** Goals and indicators this agency owns, one entry per indicator ("chỉ tiêu 3 của mục tiêu 2"). */
  indicators: IndicatorRef[];
  /** Duties that ask for a report on a subject, without a date of their own. */
  reportingDuties: Quoted[];
}

export interface IndicatorRef {
  goal: number;
  /** null when the plan assigns the whole goal and lists no indicators for it. */
  indicator: number | null;
  quote: string;
}

export interface Goal extends Quoted {
  number: number;
  title: string;
  indicators: { number: number; text: string }[];
}

export interface DueDayProposal {
  day: number;
  month: number;
  /** false: "trước ngày D" (D is late); true: "chậm nhất ngày D" (D is on time). */
  inclusive: boolean;
}

export interface ProposedObligation extends Quoted {
  /** The reporter as the plan names it. */
  reporter: string;
  reporterKind: AgencyKind;
  /** A generic reporter expanded to the agencies the plan names (empty if it names none). */
  reporters: string[];
  recipient: string;
  via: string | null;
  recurrence: Recurrence;
  due: DueDayProposal[];
  /**
   * The rule's own words, readable by parseDueRule; when the sentence names the period apart
   * from the date ("Báo cáo quý gửi trước ngày 05 tháng cuối cùng của mỗi quý") the period's
   * words are put before the date ("hằng quý trước ngày 05 ...").
   */
  dueRule: string;
  /**
   * true when the document states the period (or a one-off date) without a date the rules can
   * use: the coordinator must set the date; nothing is invented. dueRule then only names the
   * period ("báo cáo 6 tháng") and due is empty (or, for a one-off without a year, the day).
   */
  needsDate: boolean;
  /** 0-1: lower when the recipient or reporter was inferred rather than read. */
  confidence: number;
  /** How each field was found, for the coordinator reviewing the proposal. */
  notes: string[];
}

export interface UpwardReport extends Quoted {
  reporter: string;
  recipient: string;
}

export interface ProposedCampaign extends Quoted {
  name: string;
  kind: 'campaign' | 'observance';
  start: { day: number; month: number };
  end: { day: number; month: number };
  /** Every year of the span, unless the plan dates it to one year. */
  recurring: boolean;
  year: number | null;
  /** The agency whose duties name this campaign, when one does. */
  organiser: string | null;
}

export interface Quota extends Quoted {
  every: 'year' | 'quarter' | 'month';
  atLeast: number;
  what: string;
  /** The indicator the quota is, when it is one. */
  goal: number | null;
  indicator: number | null;
}

export interface Review extends Quoted {
  kind: 'midterm' | 'final';
  year: number | null;
}
