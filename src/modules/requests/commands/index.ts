import type { CaseAction } from '../../../domain/requests/workflow.ts';
import type { RequestCase } from '../repository.ts';
import type { CaseStep } from './context.ts';
import { acknowledge } from './intake/acknowledge.ts';
import { requestClarification } from './clock/request-clarification.ts';
import { requestIdentity } from './clock/request-identity.ts';
import { issueFeeNotice } from './clock/issue-fee-notice.ts';
import { resumeClock } from './clock/resume-clock.ts';
import { extend } from './clock/extend.ts';
import { allocate } from './allocation/allocate.ts';
import { requestContribution } from './allocation/request-contribution.ts';
import { recordContribution } from './allocation/record-contribution.ts';
import { startDrafting } from './response/start-drafting.ts';
import { submitForApproval } from './response/submit-for-approval.ts';
import { recordPressSight } from './response/record-press-sight.ts';
import { approve } from './response/approve.ts';
import { returnForRedraft } from './response/return-for-redraft.ts';
import { respond } from './response/respond.ts';
import { close } from './after-response/close.ts';
import { publish } from './after-response/publish.ts';
import { recordIco } from './after-response/record-ico.ts';
import { logSearch } from './sar/log-search.ts';
import { recordDisclosure } from './sar/record-disclosure.ts';

/** The command for each action of the workflow table: `act()` is a lookup here, not a switch. */
// Each command takes its own action's input (ACTION_INPUTS); runCaseAction parses it with the same key.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const CASE_COMMANDS: Record<CaseAction, (step: CaseStep, input: any) => Promise<RequestCase>> = {
  acknowledge,
  'request-clarification': requestClarification,
  'request-identity': requestIdentity,
  'issue-fee-notice': issueFeeNotice,
  'resume-clock': resumeClock,
  extend,
  allocate,
  'request-contribution': requestContribution,
  'record-contribution': recordContribution,
  'start-drafting': startDrafting,
  'submit-for-approval': submitForApproval,
  'record-press-sight': recordPressSight,
  approve,
  'return-for-redraft': returnForRedraft,
  respond,
  close,
  publish,
  'record-ico': recordIco,
  'log-search': logSearch,
  'record-disclosure': recordDisclosure,
};
