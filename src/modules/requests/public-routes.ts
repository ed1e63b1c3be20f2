import type { Request } from 'express';
import type { Services } from '../../platform/modules.ts';
import { Routes } from '../../platform/web/routes.ts';
import { titleFromRequest } from '../../domain/requests/workflow.ts';
import { publicSubmitRateLimit } from '../../platform/web/middleware/rate-limit.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { asString, validate } from '../../platform/web/forms.ts';
import { publicRequestSchema, type PublicRequest } from './inputs.ts';

declare module 'express-session' {
  interface SessionData {
    /** The public request form's answers so far. */
    publicRequest: Partial<PublicRequest>;
    submittedRequest: { reference: string; dueOn: string; type: string; emailed: boolean };
  }
}

const TYPE_CHOICES = [
  {
    value: 'foi',
    text: 'Information the council holds (Freedom of Information)',
    hint: 'For example spending, contracts, policies or statistics.',
  },
  {
    value: 'eir',
    text: 'Environmental information',
    hint: 'For example planning, pollution, waste, land, roads or noise.',
  },
  {
    value: 'sar',
    text: 'Information the council holds about you (subject access request)',
    hint: 'We will ask you to prove who you are before we send anything.',
  },
];

const steps = ['type', 'details', 'contact'] as const;
type Step = (typeof steps)[number];
const fieldsOf: Record<Step, (keyof PublicRequest)[]> = {
  type: ['type'],
  details: ['description'],
  contact: ['requesterName', 'requesterEmail', 'requesterAddress'],
};
const pathOf: Record<Step, string> = {
  type: '/requests/new',
  details: '/requests/new/details',
  contact: '/requests/new/contact',
};

/**
 * The public form for making a request: one question a page, no JavaScript needed, answers kept in the session until
 * the requester checks and sends them.
 */
export function publicRequestRoutes(deps: Pick<Services, 'requests' | 'db' | 'clock' | 'config'>): Routes {
  const routes = new Routes();
  const answers = (req: Request) => req.session.publicRequest ?? {};
  const submitLimit = publicSubmitRateLimit(deps);

  for (const step of steps) {
    const view = `requests/views/public-${step}.njk`;
    routes.get(pathOf[step], 'public', (req, res) =>
      res.render(view, { values: answers(req), choices: TYPE_CHOICES }),
    );
    routes.post(pathOf[step], 'public', (req, res) => {
      const values = {
        ...answers(req),
        ...Object.fromEntries(fieldsOf[step].map((f) => [f, asString(req.body[f])])),
      };
      const schema = publicRequestSchema.pick(
        Object.fromEntries(fieldsOf[step].map((f) => [f, true])) as Record<keyof PublicRequest, true>,
      );
      const form = validate(schema, values);
      if (!form.ok) return res.status(400).render(view, { ...form, values, choices: TYPE_CHOICES });
      req.session.publicRequest = { ...answers(req), ...form.value };
      const next = steps[steps.indexOf(step) + 1];
      res.redirect(303, next ? pathOf[next] : '/requests/new/check');
    });
  }

  return routes
    .get('/requests/new/check', 'public', (req, res) => {
      const form = validate(publicRequestSchema, answers(req));
      if (!form.ok) return res.redirect(303, '/requests/new');
      res.render('requests/views/public-check.njk', {
        values: form.value,
        choice: TYPE_CHOICES.find((c) => c.value === form.value.type),
      });
    })
    .post('/requests/new/check', 'public', submitLimit, async (req, res) => {
      const form = validate(publicRequestSchema, answers(req));
      if (!form.ok) return res.redirect(303, '/requests/new');
      const v = form.value;
      const c = await deps.requests.create(
        systemActor('Public request form'),
        {
          type: v.type,
          channel: 'web',
          subject: titleFromRequest(v.description),
          description: v.description,
          requesterName: v.requesterName,
          requesterEmail: v.requesterEmail,
          requesterAddress: v.requesterAddress,
          receivedOn: deps.requests.today(),
        },
        { acknowledge: true },
      );
      delete req.session.publicRequest;
      // The acknowledgement is queued either way; it is only on its way when the outbox has somewhere to send it.
      req.session.submittedRequest = {
        reference: c.reference,
        dueOn: c.dueOn,
        type: c.type,
        emailed: deps.config.smtpUrl !== undefined,
      };
      res.redirect(303, '/requests/new/done');
    })
    .get('/requests/new/done', 'public', (req, res) => {
      const submitted = req.session.submittedRequest;
      if (!submitted) return res.redirect(303, '/requests/new');
      res.render('requests/views/public-done.njk', { submitted });
    });
}
