// Errors the user can act on, kept apart from the database code so light commands can throw them cheaply.

/** The input broke a rule: shown to the user beside the field it names, never logged as a fault. Always a 400. */
export class ValidationError extends Error {
  constructor(
    message: string,
    /** Field name → message, for the GOV.UK error summary. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Someone else saved first. */
export class ConflictError extends Error {}

export class NotFoundError extends Error {}

/**
 * The caller may not do this to this record (an auditor changing a case, an officer outside the case's directorate
 * approving it). Always a 403, on pages and in the API; never used for bad input.
 */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do that') {
    super(message);
  }
}
