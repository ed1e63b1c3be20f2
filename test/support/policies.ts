import type { PolicyInput, VersionInput } from '../../src/modules/policies/inputs.ts';
import { emailFor } from './app.ts';

/** A policy for everyone, owned by the IG officer and approved by the DPO. */
export const policyInput = (over: Partial<PolicyInput> = {}): PolicyInput => ({
  title: 'Data protection policy',
  kind: 'policy',
  summary: 'Our commitments',
  ownerEmail: emailFor('ig_officer'),
  approverEmail: emailFor('dpo'),
  directorateIds: [],
  roles: [],
  workerTypes: [],
  reviewMonths: 12,
  public: true,
  ...over,
});

/** A material first version with a one-question quiz that must be answered right. */
export const versionInput = (over: Partial<VersionInput> = {}): VersionInput => ({
  material: true,
  changeSummary: 'First issue',
  body: 'Everyone protects personal data.',
  quiz: 'Who do you tell about a breach? | No one | *The IG team at once',
  passMark: 100,
  ...over,
});
