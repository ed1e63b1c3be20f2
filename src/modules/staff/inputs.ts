import { z } from 'zod';
import { idSchema, textField } from '../../platform/validation.ts';
import { WORKER_TYPES } from '../../domain/staff/hr-file.ts';

/** The people list's filters: anything odd in the query string is ignored, never an error page. */
export const staffListQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  directorate: z.coerce.number().pipe(idSchema).optional().catch(undefined),
  workerType: z.enum(WORKER_TYPES).optional().catch(undefined),
  status: z.enum(['current', 'all']).catch('current'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** A person named in a form as HR knows them: by employee id or e-mail address. */
export const personReference = () =>
  textField({
    max: 200,
    label: 'Employee id or e-mail address',
    required: 'Enter the person’s employee id or e-mail address',
  });
