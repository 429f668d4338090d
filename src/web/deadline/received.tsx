// The report as recorded: when, from whom, with which document number, how it arrived.
import { SUBMISSION_CHANNEL_VI, SUBMISSION_CHANNELS, type SubmissionChannel } from '../../schemas/deadline.schemas';
import type { DeadlineView } from '../../services/list-deadlines';
import { Instant } from '../ui/parts';

const channelVi = (c: string | null | undefined) => (c && (SUBMISSION_CHANNELS as readonly string[]).includes(c) ? SUBMISSION_CHANNEL_VI[c as SubmissionChannel] : null);

export function Received(props: { submission: NonNullable<DeadlineView['submission']> }) {
  const s = props.submission;
  const channel = channelVi(s.channel);
  return (
    <p class="msg ok" id="received">
      {'Đã nhận báo cáo lúc '}
      <Instant at={s.submittedAt} />
      {` từ ${s.submittedBy}${s.documentNumber ? `, số ${s.documentNumber}` : ''}${channel ? ` (${channel})` : ''}${s.late ? ' (muộn hạn)' : ''}.`}
    </p>
  );
}
