import { defineModule } from '../../platform/modules.ts';
import { PUBLICATION } from './permissions.ts';
import { PublicationService } from './service.ts';
import { publicationRoutes } from './routes.ts';
import { seedDemoPublication } from './demo.ts';

export { PUBLICATION };

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    publication: PublicationService;
  }
}

/** The public face of openness: the disclosure log, the publication scheme and the Transparency Code datasets. */
export const publication = defineModule({
  name: 'publication',
  permissions: Object.values(PUBLICATION),
  services: ({ db, clock }) => ({ publication: new PublicationService({ db, clock }) }),
  routes: (services) => [publicationRoutes(services)],
  demo: (context) => seedDemoPublication(context.tx, context.audit, context.today),
});
