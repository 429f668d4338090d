// Password reset pages: ask for a link (by email), then, from the link, set a new password.
// Plain forms (they work without JavaScript) with the visitor's CSRF token.
import { ANONYMOUS_CHROME, Layout } from '../ui/layout';
import { MessageBox } from '../ui/parts';
import { renderPage } from '../ui/render';

/** The form that asks for a link; after a request, the one answer every address gets. */
export function requestResetPage(opts: { csrfToken: string; done?: string; error?: string; details?: string[]; email?: string }): string {
  return renderPage(
    <Layout title="Quên mật khẩu" chrome={ANONYMOUS_CHROME}>
      <h1>Quên mật khẩu</h1>
      <MessageBox kind="ok" text={opts.done} />
      <MessageBox kind="err" text={opts.error} lines={opts.details} />
      <p>Nhập email của tài khoản. Hệ thống sẽ gửi tới địa chỉ đó một liên kết để đặt mật khẩu mới, dùng được một lần trong 1 giờ.</p>
      <form method="post" action="/password-reset">
        <input type="hidden" name="_csrf" value={opts.csrfToken} />
        <label>
          Email <input name="email" type="email" autocomplete="username" required value={opts.email ?? ''} />
        </label>
        <button>Gửi liên kết</button>
      </form>
      <p>
        <a href="/sign-in">Quay lại đăng nhập</a>
      </p>
    </Layout>,
  );
}

/** The form behind a live link. It posts back to its own address (the link). */
export function newPasswordPage(opts: { csrfToken: string; email: string; minLength: number; error?: string; details?: string[] }): string {
  return renderPage(
    <Layout title="Đặt mật khẩu mới" chrome={ANONYMOUS_CHROME}>
      <h1>Đặt mật khẩu mới</h1>
      <p>
        Tài khoản: <b>{opts.email}</b>
      </p>
      <MessageBox kind="err" text={opts.error} lines={opts.details} />
      <form method="post">
        <input type="hidden" name="_csrf" value={opts.csrfToken} />
        <input type="hidden" name="username" autocomplete="username" value={opts.email} />
        <label>
          Mật khẩu mới (ít nhất {opts.minLength} ký tự) <input name="password" type="password" autocomplete="new-password" minlength={opts.minLength} required />
        </label>
        <label>
          Nhập lại mật khẩu mới <input name="confirm" type="password" autocomplete="new-password" minlength={opts.minLength} required />
        </label>
        <button>Đặt mật khẩu</button>
      </form>
    </Layout>,
  );
}

/** A link that is used, expired or unknown: one page for all three. */
export function resetLinkInvalidPage(message: string): string {
  return renderPage(
    <Layout title="Liên kết không còn hiệu lực" chrome={ANONYMOUS_CHROME}>
      <h1>Liên kết không còn hiệu lực</h1>
      <MessageBox kind="err" text={message} />
      <p>
        <a href="/password-reset">Yêu cầu liên kết mới</a> · <a href="/sign-in">Đăng nhập</a>
      </p>
    </Layout>,
  );
}

export function resetDonePage(): string {
  return renderPage(
    <Layout title="Đã đặt mật khẩu mới" chrome={ANONYMOUS_CHROME}>
      <h1>Đã đặt mật khẩu mới</h1>
      <MessageBox kind="ok" text="Mật khẩu đã được đổi. Mọi phiên đăng nhập cũ của tài khoản đã kết thúc; hãy đăng nhập lại bằng mật khẩu mới." />
      <p>
        <a href="/sign-in">Đăng nhập</a>
      </p>
    </Layout>,
  );
}
