// The sign-in page: email and password, posted as a form (works without JavaScript), with
// the CSRF token of the visitor's session.
import { esc, layout } from './html';

export function signInPage(opts: { csrfToken: string; next: string; error?: string; email?: string }): string {
  return layout(
    'Đăng nhập',
    `<h1>Đăng nhập</h1>
${opts.error ? `<p class="msg err" role="alert">${esc(opts.error)}</p>` : ''}
<form method="post" action="/sign-in">
<input type="hidden" name="_csrf" value="${esc(opts.csrfToken)}">
<input type="hidden" name="next" value="${esc(opts.next)}">
<label>Email <input name="email" type="email" autocomplete="username" required value="${esc(opts.email ?? '')}"></label>
<label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
<button>Đăng nhập</button>
</form>`,
  );
}
