import type { Actor } from '../../platform/audit/service.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { authorize, scopeOf } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { londonToday } from '../../platform/clock.ts';
import type { Caller } from '../../platform/web/request.ts';
import type { Executor } from '../../platform/db/database.ts';
import { clockStanding } from '../../domain/incidents/ico-clock.ts';
import {
  icoReport,
  type Organisation,
  type ReportPhase,
  type Section,
} from '../../domain/incidents/ico-report.ts';
import { closureProblems, isLate, runningDeadline } from '../../domain/incidents/workflow.ts';
import type * as inputs from './inputs.ts';
import * as repo from './repository.ts';
import { INCIDENTS } from './permissions.ts';
import { canDecide, canManage, canSeeCase, canSeeReport } from './policy.ts';
import { stateOf } from './case-state.ts';
import { icoReportCase } from './ico-report-case.ts';
import { reportIncident, type ReportFrom } from './commands/report.ts';
import { assessIncident, triageIncident } from './commands/casework.ts';
import { addNotification, decideIco, decideSubjects, recordIcoSubmission } from './commands/decisions.ts';
import { addAction, closeIncident, completeAction, recordLessons } from './commands/follow-up.ts';
import { addRotaEntry, removeRotaEntry } from './commands/rota.ts';
import type { IncidentsDeps } from './commands/context.ts';

/** Who the ICO report says the council is: the register's controller details where they are kept. */
export type ControllerFacts = Omit<Organisation, 'contact'>;

export const PAGE_SIZE = 50;

/** Incidents and breaches: reports, the cases they become, and their ICO clocks. */
export class IncidentsService {
  constructor(private readonly deps: IncidentsDeps & { controller: () => Promise<ControllerFacts> }) {}

  report(actor: Actor, from: ReportFrom, input: inputs.ReportInput | inputs.PublicReportInput) {
    return reportIncident(this.deps, actor, from, input);
  }
  triage(caller: Caller, id: number, input: inputs.TriageInput) {
    return triageIncident(this.deps, caller, id, input);
  }
  assess(caller: Caller, id: number, input: inputs.AssessInput) {
    return assessIncident(this.deps, caller, id, input);
  }
  decideIco(caller: Caller, id: number, input: inputs.IcoDecisionInput) {
    return decideIco(this.deps, caller, id, input);
  }
  /** The answers as they stand are kept with the report; the controller's details are read before its transaction. */
  async recordIcoSubmission(caller: Caller, id: number, input: inputs.IcoSubmissionInput) {
    const controller = await this.deps.controller();
    return recordIcoSubmission(this.deps, caller, id, input, (tx, incident, at) =>
      this.sections(tx, controller, caller, incident, input.phase, at),
    );
  }
  decideSubjects(caller: Caller, id: number, input: inputs.SubjectsDecisionInput) {
    return decideSubjects(this.deps, caller, id, input);
  }
  addNotification(caller: Caller, id: number, input: inputs.NotificationInput) {
    return addNotification(this.deps, caller, id, input);
  }
  addAction(caller: Caller, id: number, input: inputs.ActionInput) {
    return addAction(this.deps, caller, id, input);
  }
  completeAction(caller: Caller, actionId: number, evidence: string) {
    return completeAction(this.deps, caller, actionId, evidence);
  }
  recordLessons(caller: Caller, id: number, input: inputs.LessonsInput) {
    return recordLessons(this.deps, caller, id, input);
  }
  close(caller: Caller, id: number, version: number) {
    return closeIncident(this.deps, caller, id, version);
  }
  addRota(caller: Caller, input: inputs.RotaInput) {
    return addRotaEntry(this.deps, caller, input);
  }
  removeRota(caller: Caller, id: number) {
    return removeRotaEntry(this.deps, caller, id);
  }

  /** Now, on the clock the service was given (so pages agree with the commands in tests and in the demo). */
  now(): Date {
    return this.deps.clock.now();
  }

  today(): string {
    return londonToday(this.deps.clock);
  }

