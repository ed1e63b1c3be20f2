import { londonDateOf } from '../../platform/clock.ts';
import { CERTIFICATES_CLASS } from '../../domain/records/seed-schedule.ts';
import * as lists from './disposal-repository.ts';
import type { RecordSource } from './sources.ts';

/**
 * Disposal certificates are records themselves (the proof of what was destroyed, when and on whose authority), always
 * in the certificates class of the schedule — kept permanently unless the council's schedule says otherwise — and
 * dated by their issue.
 */
export function certificatesSource(): RecordSource {
  return {
    name: 'certificates',
    label: 'Disposal certificates',
    triggers: ['creation'],
    fixedClass: CERTIFICATES_CLASS,
    selectorMatch: 'exact',
    destructionMethod: 'The certificate deleted; its number stays on the disposal list it certified',
    scopes: async () => [{ scope: 0, name: 'Certificates' }],
    choices: [{ value: 'certificate', text: 'Disposal certificates' }],
    async *records(db, batchSize) {
      for (let after = ''; ;) {
        const rows = await lists.certificatesAfter(db.orm, after, batchSize);
        if (!rows.length) return;
        after = rows.at(-1)!.number;
        yield rows.map((c) => ({
          scope: 0,
          key: c.number,
          title: `Disposal certificate ${c.number}`,
          selector: 'certificate',
          dates: { creation: londonDateOf(c.issuedAt) },
          directorateId: null,
          size: 0,
          fingerprint: c.number,
        }));
      }
    },
    async fingerprint(tx, item) {
      return (await lists.findCertificate(tx, item.key))?.number;
    },
    async destroy(tx, item) {
      await lists.deleteCertificate(tx, item.key);
    },
  };
}
