import { z } from 'zod';
import { ROLES } from '../authz/roles.ts';
import { idSchema, MAX_ID, optionalTextField, textField } from '../validation.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.ts';

// One set of schemas for forms, the JSON API and the OpenAPI document.

export const emailSchema = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email('Enter an email address in the correct format, like name@example.gov.uk'));

export const passwordSchema = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN_LENGTH, `Password must be ${PASSWORD_MIN_LENGTH} characters or more`)
  .max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`);

export const grantSchema = z.object({
  role: z.enum(ROLES, { error: 'Select a valid role' }),
  directorateId: idSchema.nullable().default(null),
});

const displayName = textField({ max: 200, required: 'Enter the person’s name', label: 'Name' });

const jobTitle = optionalTextField({ max: 200, label: 'Job title' });

export const newUserSchema = z.object({
  email: emailSchema,
  displayName,
  jobTitle,
  password: passwordSchema,
  grants: z.array(grantSchema).max(50).default([]),
  teamIds: z.array(idSchema).max(50).default([]),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userUpdateSchema = z.object({
  displayName,
  jobTitle,
  grants: z.array(grantSchema).max(50),
  teamIds: z.array(idSchema).max(50),
  /** The version the editor started from. */
  version: idSchema,
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const directorateSchema = z.object({
  name: textField({ max: 120, required: 'Enter a name', label: 'Name' }),
});

export const teamSchema = directorateSchema.extend({
  directorateId: z
    .number({ error: 'Select a directorate' })
    .int()
    .min(1, 'Select a directorate')
    .max(MAX_ID, 'Select a directorate'),
});

export const apiTokenSchema = z.object({
  name: textField({ max: 120, required: 'Enter a name', label: 'Name' }),
  role: z.enum(ROLES, { error: 'Select a role' }),
  directorateId: idSchema.nullable().default(null),
});
