import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { asArray, dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { parseId } from '../../platform/validation.ts';
import { LIST_STATUSES, LIST_STATUS_NAMES, type ListStatus } from '../../domain/records/disposal.ts';
import { ListChangedError } from './commands/disposal/approval.ts';
import { decisionFormSchema, reasonFormSchema } from './inputs.ts';
import { RECORDS } from './permissions.ts';
import { canApproveList, canReviewList, canStopList } from './policy.ts';
import { byFunction } from './presenters.ts';

type Deps = Pick<Services, 'disposal' | 'retentionSchedule' | 'organisation'>;

const PAGE_SIZE = 50;
const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const statusFilter = z.enum(LIST_STATUSES).optional().catch(undefined);
/** DL-2026-0007: anything else is no list at all. */
const LIST_NUMBER = /^DL-\d{4}-\d{4,6}$/;

/**
 * Disposal lists: each owner reviews their lists record by record, the records manager approves them, anyone with the
 * right can stop one while it cools off, and every list carried out leaves its certificate.
 */
export function disposalRoutes(deps: Deps): Routes {
  const numberOf = (req: Request) => {
    const number = String(req.params.number);
    if (!LIST_NUMBER.test(number)) throw new NotFoundError('No such disposal list');
    return number;
  };
  const showList = async (
    req: Request,
    res: Response,
    view = 'records/views/disposal-list.njk',
    extra = {},
  ) => {
    const current = page.parse(req.query.page);
    const found = await deps.disposal.find(callerOf(req), numberOf(req), {
      limit: PAGE_SIZE,
      offset: (current - 1) * PAGE_SIZE,
    });
    const directorates = await deps.organisation.directorates();
    const principal = req.principal;
    res.render(view, {
      ...found,
      statusName: LIST_STATUS_NAMES[found.list.status as ListStatus],
      owner: directorates.find((d) => d.id === found.list.directorateId)?.name ?? 'No owner',
      may: {
        review: canReviewList(principal, found.list),
        approve: canApproveList(principal, found.list),
        stop: canStopList(principal, found.list),
      },
      pages: pagination(req, current, found.tally.total, PAGE_SIZE),
      values: {},
      ...extra,
    });
  };
  /** The decision form for the records chosen on the list page (one or many). */
  const decisionForm = async (req: Request, res: Response, extra: Partial<InvalidForm> = {}) => {
    const itemIds = chosenItems(extra.values?.itemId ?? req.query.itemId);
    const found = await deps.disposal.find(callerOf(req), numberOf(req), { limit: 1000, offset: 0 });
    const chosen = found.items.filter((r) => itemIds.includes(r.item.id));
    if (!chosen.length) throw new ValidationError('Choose at least one record on the list');
    const classes = await deps.retentionSchedule.inForce();
    res.render('records/views/disposal-decide.njk', {
      list: found.list,
      chosen,
      groups: byFunction(classes.filter((c) => c.id !== found.list.classId)),
      values: {},
      ...extra,
    });
  };
  /** A list's action that takes only its version: the list again on success, or with the problem at the top. */
  const listAction =
    (run: (req: Request, list: { id: number; version: number }) => Promise<unknown>, done: string) =>
    async (req: Request, res: Response) => {
      const { list } = await deps.disposal.find(callerOf(req), numberOf(req), { limit: 0, offset: 0 });
      try {
        await run(req, { id: list.id, version: Number(req.body.version) || 0 });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        return showList(req, res, undefined, {
          errorList: [{ text: error.message, href: '#records' }],
        });
      }
      req.session.flash = { type: 'success', text: done };
      res.redirect(303, `/records/disposal/${list.number}`);
    };
  /** A form that needs a reason (send back, stop): its confirmation page, and the action when confirmed. */
  const reasonAction = (
    view: string,
    run: (req: Request, list: { id: number; version: number }, reason: string) => Promise<unknown>,
    done: string,
  ) =>
    form(
      reasonFormSchema,
      async ({ reason }, req, res) => {
        const { list } = await deps.disposal.find(callerOf(req), numberOf(req), { limit: 0, offset: 0 });
        await run(req, { id: list.id, version: Number(req.body.version) || 0 }, reason);
        req.session.flash = { type: 'success', text: done };
        res.redirect(303, `/records/disposal/${list.number}`);
      },
      (page, req, res) => showList(req, res, view, page),
    );

  return new Routes()
    .get('/records/disposal', RECORDS.view, async (req, res) => {
      const status = statusFilter.parse(req.query.status);
      const [rows, directorates] = await Promise.all([
        deps.disposal.lists(req.principal, status ? [status] : undefined),
        deps.organisation.directorates(),
      ]);
      const names = new Map(directorates.map((d) => [d.id, d.name]));
      res.render('records/views/disposal-lists.njk', {
        rows: rows.map((r) => ({
          ...r,
          owner: names.get(r.list.directorateId ?? 0) ?? 'No owner',
          statusName: LIST_STATUS_NAMES[r.list.status as ListStatus],
        })),
        status,
        statuses: LIST_STATUSES.map((s) => ({ value: s, text: LIST_STATUS_NAMES[s] })),
      });
    })
    .get('/records/disposal/:number', RECORDS.view, (req, res) => showList(req, res))
    .get('/records/disposal/:number/decide', RECORDS.review, (req, res) => decisionForm(req, res))
    .post(
      '/records/disposal/:number/decide',
      RECORDS.review,
      form(
        decisionFormSchema,
        async (input, req, res) => {
          const { list } = await deps.disposal.find(callerOf(req), numberOf(req), { limit: 0, offset: 0 });
          const itemIds = chosenItems(req.body.itemId);
          await deps.disposal.decide(callerOf(req), list.id, itemIds, {
            decision: input.decision,
            keepUntil: input.keepUntil || null,
            reason: input.reason ?? null,
            newClassCode: input.newClassCode ?? null,
          });
          req.session.flash = { type: 'success', text: `${decisionWords(input.decision, itemIds.length)}` };
          res.redirect(303, `/records/disposal/${list.number}`);
        },
        (page, req, res) => decisionForm(req, res, page),
        { values: (req) => ({ ...req.body, keepUntil: dateFromFields(req.body, 'keepUntil') }) },
      ),
    )
    .post(
      '/records/disposal/:number/dispose-pending',
      RECORDS.review,
      listAction(
        (req, list) => deps.disposal.disposeOfPending(callerOf(req), list.id),
        'Every undecided record is to be disposed of',
      ),
    )
    .post(
      '/records/disposal/:number/submit',
      RECORDS.review,
      listAction((req, list) => deps.disposal.submitReview(callerOf(req), list), 'Sent for approval'),
    )
    .get('/records/disposal/:number/approve', RECORDS.approve, async (req, res) => {
      const changes = await deps.disposal.changes(callerOf(req), numberOf(req));
      await showList(req, res, 'records/views/disposal-approve.njk', { changes });
    })
    .post('/records/disposal/:number/approve', RECORDS.approve, async (req, res) => {
      const number = numberOf(req);
      const { list } = await deps.disposal.find(callerOf(req), number, { limit: 0, offset: 0 });
      const typed = String(req.body.confirmNumber ?? '')
        .trim()
        .toUpperCase();
      const problem = (text: string, changes: unknown[] = []) => {
        res.status(400);
        return showList(req, res, 'records/views/disposal-approve.njk', {
          changes,
          errors: { confirmNumber: { text } },
          errorList: [{ text, href: '#confirmNumber' }],
        });
      };
      if (typed !== number) return problem(`Type the list’s number, ${number}, to approve it`);
      try {
        await deps.disposal.approve(callerOf(req), { id: list.id, version: Number(req.body.version) || 0 });
      } catch (error) {
        if (error instanceof ListChangedError) return problem(error.message, error.changes);
        if (error instanceof ValidationError) return problem(error.message);
        throw error;
      }
      req.session.flash = {
        type: 'success',
        text: `${number} approved: it cools off before it is carried out`,
      };
      res.redirect(303, `/records/disposal/${number}`);
    })
    .get('/records/disposal/:number/return', RECORDS.approve, (req, res) =>
      showList(req, res, 'records/views/disposal-return.njk'),
    )
    .post(
      '/records/disposal/:number/return',
      RECORDS.approve,
      reasonAction(
        'records/views/disposal-return.njk',
        (req, list, reason) => deps.disposal.returnToOwner(callerOf(req), list, reason),
        'Sent back to its owner',
      ),
    )
    .get('/records/disposal/:number/stop', RECORDS.stop, (req, res) =>
      showList(req, res, 'records/views/disposal-stop.njk'),
    )
    .post(
      '/records/disposal/:number/stop',
      RECORDS.stop,
      reasonAction(
        'records/views/disposal-stop.njk',
        (req, list, reason) => deps.disposal.stop(callerOf(req), list, reason),
        'Stopped: its records are back on the schedule',
      ),
    )
    .get('/records/disposal/:number/certificate.:format', RECORDS.view, async (req, res) => {
      const format = req.params.format === 'pdf' ? 'pdf' : req.params.format === 'csv' ? 'csv' : undefined;
      if (!format) throw new NotFoundError('No such certificate');
      const { filename, body } = await deps.disposal.certificate(callerOf(req), numberOf(req), format);
      res.attachment(filename).type(format === 'pdf' ? 'application/pdf' : 'text/csv');
      res.send(body);
    });
}

/** The record ids a form or link chose: `itemId` once or many times. */
function chosenItems(value: unknown): number[] {
  return asArray(value)
    .map((v) => parseId(v))
    .filter((id): id is number => id !== undefined)
    .slice(0, 1000);
}

function decisionWords(decision: string, n: number): string {
  const records = n === 1 ? '1 record' : `${n.toLocaleString('en-GB')} records`;
  if (decision === 'keep') return `${records} to be kept longer`;
  if (decision === 'reclassify') return `${records} to be reclassified`;
  return `${records} to be disposed of`;
}
