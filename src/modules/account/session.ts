import type { Request } from 'express';
import type { Clock } from '../../platform/clock.ts';
import type { SecondStep } from '../../platform/identity/sign-in-service.ts';
import type { Services } from '../../platform/modules.ts';

/** A sign-in waits this long for its second step before the password must be given again. */
export const SECOND_STEP_MINUTES = 10;

declare module 'express-session' {
  interface SessionData {
    /**
     * A sign-in whose password (or identity provider) was right, waiting for its second step: who, where to go next,
     * since when, and which step (a code, or setting an authenticator up). Nobody is signed in until it is done.
     */
    secondStep: { userId: number; next: string; since: number; step: Exclude<SecondStep, 'none'> };
    /** An authenticator key offered to someone setting one up, sealed to them, until they confirm it. */
    proposal: string;
  }
}

const regenerate = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
const save = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));

/**
 * Signs the person in: a new session id (a session fixed before sign-in is worthless after it), and whether a second
 * factor was given, which an account with an administrator's or the DPO's role cannot do without.
 */
export async function establishSession(
  req: Request,
  clock: Clock,
  userId: number,
  secondFactor: boolean,
): Promise<void> {
  await regenerate(req);
  const now = clock.now().getTime();
  req.session.userId = userId;
  req.session.signedInAt = now;
  req.session.lastSeenAt = now;
  req.session.secondFactor = secondFactor;
  await save(req);
}

/** After the first step: a new session that holds only the sign-in waiting for its second step. */
export async function awaitSecondStep(
  req: Request,
  clock: Clock,
  pending: { userId: number; next: string; step: Exclude<SecondStep, 'none'> },
): Promise<string> {
  await regenerate(req);
  req.session.secondStep = { ...pending, since: clock.now().getTime() };
  await save(req);
  return pending.step === 'code' ? '/sign-in/two-step' : '/sign-in/two-step/set-up';
}

/** The sign-in waiting for its second step, while it is recent enough. */
export function pendingSecondStep(req: Request, clock: Clock, step: Exclude<SecondStep, 'none'>) {
  const pending = req.session.secondStep;
  if (!pending || pending.step !== step) return undefined;
  return clock.now().getTime() - pending.since <= SECOND_STEP_MINUTES * 60_000 ? pending : undefined;
}

/**
 * The authenticator offered to this session while someone sets one up: the one already shown, so a phone that has
 * scanned it still matches after a wrong code or a reload, or else a new one.
 */
export async function sessionProposal(
  deps: Pick<Services, 'twoStep' | 'users'>,
  req: Request,
  userId: number,
) {
  const { email } = (await deps.users.get(userId))!;
  const shown = req.session.proposal;
  const proposal =
    (shown && (await deps.twoStep.proposalAgain(userId, email, shown))) ||
    (await deps.twoStep.proposal(userId, email));
  req.session.proposal = proposal.sealed;
  return proposal;
}

export { save as saveSession, regenerate as regenerateSession };
