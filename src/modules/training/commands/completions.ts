import type { Actor } from '../../../platform/audit/service.ts';
import { runCommand, ValidationError } from '../../../platform/commands.ts';
import { fieldError } from '../../../platform/validation.ts';
import { readCsvLines } from '../../../platform/documents/tables.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { decodeText } from '../../../discovery/extract/text.ts';
import {
  LmsRowError,
  mapCompletionHeader,
  personRef,
  readCompletionRow,
  readXapiStatements,
  type Attempt,
  type PersonRef,
} from '../../../domain/training/lms-files.ts';
import type { CompletionInput } from '../inputs.ts';
import * as repo from '../repository.ts';
import type { TrainingDeps } from './context.ts';

/** An LMS export of a whole council's year is a few hundred thousand rows; far larger is not one. */
export const MAX_COMPLETIONS_BYTES = 100 * 1024 * 1024;

export type CompletionsFormat = 'csv' | 'xapi';

/** A row or statement left out, where it is in the file and why. */
export interface Problem {
  where: string;
  reason: string;
}

export interface CompletionsOutcome {
  format: CompletionsFormat;
  /** Attempts read from the file that name a known person and course. */
  matched: number;
  imported: number;
  /** Attempts Custodian held already (an import run twice). */
  alreadyHeld: number;
  problems: Problem[];
  /** False when the file had problems and the person did not choose to import the rest: nothing was changed. */
  done: boolean;
}

/** xAPI files are JSON; anything else is read as an LMS's CSV export. */
export function formatOf(bytes: Buffer): CompletionsFormat {
  const start = decodeText(bytes.subarray(0, 64)).text.trimStart();
  return start.startsWith('[') || start.startsWith('{') ? 'xapi' : 'csv';
}

/**
 * Completions from an LMS's CSV or a learning record store's xAPI statements. Every row naming someone or a course
 * Custodian does not know, and every row it cannot read, is reported with its place in the file; the rest are
 * imported only when the person chooses to (`importTheRest`), otherwise nothing is. An attempt already held is not
 * held twice.
 */
export async function importCompletions(
  deps: TrainingDeps,
  actor: Actor,
  file: { name: string; bytes: Buffer },
  options: { importTheRest: boolean },
): Promise<CompletionsOutcome> {
  if (file.bytes.length > MAX_COMPLETIONS_BYTES)
    throw new ValidationError(`The file is larger than ${MAX_COMPLETIONS_BYTES / 1024 / 1024} MB`);
  const format = formatOf(file.bytes);
  const read = format === 'xapi' ? readXapi(file.bytes) : readCsv(file.bytes);
  const { attempts, problems } = await resolve(deps.db.orm, read);
  const outcome = { format, matched: attempts.length, imported: 0, alreadyHeld: 0, problems, done: false };
  if ((problems.length && !options.importTheRest) || !attempts.length) return outcome;
  return runCommand(deps, actor, async (tx, audit) => {
    const record = await repo.insertImport(tx, {
      source: format,
      fileName: file.name.slice(0, 200),
      imported: 0,
      alreadyHeld: 0,
      skipped: problems.length,
      importedBy: actor.type === 'user' ? Number(actor.id) : null,
    });
    const recordedBy = actor.type === 'user' ? Number(actor.id) : null;
    const imported = await repo.insertCompletions(
      tx,
      attempts.map((a) => ({ ...a, source: format, importId: record.id, recordedBy })),
    );
    await repo.finishImport(tx, record.id, imported, attempts.length - imported);
    await audit({
      action: 'training.completions-imported',
      entityType: 'training-import',
      entityId: record.id,
      details: { format, imported, alreadyHeld: attempts.length - imported, skipped: problems.length },
    });
    return { ...outcome, imported, alreadyHeld: attempts.length - imported, done: true };
  });
}

type Read = { attempts: (Attempt & { where: string })[]; problems: Problem[] };

