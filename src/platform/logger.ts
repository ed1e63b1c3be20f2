import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. Personal data never goes in: request logs keep method, route and status only (no query strings, bodies,
 * cookies or e-mail addresses), and the redact list is a second line of defence for anything logged by mistake.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'custodian' },
    redact: {
      paths: [
        '*.email',
        '*.password',
        '*.passwordHash',
        '*.token',
        '*.cookie',
        '*.authorization',
        'email',
        'password',
      ],
      censor: '[redacted]',
    },
  });
}
