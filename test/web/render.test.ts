// Pages escape by construction: whatever a person typed reaches the page through the
// renderer, which escapes markup and (src/web/ui/render.tsx) strips bidirectional controls,
// in text and in attributes alike.
import { describe, expect, it } from 'vitest';
import { signInPage } from '../../src/web/sign-in-page';

describe('rendering pages', () => {
  it('escapes markup and removes bidi controls from text and attribute values', () => {
    const hostile = '"><script>alert(1)</script>\u202Efdp.exe';
    const html = signInPage({ csrfToken: 'tok"en', next: '/', error: hostile, email: hostile });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain('&lt;script>alert(1)&lt;/script>fdp.exe');
    expect(html).toContain('value="&quot;>&lt;script>alert(1)&lt;/script>fdp.exe"');
    expect(html).toContain('value="tok&quot;en"');
  });
});
