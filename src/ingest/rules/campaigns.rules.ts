import { sentencesOf } from '../outline';
import type { PlanText } from '../plan-text';
import type { ProposedAgency, ProposedCampaign, Quoted } from '../proposal';
import type { AgencyReading } from './agencies.rules';

// Campaigns are named periods ("Tháng hành động ... (từ ngày 15/11 đến ngày 15/12)",
// "Tháng hành động quốc gia ... (tháng 6/2024)") and observance days a campaign is tied to
// ("nhân ngày Gia đình Việt Nam (28/6), ngày Quốc tế Phụ nữ (8/3)").

const RANGE = /từ ngày\s*(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?\s*(?:đến|-|–)\s*(?:hết\s+)?ngày\s*(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/giu;
const MONTH = /\(\s*tháng\s+(\d{1,2})(?:\s*\/\s*(\d{4}))?\s*\)/giu;
const CAMPAIGN_NAME = /((?:Tháng hành động|Chiến dịch|chiến dịch|Tuần lễ|Đợt cao điểm|Ngày hội)[^()]*?)[\s,(]*$/u;
const OBSERVANCE = /(ngày\s+\p{Lu}[^()]{2,50}?)\s*\(\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\)/gu;
const OBSERVANCE_CAMPAIGN = /(chiến dịch[^“"]*[“"][^”"]+[”"]|chiến dịch truyền thông[^,;.]*?)\s+nhân\s+(?:dịp\s+)?ngày/iu;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function readCampaigns(plan: PlanText, reading: AgencyReading): ProposedCampaign[] {
  const campaigns: ProposedCampaign[] = [];
  const seen = new Set<string>();
  const add = (c: ProposedCampaign) => {
    const key = `${c.name.toLowerCase()}|${c.start.day}/${c.start.month}`;
    if (seen.has(key)) return;
    seen.add(key);
    campaigns.push(c);
  };
  for (const p of plan.paragraphs) {
    for (const s of sentencesOf(p)) {
      const text = s.quote;
      const offset = s.position.start - p.start;
      for (const m of text.matchAll(RANGE)) {
        const name = nameBefore(text.slice(0, m.index));
        if (!name) continue;
        const year = m[3] ?? m[6];
        add({
          name,
          kind: 'campaign',
          start: { day: Number(m[1]), month: Number(m[2]) },
          end: { day: Number(m[4]), month: Number(m[5]) },
          recurring: !year || /hằng năm|hàng năm/iu.test(text),
          year: year ? Number(year) : null,
          organiser: null,
          ...sub(p, offset + m.index!, offset + m.index! + m[0].length, s),
        });
      }
      for (const m of text.matchAll(MONTH)) {
        const name = nameBefore(text.slice(0, m.index));
        if (!name) continue;
        const month = Number(m[1]);
        add({
          name,
          kind: 'campaign',
          start: { day: 1, month },
          end: { day: DAYS_IN_MONTH[month - 1] ?? 30, month },
          recurring: !m[2],
          year: m[2] ? Number(m[2]) : null,
          organiser: null,
          ...sub(p, offset + m.index!, offset + m.index! + m[0].length, s),
        });
      }
      const owner = OBSERVANCE_CAMPAIGN.exec(text);
      if (owner) {
        const campaignName = owner[1]!.replace(/^chiến dịch truyền thông\s*/iu, '').replace(/[“”"]/gu, '').trim();
        for (const m of text.matchAll(OBSERVANCE)) {
          const day = Number(m[2]);
          const month = Number(m[3]);
          add({
            name: `${campaignName} – ${m[1]!.trim()}`,
            kind: 'observance',
            start: { day, month },
            end: { day, month },
            recurring: true,
            year: null,
            organiser: null,
            ...sub(p, offset + m.index!, offset + m.index! + m[0].length, s),
          });
        }
      }
    }
  }
  for (const c of campaigns) c.organiser = organiserOf(c, reading.agencies);
  return campaigns.sort((a, b) => a.position.start - b.position.start);
}

/** The campaign's name: the "Tháng hành động ..." words right before its dates. */
function nameBefore(before: string): string | null {
  const m = CAMPAIGN_NAME.exec(before.slice(-200));
  if (!m) return null;
  const name = m[1]!.replace(/[\s,(]+$/u, '').trim();
  return name.length >= 8 ? name.charAt(0).toUpperCase() + name.slice(1) : null;
}

/** A whole sentence as the quote, with the match's exact place. */
function sub(p: PlanText['paragraphs'][number], from: number, to: number, s: Quoted): Quoted {
  return { quote: s.quote, position: { start: p.start + from, end: p.start + to, paragraph: p.index } };
}

/** The specific agency whose duties name the campaign (its first six words). */
function organiserOf(c: ProposedCampaign, agencies: ProposedAgency[]): string | null {
  const key = c.name.split(/\s+/u).slice(0, 6).join(' ').toLowerCase();
  const found = agencies.find((a) => a.kind === 'specific' && a.duties.some((d) => d.quote.toLowerCase().includes(key) && /tổ chức|triển khai|chủ trì/iu.test(d.quote)));
  return found?.name ?? null;
}
