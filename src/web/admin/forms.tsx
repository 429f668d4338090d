// Pieces every administration page shares: what went wrong with the last form (the
// service's bilingual refusal, shown in Vietnamese with its "field: problem" lines), the
// note after a saved change, and the hidden CSRF field of each form.
import type { ComponentChildren } from 'preact';
import { MessageBox } from '../ui/parts';
import { tr } from '../ui/i18n';

export interface FormProblem {
  message: string;
  lines: string[];
}

export function Problem(props: { problem?: FormProblem | null }) {
  return <MessageBox kind="err" text={props.problem?.message} lines={props.problem?.lines} />;
}

export function Saved(props: { saved?: boolean; children?: ComponentChildren }) {
  return props.saved ? (
    <p class="msg ok" role="status">
      {props.children ?? tr('Đã lưu thay đổi.', 'Changes saved.')}
    </p>
  ) : null;
}

export function Csrf(props: { token?: string }) {
  return <input type="hidden" name="_csrf" value={props.token ?? ''} />;
}

/** "Tiếng Việt" / "Vietnamese": a language's name in the reader's language. */
export function languageName(language: string): string {
  return language === 'en' ? tr('Tiếng Anh', 'English') : tr('Tiếng Việt', 'Vietnamese');
}

/**
 * The language of a person's emails (Contact.language, User.language): Vietnamese unless
 * English is chosen. `form` ties it to a form elsewhere in a table row.
 */
export function LanguageChoice(props: { value?: string; form?: string }) {
  const en = props.value === 'en';
  return (
    <select name="language" form={props.form} aria-label={tr('Ngôn ngữ email', 'Email language')}>
      <option value="vi" selected={!en}>
        {languageName('vi')}
      </option>
      <option value="en" selected={en}>
        {languageName('en')}
      </option>
    </select>
  );
}

/** A POST form of one button (remove, disable): the CSRF token travels with it. */
export function ActionButton(props: { action: string; token?: string; label: string }) {
  return (
    <form method="post" action={props.action} style="display:inline;margin:0">
      <Csrf token={props.token} />
      <button>{props.label}</button>
    </form>
  );
}
