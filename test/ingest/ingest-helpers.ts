import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { extractProposal } from '../../src/ingest/extract-proposal';
import { preparePlanText, type PlanText } from '../../src/ingest/plan-text';
import type { Proposal, Quoted } from '../../src/ingest/proposal';

/** ../shared/seeds beside the checkout (CI puts shared/ there too). */
export const SEEDS_DIR = join(import.meta.dirname, '../../../shared/seeds');

export function seedText(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${prefix}_`));
  if (!file) throw new Error(`seed ${prefix} not found in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

export function propose(text: string): { plan: PlanText; proposal: Proposal } {
  const plan = preparePlanText(text);
  return { plan, proposal: extractProposal(plan) };
}

/** Every quote in a proposal must be the text at its position: nothing paraphrased. */
export function expectQuotesInPlace(plan: PlanText, proposal: Proposal): void {
  const quotes: Quoted[] = [
    ...Object.values(proposal.plan.quotes),
    ...proposal.agencies.flatMap((a) => [a, ...a.duties]),
    ...proposal.goals,
    ...proposal.obligations,
    ...proposal.upwardReports,
    ...proposal.quotas,
    ...proposal.reviews,
  ];
  for (const q of quotes) expect(plan.text.slice(q.position.start, q.position.end)).toBe(q.quote);
  for (const c of proposal.campaigns) expect(c.quote).toContain(plan.text.slice(c.position.start, c.position.end));
}

/** The indicator owners as "goal.indicator" strings, sorted, for compact answer keys. */
export function owned(proposal: Proposal, agency: string): string[] {
  const found = proposal.agencies.find((a) => a.name === agency);
  if (!found) throw new Error(`no agency ${agency}; have ${proposal.agencies.map((a) => a.name).join(' | ')}`);
  return found.indicators.map((i) => `${i.goal}.${i.indicator}`).sort();
}
