import type { Paragraph, PlanText } from './plan-text';
import type { Position, Quoted } from './proposal';

/**
 * The plan's structure: which paragraphs are numbered headings, at what depth, and which
 * heading each paragraph sits under. Administrative plans number sections I., 1., 1.1.;
 * a bullet ("- ...") is body text, never a heading.
 */
export interface OutlineNode {
  paragraph: Paragraph;
  /** 1 for I./II., 2 for 1., 3 for 1.1., ... ; 0 for body text. */
  level: number;
  /** The heading's words without its number ("Phòng Văn hóa – Xã hội"). */
  title: string;
  /** Index in Outline.nodes of the nearest heading above, by level (ancestors[level]). */
  parent: number | null;
}

export interface Outline {
  nodes: OutlineNode[];
}

const ROMAN = /^([IVXLC]+)\.\s*(.*)$/u;
const DECIMAL = /^(\d+(?:\.\d+)*)\.?\s+(.*)$/u;

export function buildOutline(plan: PlanText): Outline {
  const nodes: OutlineNode[] = [];
  const open: (number | null)[] = []; // open[level] = index of the current heading at that level
  for (const paragraph of plan.paragraphs) {
    const { level, title } = headingOf(paragraph.text);
    let parent: number | null = null;
    const depth = level === 0 ? open.length : level;
    for (let l = depth - 1; l >= 1; l--) {
      if (open[l] != null) {
        parent = open[l]!;
        break;
      }
    }
    if (level > 0) {
      open[level] = nodes.length;
      open.length = level + 1;
    }
    nodes.push({ paragraph, level, title, parent });
  }
  return { nodes };
}

function headingOf(text: string): { level: number; title: string } {
  const roman = ROMAN.exec(text);
  if (roman) return { level: 1, title: roman[2]! };
  const decimal = DECIMAL.exec(text);
  // "2030, ..." or "100% ..." are not headings: the number must end with a dot.
  if (decimal && /^\d+(?:\.\d+)*\.\s/.test(text) && decimal[1]!.split('.').every((n) => n.length <= 2)) {
    return { level: 1 + decimal[1]!.split('.').length, title: decimal[2]! };
  }
  return { level: 0, title: text };
}

/** Indices of the body and sub-headings under heading `index`, up to the next heading at its level or above. */
export function sectionBody(outline: Outline, index: number): number[] {
  const level = outline.nodes[index]!.level;
  const found: number[] = [];
  for (let i = index + 1; i < outline.nodes.length; i++) {
    const node = outline.nodes[i]!;
    if (node.level > 0 && node.level <= level) break;
    found.push(i);
  }
  return found;
}

export interface Sentence extends Quoted {
  paragraph: Paragraph;
}

/** Sentences of a paragraph: split after . ; ! ? when the next word starts upper-case. */
export function sentencesOf(paragraph: Paragraph): Sentence[] {
  const found: Sentence[] = [];
  let from = 0;
  const text = paragraph.text;
  const cut = (end: number) => {
    const raw = text.slice(from, end);
    // A bullet ("- ", "+ ") is layout, not part of the quote.
    const lead = raw.length - raw.replace(/^\s*(?:[-+•]\s+)?/u, '').length;
    const quote = raw.slice(lead).trimEnd();
    if (quote) found.push({ quote, paragraph, position: at(paragraph, from + lead, from + lead + quote.length) });
    from = end;
  };
  const boundary = /[.;!?]+\s+(?=[\p{Lu}“"(])/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    // "TP. Hồ Chí Minh", "TS. Nguyễn ...": titles and place prefixes are not sentence ends.
    if (m[0].trim() === '.' && /(?:^|\s)(?:TP|TX|TT|TS|ThS|PGS|GS|BS|KT|TM)$/u.test(text.slice(0, m.index))) continue;
    cut(m.index + m[0].trimEnd().length);
  }
  cut(text.length);
  return found;
}

/** The position of paragraph-relative offsets [from, to). */
export function at(paragraph: Paragraph, from: number, to: number): Position {
  return { start: paragraph.start + from, end: paragraph.start + to, paragraph: paragraph.index };
}

/** A quote for a match inside a paragraph. */
export function quoted(paragraph: Paragraph, from: number, to: number): Quoted {
  return { quote: paragraph.text.slice(from, to), position: at(paragraph, from, to) };
}

/** A quote for a whole paragraph. */
export function wholeParagraph(paragraph: Paragraph): Quoted {
  return quoted(paragraph, 0, paragraph.text.length);
}
