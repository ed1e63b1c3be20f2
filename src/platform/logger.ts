import { pino, type Logger } from 'pino';
import { safeError } from './safe-error.ts';

export type { Logger };

/**
 * JSON logs. Personal data never goes in: request logs keep method, route and status only (no query strings, bodies,
 * cookies or e-mail addresses); errors are written through `safeError` (codes, the statement's verb and table, stack
 * frames — never a query's parameters or a database or mail server's message); the redact list is a last line of
 * defence for anything logged by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'custodian' },
    serializers: { err: safeError, error: safeError },
    redact: {
      paths: [
        '*.email',
        '*.password',
        '*.passwordHash',
        '*.token',
        '*.cookie',
        '*.authorization',
        '*.params',
        'email',
        'password',
        'passwordHash',
        'params',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
