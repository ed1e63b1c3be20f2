import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { can } from '../../platform/authz/policy.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { tableFile } from '../../platform/documents/tables.ts';
import { TRAINING } from './permissions.ts';
import { canSeeRecord } from './policy.ts';
import {
  percentText,
  ragTag,
  RECORD_COLUMNS,
  recordRows,
  SOURCE_NAMES,
  standingText,
  statusName,
} from './presenters.ts';

type Deps = Pick<Services, 'training' | 'staff' | 'audit' | 'policies'>;

/** The overview of the figures, a person's record (their own, their team's, or as an officer sees it) and its CSV. */
export function trainingRoutes(deps: Deps): Routes {
  /** The person's HR record and training, if the asker may see it; their view is audited like any personal record. */
  const record = async (req: Request, staffId: number) => {
    const found = await deps.staff.person(staffId);
    const asker = await deps.staff.byUser(req.principal!.id);
    const allowed = canSeeRecord(req.principal, {
      userId: found.person.userId,
      directorateId: found.person.directorateId,
      managedByAsker: !!asker && found.person.lineManagerId === asker.id,
    });
    if (!allowed) throw new ForbiddenError('You can see your own IG record and your team’s');
    const training = await deps.training.standingOf(found.person);
    const policies = {
      applying: await deps.policies.applyingTo(staffId),
      acknowledged: await deps.policies.acknowledgementsBy(staffId),
    };
    await deps.audit.recordView(actorOf(req.principal!), {
      action: 'training-record.viewed',
      entityType: 'staff',
      entityId: staffId,
    });
    return { ...found, training, policies };
  };

  const showRecord = async (req: Request, res: Response, staffId: number, own: boolean) => {
    const r = await record(req, staffId);
    res.render('training/views/record.njk', {
      own,
      person: r.person,
      directorate: r.directorate,
      manager: r.manager,
      standings: r.training.standings.map((s) => ({ ...s, shown: standingText(s.standing) })),
      policies: r.policies.applying,
      acknowledgements: r.policies.acknowledged.map((a) => ({
        ...a,
        number: `${a.version.major}.${a.version.minor}`,
      })),
      attempts: r.training.attempts.map((a) => ({
        ...a,
        statusName: statusName(a.completion.status),
        sourceName: SOURCE_NAMES[a.completion.source],
      })),
    });
  };

  const sendRecordCsv = async (req: Request, res: Response, staffId: number) => {
    const r = await record(req, staffId);
    res.attachment(`ig-record-${r.person.employeeId.replace(/[^A-Za-z0-9-]/g, '')}.csv`).type('text/csv');
    res.send(await tableFile(RECORD_COLUMNS, recordRows(r.training, r.policies), 'csv', 'IG record'));
  };

  const ownStaffId = async (req: Request) => {
    const me = await deps.staff.byUser(req.principal!.id);
    if (!me) throw new NotFoundError('HR has no record of you yet, so Custodian holds no training for you');
    return me.id;
  };

  return new Routes()
    .get('/training', TRAINING.own, async (req, res) => {
      if (!can(req.principal, TRAINING.view)) return res.redirect(303, '/training/me');
      const overview = await deps.training.overview();
      res.render('training/views/overview.njk', {
        courses: (await deps.training.courses()).map((c) => ({ ...c })),
        overview: overview.map((o) => ({
          ...o,
          totalText: percentText(o.total.percent),
          tag: ragTag(o.total.rag),
          councillorsText: percentText(o.councillors.percent),
        })),
        imports: await deps.training.imports(),
      });
    })
    .get('/training/me', TRAINING.own, async (req, res) => showRecord(req, res, await ownStaffId(req), true))
    .get('/training/me.csv', TRAINING.own, async (req, res) => sendRecordCsv(req, res, await ownStaffId(req)))
    .get('/training/people/:id', TRAINING.own, async (req, res) =>
      showRecord(req, res, requireId(req.params.id, 'person'), false),
    )
    .get('/training/people/:id/record.csv', TRAINING.own, async (req, res) =>
      sendRecordCsv(req, res, requireId(req.params.id, 'person')),
    )
    .get('/training/team', TRAINING.own, async (req, res) => {
      const me = await deps.staff.byUser(req.principal!.id);
      const team = me ? (await deps.staff.person(me.id)).reports : [];
      const rows = [];
      for (const person of team) {
        const { standings, overdue } = await deps.training.mandatoryOf(person);
        rows.push({
          person,
          overdue,
          standings: standings.map((s) => ({ course: s.course, shown: standingText(s.standing) })),
        });
      }
      res.render('training/views/team.njk', {
        known: !!me,
        rows,
        overdue: rows.filter((r) => r.overdue).length,
      });
    });
}
