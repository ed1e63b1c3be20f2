import type { Caller } from '../../platform/web/request.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { londonToday } from '../../platform/clock.ts';
import {
  agreementFingerprint,
  assetFingerprint,
  consultationReplyDue,
  DPIA_STEPS,
  materialFingerprint,
  residualLevel,
  riskLevel,
  submissionProblems,
  type DpiaStep,
} from '../../domain/register/dpia.ts';
import type { RegisterDeps } from './commands/context.ts';
import {
  assessAnyway,
  newVersion,
  saveRisk,
  saveSection,
  screen,
  submitToDpo,
} from './commands/dpia-assessment.ts';
import {
  giveAdvice,
  recordConsultation,
  recordReply,
  returnForWork,
  signOff,
} from './commands/dpia-decisions.ts';
import * as repo from './dpia-repository.ts';
import * as register from './repository.ts';
import * as sharing from './sharing-repository.ts';
import type { RiskInput, ScreeningInput, SignOffInput } from './inputs.ts';

type Ref = { id: number; version: number };

/**
 * Data protection impact assessments: screening, the seven steps as revisions, the risk register, the DPO's advice,
 * sign-off, prior consultation with the ICO, and new versions — and whether what an assessment was screened from has
 * changed materially since.
 */
export class DpiaService {
  constructor(private readonly deps: RegisterDeps) {}

  /** The material fingerprint of whatever an assessment is launched from, now. */
  private async fingerprintOf(from: {
    activityId?: number | null;
    assetId?: number | null;
    agreementId?: number | null;
  }) {
    const db = this.deps.db.orm;
    if (from.activityId) {
      const a = await register.findActivity(db, from.activityId);
      if (!a) throw new NotFoundError('No such processing activity');
      return { fingerprint: materialFingerprint(a), name: a.name, href: `/register/activities/${a.id}` };
    }
    if (from.assetId) {
      const a = await register.findAsset(db, from.assetId);
      if (!a) throw new NotFoundError('No such asset');
      return { fingerprint: assetFingerprint(a), name: a.name, href: `/register/assets/${a.id}` };
    }
    if (from.agreementId) {
      const a = await sharing.findAgreement(db, from.agreementId);
      if (!a) throw new NotFoundError('No such agreement');
      return { fingerprint: agreementFingerprint(a), name: a.title, href: `/register/sharing/${a.id}` };
    }
    return null;
  }

  async list(filter: { activityId?: number; assetId?: number; agreementId?: number } = {}) {
    const rows = await repo.dpias(this.deps.db.orm);
    return rows.filter(
      (d) =>
        (!filter.activityId || d.activityId === filter.activityId) &&
        (!filter.assetId || d.assetId === filter.assetId) &&
        (!filter.agreementId || d.agreementId === filter.agreementId),
    );
  }

  /** An assessment with its steps (latest revision and history), risks with their levels, and what it came from. */
  async find(id: number) {
    const db = this.deps.db.orm;
    const dpia = await repo.findDpia(db, id);
    if (!dpia) throw new NotFoundError('No such impact assessment');
    const [revisions, risks, source] = [
      await repo.sectionsOf(db, id),
      await repo.risksOf(db, id),
      await this.fingerprintOf(dpia),
    ];
    const steps = DPIA_STEPS.map((s) => {
      const history = revisions.filter((r) => r.step === s.step);
      return { ...s, latest: history[0] ?? null, history };
    });
    const texts = new Map<DpiaStep, string>(steps.map((s) => [s.step, s.latest?.text ?? '']));
    return {
      ...dpia,
      steps,
      risks: risks.map((r) => ({
        ...r,
        inherent: riskLevel(r.likelihood, r.severity),
        residual: residualLevel(r),
      })),
      problems: submissionProblems(texts, risks),
      source: source && {
        ...source,
        changed: !!dpia.screenedFingerprint && source.fingerprint !== dpia.screenedFingerprint,
      },
      replyDue: dpia.consultationSubmittedOn
        ? consultationReplyDue(dpia.consultationSubmittedOn, dpia.consultationExtended)
        : null,
      reviewDue:
        dpia.status === 'approved' && !!dpia.reviewOn && dpia.reviewOn <= londonToday(this.deps.clock),
      history: dpia.previousId ? await this.editions(dpia.previousId) : [],
    };
  }

  /** The versions an assessment replaces, newest first. */
  private async editions(previousId: number | null): Promise<repo.DpiaRow[]> {
    const found: repo.DpiaRow[] = [];
    for (let id = previousId; id;) {
      const row = await repo.findDpia(this.deps.db.orm, id);
      if (!row) break;
      found.push(row);
      id = row.previousId;
    }
    return found;
  }

  async screen(caller: Caller, input: ScreeningInput) {
    const source = await this.fingerprintOf(input);
    return screen(this.deps, caller, input, source?.fingerprint ?? null);
  }

  assessAnyway(caller: Caller, dpia: Ref) {
    return assessAnyway(this.deps, caller, dpia);
  }

  saveSection(
    caller: Caller,
    target: { dpiaId: number; step: DpiaStep },
    section: { text: string; basedOn: number },
  ) {
    return saveSection(this.deps, caller, target, section);
  }

  saveRisk(caller: Caller, dpiaId: number, input: RiskInput, riskId?: number) {
    return saveRisk(this.deps, caller, dpiaId, input, riskId);
  }

  submit(caller: Caller, dpia: Ref) {
    return submitToDpo(this.deps, caller, dpia);
  }

  advise(caller: Caller, dpia: Ref, advice: string) {
    return giveAdvice(this.deps, caller, dpia, advice);
  }

  returnForWork(caller: Caller, dpia: Ref) {
    return returnForWork(this.deps, caller, dpia);
  }

  signOff(caller: Caller, dpia: Ref, input: SignOffInput) {
    return signOff(this.deps, caller, dpia, input);
  }

  recordConsultation(
    caller: Caller,
    dpia: Ref,
    consultation: { submittedOn: string; icoReference?: string; extended: boolean },
  ) {
    return recordConsultation(this.deps, caller, dpia, consultation);
  }

  recordReply(
    caller: Caller,
    dpia: Ref,
    reply: { reply: string; repliedOn: string; proceed: 'yes' | 'no'; reviewOn?: string },
  ) {
    return recordReply(this.deps, caller, dpia, reply);
  }

  async newVersion(caller: Caller, dpiaId: number) {
    const dpia = await repo.findDpia(this.deps.db.orm, dpiaId);
    if (!dpia) throw new NotFoundError('No such impact assessment');
    return newVersion(this.deps, caller, dpiaId, (await this.fingerprintOf(dpia))?.fingerprint ?? null);
  }
}
