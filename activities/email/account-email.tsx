// Emails about a person's own account (a password reset link), composed when they are sent
// from what the outbox row holds. The HTML is rendered by preact, which escapes every value.
import { renderToString } from 'preact-render-to-string';
import { formatViInstant } from '../../src/domain/local-date';
import type { AccountEmail } from '../../src/schemas/mail.schemas';
import { emailDocument } from './html';

export interface AccountEmailMessage {
  subject: string;
  text: string;
  html: string;
}

export function composeAccountEmail(mail: AccountEmail, publicUrl: string): AccountEmailMessage {
  const link = `${publicUrl}/password-reset/${encodeURIComponent(mail.token)}`;
  const until = formatViInstant(new Date(mail.expiresAt));
  const text = [
    `Kính gửi ${mail.name},`,
    '',
    `Hệ thống Hạn báo cáo nhận được yêu cầu đặt lại mật khẩu cho tài khoản ${mail.email}.`,
    `Để đặt mật khẩu mới, hãy mở liên kết dưới đây. Liên kết chỉ dùng được một lần và hết hạn lúc ${until}:`,
    '',
    link,
    '',
    'Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
    '',
    `(English) A password reset was asked for ${mail.email}. The link above works once, until ${until} (Asia/Ho_Chi_Minh). If you did not ask for it, ignore this email.`,
  ].join('\n');
  const body = renderToString(
    <div>
      <p>Kính gửi {mail.name},</p>
      <p>
        Hệ thống Hạn báo cáo nhận được yêu cầu đặt lại mật khẩu cho tài khoản <b>{mail.email}</b>.
      </p>
      <p>
        Để đặt mật khẩu mới, hãy mở liên kết dưới đây. Liên kết chỉ dùng được một lần và hết hạn lúc <b>{until}</b>:
      </p>
      <p>
        <a href={link}>{link}</a>
      </p>
      <p>Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.</p>
      <p style="color:#666">
        (English) A password reset was asked for {mail.email}. The link above works once, until {until} (Asia/Ho_Chi_Minh). If you did not ask for it,
        ignore this email.
      </p>
    </div>,
  );
  return { subject: '[Hạn báo cáo] Đặt lại mật khẩu', text, html: emailDocument(body) };
}
