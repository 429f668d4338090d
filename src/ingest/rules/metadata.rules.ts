import { isStructural, type PlanText } from '../plan-text';
import { quoted, wholeParagraph } from '../outline';
import type { HigherDocument, PlanMetadata } from '../proposal';
import { WORD_END, wordRegExp } from '../../domain/word-boundary';

// Rules for the header and footer every Vietnamese administrative plan shares (Decree
// 30/2020/NĐ-CP on document form): "Số: 645/KH-UBND", "<place>, ngày 10 tháng 4 năm 2026",
// "KẾ HOẠCH" + title, "Thực hiện Kế hoạch số ...", the issuer, Nơi nhận, signature.

/** "Số: 645/KH-UBND", "Số: 06/2024/QĐ-UBND" (a year inside), "Số 1536/UBND-TH" (a letter). */
const NUMBER = /Số\s*:?\s*(\d+)\s*\/\s*([\p{Lu}\d](?:[\p{Lu}\d-]|\/(?=[\p{Lu}\d]))*)/u;
/** "An Phú, ngày 10 tháng 4 năm 2026", also after table cells ("Số: 130/KH-UBND | Ninh Bình, ngày ..."). */
const ISSUE_DATE = /^(?:[^|]*\|\s*)?(?:(\p{Lu}[\p{L} .'-]*?),\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const HIGHER =
  /(?:Thực hiện|Căn cứ|Triển khai)\s+(Kế hoạch|Quyết định|Chương trình|Chỉ thị|Công văn|Nghị quyết|Hướng dẫn)\s+số\s*([\p{L}\d./-]+?)\s*,?\s*ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*(?:của\s+(.+?))?(?=\s+(?:về|phê duyệt|hướng dẫn|thực hiện)\s|[;.]|$)/gu;
const ISSUER = /([^.;]*?)\s+(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch)/u;
const PLACE_LEVEL = /trên địa bàn\s+(xã|phường|thị trấn|huyện|thị xã|thành phố|tỉnh)\s+(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,3})/u;
const SPAN = /giai đoạn\s*(\d{4})\s*[-–]\s*(\d{4})/u;
const KE_HOACH_HEADING = new RegExp(`^KẾ HOẠCH${WORD_END}`, 'u');
/** "năm 2024" in a title: a one-year plan. */
const ONE_YEAR = wordRegExp(String.raw`năm\s+(\d{4})`);
const SIGN_BLOCK = /^(?:TM\.|KT\.|Q\.|TL\.|TUQ\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|GIÁM ĐỐC|PHÓ GIÁM ĐỐC)/u;

/** Reads the plan's header, preamble and footer. Fields that are not found are null. */
export function readMetadata(plan: PlanText): PlanMetadata {
  const meta: PlanMetadata = {
    number: null,
    issuer: null,
    place: null,
    date: null,
    title: null,
    span: null,
    higherPlan: null,
    higherDocuments: [],
    signer: null,
    standingBody: null,
    recipients: [],
    quotes: {},
  };
  // The header is the first few paragraphs; the preamble ends at the first numbered section.
  const firstSection = plan.paragraphs.findIndex((p) => /^I\.\s/u.test(p.text));
  const head = plan.paragraphs.slice(0, firstSection > 0 ? firstSection : Math.min(12, plan.paragraphs.length));

  for (const p of head) {
    const m = NUMBER.exec(p.text);
    if (m && meta.number === null) {
      meta.number = `${m[1]}/${m[2]}`;
      meta.quotes.number = quoted(p, m.index, m.index + m[0].length);
    }
    const d = ISSUE_DATE.exec(p.text);
    if (d && meta.date === null) {
      meta.place = d[1]?.trim() ?? null;
      meta.date = `${d[4]}-${d[3]!.padStart(2, '0')}-${d[2]!.padStart(2, '0')}`;
      meta.quotes.date = quoted(p, d.index, d.index + d[0].length);
    }
  }

  const titleAt = head.findIndex((p) => KE_HOACH_HEADING.test(p.text));
  if (titleAt >= 0) {
    const own = head[titleAt]!.text.replace(/^KẾ HOẠCH\s*/u, '');
    const p = own ? head[titleAt]! : head[titleAt + 1];
    if (p && !/^(Thực hiện|Căn cứ)\s+(Kế hoạch|Quyết định|Chỉ thị|Công văn|Nghị quyết)\s+số/u.test(p.text)) {
      const from = own ? p.text.length - own.length : 0;
      meta.title = p.text.slice(from);
      meta.quotes.title = quoted(p, from, p.text.length);
    }
  }

  // The span is in the title: "giai đoạn 2026-2030", else one year ("năm 2024").
  if (meta.title !== null) {
    const q = meta.quotes.title!;
    const range = SPAN.exec(meta.title) ?? /(?:năm|đến năm)\s+(\d{4})\s*[-–]\s*(\d{4})/u.exec(meta.title);
    const m = range ?? ONE_YEAR.exec(meta.title);
    if (m) {
      meta.span = { from: Number(m[1]), to: Number(range ? m[2] : m[1]) };
      const start = q.position.start + m.index;
      meta.quotes.span = { quote: m[0], position: { ...q.position, start, end: start + m[0].length } };
    }
  }

  for (const p of head) {
    HIGHER.lastIndex = 0;
    for (let m = HIGHER.exec(p.text); m; m = HIGHER.exec(p.text)) {
      const doc: HigherDocument = {
        kind: m[1]!,
        number: m[2]!.replace(/[,.]$/, ''),
        date: `${m[5]}-${m[4]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`,
        issuer: m[6]?.trim() ?? null,
        ...quoted(p, m.index, m.index + m[0].length),
      };
      meta.higherDocuments.push(doc);
    }
  }
  meta.higherPlan = meta.higherDocuments[0] ?? null;

  meta.issuer = readIssuer(plan, head, meta);

  const standing = /(\p{Lu}[^()]{3,80}?)\s*\((?:là\s+)?cơ quan [Tt]hường trực[^)]*\)/u;
  for (const p of plan.paragraphs) {
    const m = standing.exec(p.text);
    if (m) {
      meta.standingBody = m[1]!.replace(/^(Giao|Đề nghị)\s+/u, '').trim();
      break;
    }
  }

  const recipientsAt = plan.paragraphs.findIndex((p) => /^Nơi nhận/u.test(p.text));
  if (recipientsAt >= 0) {
    for (const p of plan.paragraphs.slice(recipientsAt + 1)) {
      if (!/^[-+•]/u.test(p.text)) break;
      meta.recipients.push(p.text.replace(/^[-+•]\s*/u, '').replace(/[;.,]$/u, ''));
    }
  }

  meta.signer = readSigner(plan);
  if (meta.signer) {
    const last = plan.paragraphs[plan.paragraphs.length - 1]!;
    meta.quotes.signer = wholeParagraph(last);
  }
  return meta;
}

/**
 * "Ủy ban nhân dân xã Bình Lư ban hành Kế hoạch ..." names the issuer. When the sentence
 * leaves the place out ("Ủy ban nhân dân xã ban hành"), the place comes from "trên địa bàn
 * xã Bình Lư"; failing both, from the signature block ("TM. ỦY BAN NHÂN DÂN").
 */
function readIssuer(plan: PlanText, head: PlanText['paragraphs'], meta: PlanMetadata): string | null {
  const placeLevel = [meta.title ?? '', ...plan.paragraphs.map((p) => p.text)].map((t) => PLACE_LEVEL.exec(t)).find((m) => m);
  for (const p of head) {
    const m = ISSUER.exec(p.text);
    if (!m) continue;
    const segments = m[1]!.split(/[;.]\s*|,\s*(?=\p{Lu})/u);
    // News and notices write "UBND xã vừa ban hành Kế hoạch", "Hằng năm Ban Chỉ đạo ... xây
    // dựng kế hoạch", "UBND tỉnh ban hành văn bản số ... về việc xây dựng kế hoạch": the
    // issuer is the subject, without the adverbs around it or the document it issued.
    let issuer = segments[segments.length - 1]!
      .split(/\s+ban hành\s/u)[0]!
      .replace(/^(?:(?:hằng|hàng)\s+năm|năm nay|theo đó|được biết)\s*,?\s*/iu, '')
      .replace(/(?:\s+(?:vừa|đã|sẽ|đang|mới|cũng))+$/u, '')
      .trim();
    if (!/^\p{Lu}/u.test(issuer) || issuer.length < 3) continue;
    if (placeLevel && new RegExp(`\\s${placeLevel[1]}$`, 'u').test(issuer)) issuer = `${issuer} ${placeLevel[2]}`;
    const from = p.text.indexOf(issuer.split(' ').slice(0, 3).join(' '));
    meta.quotes.issuer = quoted(p, Math.max(0, from), m.index + m[0].length);
    return issuer;
  }
  const tm = plan.paragraphs.find((p) => /^TM\.\s/u.test(p.text));
  if (tm) {
    meta.quotes.issuer = wholeParagraph(tm);
    const body = tm.text.replace(/^TM\.\s*/u, '');
    const name = body.charAt(0) + body.slice(1).toLowerCase();
    return placeLevel ? `${name} ${placeLevel[1]} ${placeLevel[2]}` : name;
  }
  return null;
}

/** The signer is the last paragraph when it reads as a person's name under a signature block. */
function readSigner(plan: PlanText): { name: string; title: string | null } | null {
  const ps = plan.paragraphs;
  const last = ps[ps.length - 1];
  if (!last || !/^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4}$/u.test(last.text)) return null;
  let title: string | null = null;
  for (let i = ps.length - 2; i >= 0 && i >= ps.length - 6; i--) {
    const t = ps[i]!.text;
    if (!isStructural(t) && !SIGN_BLOCK.test(t)) break;
    if (SIGN_BLOCK.test(t) || /^[\p{Lu}\s.]+$/u.test(t)) {
      if (title === null) title = t.replace(/^(TM|KT|Q|TL|TUQ)\.\s*/u, '');
    } else break;
  }
  return { name: last.text, title };
}
