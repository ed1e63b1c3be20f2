import type { DemoContext } from '../../platform/modules.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import { screenForDpia, type ScreeningAnswers } from '../../domain/register/dpia-screening.ts';
import { materialFingerprint, type DpiaStatus } from '../../domain/register/dpia.ts';
import * as dpias from './dpia-repository.ts';
import type { ActivityRow } from './repository.ts';

interface DemoDpia {
  title: string;
  service: string;
  status: DpiaStatus;
  answers: Partial<ScreeningAnswers>;
  /** Days ago it was screened. */
  age: number;
}

// prettier-ignore
const DPIAS: DemoDpia[] = [
  { title: 'Online portal for adult social care records', service: 'Adult social care assessments', status: 'approved', answers: { wp248: ['sensitive-data', 'vulnerable-subjects', 'innovative-use'] }, age: 420 },
  { title: 'Predictive model for children at risk', service: "Children's social care", status: 'consultation', answers: { article35: ['systematic-profiling'], wp248: ['evaluation-scoring', 'vulnerable-subjects', 'sensitive-data'] }, age: 120 },
  { title: 'Body-worn cameras for enforcement officers', service: 'Planning enforcement', status: 'sign-off', answers: { ico: ['tracking'], wp248: ['systematic-monitoring'] }, age: 60 },
  { title: 'Sharing school admissions data with academies', service: 'School admissions', status: 'approved', answers: { wp248: ['large-scale', 'vulnerable-subjects'] }, age: 500 },
  { title: 'Moving Mosaic to the supplier’s cloud', service: 'Mental health services', status: 'dpo-review', answers: { wp248: ['sensitive-data', 'large-scale'] }, age: 45 },
  { title: 'Council tax single person discount review', service: 'Council tax', status: 'approved', answers: { ico: ['data-matching'], wp248: ['matching-datasets'] }, age: 700 },
  { title: 'Electoral canvass text messages', service: 'Elections', status: 'screened-out', answers: {}, age: 200 },
  { title: 'Bin sensor trial', service: 'Waste and recycling', status: 'screened-out', answers: { wp248: ['innovative-use'] }, age: 90 },
  { title: 'Housing repairs chatbot', service: 'Housing', status: 'assessment', answers: { ico: ['innovative-technology'], wp248: ['innovative-use'] }, age: 20 },
  { title: 'Safeguarding hub shared case system', service: 'Adult safeguarding', status: 'assessment', answers: { wp248: ['sensitive-data', 'vulnerable-subjects', 'matching-datasets'] }, age: 15 },
  { title: 'HR absence analytics', service: 'Human resources', status: 'dpo-review', answers: { wp248: ['sensitive-data', 'evaluation-scoring'] }, age: 35 },
  { title: 'Early help family outcomes dashboard', service: 'Early help', status: 'sign-off', answers: { wp248: ['vulnerable-subjects', 'matching-datasets'] }, age: 50 },
  { title: 'Facial recognition at the civic centre', service: 'Information governance', status: 'rejected', answers: { article35: ['public-monitoring'], ico: ['biometrics'], wp248: ['systematic-monitoring', 'sensitive-data'] }, age: 300 },
  { title: 'Test and trace contact records', service: 'Health protection', status: 'approved', answers: { article35: ['large-scale-special'], wp248: ['sensitive-data', 'large-scale'] }, age: 380 },
  { title: 'Fostering assessments app', service: 'Fostering and adoption', status: 'assessment', answers: { wp248: ['sensitive-data'] }, age: 5 },
];

const STEP_TEXT: Record<number, (d: DemoDpia) => string> = {
  1: (d) =>
    `${d.title}: the project changes how the ${d.service.toLowerCase()} service uses personal data. Screening found a DPIA is needed.`,
  2: (d) =>
    `Data is collected from the people the ${d.service.toLowerCase()} service works with, held in the service's case system, shared only with the partners in its sharing agreements, and deleted under the retention schedule.`,
  3: () =>
    'Staff who use the system, the supplier and a panel of service users were consulted; their comments are in the project file.',
  4: () =>
    'Public task under the service’s statute. No less intrusive way achieves the purpose: only the fields the service needs are collected, and people are told in the service’s privacy notice.',
  7: () =>
    'The information asset owner keeps this assessment under review and re-screens it before any change.',
};

