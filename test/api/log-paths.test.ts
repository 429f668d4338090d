// What a log line keeps of a request's path: never a credential a path carries.
import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '../../src/api/server';

describe('withoutSecrets', () => {
  it.each([
    ['/bao-cao/eyJhIjoi.c2lnbmF0dXJl', '/bao-cao/[redacted]'],
    ['/bao-cao/eyJhIjoi.c2lnbmF0dXJl/don-vi?x=1', '/bao-cao/[redacted]/don-vi'],
    ['/password-reset/reset-123', '/password-reset/[redacted]'],
    ['/deadlines/xa.plan.2026?links=revoked', '/deadlines/xa.plan.2026'],
  ])('%s -> %s', (url, logged) => {
    expect(withoutSecrets(url)).toBe(logged);
  });
});
