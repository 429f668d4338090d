// Entry of a parse thread (piscina loads it by file name). Plain JavaScript on purpose: a
// worker thread does not inherit the TypeScript loader of the process that started it
// (vitest, `tsx`, `node --import tsx` all differ), so this file loads the TypeScript task
// itself through tsx's scoped tsImport, which works the same under all of them.
import { tsImport } from 'tsx/esm/api';

const { parseTask } = await tsImport('./parse-task.ts', import.meta.url);

export default parseTask;