/**
 * The demo council's impact assessments, at every stage: screened out, being written, with the DPO, awaiting sign-off,
 * with the ICO for prior consultation, signed off (one due for review, one with a version it replaced), and one that
 * did not go ahead.
 */
export async function seedDemoDpias(context: DemoContext, activities: ActivityRow[]): Promise<number> {
  const { tx, today } = context;
  let count = 0;
  for (const d of DPIAS) {
    const activity = activities.find((a) => a.service === d.service);
    const answers = { article35: [], ico: [], wp248: [], ...d.answers } as ScreeningAnswers;
    const result = screenForDpia(answers);
    const screenedOn = addDays(today, -d.age);
    const decided = ['sign-off', 'consultation', 'approved', 'rejected'].includes(d.status);
    const signed = ['consultation', 'approved', 'rejected'].includes(d.status);
    // The oldest signed assessment has been through a review: its first version is kept, replaced.
    const previous =
      d.age > 600
        ? await dpias.insertDpia(tx, {
            title: d.title,
            status: 'superseded',
            screening: answers,
            screeningOutcome: result.outcome,
            screeningReasons: result.reasons,
            screenedBy: 'Tom Wright',
            screenedOn: addDays(screenedOn, -380),
            signedOffBy: 'Gareth Hughes',
            signedOffOn: addDays(screenedOn, -340),
          })
        : undefined;
    const row = await dpias.insertDpia(tx, {
      title: d.title,
      edition: previous ? 2 : 1,
      previousId: previous?.id ?? null,
      directorateId: activity?.directorateId ?? null,
      status: d.status,
      activityId: activity?.id ?? null,
      screenedFingerprint: activity ? materialFingerprint(activity) : null,
      screening: answers,
      screeningOutcome: result.outcome,
      screeningReasons: result.reasons,
      screenedBy: 'Tom Wright',
      screenedOn,
      dpoAdvice: decided
        ? 'The measures are proportionate; review the access controls after three months.'
        : null,
      dpoAdviceBy: decided ? 'Priya Shah' : null,
      dpoAdviceOn: decided ? addDays(screenedOn, 30) : null,
      adviceFollowed: signed ? true : null,
      signedOffBy: signed ? 'Gareth Hughes' : null,
      signedOffOn: signed ? addDays(screenedOn, 40) : null,
      consultationSubmittedOn: d.status === 'consultation' ? addDays(today, -20) : null,
      icoReference: d.status === 'consultation' ? 'RFA0849213' : null,
      // The oldest signed one is past its review; the others come up for review in the next few months.
      reviewOn: d.status === 'approved' ? addDays(today, d.age > 600 ? -30 : 60 + (d.age % 120)) : null,
    });
    if (d.status !== 'screened-out')
      for (const step of [1, 2, 3, 4, 7])
        if (d.status !== 'assessment' || step < 3)
          await dpias.insertSection(tx, {
            dpiaId: row.id,
            step: step as 1,
            revision: 1,
            text: STEP_TEXT[step]!(d),
            savedBy: 'Tom Wright',
            savedAt: new Date(`${addDays(screenedOn, 10)}T10:00:00Z`),
          });
    if (d.status !== 'screened-out' && d.status !== 'assessment')
      await dpias.insertRisk(tx, {
        dpiaId: row.id,
        description: 'Information seen by someone who should not see it, causing distress or harm',
        likelihood: 'possible',
        severity: 'severe',
        measures: 'Role-based access, two-step sign-in, and audit of every view',
        effect: 'reduced',
        residualLikelihood: d.status === 'consultation' ? 'probable' : 'remote',
        residualSeverity: d.status === 'consultation' ? 'severe' : 'significant',
        actionOwner: `${d.service} systems team`,
        actionDueOn: addDays(screenedOn, 90),
      });
    count += 1;
  }
  return count;
}
