import { govukDate } from '../../platform/web/format.ts';
import { COMPLETION_STATUS_NAMES, type Standing } from '../../domain/training/compliance.ts';
import type { Rag } from '../../domain/training/compliance.ts';

/** A standing in words and the colour of its tag. */
export function standingText(standing: Standing): { text: string; colour: string } {
  switch (standing.kind) {
    case 'current':
      return { text: `Up to date until ${govukDate(standing.until)}`, colour: 'green' };
    case 'induction':
      return { text: `New starter: due by ${govukDate(standing.dueBy)}`, colour: 'blue' };
    case 'overdue':
      return { text: `Overdue since ${govukDate(standing.since)}`, colour: 'red' };
    default:
      return { text: 'Not required', colour: 'grey' };
  }
}

export const RAG_NAMES: Record<Rag, { text: string; colour: string }> = {
  green: { text: 'On target', colour: 'green' },
  amber: { text: 'Within 5 points', colour: 'yellow' },
  red: { text: 'Below target', colour: 'red' },
};

export const ragTag = (rag: Rag | null) =>
  rag ? RAG_NAMES[rag] : { text: 'No one in scope', colour: 'grey' };

export const percentText = (percent: number | null) =>
  percent === null ? '–' : `${percent.toLocaleString('en-GB', { minimumFractionDigits: 1 })}%`;

export const statusName = (status: keyof typeof COMPLETION_STATUS_NAMES) => COMPLETION_STATUS_NAMES[status];

export const SOURCE_NAMES = {
  csv: 'LMS export',
  xapi: 'Learning record store',
  manual: 'Recorded by hand',
} as const;

/** A person's IG record as rows for the appraisal CSV: each course's standing, each attempt, each policy. */
export function recordRows(
  record: {
    standings: { course: { code: string; title: string }; standing: Standing }[];
    attempts: {
      course: { code: string; title: string };
      completion: {
        status: keyof typeof COMPLETION_STATUS_NAMES;
        completedOn: string;
        score: number | null;
        source: keyof typeof SOURCE_NAMES;
      };
    }[];
  },
  policies: {
    applying: { policy: { id: number; title: string }; upToDate: boolean }[];
    acknowledged: {
      policy: { id: number; title: string };
      version: { major: number; minor: number };
      ack: { acknowledgedAt: Date; quizScore: number | null };
    }[];
  },
): string[][] {
  return [
    ...record.standings.map((s) => [
      'Training',
      s.course.code,
      s.course.title,
      standingText(s.standing).text,
      '',
      '',
      '',
    ]),
    ...record.attempts.map((a) => [
      'Training attempt',
      a.course.code,
      a.course.title,
      statusName(a.completion.status),
      a.completion.completedOn,
      a.completion.score === null ? '' : String(a.completion.score),
      SOURCE_NAMES[a.completion.source],
    ]),
    ...policies.applying.map((p) => [
      'Policy',
      String(p.policy.id),
      p.policy.title,
      p.upToDate ? 'Acknowledged' : 'To read and acknowledge',
      '',
      '',
      '',
    ]),
    ...policies.acknowledged.map((a) => [
      'Policy acknowledged',
      String(a.policy.id),
      `${a.policy.title} ${a.version.major}.${a.version.minor}`,
      'Acknowledged',
      a.ack.acknowledgedAt.toISOString().slice(0, 10),
      a.ack.quizScore === null ? '' : String(a.ack.quizScore),
      '',
    ]),
  ];
}

export const RECORD_COLUMNS = ['kind', 'code', 'title', 'status', 'date', 'score', 'source'];