function readCsv(bytes: Buffer): Read {
  const lines = readCsvLines(decodeText(bytes).text);
  const headerAt = lines.findIndex((l) => l.cells.some((c) => c.trim()));
  if (headerAt === -1) throw new ValidationError('The file is empty');
  let columns;
  try {
    columns = mapCompletionHeader(lines[headerAt]!.cells);
  } catch (error) {
    if (error instanceof LmsRowError)
      throw new ValidationError(`Line ${lines[headerAt]!.line}: ${error.message}`);
    throw error;
  }
  const read: Read = { attempts: [], problems: [] };
  for (const { line, cells } of lines.slice(headerAt + 1)) {
    if (!cells.some((c) => c.trim())) continue;
    try {
      read.attempts.push({ ...readCompletionRow(columns, cells), where: `Line ${line}` });
    } catch (error) {
      if (!(error instanceof LmsRowError)) throw error;
      read.problems.push({ where: `Line ${line}`, reason: error.message });
    }
  }
  return read;
}

function readXapi(bytes: Buffer): Read {
  let reading;
  try {
    reading = readXapiStatements(decodeText(bytes).text);
  } catch (error) {
    if (error instanceof LmsRowError) throw new ValidationError(error.message);
    throw error;
  }
  return {
    attempts: reading.attempts.map((a) => ({ ...a, where: `Statement ${a.index}` })),
    problems: reading.skipped.map((s) => ({ where: `Statement ${s.index}`, reason: s.reason })),
  };
}

/** Each attempt's person and course found, or a problem naming what is not known. */
async function resolve(db: Executor, read: Read) {
  const people = await repo.peopleIndex(db);
  const courses = await repo.listCourses(db);
  const courseIds = new Map<string, number>();
  for (const c of courses) {
    courseIds.set(c.code.toLowerCase(), c.id);
    for (const activity of c.xapiActivityIds) courseIds.set(activity.toLowerCase(), c.id);
  }
  const problems = [...read.problems];
  const attempts: {
    staffId: number;
    courseId: number;
    status: Attempt['status'];
    completedOn: string;
    score: number | null;
  }[] = [];
  for (const a of read.attempts) {
    const staffId = findPerson(people, a.person);
    const courseId = courseIds.get(a.course.toLowerCase());
    if (!staffId) problems.push({ where: a.where, reason: `no one is known as ${describe(a.person)}` });
    else if (!courseId) problems.push({ where: a.where, reason: `no course is known as ${a.course}` });
    else attempts.push({ staffId, courseId, status: a.status, completedOn: a.completedOn, score: a.score });
  }
  problems.sort((x, y) => order(x.where) - order(y.where));
  return { attempts, problems };
}

const order = (where: string) => Number(where.replace(/\D/g, ''));

function findPerson(people: Awaited<ReturnType<typeof repo.peopleIndex>>, ref: PersonRef) {
  return 'email' in ref
    ? people.byEmail.get(ref.email)
    : people.byEmployeeId.get(ref.employeeId.toLowerCase());
}

const describe = (ref: PersonRef) =>
  'email' in ref ? `the e-mail address ${ref.email}` : `the employee id ${ref.employeeId}`;

/** One attempt typed in by hand, with what shows it was done (a certificate, a register of attendance). */
export async function recordCompletion(deps: TrainingDeps, actor: Actor, input: CompletionInput) {
  const people = await repo.peopleIndex(deps.db.orm);
  const staffId = findPerson(people, personRef(input.person));
  if (!staffId) throw fieldError('person', `No one is known as ${describe(personRef(input.person))}`);
  return runCommand(deps, actor, async (tx, audit) => {
    if (!(await repo.findCourse(tx, input.courseId))) throw fieldError('courseId', 'Select the course');
    const inserted = await repo.insertCompletions(tx, [
      {
        staffId,
        courseId: input.courseId,
        status: input.status,
        completedOn: input.completedOn,
        score: input.score ?? null,
        source: 'manual',
        evidence: input.evidence,
        recordedBy: actor.type === 'user' ? Number(actor.id) : null,
      },
    ]);
    if (!inserted) throw fieldError('completedOn', 'That attempt is recorded already');
    await audit({
      action: 'training.completion-recorded',
      entityType: 'staff',
      entityId: staffId,
      details: { courseId: input.courseId, status: input.status, completedOn: input.completedOn },
    });
    return { staffId };
  });
}
