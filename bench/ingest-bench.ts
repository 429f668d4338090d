// Benchmark (not a test): reading a 100 KB plan into a proposal. `npx tsx bench/ingest-bench.ts [kb]`.
// Target (issue 5): under 200 ms. The plan is the project's sample plan with its duties
// section repeated for more agencies until it reaches the size, so every rule has work.
import { readFileSync } from 'node:fs';
import { extractProposal } from '../src/ingest/extract-proposal';
import { preparePlanText } from '../src/ingest/plan-text';

const targetBytes = Number(process.argv[2] ?? 100) * 1024;
const sample = readFileSync('samples/plans/27-KH-UBND-chuyen-doi-so.txt', 'utf8');
const [head, rest] = sample.split('IV. TỔ CHỨC THỰC HIỆN');
const [duties, footer] = rest!.split('Nơi nhận:');
const sections: string[] = [];
let size = Buffer.byteLength(head! + footer!);
for (let i = 1; size < targetBytes; i++) {
  // Renumber the agencies so each copy is a distinct agency with its own duties.
  const copy = duties!.replace(/^(\d+)\. (.+)$/gmu, (_m, n: string, name: string) => `${(i - 1) * 6 + Number(n)}. ${name} ${i}`);
  sections.push(copy);
  size += Buffer.byteLength(copy);
}
const text = `${head}IV. TỔ CHỨC THỰC HIỆN${sections.join('\n')}Nơi nhận:${footer}`;
const kb = Buffer.byteLength(text) / 1024;

const runs = 15;
const times: number[] = [];
let obligations = 0;
for (let r = 0; r < runs; r++) {
  const started = performance.now();
  const proposal = extractProposal(preparePlanText(text));
  times.push(performance.now() - started);
  obligations = proposal.obligations.length;
  process.stdout.write(`\rrun ${r + 1}/${runs}`);
}
const first = times[0]!;
times.sort((a, b) => a - b);
console.log(
  `\r${kb.toFixed(0)} KB plan, ${obligations} obligations: first run ${first.toFixed(0)} ms (cold), median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms, fastest ${times[0]!.toFixed(0)} ms`,
);