  /** The cases the principal may see, newest first, each with its clock. */
  async list(principal: Principal, filter: Omit<repo.IncidentFilter, 'scope'>, page: number) {
    const scope = scopeOf(principal, INCIDENTS.view);
    const { rows, total } = await repo.listIncidents(
      this.deps.db.orm,
      { ...filter, scope },
      { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    );
    const now = this.deps.clock.now();
    return {
      total,
      rows: rows.map((r) => ({ ...r, clock: this.clockOf(r.incident, now) })),
    };
  }

  byReference(reference: string) {
    return repo.findByReference(this.deps.db.orm, reference);
  }

  /** The reports a member of staff has sent, newest first. */
  async ownReports(userId: number) {
    const { rows } = await repo.listIncidents(
      this.deps.db.orm,
      { scope: 'all', reportedBy: userId },
      { limit: 200, offset: 0 },
    );
    return rows.map((r) => r.incident);
  }

  /** Open breaches with a running ICO clock, soonest due first. */
  async runningClocks(principal: Principal) {
    const now = this.deps.clock.now();
    const rows = await repo.runningClocks(this.deps.db.orm, scopeOf(principal, INCIDENTS.view));
    return rows.map((incident) => ({ incident, clock: this.clockOf(incident, now)! }));
  }

  /** A member of staff's open actions due today or before, on cases still open. */
  async overdueActionsOf(userId: number): Promise<number> {
    return (await repo.actionsOwnedBy(this.deps.db.orm, userId)).filter(
      (a) => !a.action.doneAt && a.action.dueOn <= this.today(),
    ).length;
  }

  /** A member of staff's actions on open cases, for their own page. */
  actionsOwnedBy(userId: number) {
    return repo.actionsOwnedBy(this.deps.db.orm, userId);
  }

  /** An action, for its owner or whoever handles its case (403 for anyone else). */
  async actionFor(caller: Caller, actionId: number) {
    const action = await repo.findAction(this.deps.db.orm, actionId);
    if (!action) return undefined;
    const incident = (await repo.findIncident(this.deps.db.orm, action.incidentId))!;
    authorize(
      caller.principal,
      action.ownerId === caller.principal.id || canManage(caller.principal, incident),
      undefined,
      'This action is not yours',
    );
    return { action, incident };
  }

  async untriagedCount(): Promise<number> {
    return (await repo.untriaged(this.deps.db.orm)).length;
  }

  clockOf(incident: repo.IncidentRow, now = this.deps.clock.now()) {
    const due = runningDeadline(stateOf(incident, 0));
    return due ? { due, ...clockStanding(due, now) } : null;
  }

  /**
   * A case as its page shows it, for those who may see it (403 otherwise); every view is recorded in the audit trail,
   * since a breach case is personal data about the people it concerns.
   */
  async caseFor(caller: Caller, id: number) {
    const incident = await repo.findIncident(this.deps.db.orm, id);
    if (!incident) throw new NotFoundError('No such incident');
    if (!canSeeCase(caller.principal, incident)) {
      if (canSeeReport(caller.principal, incident)) return { incident, reporterOnly: true as const };
      throw new ForbiddenError('This case is not one you can see');
    }
    await this.deps.audit.recordView(caller.actor, {
      action: 'incident.viewed',
      entityType: 'incident',
      entityId: id,
    });
    const db = this.deps.db.orm;
    const actions = await repo.actionsOf(db, [id]);
    const notifications = await repo.notificationsOf(db, id);
    const icoReports = await repo.icoReportsOf(db, id);
    const people = await repo.usersById(db, [
      ...incident.staffInvolved,
      ...[incident.reportedBy, incident.handlerId, incident.icoDecidedBy, incident.subjectsDecidedBy].filter(
        (x): x is number => x !== null,
      ),
    ]);
    const deputies = await repo.deputiesOn(db, this.today());
    const timeline = [];
    for await (const event of this.deps.audit.stream({ entityType: 'incident', entityId: String(id) }))
      if (!event.action.endsWith('viewed')) timeline.push(event);
    const open = actions.filter((a) => !a.action.doneAt).length;
    return {
      incident,
      reporterOnly: false as const,
      actions,
      notifications,
      icoReports,
      people: new Map(people.map((p) => [p.id, p])),
      timeline,
      clock: this.clockOf(incident),
      closureProblems: closureProblems(stateOf(incident, open)),
      mayDecide: canDecide(
        caller.principal,
        deputies.map((d) => d.id),
      ),
    };
  }

  /** A report as it was sent to the ICO: the answers kept when it was recorded. */
  async sentIcoReport(caller: Caller, id: number, reportId: number) {
    const incident = await repo.findIncident(this.deps.db.orm, id);
    if (!incident) throw new NotFoundError('No such incident');
    authorize(
      caller.principal,
      canSeeCase(caller.principal, incident),
      undefined,
      'This case is not one you can see',
    );
    const sent = (await repo.icoReportsOf(this.deps.db.orm, id)).find((r) => r.id === reportId);
    if (!sent) throw new NotFoundError('No such report to the ICO');
    await this.deps.audit.recordView(caller.actor, {
      action: 'incident.ico-report-viewed',
      entityType: 'incident',
      entityId: id,
      details: { phase: sent.phase, sent: sent.id },
    });
    return { incident, sent };
  }

  /** The ICO form's answers for the case, now: for the page to copy from and for the PDF. */
  async icoReportFor(caller: Caller, id: number, phase: ReportPhase) {
    const incident = await repo.findIncident(this.deps.db.orm, id);
    if (!incident) throw new NotFoundError('No such incident');
    authorize(
      caller.principal,
      canSeeCase(caller.principal, incident),
      undefined,
      'This case is not one you can see',
    );
    if (incident.classification !== 'breach' || !incident.awareAt)
      throw new NotFoundError('Only a triaged personal-data breach has an ICO report');
    await this.deps.audit.recordView(caller.actor, {
      action: 'incident.ico-report-viewed',
      entityType: 'incident',
      entityId: id,
      details: { phase },
    });
    const controller = await this.deps.controller();
    const now = this.deps.clock.now();
    return {
      incident,
      /** Reported (or still to be reported) after the 72 hours. */
      late: isLate(incident.awareAt, incident.icoReportedAt ?? now),
      sections: await this.sections(this.deps.db.orm, controller, caller, incident, phase, now),
    };
  }

  private async sections(
    db: Executor,
    controller: ControllerFacts,
    caller: Caller,
    incident: repo.IncidentRow,
    phase: ReportPhase,
    at: Date,
  ): Promise<Section[]> {
    const actions = await repo.actionsOf(db, [incident.id]);
    const notifications = await repo.notificationsOf(db, incident.id);
    return icoReport(
      icoReportCase(incident, actions, notifications),
      { ...controller, contact: caller.principal.label },
      phase,
      at,
    );
  }

  async rota() {
    return repo.rota(this.deps.db.orm);
  }
}
