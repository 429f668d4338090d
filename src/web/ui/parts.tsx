// Small pieces every page shares: the one way an instant and a state are written, and how a
// page carries its own static script or style (constants of the code, never text a person
// typed, so they are the only children the renderer does not escape).
import { formatInstant } from './i18n';

/** "08:00 Thứ Tư, 04/11/2026" ("08:00 Wednesday, 04/11/2026" in English): an instant in local time (Asia/Ho_Chi_Minh). */
export function Instant(props: { at: Date | string }) {
  return <>{formatInstant(typeof props.at === 'string' ? new Date(props.at) : props.at)}</>;
}

/** A deadline's state as a coloured word ("Quá hạn 3 ngày làm việc"); the class picks the colour. */
export function StateBadge(props: { state: string; label: string }) {
  return <span class={`state state-${props.state}`}>{props.label}</span>;
}

/** A page's own script: a constant of the code, never built from data (data goes in attributes). */
export function Script(props: { code: string }) {
  return <script dangerouslySetInnerHTML={{ __html: props.code }} />;
}

export function Style(props: { css: string }) {
  return <style dangerouslySetInnerHTML={{ __html: props.css }} />;
}

/**
 * A message after a form: what went wrong (role alert) or what was done (role status), with
 * its "field: problem" lines. Nothing when there is no text.
 */
export function MessageBox(props: { kind: 'ok' | 'err'; text?: string | null; lines?: readonly string[] }) {
  if (!props.text) return null;
  return (
    <div class={`msg ${props.kind}`} role={props.kind === 'err' ? 'alert' : 'status'}>
      <p>{props.text}</p>
      {props.lines?.length ? (
        <ul>
          {props.lines.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
