// An administrator's changes reach a running deadline's next emails: emails read contacts,
// heads and leadership when they are sent. The plan here is as an import leaves it: no
// agency head, no leadership, no coordinator of its own. While its deadline runs, the
// coordinator changes a contact's address and the administrator sets the agency's head, the
// organisation's coordinating office with its head, and the leadership: the next reminder
// goes to the new address, and the overdue notice and both escalation levels reach the
// people just set. Time-skipping server, real SMTP and SQLite.
// Deadline: Wednesday 14/11/2040 ("trước ngày 15/11"), 08:00 local = 01:00Z.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { updateAgency, updateContact } from '../../src/services/admin/agencies';
import { updateOrganisation } from '../../src/services/admin/organisations';
import { workflowsPath } from '../../src/worker';
import { PEOPLE, seedDeadline, seedObligation, testActivities } from '../helpers/fixtures';
import { actorWith } from '../helpers/principals';
import { timeSkippingWorld } from '../helpers/world';

const [oldAddress, otherContact] = PEOPLE.agencyContacts;
const NEW_ADDRESS = 'vanthu.moi@tyt.test.example';
const admin = actorWith([{ organisationId: 'org', role: 'administrator' }], { id: 'u-admin', label: 'quantri@xa.test.example' });
const coordinator = actorWith([{ organisationId: 'org', role: 'coordinator' }], { id: 'u-vhxh', label: 'vhxh@xa.test.example' });

describe("an administrator's changes reach a running deadline", () => {
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db, 'trước ngày 15/11 hằng năm');
    // As an import leaves it: nobody to escalate to but the agency's contacts.
    await db.organisation.update({ where: { id: 'org' }, data: { leadershipName: null, leadershipEmail: null } });
    await db.agency.updateMany({ data: { headName: null, headEmail: null } });
    await db.plan.update({ where: { id: 'plan' }, data: { coordinatorAgencyId: null } });
    await seedDeadline(db, {
      id: 'obl.2040', periodKey: '2040', periodLabel: 'Năm 2040', lastDay: '2040-11-14',
      dueAt: new Date('2040-11-14T17:00:00Z'), dataFrom: '2039-12-15', dataTo: '2040-12-14',
    });
  });

  it('sends the next reminder to the changed address and escalates to the heads and leadership set while it ran', async () => {
    const worker = await Worker.create({
      connection: world.env.nativeConnection,
      taskQueue: 'admin',
      workflowsPath,
      activities: testActivities(world.db, world.catcher.port, world.starter('admin')),
    });
    await world.sleepUntil('2040-11-09T05:00:00Z'); // Friday 09/11, after the 3-working-day reminder's hour
    await worker.runUntil(async () => {
      await world.env.client.workflow.start('deadlineWorkflow', {
        taskQueue: 'admin',
        workflowId: 'deadline/obl.2040',
        args: [{ deadlineId: 'obl.2040', lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
      });
      const deps = { db: world.db, clock: () => new Date('2040-11-09T05:00:00Z') };
      await updateContact(deps, coordinator, 'tyt', 'tyt.0', { email: NEW_ADDRESS });
      await updateAgency(deps, admin, 'tyt', { headName: 'Trạm trưởng', headEmail: PEOPLE.agencyHead });
      await updateOrganisation(deps, admin, 'org', {
        leadershipName: 'Chủ tịch UBND xã',
        leadershipEmail: PEOPLE.leadership,
        coordinatorAgencyId: 'coord',
        coordinatorHeadName: 'Trưởng phòng VH-XH',
        coordinatorHeadEmail: PEOPLE.coordinatorHead,
      });

      await world.sleepUntil('2040-11-23T05:00:00Z'); // Friday 23/11, after escalation-2
      await world.catcher.waitFor(1, (m) => m.headers['x-hbc-step'] === 'escalation-2');
      const sent = world.catcher
        .messages()
        .map((m) => `${m.headers['x-hbc-step']} ${m.to.join(',')}`)
        .sort();
      expect(sent).toEqual(
        [
          `reminder-1wd ${NEW_ADDRESS}`, // Tuesday 13/11
          `reminder-1wd ${otherContact}`,
          `due-today ${NEW_ADDRESS}`, //    Wednesday 14/11
          `due-today ${otherContact}`,
          `overdue ${PEOPLE.agencyHead}`, // Thursday 15/11, the head set on 09/11
          `overdue ${NEW_ADDRESS}`,
          `overdue ${otherContact}`,
          `overdue ${PEOPLE.coordinator}`, // in copy: the organisation's coordinating office
          `escalation-1 ${PEOPLE.coordinatorHead}`, // Monday 19/11: that office's head
          `escalation-1 ${PEOPLE.coordinator}`,
          `escalation-2 ${PEOPLE.leadership}`, // Friday 23/11: the leadership set on 09/11
          `escalation-2 ${PEOPLE.coordinator}`,
        ].sort(),
      );
      expect(sent.join('\n')).not.toContain(oldAddress);
    });
    // Each change is in the audit log with who made it, before and after.
    const audit = await world.db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorLabel, a.subjectId])).toEqual([
      ['admin.agency.contact.update', 'vhxh@xa.test.example', 'tyt.0'],
      ['admin.agency.update', 'quantri@xa.test.example', 'tyt'],
      ['admin.organisation.update', 'quantri@xa.test.example', 'org'],
    ]);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ email: oldAddress });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ email: NEW_ADDRESS });
    expect(JSON.parse(audit[2]!.after!)).toMatchObject({ coordinatorAgencyId: 'coord', coordinatorHead: { email: PEOPLE.coordinatorHead } });
  });
});
