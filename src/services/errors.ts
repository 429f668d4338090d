// Errors a use case raises on purpose, each with a message for people in Vietnamese and
// English; src/api/errors.ts maps them to HTTP statuses in one table.
export type ServiceErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'unavailable';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: string[] = [],
  ) {
    super(`${messageEn}${details.length ? `: ${details.join('; ')}` : ''}`);
  }
}

/** zod issues as "path: message" lines. */
export function issuesToLines(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
}
