// Whole words in Vietnamese text, and a guard that keeps ASCII-only \b out of the readers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { wholeWords, wordRegExp } from '../../src/domain/word-boundary';

describe('wordRegExp matches whole Vietnamese words', () => {
  it.each([
    ['quý', 'báo cáo quý trước ngày 15', true],
    ['quý', 'tháng cuối quý', true],
    ['quý', 'quý.', true],
    ['quý', 'quýt', false],
    ['không quá', 'gửi không quá ngày 20/12', true],
    ['không quá', 'không quán', false],
    ['6 tháng', 'báo cáo 6 tháng đầu năm', true],
    ['6 tháng', 'ngày 16 tháng 11', false],
    ['tỉnh', 'Ủy ban nhân dân tỉnh Lai Châu', true],
    ['tỉnh', 'tỉnh', true],
    ['năm', 'hằng năm', true],
    ['năm', 'nămm', false],
    // Decomposed diacritics (NFD text from Word): the combining mark is part of the word.
    ['quy', 'quý'.normalize('NFD'), false],
  ])('/%s/ in "%s": %s', (word, text, expected) => {
    expect(wordRegExp(word).test(text)).toBe(expected);
  });

  it('keeps the alternatives of the source together and the match at the word', () => {
    const m = new RegExp(`x${wholeWords('trước|chậm nhất')}`, 'u');
    expect(m.test('x chậm nhất')).toBe(false);
    expect(wordRegExp('trước|chậm nhất').exec('báo cáo chậm nhất ngày 5')?.index).toBe(8);
  });
});

/** Every \b or \B in a regular expression literal, string or template of a TypeScript source (comments ignored). */
function asciiBoundaries(source: string, fileName = 'x.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isRegularExpressionLiteral(node) ||
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const text = node.getText(file);
      if (/\\+[bB]/.test(text)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push(`${fileName}:${line + 1}: ${text}`);
      }
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('no ASCII-only word boundary in src/domain and src/ingest', () => {
  it.each([
    ['a regex literal', String.raw`const r = /\bquý\b/u;`, 1],
    ['a non-boundary', String.raw`const r = /a\Bb/;`, 1],
    ['a string given to RegExp', String.raw`const r = new RegExp('\\bnăm\\b');`, 1],
    ['a String.raw template', 'const r = new RegExp(String.raw`\\btỉnh`);', 1],
    ['a template with a substitution', 'const r = new RegExp(`${a}\\\\b`);', 1],
    ['a comment', String.raw`// JavaScript's \b is ASCII-only` + '\nconst r = /quý/u;', 0],
    ['a block comment', String.raw`/* /\bquý\b/ never matches */ const r = 1;`, 0],
    ['Unicode boundaries', String.raw`const r = /(?<![\p{L}\p{N}])quý(?![\p{L}\p{N}])/u;`, 0],
  ])('the scan finds %s', (_what, source, count) => {
    expect(asciiBoundaries(source)).toHaveLength(count);
  });

  it('finds none in the sources (use src/domain/word-boundary.ts instead)', () => {
    const root = join(import.meta.dirname, '../..');
    const files = [...tsFiles(join(root, 'src/domain')), ...tsFiles(join(root, 'src/ingest'))];
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => asciiBoundaries(readFileSync(f, 'utf8'), relative(root, f)));
    expect(found).toEqual([]);
  });
});
