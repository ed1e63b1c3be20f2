import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId, textField } from '../../platform/validation.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { RECORDS } from './permissions.ts';
import { byFunction, triggerName } from './presenters.ts';

type Deps = Pick<Services, 'retentionSchedule'>;

const ruleFormSchema = z.object({
  source: textField({ max: 100, required: 'Choose where the records are', label: 'The source' }),
  scope: z.coerce.number({ error: 'Choose a source that exists' }).int().min(0).max(2_147_483_647),
  selector: textField({ max: 1000, required: 'Say which records', label: 'The folder or type' }),
  classCode: textField({ max: 40, required: 'Choose a class on the schedule', label: 'The class' }),
});

/** The rules that put each source's records in a class of the schedule: read by all, kept by the records manager. */
export function classificationRoutes(deps: Deps): Routes {
  const page = async (res: Response, extra: Partial<InvalidForm> & { source?: string } = {}) => {
    const [sources, rules, classes] = await Promise.all([
      deps.retentionSchedule.sources(),
      deps.retentionSchedule.rules(),
      deps.retentionSchedule.inForce(),
    ]);
    res.render('records/views/classification.njk', {
      sources: sources.map((s) => ({
        ...s,
        triggerNames: s.triggers.map(triggerName),
        rules: rules
          .filter((r) => r.source === s.name)
          .map((r) => ({
            ...r,
            scopeName: s.scopes.find((x) => x.scope === r.scope)?.name ?? 'A source no longer scanned',
            selectorText: s.choices.find((c) => c.value === r.selector)?.text ?? r.selector,
          })),
        // Only classes running from an event this source's records know can hold them.
        groups: byFunction(classes.filter((c) => s.triggers.includes(c.rule.trigger as never))),
      })),
      values: {},
      ...extra,
    });
  };
  const findRule = async (req: Request) => {
    const id = requireId(req.params.id, 'rule');
    const rule = (await deps.retentionSchedule.rules()).find((r) => r.id === id);
    if (!rule) throw new NotFoundError('No such rule');
    return rule;
  };
  return new Routes()
    .get('/records/classification', RECORDS.view, (_req, res) => page(res))
    .post(
      '/records/classification',
      RECORDS.manageSchedule,
      form(
        ruleFormSchema,
        async (input, req, res) => {
          await deps.retentionSchedule.addRule(callerOf(req).actor, input);
          req.session.flash = {
            type: 'success',
            text: `Rule added: those records are in ${input.classCode}`,
          };
          res.redirect(303, '/records/classification');
        },
        (invalid, req, res) => {
          // Each source has its own form: the summary's links go to the fields of the one that was sent.
          const source = String(req.body?.source ?? '').replace(/[^a-z0-9-]/g, '');
          const errorList = invalid.errorList.map((e) => ({ ...e, href: `#${source}-${e.href.slice(1)}` }));
          return page(res, { ...invalid, errorList, source });
        },
      ),
    )
    .get('/records/classification/:id/remove', RECORDS.manageSchedule, async (req, res) => {
      res.render('records/views/classification-remove.njk', { rule: await findRule(req) });
    })
    .post('/records/classification/:id/remove', RECORDS.manageSchedule, async (req, res) => {
      const rule = await findRule(req);
      await deps.retentionSchedule.removeRule(callerOf(req).actor, rule.id);
      req.session.flash = { type: 'success', text: 'Rule removed' };
      res.redirect(303, '/records/classification');
    });
}
