// The coordinator's forms for an agency's report: withdraw the agency's signed links (while
// the period is open), and send a recorded report back for completion (yêu cầu bổ sung)
// with a reason and a new last day. Plain forms posted with the session's CSRF token; the
// route redirects back to the deadline page.
import type { DeadlineView } from '../services/list-deadlines';

export interface LinkReturnActions {
  links?: boolean;
  return?: boolean;
}

export function DeadlineReturnForms(props: { v: DeadlineView; actions: LinkReturnActions; csrfToken?: string }) {
  const { v, actions } = props;
  const id = encodeURIComponent(v.id);
  const canReturn = actions.return && !!v.submission;
  const canRevoke = actions.links && v.state !== 'waived';
  if (!canReturn && !canRevoke) return null;
  return (
    <section>
      {canReturn ? (
        <form id="return" method="post" action={`/deadlines/${id}/return`}>
          <h3>Yêu cầu bổ sung</h3>
          <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
          <label>Lý do <textarea name="reason" required maxlength={2000} /></label>
          <label>Hạn mới <input name="newLastDay" type="date" required /></label>
          <label>Người yêu cầu <input name="returnedBy" required maxlength={200} /></label>
          <button>Trả lại báo cáo để bổ sung</button>
        </form>
      ) : null}
      {canRevoke ? (
        <form id="revoke-links" method="post" action={`/deadlines/${id}/link-revocations`}>
          <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
          <label>Lý do thu hồi <input name="reason" maxlength={2000} /></label>
          <button>Thu hồi các liên kết gửi báo cáo đã gửi cho đơn vị</button>
        </form>
      ) : null}
    </section>
  );
}
