// Every table Custodian owns. Modules add their own schema files here as they arrive.
export * from '../identity/schema.ts';
export * from '../audit/schema.ts';
export * from './settings-schema.ts';
export * from '../calendar/schema.ts';
