import type { TestContext } from './app.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import type { NewCase } from '../../src/modules/requests/schemas.ts';

let counter = 0;

/** A case as an officer would log it, with defaults for whatever the test does not care about. */
export async function createCase(ctx: TestContext, overrides: Partial<NewCase> = {}, acknowledge = false) {
  counter += 1;
  return ctx.services.requests.create(
    systemActor('Test factory'),
    {
      type: 'foi',
      channel: 'email',
      subject: `Test request ${counter}`,
      description: `Please send the information for test request ${counter}.`,
      requesterName: `Requester ${counter}`,
      requesterEmail: `requester${counter}@example.com`,
      receivedOn: '2026-11-20',
      ...overrides,
    },
    { acknowledge },
  );
}
