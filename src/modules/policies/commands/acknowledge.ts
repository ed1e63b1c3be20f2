import { ConflictError, NotFoundError, runCommand, ValidationError } from '../../../platform/commands.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { formatVersion, quizScore } from '../../../domain/policies/policy.ts';
import * as repo from '../repository.ts';
import type { PoliciesDeps } from './library.ts';

/**
 * "I have read and will follow it", for the version in force: a superseded version cannot be acknowledged (the page
 * the person read is out of date), and a quiz below its pass mark records nothing and says so.
 */
export async function acknowledge(
  deps: PoliciesDeps,
  caller: Caller,
  input: {
    policyId: number;
    versionId: number;
    staffId: number;
    confirmed: boolean;
    answers: (number | null)[];
  },
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const version = await repo.findVersion(tx, input.policyId, input.versionId);
    if (!version || (version.status !== 'published' && version.status !== 'superseded'))
      throw new NotFoundError('No such version');
    if (version.status === 'superseded')
      throw new ConflictError(
        `Version ${formatVersion(version)} has been replaced by a newer one. Read the current version and acknowledge that.`,
      );
    if (!input.confirmed)
      throw new ValidationError('Confirm that you have read it and will follow it', {
        confirmed: 'Confirm that you have read it and will follow it',
      });
    const score = version.quiz.length ? quizScore(version.quiz, input.answers) : null;
    if (score !== null && score < version.passMark)
      throw new ValidationError(
        `You scored ${score}%; the pass mark is ${version.passMark}%. Read it again and try the questions again.`,
        { quiz: `You scored ${score}%; the pass mark is ${version.passMark}%` },
      );
    const recorded = await repo.insertAcknowledgement(tx, {
      versionId: version.id,
      staffId: input.staffId,
      quizScore: score,
      acknowledgedAt: deps.clock.now(),
    });
    await audit({
      action: recorded ? 'policy.acknowledged' : 'policy.acknowledged-again',
      entityType: 'policy',
      entityId: input.policyId,
      details: { versionId: version.id, staffId: input.staffId, quizScore: score },
    });
    return { recorded, score };
  });
}
