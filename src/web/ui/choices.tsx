// The labelled drop-downs several forms share: the organisation a thing belongs to (an
// agency, a user's role, an API token, an audit filter) and the role a person or a token is
// given. One place, so the same choice reads the same way on every page.
import { ROLES } from '../../auth/policy';
import { roleText, tr } from './i18n';

/** "Cơ quan" as a select; `anyLabel` adds an empty first choice (a filter: every organisation). */
export function OrganisationChoice(props: { organisations: readonly { id: string; name: string }[]; selected?: string; label?: string; anyLabel?: string }) {
  return (
    <label>
      {props.label ?? tr('Cơ quan', 'Organisation')}{' '}
      <select name="organisationId" required={props.anyLabel === undefined}>
        {props.anyLabel !== undefined ? <option value="">{props.anyLabel}</option> : null}
        {props.organisations.map((o) => (
          <option value={o.id} selected={o.id === props.selected}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Vai trò" as a select of every role of the policy table, in Vietnamese. */
export function RoleChoice(props: { selected?: string }) {
  return (
    <label>
      {tr('Vai trò', 'Role')}{' '}
      <select name="role" required>
        {ROLES.map((r) => (
          <option value={r} selected={r === props.selected}>
            {roleText(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
