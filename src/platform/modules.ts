import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Audit } from './commands.ts';
import type { Tx } from './db/database.ts';
import type { JobDefinition, JobQueue } from './jobs/queue.ts';
import type { Permission } from './authz/permissions.ts';
import type { Principal } from './authz/roles.ts';
import type { PlatformServices } from './services.ts';
import type { Routes } from './web/routes.ts';

/**
 * The services of the modules, one entry per service. Each module adds its own from its index.ts, by declaration
 * merging (`declare module '…/platform/modules.ts' { interface ModuleServices { requests: RequestsService } }`), so
 * adding a module touches no shared file to give its services a type.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each module's index.ts
export interface ModuleServices {}

/** Everything built once at start: the platform's services, every module's, the job queue and the modules in use. */
export type Services = PlatformServices &
  ModuleServices & { jobs: JobQueue; modules: readonly ModuleDefinition[] };

/** Where a module shows in the service navigation and on the home page. */
export interface Area {
  /** The link text: "Requests". */
  name: string;
  href: string;
  /** Who sees it in the navigation and on the home page. */
  permission: Permission;
  /** One line for the home page: "FOI, EIR and subject access requests on the statutory clock". */
  purpose: string;
  /** False while the module is still to come: its href shows a "not available yet" page. */
  available: boolean;
  /** Listed under "Your areas" on the home page (administration and the audit trail are in the navigation only). */
  onHome?: boolean;
}

/**
 * A count of things waiting for someone, with its words for one and for any other number. The home page lists only
 * counts above zero, so a module gives its items whatever their count.
 */
export interface AttentionItem {
  count: number;
  one: string;
  other: string;
  href: string;
}

/** What a module's demo data is written with, in the one transaction that seeds the demo council. */
export interface DemoContext {
  tx: Tx;
  audit: Audit;
  seed: number;
  /** London's date when the demo is seeded. */
  today: string;
  /** The demo council's directorates by name (seeded first, with its staff). */
  directorates: ReadonlyMap<string, number>;
  /** What each module seeded, for the summary: requests → 1,400. */
  counts: Record<string, number>;
  /**
   * Work to do once the demo council is committed, with every service (a first run of a nightly job), in module
   * order; `last` for work that needs what the others made (the retention schedule's first run needs every source).
   */
  afterwards(work: (services: Services) => Promise<void>, options?: { last?: boolean }): void;
}

/**
 * One capability of Custodian, as the composition root and the web app see it. A module brings its own permissions,
 * navigation area, services, routes, API endpoints, jobs, home-page attention items and demo data; everything shared
 * is built from `src/modules/index.ts`'s list of them. See docs/architecture.md, "How to add a module".
 */
export interface ModuleDefinition {
  /** The module's folder name, kebab-case. */
  name: string;
  permissions?: readonly Permission[];
  area?: Area;
  /** Builds this module's services from the platform's and earlier modules'. */
  services?: (services: Services) => Partial<ModuleServices>;
  /** Page routes, mounted in the modules' order. */
  routes?: (services: Services) => Routes[];
  /** JSON API endpoints under /api/v1, described in the OpenAPI document. */
  api?: (services: Services, registry: OpenAPIRegistry) => Routes[];
  jobs?: (services: Services) => JobDefinition[];
  /** What waits for this person in this module, for the home page. */
  attention?: (services: Services, principal: Principal) => Promise<AttentionItem[]>;
  demo?: (context: DemoContext) => Promise<void>;
}

const NAME = /^[a-z][a-z-]*$/;

/** Declares a module, checking what can be checked before anything runs. */
export function defineModule(module: ModuleDefinition): ModuleDefinition {
  if (!NAME.test(module.name)) throw new Error(`A module is named in kebab-case, not "${module.name}"`);
  if (module.area && !module.permissions?.includes(module.area.permission))
    throw new Error(`The module ${module.name}'s area needs a permission the module defines`);
  return module;
}

/**
 * A capability still to come: its area, with a "not available yet" page where its pages will be, and its permission
 * (so the navigation shows it to those who will use it). The module replaces its placeholder when it ships.
 */
export function upcoming(name: string, area: Omit<Area, 'available'>): ModuleDefinition {
  return defineModule({ name, permissions: [area.permission], area: { ...area, available: false } });
}
