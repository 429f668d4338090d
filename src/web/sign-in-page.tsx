// The sign-in page: email and password, posted as a form (works without JavaScript), with
// the CSRF token of the visitor's session.
import { ANONYMOUS_CHROME, Layout } from './ui/layout';
import { renderPage } from './ui/render';

export function signInPage(opts: { csrfToken: string; next: string; error?: string; email?: string }): string {
  return renderPage(
    <Layout title="Đăng nhập" chrome={ANONYMOUS_CHROME}>
      <h1>Đăng nhập</h1>
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
          Mật khẩu <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button>Đăng nhập</button>
      </form>
      <p>
        <a href="/password-reset">Quên mật khẩu?</a>
      </p>
    </Layout>,
  );
}
