import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { withServices } from './context.ts';
import { systemActor } from '../platform/audit/service.ts';
import { newUserSchema } from '../platform/identity/schemas.ts';
import { isRole, type Grant } from '../platform/authz/roles.ts';
import { NotFoundError, ValidationError } from '../platform/commands.ts';

const cliActor = () => systemActor(`Command line (${process.env.USER ?? 'unknown user'})`);

export function userCommands(program: Command): void {
  const user = program.command('user').description('manage staff accounts');

  user
    .command('add')
    .description('create an account; prints a generated password when none is given')
    .requiredOption('--email <email>', 'email address (the sign-in name)')
    .requiredOption('--name <name>', 'full name')
    .option('--title <title>', 'job title')
    .option(
      '--role <role[:directorate]>',
      'a role, optionally scoped to a directorate by name; repeatable',
      collect,
      [],
    )
    .option('--password <password>', 'initial password (12+ characters); prefer the generated one')
    .action(
      async (opts: { email: string; name: string; title?: string; role: string[]; password?: string }) => {
        await withServices(async (services) => {
          const grants: Grant[] = [];
          for (const spec of opts.role) {
            const grant = await parseGrant(services, spec);
            grants.push({ role: grant.role, directorateId: grant.directorateId ?? null });
          }
          const generated = !opts.password;
          const password = opts.password ?? randomBytes(18).toString('base64url');
          const parsed = newUserSchema.safeParse({
            email: opts.email,
            displayName: opts.name,
            jobTitle: opts.title,
            password,
            grants,
          });
          if (!parsed.success)
            throw new ValidationError(parsed.error.issues.map((i) => i.message).join('; '));
          const id = await services.users.create(cliActor(), parsed.data);
          console.log(`Created user ${id} <${parsed.data.email}>`);
          if (generated) console.log(`Password: ${password}`);
        });
      },
    );

  user
    .command('list')
    .description('list accounts')
    .option('--json', 'one JSON object per line')
    .option('--inactive', 'include deactivated accounts')
    .action(async (opts: { json?: boolean; inactive?: boolean }) => {
      await withServices(async (services) => {
        const { rows } = await services.users.list(opts.inactive ? {} : { status: 'active' }, {
          limit: 100_000,
          offset: 0,
        });
        for (const u of rows) {
          const roles = u.grants.map((g) => (g.directorateId ? `${g.role}:${g.directorateId}` : g.role));
          if (opts.json) {
            console.log(
              JSON.stringify({ id: u.id, email: u.email, name: u.displayName, active: u.active, roles }),
            );
          } else {
            console.log(
              `${String(u.id).padStart(5)}  ${u.email.padEnd(45)} ${u.displayName.padEnd(28)} ${u.active ? 'active  ' : 'inactive'} ${roles.join(', ') || 'staff'}`,
            );
          }
        }
      });
    });

  user
    .command('grant')
    .description('give an account a role (as well as those it has)')
    .argument('<email>', 'email address of the account')
    .argument('<role[:directorate]>', 'the role, optionally scoped to a directorate by name')
    .action(async (email: string, spec: string) => {
      await withServices(async (services) => {
        const found = await accountByEmail(services, email);
        const grant = await parseGrant(services, spec);
        await services.users.grant(cliActor(), found.id, {
          role: grant.role,
          directorateId: grant.directorateId ?? null,
        });
        console.log(`Gave ${email} the role ${spec}`);
      });
    });

  user
    .command('revoke')
    .description('take a role away from an account (every directorate of it unless one is named)')
    .argument('<email>', 'email address of the account')
    .argument('<role[:directorate]>', 'the role, optionally scoped to a directorate by name')
    .action(async (email: string, spec: string) => {
      await withServices(async (services) => {
        const found = await accountByEmail(services, email);
        await services.users.revoke(cliActor(), found.id, await parseGrant(services, spec));
        console.log(`Took the role ${spec} from ${email}`);
      });
    });

  user
    .command('deactivate')
    .description('stop an account signing in and end its sessions')
    .argument('<email>', 'email address of the account')
    .action(async (email: string) => {
      await withServices(async (services) => {
        const found = await accountByEmail(services, email);
        await services.users.setActive(cliActor(), found.id, false);
        console.log(`Deactivated user ${found.id}`);
      });
    });

  user
    .command('reset-two-step')
    .description(
      "remove an account's authenticator app and recovery codes (a lost phone) and end its sessions; an administrator or the DPO sets up a new one at their next sign-in",
    )
    .argument('<email>', 'email address of the account')
    .action(async (email: string) => {
      await withServices(async (services) => {
        const found = await accountByEmail(services, email);
        await services.twoStep.reset(cliActor(), found.id);
        console.log(`Reset two-step sign-in for user ${found.id}`);
      });
    });
}

async function accountByEmail(
  services: { users: { findByEmail(email: string): Promise<{ id: number } | undefined> } },
  email: string,
) {
  const found = await services.users.findByEmail(email);
  if (!found) throw new NotFoundError(`No user with email ${email}`);
  return found;
}

/** "role" or "role:Directorate name" → a grant (directorate undefined when none is named). */
async function parseGrant(
  services: { organisation: { directorates(): Promise<{ id: number; name: string }[]> } },
  spec: string,
): Promise<{ role: Grant['role']; directorateId?: number }> {
  const [role, directorate] = splitOnce(spec, ':');
  if (!isRole(role)) throw new ValidationError(`Unknown role "${role}"`);
  if (!directorate) return { role };
  const found = (await services.organisation.directorates()).find(
    (d) => d.name.toLowerCase() === directorate.toLowerCase(),
  );
  if (!found) throw new ValidationError(`No directorate called "${directorate}"`);
  return { role, directorateId: found.id };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const i = text.indexOf(separator);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}
