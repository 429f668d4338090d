import { IngestError } from './errors';

/**
 * A plan's text after cleaning: one paragraph per line, joined with "\n". Every quote in a
 * proposal is a substring of `text`, and every position is an offset into it, so the web
 * page can highlight exactly what a rule read.
 */
export interface PlanText {
  text: string;
  paragraphs: Paragraph[];
}

export interface Paragraph {
  /** Index in `paragraphs`. */
  index: number;
  /** Offsets of the paragraph in `text`: text.slice(start, end) === paragraph.text. */
  start: number;
  end: number;
  text: string;
}

// Roman numerals (I. II. IV.), decimal numbering (1. 2.1. 2.1.3.), letters (a) b)), bullets.
const NUMBERED = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?\)?|[a-zđ]\))\s/u;
const BULLET = /^[-+•–]\s*/u;
/** Words after which a sentence cannot end: a line ending with one was broken mid-sentence. */
const FUNCTION_WORDS = new Set(
  'của và các về trong với cho theo để là được những có ở tại từ đến hoặc như nhằm thuộc trên dưới vào ra bị do mà thì cũng đã sẽ đang một hai ba'.split(' '),
);
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;

/**
 * Cleans a plan's raw text: Unicode NFC (a .docx often carries decomposed diacritics), no
 * markdown debris (`**`, `###`, `*…*`), no page numbers, and paragraphs that a PDF or a copy
 * broke mid-sentence joined again. Throws IngestError('empty' | 'not-vietnamese').
 */
export function preparePlanText(raw: string): PlanText {
  const lines = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .split('\n')
    .map(cleanLine);
  const paragraphs: string[] = [];
  for (const line of lines) {
    if (line === '' || isPageNumber(line)) continue;
    const prev = paragraphs[paragraphs.length - 1];
    if (prev !== undefined && continues(prev, line)) paragraphs[paragraphs.length - 1] = `${prev} ${line}`;
    else paragraphs.push(line);
  }
  if (paragraphs.length === 0) {
    throw new IngestError('empty', 'Văn bản trống: không có nội dung để đọc.', 'The document is empty: there is no text to read.');
  }
  const text = paragraphs.join('\n');
  assertVietnamese(text);
  let offset = 0;
  return {
    text,
    paragraphs: paragraphs.map((p, index) => {
      const start = offset;
      offset += p.length + 1;
      return { index, start, end: start + p.length, text: p };
    }),
  };
}

function cleanLine(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s*/, '') // markdown headings
    .replace(/^\s*>\s?/, '') // quotes
    .replace(/[*_`]{1,3}/g, '') // emphasis markers; plans use none of these characters themselves
    .replace(/[\t\u00a0\u2002-\u200a\u202f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isPageNumber(line: string): boolean {
  return /^(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s*\/\s*\d{1,3})?$/iu.test(line);
}

function isAllCaps(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

export function isStructural(line: string): boolean {
  return NUMBERED.test(line) || BULLET.test(line) || isAllCaps(line) || /^nơi nhận/iu.test(line);
}

/** Whether `next` carries on the sentence `prev` left unfinished. */
function continues(prev: string, next: string): boolean {
  if (/[.:;!?…]$|\.\/\.$/.test(prev) || isAllCaps(prev)) return false;
  if (isStructural(next)) return false;
  if (/^\p{Ll}/u.test(next) || prev.endsWith(',')) return true;
  const lastWord = /(\p{L}+)$/u.exec(prev)?.[1] ?? '';
  if (FUNCTION_WORDS.has(lastWord)) return true;
  // A long unnumbered paragraph ending in a lower-case word has lost its end: real
  // paragraphs end with punctuation, and titles end with a place name or a year.
  return !NUMBERED.test(prev) && prev.length >= 40 && /^\p{Ll}+$/u.test(lastWord);
}

/**
 * Vietnamese writes most syllables with a diacritic; English or French text has almost
 * none. A plan with under 5 % of such letters is not a Vietnamese plan.
 */
function assertVietnamese(text: string): void {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const marked = text.match(VIETNAMESE_LETTER)?.length ?? 0;
  if (letters < 20 || marked / letters < 0.05) {
    throw new IngestError(
      'not-vietnamese',
      'Văn bản không phải tiếng Việt (hoặc quá ngắn): hãy tải lên kế hoạch bằng tiếng Việt.',
      'The text is not Vietnamese (or too short): upload a plan written in Vietnamese.',
    );
  }
}
