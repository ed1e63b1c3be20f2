import { Command } from 'commander';
import { VERSION } from '../platform/version.ts';

type Registrar = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs (or for help), so a light command such as `duplicates`
 * does not start by loading the web server, the job queue and the database drivers.
 */
const COMMANDS: { names: string[]; load: () => Promise<Registrar> }[] = [
  { names: ['serve'], load: async () => (await import('./serve.ts')).serveCommand },
  { names: ['worker'], load: async () => (await import('./worker.ts')).workerCommand },
  { names: ['migrate', 'seed'], load: async () => (await import('./database.ts')).databaseCommands },
  { names: ['user'], load: async () => (await import('./user.ts')).userCommands },
  { names: ['audit'], load: async () => (await import('./audit.ts')).auditCommands },
  { names: ['token'], load: async () => (await import('./token.ts')).tokenCommands },
  { names: ['deadline', 'calendar'], load: async () => (await import('./deadline.ts')).deadlineCommands },
  { names: ['retention'], load: async () => (await import('./retention.ts')).retentionCommands },
  { names: ['hold', 'disposal'], load: async () => (await import('./disposal.ts')).disposalCommands },
  { names: ['staff'], load: async () => (await import('./staff.ts')).staffCommands },
  { names: ['training'], load: async () => (await import('./training.ts')).trainingCommands },
  { names: ['pii'], load: async () => (await import('./pii.ts')).piiCommand },
  { names: ['scan', 'inventory'], load: async () => (await import('./scan.ts')).discoveryCommands },
  { names: ['duplicates'], load: async () => (await import('./duplicates.ts')).duplicatesCommand },
];

/** The program with the command named in `argv` (every command when none is named, for help and errors). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command()
    .name('custodian')
    .description('Custodian: information governance for UK local councils')
    .version(VERSION)
    .showHelpAfterError();
  const named = COMMANDS.filter((c) => c.names.includes(argv[2] ?? ''));
  for (const command of named.length ? named : COMMANDS) (await command.load())(program);
  return program;
}

/** Errors a person can act on are one clear line; anything else is a bug and keeps its stack frames. */
export async function main(argv: string[]): Promise<void> {
  // Everything Custodian writes (data directory, keys, exports, blobs) is the service account's alone.
  process.umask(0o077);
  // Output piped into `head` and closed early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    await (await buildProgram(argv)).parseAsync(argv);
  } catch (error) {
    const message = await actionable(error);
    // Anything else is a bug: its kind, codes and stack frames, but never a database's or mail server's message,
    // which can quote the personal data a statement carried.
    const { safeError } = await import('../platform/safe-error.ts');
    console.error(
      message
        ? `custodian: ${message}`
        : `custodian: unexpected error ${JSON.stringify(safeError(error), null, 2)}`,
    );
    process.exitCode = 1;
  }
}

/** The message of an error a person can act on (bad input or configuration, a database out of reach), else none. */
async function actionable(error: unknown): Promise<string | undefined> {
  const [{ ConfigError }, { DatabaseOpenError }, { DataDirLockedError }, { ValidationError, NotFoundError }] =
    await Promise.all([
      import('../platform/config.ts'),
      import('../platform/db/database.ts'),
      import('../platform/db/lock.ts'),
      import('../platform/errors.ts'),
    ]);
  const types = [ConfigError, DatabaseOpenError, DataDirLockedError, ValidationError, NotFoundError];
  if (types.some((type) => error instanceof type)) return (error as Error).message;
  const lost = connectionLost(error);
  if (lost)
    return (
      `lost the connection to the database (${lost}). If it was a running \`custodian serve\`, start it again; ` +
      'then run this command again (a scan carries on where it stopped).'
    );
  return undefined;
}

/** The code of a database connection that went away mid-command (a server killed or restarted), if that is what it is. */
function connectionLost(error: unknown, depth = 0): string | undefined {
  if (!(error instanceof Error) || depth > 4) return undefined;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOENT', 'ETIMEDOUT', '57P01', '57P03'].includes(code))
    return code;
  if (
    /Connection terminated|connection (is )?closed|Client has encountered a connection error/i.test(
      error.message,
    )
  )
    return 'connection closed';
  return (
    connectionLost(error.cause, depth + 1) ??
    (error instanceof AggregateError ? connectionLost(error.errors[0], depth + 1) : undefined)
  );
}
