/**
 * The one error type of the deadline calculus. Every message exists in Vietnamese (for
 * coordinators and clerks) and English (for operators); `code` is stable for programs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(`${messageVi} / ${messageEn}`);
    this.name = 'DomainError';
  }
}
