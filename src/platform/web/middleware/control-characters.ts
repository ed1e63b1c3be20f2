import type { RequestHandler } from 'express';
import { sendProblem } from '../../api/problem.ts';
import { isApiPath } from '../request.ts';
import { hasControlCharacter } from '../../validation.ts';

/**
 * The edge guard: a request whose address carries a control character, or whose body carries a NUL byte anywhere, is
 * answered 400 before any route sees it. PostgreSQL refuses NUL in text, so without this a NUL in any field, search or
 * path became a database error. Other control characters in a form are refused field by field by the text schemas,
 * with a message beside the field.
 */
export const rejectControlCharacters: RequestHandler = (req, res, next) => {
  if (!hasControlCharacter(safeDecode(req.path)) && !containsNul(req.query) && !containsNul(req.body, true))
    return next();
  const detail = 'The request contains a control character (such as a NUL byte) that cannot be accepted.';
  if (isApiPath(req.path)) return sendProblem(res, { status: 400, title: 'Invalid request', detail });
  res.status(400).render('errors/400.njk', { detail });
};

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Any string (key or value) in a parsed query or body that holds a control character (NUL only, for bodies). */
function containsNul(value: unknown, nulOnly = false, depth = 0): boolean {
  if (typeof value === 'string') return nulOnly ? value.includes('\u0000') : hasControlCharacter(value);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  for (const [key, item] of Object.entries(value)) {
    if (nulOnly ? key.includes('\u0000') : hasControlCharacter(key)) return true;
    if (containsNul(item, nulOnly, depth + 1)) return true;
  }
  return false;
}
