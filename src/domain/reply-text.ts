// The agency's own words in a reply by email: what becomes the report's note. Mail programs
// quote the message replied to below (or above) the answer; that is our reminder, already
// known, and would drown the note. Pure: no I/O.

/**
 * Where a quoted message begins, by what mail programs write before it: Gmail and Outlook in
 * Vietnamese ("Vào Th 2, 30 thg 11, 2026 lúc 08:00 ... đã viết:"), in English ("On Mon, Nov
 * 30, 2026 at 8:00 AM ... wrote:"), Outlook's "-----Original Message-----" and its header
 * block ("From: ... / Từ: ..."), and a forward's "---------- Forwarded message ---------".
 * The "Vào/On ... đã viết:/wrote:" line may be wrapped over two lines.
 */
const QUOTE_HEADERS: RegExp[] = [
  /^\s*Vào\s.*(^|\s)đã viết\s*:\s*$/i,
  /^\s*On(?![\p{L}\p{N}]).*(?<![\p{L}\p{N}])wrote\s*:\s*$/iu,
  /^\s*-{2,}\s*(Original Message|Tin nhắn gốc|Thư gốc)\s*-{2,}\s*$/i,
  /^\s*-{2,}\s*(Forwarded message|Thư được chuyển tiếp|Tin nhắn đã chuyển tiếp)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
];
/** Outlook's header block without a separator: "From:/Từ:" followed by "Sent:/Gửi:/Date:/Ngày:" within three lines. */
const HEADER_FROM = /^\s*\*?(From|Từ)\s*:\*?\s/i;
const HEADER_NEXT = /^\s*\*?(Sent|Date|Gửi|Ngày gửi|Ngày|To|Đến)\s*:/i;
const WRAPPED_START = [/^\s*Vào\s/i, /^\s*On\s/i];
const WRAPPED_END = [/(^|\s)đã viết\s*:\s*$/i, /(^|\s)wrote\s*:\s*$/i];

/**
 * The reply's text without the quoted message: lines starting with '>' go, and everything
 * from the first quote header on. Trailing blank lines and a signature separator ("-- ")
 * with what follows go too. Line ends become '\n'. Empty when nothing of the agency's own
 * remains.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (QUOTE_HEADERS.some((re) => re.test(line))) break;
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => HEADER_NEXT.test(l))) break;
    const next = lines[i + 1];
    const wrapped = WRAPPED_START.findIndex((re) => re.test(line));
    if (wrapped >= 0 && next !== undefined && WRAPPED_END[wrapped]!.test(next) && !WRAPPED_END[wrapped]!.test(line)) break;
    if (line === '-- ') break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.trimEnd());
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
