// Emails about a person's own account (a password reset link), composed when they are sent
// from what the outbox row holds, in the user's language: Vietnamese with an English line for
// the default, English alone for a user who chose it. The HTML is rendered by preact, which
// escapes every value.
import { renderToString } from 'preact-render-to-string';
import { formatInstantIn, type Language } from '../../src/domain/language';
import { formatViInstant } from '../../src/domain/local-date';
import type { AccountEmail } from '../../src/schemas/mail.schemas';
import { emailDocument } from './html';

export interface AccountEmailMessage {
  subject: string;
  text: string;
  html: string;
}

export function composeAccountEmail(mail: AccountEmail, publicUrl: string, language: Language = 'vi'): AccountEmailMessage {
  const link = `${publicUrl}/password-reset/${encodeURIComponent(mail.token)}`;
  if (language === 'en') return composeEnglish(mail, link);
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

function composeEnglish(mail: AccountEmail, link: string): AccountEmailMessage {
  const until = formatInstantIn(new Date(mail.expiresAt), 'en');
  const text = [
    `Dear ${mail.name},`,
    '',
    `The reporting-deadline system (Hạn báo cáo) was asked to reset the password of the account ${mail.email}.`,
    `To choose a new password, open the link below. It works once, until ${until} (Asia/Ho_Chi_Minh):`,
    '',
    link,
    '',
    'If you did not ask for it, ignore this email: your password stays as it is.',
  ].join('\n');
  const body = renderToString(
    <div>
      <p>Dear {mail.name},</p>
      <p>
        The reporting-deadline system (Hạn báo cáo) was asked to reset the password of the account <b>{mail.email}</b>.
      </p>
      <p>
        To choose a new password, open the link below. It works once, until <b>{until}</b> (Asia/Ho_Chi_Minh):
      </p>
      <p>
        <a href={link}>{link}</a>
      </p>
      <p>If you did not ask for it, ignore this email: your password stays as it is.</p>
    </div>,
  );
  return { subject: '[Hạn báo cáo] Password reset', text, html: emailDocument(body, 'en') };
}
