// The sign-in page: email and password, posted as a form (works without JavaScript), with
// the CSRF token of the visitor's session.
import { ANONYMOUS_CHROME, Layout } from './ui/layout';
import { renderPage } from './ui/render';
import { tr } from './ui/i18n';

export function signInPage(opts: { csrfToken: string; next: string; error?: string; email?: string }): string {
  return renderPage(
    <Layout title={tr('Đăng nhập', 'Sign in')} chrome={ANONYMOUS_CHROME}>
      <h1>{tr('Đăng nhập', 'Sign in')}</h1>
      {opts.error ? (
        <p class="msg err" role="alert">
          {opts.error}
        </p>
      ) : null}
      <form method="post" action="/sign-in">
        <input type="hidden" name="_csrf" value={opts.csrfToken} />
        <input type="hidden" name="next" value={opts.next} />
        <label>
          Email <input name="email" type="email" autocomplete="username" required value={opts.email ?? ''} />
        </label>
        <label>
          {tr('Mật khẩu', 'Password')} <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button>{tr('Đăng nhập', 'Sign in')}</button>
      </form>
      <p>
        <a href="/password-reset">{tr('Quên mật khẩu?', 'Forgot your password?')}</a>
      </p>
    </Layout>,
  );
}
