import type { Logger } from '../../platform/logger.ts';
import type { BlobStore } from '../../platform/files/blob-store.ts';
import { safeError } from '../../platform/safe-error.ts';
import { CASE_TYPE_NAMES, CASE_TYPES } from '../../domain/requests/workflow.ts';
import type { RecordSource } from '../records/index.ts';
import * as disposal from './disposal-repository.ts';

/**
 * Closed requests as records on the retention schedule: classified by case type, their dates the request's receipt
 * and its closure. Destroying one erases its personal data and files and leaves the residual stub.
 */
export function closedRequestsSource(deps: { files: BlobStore; logger: Logger }): RecordSource {
  return {
    name: 'requests',
    label: 'Closed requests',
    triggers: ['receipt', 'closure'],
    selectorMatch: 'exact',
    destructionMethod:
      'The requester’s details, the request and response, notes, search and disclosure records, letters and files erased; the reference, type, dates and outcome kept as a stub',
    scopes: async () => [{ scope: 0, name: 'Requests' }],
    choices: CASE_TYPES.map((type) => ({ value: type, text: CASE_TYPE_NAMES[type] })),
    async *records(db, batchSize) {
      for (let after = 0; ;) {
        const cases = await disposal.closedCasesAfter(db.orm, after, batchSize);
        if (!cases.length) return;
        after = cases.at(-1)!.id;
        yield cases.map((c) => ({
          scope: 0,
          key: String(c.id),
          title: c.reference,
          selector: c.type,
          dates: { receipt: c.receivedOn, ...(c.closedOn ? { closure: c.closedOn } : {}) },
          directorateId: c.directorateId,
          size: 0,
          fingerprint: String(c.version),
        }));
      }
    },
    async fingerprint(tx, item) {
      const c = await disposal.caseVersion(tx, Number(item.key));
      return !c || c.erasedOn || c.status !== 'closed' ? undefined : String(c.version);
    },
    async destroy(tx, item, certificate, on) {
      await disposal.eraseCase(tx, Number(item.key), certificate, on);
    },
    async exportForTransfer(db, item) {
      const exported = await disposal.caseForTransfer(db, Number(item.key));
      if (!exported) return [];
      const files = await Promise.all(
        exported.attachments.map(async (a) => ({
          name: `${item.title}/files/${a.filename}`,
          content: await deps.files.get(a.sha256),
        })),
      );
      return [
        { name: `${item.title}/case.json`, content: Buffer.from(JSON.stringify(exported.case, null, 2)) },
        ...files,
      ];
    },
    async afterDisposal(db) {
      for (const sha256 of await disposal.filesToPurge(db.orm)) {
        try {
          await deps.files.remove(sha256);
          await disposal.filePurged(db.orm, sha256);
        } catch (error) {
          // Left noted: the next disposal run tries again.
          deps.logger.error({ err: safeError(error) }, 'a destroyed case’s file could not be removed');
        }
      }
    },
    async matching(db, term, keys) {
      const ids = await disposal.casesMentioning(db, term, keys.map(Number));
      return new Set(ids.map(String));
    },
  };
}
