import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../platform/config.ts';
import { DatabaseOpenError } from '../platform/db/database.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { ValidationError, NotFoundError } from '../platform/commands.ts';
import { VERSION } from '../platform/version.ts';
import { serve } from './serve.ts';
import { userCommands } from './user.ts';
import { auditCommands } from './audit.ts';
import { databaseCommands } from './database.ts';
import { tokenCommands } from './token.ts';
import { workerCommand } from './worker.ts';
import { deadlineCommands } from './deadline.ts';
import { piiCommand } from './pii.ts';
import { discoveryCommands } from './scan.ts';

export function buildProgram(): Command {
  const program = new Command()
    .name('custodian')
    .description('Custodian: information governance for UK local councils')
    .version(VERSION)
    .showHelpAfterError();

  program
    .command('serve')
    .description('run the web application (and background jobs) on DATABASE_URL or the embedded database')
    .option('--demo', 'seed an empty database with the demo council and listen on 127.0.0.1 only', false)
    .option('--no-jobs', 'do not run background jobs in this process (run `custodian worker` instead)')
    .addOption(new Option('--port <port>', 'port to listen on (default: PORT or 3000)').argParser(parsePort))
    .option('--host <host>', 'interface to listen on (default: HOST or 127.0.0.1)')
    .action(async (opts: { demo: boolean; jobs: boolean; port?: number; host?: string }) => {
      const running = await serve(opts);
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  workerCommand(program);
  databaseCommands(program);
  userCommands(program);
  auditCommands(program);
  tokenCommands(program);
  deadlineCommands(program);
  piiCommand(program);
  discoveryCommands(program);
  return program;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('Give a port from 0 to 65535.');
  return port;
}

/** Errors a person can act on are one clear line; anything else is a bug and keeps its stack. */
export async function main(argv: string[]): Promise<void> {
  // Output piped into `head` and closed early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseOpenError ||
      error instanceof DataDirLockedError ||
      error instanceof ValidationError ||
      error instanceof NotFoundError
    ) {
      console.error(`custodian: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
