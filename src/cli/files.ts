import fs from 'node:fs';
import { ValidationError } from '../platform/errors.ts';

/** A file named on the command line, or a one-line refusal naming it and why (never a stack trace). */
export function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ValidationError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
}
