// Password reset pages: ask for a link (by email), then, from the link, set a new password.
// Plain forms (they work without JavaScript) with the visitor's CSRF token.
import { ANONYMOUS_CHROME, Layout } from '../ui/layout';
import { MessageBox } from '../ui/parts';
import { renderPage } from '../ui/render';
import { tr } from '../ui/i18n';

/** The form that asks for a link; after a request, the one answer every address gets. */
export function requestResetPage(opts: { csrfToken: string; done?: string; error?: string; details?: string[]; email?: string }): string {
  return renderPage(
    <Layout title={tr('Quên mật khẩu', 'Forgotten password')} chrome={ANONYMOUS_CHROME}>
      <h1>{tr('Quên mật khẩu', 'Forgotten password')}</h1>
      <MessageBox kind="ok" text={opts.done} />
      <MessageBox kind="err" text={opts.error} lines={opts.details} />
      <p>{tr('Nhập email của tài khoản. Hệ thống sẽ gửi tới địa chỉ đó một liên kết để đặt mật khẩu mới, dùng được một lần trong 1 giờ.', 'Enter the account\'s email. The system sends that address a link to set a new password, usable once within 1 hour.')}</p>
      <form method="post" action="/password-reset">
        <input type="hidden" name="_csrf" value={opts.csrfToken} />
        <label>
          Email <input name="email" type="email" autocomplete="username" required value={opts.email ?? ''} />
        </label>
        <button>{tr('Gửi liên kết', 'Send the link')}</button>
      </form>
      <p>
        <a href="/sign-in">{tr('Quay lại đăng nhập', 'Back to sign-in')}</a>
      </p>
    </Layout>,
  );
}

/** The form behind a live link. It posts back to its own address (the link). */
export function newPasswordPage(opts: { csrfToken: string; email: string; minLength: number; error?: string; details?: string[] }): string {
  return renderPage(
    <Layout title={tr('Đặt mật khẩu mới', 'Set a new password')} chrome={ANONYMOUS_CHROME}>
      <h1>{tr('Đặt mật khẩu mới', 'Set a new password')}</h1>
      <p>
        {tr('Tài khoản:', 'Account:')} <b>{opts.email}</b>
      </p>
      <MessageBox kind="err" text={opts.error} lines={opts.details} />
      <form method="post">
        <input type="hidden" name="_csrf" value={opts.csrfToken} />
        <input type="hidden" name="username" autocomplete="username" value={opts.email} />
        <label>
          {tr(`Mật khẩu mới (ít nhất ${opts.minLength} ký tự)`, `New password (at least ${opts.minLength} characters)`)} <input name="password" type="password" autocomplete="new-password" minlength={opts.minLength} required />
        </label>
        <label>
          {tr('Nhập lại mật khẩu mới', 'The new password again')} <input name="confirm" type="password" autocomplete="new-password" minlength={opts.minLength} required />
        </label>
        <button>{tr('Đặt mật khẩu', 'Set the password')}</button>
      </form>
    </Layout>,
  );
}

/** A link that is used, expired or unknown: one page for all three. */
export function resetLinkInvalidPage(message: string): string {
  return renderPage(
    <Layout title={tr('Liên kết không còn hiệu lực', 'The link is no longer valid')} chrome={ANONYMOUS_CHROME}>
      <h1>{tr('Liên kết không còn hiệu lực', 'The link is no longer valid')}</h1>
      <MessageBox kind="err" text={message} />
      <p>
        <a href="/password-reset">{tr('Yêu cầu liên kết mới', 'Ask for a new link')}</a> · <a href="/sign-in">{tr('Đăng nhập', 'Sign in')}</a>
      </p>
    </Layout>,
  );
}

export function resetDonePage(): string {
  return renderPage(
    <Layout title={tr('Đã đặt mật khẩu mới', 'New password set')} chrome={ANONYMOUS_CHROME}>
      <h1>{tr('Đã đặt mật khẩu mới', 'New password set')}</h1>
      <MessageBox kind="ok" text={tr('Mật khẩu đã được đổi. Mọi phiên đăng nhập cũ của tài khoản đã kết thúc; hãy đăng nhập lại bằng mật khẩu mới.', 'The password was changed. Every earlier session of the account has ended; sign in again with the new password.')} />
      <p>
        <a href="/sign-in">{tr('Đăng nhập', 'Sign in')}</a>
      </p>
    </Layout>,
  );
}
