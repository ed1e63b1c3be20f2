import type { Response } from 'express';

/** RFC 9457 problem details, the shape of every JSON API error. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** Field path → message, for validation failures. */
  errors?: Record<string, string>;
}

export function sendProblem(res: Response, problem: Problem): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', ...problem }));
}
