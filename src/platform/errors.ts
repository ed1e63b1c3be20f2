// Errors the user can act on, kept apart from the database code so light commands can throw them cheaply.

/** A rule of the domain was broken by the input: shown to the user, never logged as a fault. */
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
