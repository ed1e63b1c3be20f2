import { govukDate } from '../../platform/web/format.ts';
import { formatVersion, formatQuiz, type ReviewStanding } from '../../domain/policies/policy.ts';
import type { Coverage } from './coverage.ts';
import type { PolicyRow, VersionRow } from './repository.ts';

const STATUS_NAMES: Record<VersionRow['status'], { text: string; colour: string }> = {
  draft: { text: 'Draft', colour: 'grey' },
  approved: { text: 'Approved', colour: 'blue' },
  published: { text: 'In force', colour: 'green' },
  superseded: { text: 'Superseded', colour: 'grey' },
};

export const versionName = (v: VersionRow) => ({
  number: formatVersion(v),
  status: STATUS_NAMES[v.status],
  change: v.material ? 'Material' : 'Minor',
});

export function reviewTag(review: ReviewStanding): { text: string; colour: string } {
  switch (review.kind) {
    case 'overdue':
      return { text: `Review overdue since ${govukDate(review.on)}`, colour: 'red' };
    case 'due':
      return { text: `Review due by ${govukDate(review.on)}`, colour: 'yellow' };
    case 'scheduled':
      return { text: `Next review by ${govukDate(review.on)}`, colour: 'green' };
    default:
      return { text: 'Not published yet', colour: 'grey' };
  }
}

export const coverageText = (c: Coverage) =>
  c.percent === null
    ? 'No one asked yet'
    : `${c.acknowledged.toLocaleString('en-GB')} of ${c.audience.toLocaleString('en-GB')} (${c.percent.toLocaleString('en-GB', { minimumFractionDigits: 1 })}%)`;

/** A policy as its form shows it again. */
export function policyFormValues(p: {
  policy: PolicyRow;
  owner: { email: string };
  approver: { email: string };
}) {
  return {
    title: p.policy.title,
    kind: p.policy.kind,
    summary: p.policy.summary,
    ownerEmail: p.owner.email,
    approverEmail: p.approver.email,
    directorateIds: p.policy.audience.directorateIds.map(String),
    roles: p.policy.audience.roles,
    workerTypes: p.policy.audience.workerTypes,
    reviewMonths: String(p.policy.reviewMonths),
    public: p.policy.public ? 'yes' : '',
  };
}

export const quizText = (v: VersionRow) => formatQuiz(v.quiz);
