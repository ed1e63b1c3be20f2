import { ROLES } from '../../src/platform/authz/roles.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import { actorOf } from '../../src/platform/web/request.ts';
import { triageSchema } from '../../src/modules/incidents/inputs.ts';
import { PASSWORD, type TestContext } from './app.ts';
import { createCase } from './factories.ts';
import { incidentAssessment, incidentReport } from './incidents.ts';
import { hrFile } from './staff.ts';
import { policyInput, versionInput } from './policies.ts';
import { courseInput } from './training.ts';

/**
 * What the fuzz needs so that every route's handler is reached rather than refused at the door or answered "no such
 * thing": an account holding every role, cases, a breach with an action, people from HR, a course, a published policy
 * with a draft after it. Returns the ids the fuzz puts in paths.
 */
export async function seedEveryHandler(ctx: TestContext): Promise<string[]> {
  const actor = systemActor('Test setup');
  // One account holding every role, so every route's handler is reached rather than refused at the door.
  await ctx.services.users.create(actor, {
    email: 'everything@test.example',
    displayName: 'Every role',
    password: PASSWORD,
    grants: ROLES.filter((r) => r !== 'staff').map((role) => ({ role, directorateId: null })),
    teamIds: [],
  });
  const c = await createCase(ctx, { type: 'foi' });
  const sar = await createCase(ctx, { type: 'sar' });
  // An incident triaged as a breach, with an action, so the incidents' handlers are reached past "no such case".
  const dpo = (await ctx.services.signIn.principalFor(ctx.userIds.dpo))!;
  const caller = { principal: dpo, actor: actorOf(dpo) };
  const incident = await ctx.services.incidents.report(
    actor,
    { kind: 'staff', userId: ctx.userIds.staff },
    incidentReport(),
  );
  const triaged = await ctx.services.incidents.triage(
    caller,
    incident.id,
    triageSchema.parse({ version: 1, classification: 'breach', awareOn: '2026-11-25', awareTime: '09:30' }),
  );
  await ctx.services.incidents.assess(caller, incident.id, incidentAssessment(triaged.version));
  await ctx.services.incidents.addAction(caller, incident.id, {
    kind: 'containment',
    description: 'Recall',
    ownerEmail: 'dpo@test.example',
    dueOn: '2026-11-30',
  });
  // People from HR (the account holding every role managing one of them) and a mandatory course, so the staff and
  // training pages are reached with a record behind them.
  await ctx.services.staff.import(
    actor,
    {
      name: 'hr.csv',
      bytes: hrFile([
        { employee_id: 'E1', name: 'Every Role', email: 'everything@test.example' },
        { employee_id: 'E2', name: 'Their Report', line_manager_email: 'everything@test.example' },
      ]),
    },
    { dryRun: false },
  );
  await ctx.services.training.addCourse(actor, courseInput());
  // A published policy with a quiz and a draft after it, so the policies' handlers are reached.
  const policy = await ctx.services.policies.create(
    caller,
    policyInput({ ownerEmail: 'everything@test.example', approverEmail: 'everything@test.example' }),
  );
  const everyone = await ctx.services.signIn.principalFor(
    (await ctx.services.users.list({ q: 'everything' }, { limit: 1, offset: 0 })).rows[0]!.id,
  );
  const owner = { principal: everyone!, actor: actorOf(everyone!) };
  const first = versionInput();
  const v1 = await ctx.services.policies.addVersion(owner, policy.id, first);
  await ctx.services.policies.approve(owner, policy.id, v1.id);
  await ctx.services.policies.publish(owner, policy.id, v1.id);
  await ctx.services.policies.addVersion(owner, policy.id, { ...first, material: false });
  const [staffMember] = (await ctx.services.staff.list({}, { limit: 1, offset: 0 })).rows;
  return [c.id, sar.id, ctx.directorateId, ctx.userIds.staff, staffMember!.id, policy.id, v1.id].map(String);
}
