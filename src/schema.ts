// Every table Custodian owns, for drizzle-kit. Each module adds its own schema file here as it arrives.
export * from './platform/identity/schema.ts';
export * from './platform/audit/schema.ts';
export * from './platform/db/settings-schema.ts';
export * from './platform/calendar/schema.ts';
export * from './platform/mail/schema.ts';
export * from './modules/requests/schema.ts';
export * from './modules/publication/schema.ts';
export * from './discovery/inventory/schema.ts';
export * from './platform/web/schema.ts';
