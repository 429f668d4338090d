// Plan documents are read off the event loop. Reading a 10 MB upload (pdfjs, mammoth, the
// extraction rules) is seconds of synchronous work; on the main thread it would stall the
// worker's activities and `/health` with it. A small piscina pool runs it in worker threads
// instead, with a time cap: a document still being read when the cap expires is refused and
// its thread terminated, so one pathological upload cannot hold a thread for ever.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { IngestError } from '../ingest/errors';
import type { ImportedDocument } from '../ingest/import-document';
import type { ParseOutcome } from './parse-task';

/** Generous for a legitimate plan (a 10 MB text reads in about 10 s on a busy 2-core machine). */
export const DEFAULT_PARSE_TIME_CAP_MS = 30_000;

export interface ParsePoolOptions {
  /** Counted from submission, so time spent queued behind other uploads counts too. */
  timeCapMs?: number;
  /** Threads started at once and kept; 0 (default) starts them on the first upload. */
  minThreads?: number;
  maxThreads?: number;
}

export interface ParsePool {
  /** Like src/ingest importDocument; throws IngestError or ParseTimeCapError. */
  parse(bytes: Uint8Array): Promise<ImportedDocument>;
  /** The live threads (tests watch one being terminated). */
  threads(): readonly Worker[];
  close(): Promise<void>;
}

export class ParseTimeCapError extends Error {
  constructor(readonly timeCapMs: number) {
    super(`Document still being read after ${timeCapMs / 1000} s`);
    this.name = 'ParseTimeCapError';
  }
}

const workerFile = fileURLToPath(new URL('./parse-worker.mjs', import.meta.url));

export function createParsePool(opts: ParsePoolOptions = {}): ParsePool {
  const timeCapMs = opts.timeCapMs ?? DEFAULT_PARSE_TIME_CAP_MS;
  // One core stays with the event loop (HTTP, the Temporal worker).
  const maxThreads = opts.maxThreads ?? Math.max(1, Math.min(2, os.availableParallelism() - 1));
  const minThreads = Math.min(opts.minThreads ?? 0, maxThreads);
  const pool = new Piscina({ filename: workerFile, minThreads, maxThreads, idleTimeout: 60_000 });

  return {
    async parse(bytes) {
      let outcome: ParseOutcome;
      try {
        outcome = await pool.run(bytes, { signal: AbortSignal.timeout(timeCapMs) });
      } catch (err) {
        if ((err as Error).name === 'AbortError') throw new ParseTimeCapError(timeCapMs);
        throw err;
      }
      if (!outcome.ok) throw new IngestError(outcome.refusal.code, outcome.refusal.messageVi, outcome.refusal.messageEn);
      return outcome.document;
    },
    threads: () => pool.threads,
    close: () => pool.close({ force: true }),
  };
}
