import { NotFoundError } from '../../platform/errors.ts';
import { londonToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/audit/service.ts';
import { runCommand } from '../../platform/commands.ts';
import { closeLeaversAccounts, importHrExtract, type StaffDeps } from './commands/import-hr.ts';
import * as repo from './repository.ts';
import { accountForSignIn } from './commands/sign-in.ts';
import type { OidcIdentity } from '../../platform/identity/oidc.ts';

/** The council's people as HR knows them, for the pages, the command line and the other modules. */
export class StaffService {
  constructor(private readonly deps: StaffDeps) {}

  import(actor: Actor, file: { name: string; bytes: Buffer }, options: { dryRun: boolean }) {
    return importHrExtract(this.deps, actor, file, options);
  }

  list(filter: repo.StaffFilter, page: { limit: number; offset: number }) {
    return repo.listStaff(this.deps.db.orm, filter, page);
  }

  async person(id: number) {
    const found = await repo.findStaff(this.deps.db.orm, id);
    if (!found) throw new NotFoundError('No such person');
    const [postings, reports] = await Promise.all([
      repo.postingsOf(this.deps.db.orm, id),
      repo.reportsOf(this.deps.db.orm, id),
    ]);
    return { ...found, postings, reports };
  }

  /** The HR record of a signed-in person, if HR knows them. */
  byUser(userId: number) {
    return repo.findStaffByUser(this.deps.db.orm, userId);
  }

  /** The account of someone the identity provider vouched for, matched to HR's record (made on first sign-in). */
  accountForSignIn(identity: OidcIdentity) {
    return accountForSignIn(this.deps, identity);
  }

  imports() {
    return repo.recentImports(this.deps.db.orm);
  }

  count() {
    return repo.countStaff(this.deps.db.orm);
  }

  /** The nightly job: closes the accounts of people whose leave date has come since the last import. */
  async closeLeaversAccounts(actor: Actor): Promise<{ closed: number }> {
    const today = londonToday(this.deps.clock);
    const due = await repo.accountsOfLeavers(this.deps.db.orm, today);
    if (!due.close.length) return { closed: 0 };
    return runCommand(this.deps, actor, (tx, audit) =>
      closeLeaversAccounts(tx, audit, this.deps.clock.now(), today),
    );
  }
}
