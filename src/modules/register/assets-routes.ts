import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { londonToday } from '../../platform/clock.ts';
import { asArray, dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { govukDate } from '../../platform/web/format.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId, searchField } from '../../platform/validation.ts';
import {
  ASSET_FORMATS,
  CRITICALITY,
  HOSTING,
  SECURITY_CLASSIFICATIONS,
  SPECIAL_CATEGORIES,
  VOLUME_BANDS,
} from '../../domain/register/register.ts';
import { DPIA_STATUSES, assetFingerprint } from '../../domain/register/dpia.ts';
import { withChange } from './presenters.ts';
import { PII_TYPE_NAMES } from '../../domain/pii/types.ts';
import { assetSchema, PAGE_SIZE, pageOf } from './inputs.ts';
import { REGISTER } from './permissions.ts';
import { canEditEntry } from './policy.ts';
import { assetFormValues } from './presenters.ts';

type Deps = Pick<Services, 'register' | 'dpias' | 'organisation' | 'clock'>;

const CHOICES = {
  HOSTING,
  ASSET_FORMATS,
  VOLUME_BANDS,
  CRITICALITY,
  SECURITY_CLASSIFICATIONS,
  SPECIAL_CATEGORIES,
};

/** The information asset register: the list, an asset, adding and changing one, and the owner's yearly confirmation. */
export function assetsRoutes(deps: Deps): Routes {
  const assetForm = async (res: Response, page: Partial<InvalidForm> & { asset?: { id: number } } = {}) => {
    const [directorates, people] = await Promise.all([
      deps.organisation.directorates(),
      deps.register.people(),
    ]);
    res.render('register/views/asset-form.njk', { directorates, people, values: {}, ...CHOICES, ...page });
  };
  const values = (req: Request) => ({
    ...req.body,
    nextReviewOn: dateFromFields(req.body, 'nextReviewOn'),
    specialCategories: asArray(req.body?.specialCategories),
    assetIds: asArray(req.body?.assetIds),
  });
  const versionOf = (req: Request) => Number(req.body?.version) || 0;
  return new Routes()
    .get('/register/assets', REGISTER.view, async (req, res) => {
      const search = searchField.parse(req.query.q);
      const today = londonToday(deps.clock);
      const due = req.query.review === 'due';
      const principal = callerOf(req).principal;
      const [assets, directorates] = await Promise.all([
        deps.register.assets(principal, { search, reviewDueBy: due ? today : undefined }),
        deps.organisation.directorates(),
      ]);
      const page = pageOf(req, assets.length);
      res.render('register/views/assets.njk', {
        assets: assets.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        total: assets.length,
        pages: pagination(req, page, assets.length, PAGE_SIZE),
        directorates: new Map(directorates.map((d) => [d.id, d.name])),
        search,
        due,
        today,
      });
    })
    .get('/register/assets/new', REGISTER.edit, (_req, res) => assetForm(res))
    .post(
      '/register/assets',
      REGISTER.edit,
      form(
        assetSchema,
        async (input, req, res) => {
          const asset = await deps.register.saveAsset(callerOf(req), input);
          req.session.flash = { type: 'success', text: `Asset added: ${asset.name}` };
          res.redirect(303, `/register/assets/${asset.id}`);
        },
        (page, _req, res) => assetForm(res, page),
        { values },
      ),
    )
    .get('/register/assets/:id', REGISTER.view, async (req, res) => {
      const principal = callerOf(req).principal;
      const asset = await deps.register.asset(principal, requireId(req.params.id, 'asset'));
      const directorates = await deps.organisation.directorates();
      res.render('register/views/asset.njk', {
        asset,
        directorate: directorates.find((d) => d.id === asset.directorateId)?.name,
        canEdit: canEditEntry(principal, asset),
        today: londonToday(deps.clock),
        dpias: withChange(await deps.dpias.list({ assetId: asset.id }), assetFingerprint(asset)),
        PII_TYPE_NAMES,
        DPIA_STATUSES,
        ...CHOICES,
      });
    })
    .get('/register/assets/:id/edit', REGISTER.edit, async (req, res) => {
      const asset = await deps.register.asset(callerOf(req).principal, requireId(req.params.id, 'asset'));
      const codes = asset.classes.map((c) => c.code);
      await assetForm(res, { asset, values: assetFormValues(asset, codes, asset.locations) });
    })
    .post('/register/assets/:id', REGISTER.edit, async (req, res, next) => {
      const asset = await deps.register.asset(callerOf(req).principal, requireId(req.params.id, 'asset'));
      return form(
        assetSchema,
        async (input) => {
          await deps.register.saveAsset(callerOf(req), input, { id: asset.id, version: input.version });
          req.session.flash = { type: 'success', text: `Asset saved: ${input.name}` };
          res.redirect(303, `/register/assets/${asset.id}`);
        },
        (page) => assetForm(res, { ...page, asset }),
        { values },
      )(req, res, next);
    })
    .post('/register/assets/:id/confirm', REGISTER.edit, async (req, res) => {
      const id = requireId(req.params.id, 'asset');
      const saved = await deps.register.confirmAsset(callerOf(req), { id, version: versionOf(req) });
      req.session.flash = {
        type: 'success',
        text: `Entry confirmed as right: next review by ${govukDate(saved.nextReviewOn)}`,
      };
      res.redirect(303, `/register/assets/${id}`);
    });
}
