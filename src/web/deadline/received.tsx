// The report as recorded: when, from whom, with which document number, how it arrived.
import { tr } from '../ui/i18n';
import { SUBMISSION_CHANNEL_EN, SUBMISSION_CHANNEL_VI, SUBMISSION_CHANNELS, type SubmissionChannel } from '../../schemas/deadline.schemas';
import type { DeadlineView } from '../../services/list-deadlines';
import { Instant } from '../ui/parts';

const channelVi = (c: string | null | undefined) =>
  c && (SUBMISSION_CHANNELS as readonly string[]).includes(c) ? tr(SUBMISSION_CHANNEL_VI[c as SubmissionChannel], SUBMISSION_CHANNEL_EN[c as SubmissionChannel]) : null;

export function Received(props: { submission: NonNullable<DeadlineView['submission']> }) {
  const s = props.submission;
  const channel = channelVi(s.channel);
  return (
    <p class="msg ok" id="received">
      {tr('Đã nhận báo cáo lúc ', 'Report received at ')}
      <Instant at={s.submittedAt} />
      {tr(
        ` từ ${s.submittedBy}${s.documentNumber ? `, số ${s.documentNumber}` : ''}${channel ? ` (${channel})` : ''}${s.late ? ' (muộn hạn)' : ''}.`,
        ` from ${s.submittedBy}${s.documentNumber ? `, document no. ${s.documentNumber}` : ''}${channel ? ` (${channel})` : ''}${s.late ? ' (late)' : ''}.`,
      )}
    </p>
  );
}
