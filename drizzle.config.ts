import { defineConfig } from 'drizzle-kit';

// Every table lives in a schema.ts beside the code that owns it; a new module's is found here with no other change.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/*/schema.ts', './src/discovery/*/schema.ts', './src/modules/*/schema.ts'],
  out: './drizzle',
});
