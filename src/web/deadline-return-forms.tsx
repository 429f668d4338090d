// The coordinator's forms for an agency's report: withdraw the agency's signed links (while
// the period is open), and send a recorded report back for completion (yêu cầu bổ sung)
// with a reason and a new last day. Plain forms posted with the session's CSRF token; the
// route redirects back to the deadline page.
import type { DeadlineView } from '../services/list-deadlines';
import { tr } from './ui/i18n';

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
          <h3>{tr('Yêu cầu bổ sung', 'Ask for completion')}</h3>
          <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
          <label>{tr('Lý do', 'Reason')} <textarea name="reason" required maxlength={2000} /></label>
          <label>{tr('Hạn mới', 'New last day')} <input name="newLastDay" type="date" required /></label>
          <label>{tr('Người yêu cầu', 'Requested by')} <input name="returnedBy" required maxlength={200} /></label>
          <button>{tr('Trả lại báo cáo để bổ sung', 'Send the report back for completion')}</button>
        </form>
      ) : null}
      {canRevoke ? (
        <form id="revoke-links" method="post" action={`/deadlines/${id}/link-revocations`}>
          <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
          <label>{tr('Lý do thu hồi', 'Reason for revoking')} <input name="reason" maxlength={2000} /></label>
          <button>{tr('Thu hồi các liên kết gửi báo cáo đã gửi cho đơn vị', 'Revoke the report links sent to the agency')}</button>
        </form>
      ) : null}
    </section>
  );
}
