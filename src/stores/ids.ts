// Ids that operators can read and that a re-import or a retry derives again the same way.
import { createHash } from 'node:crypto';

/** 8 hex characters of SHA-256: keeps ids short while the full words stay in their row. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
