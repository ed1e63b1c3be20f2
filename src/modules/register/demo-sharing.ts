import type { DemoContext } from '../../platform/modules.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import { reviewDueAfter } from '../../domain/register/register.ts';
import * as sharing from './sharing-repository.ts';

/** A demo processing activity that gives data to partners outside the council. */
export interface SharedActivity {
  activityId: number;
  directorateId: number | null;
  directorate: string;
  service: string;
  partners: string[];
}

/** The legal gateways a demo agreement names, by what the sharing is about. */
function gatewaysFor(s: SharedActivity, partner: string): string[] {
  const codes: string[] = [];
  if (/police/i.test(partner)) codes.push('cda-1998-s115');
  if (s.directorate === "Children's Services") codes.push('ca-1989-s17', 'ca-2004-s11');
  if (s.directorate === "Adults' Social Care")
    codes.push(/safeguarding/i.test(s.service) ? 'care-2014-s45' : 'hsca-2012-s251b');
  if (/housing benefit/i.test(s.service)) codes.push('sspa-1992-s122c');
  if (/^housing$/i.test(s.service)) codes.push('ha-1996-s213');
  return codes.length ? codes : ['lga-1972-s111'];
}

/**
 * The demo council's sharing agreements: an overarching protocol signed by the main partners, and a purpose-specific
 * agreement under it for most partners of most services — some ended, some still unsigned, some past review, and some
 * partners with none at all, so "sharing with no agreement in force" has something real to show.
 */
export async function seedDemoSharing(context: DemoContext, shared: SharedActivity[]): Promise<number> {
  const { tx, today } = context;
  const protocol = await sharing.insertAgreement(tx, {
    title: 'Kingsmere multi-agency information sharing protocol',
    tier: 'protocol',
    parentId: null,
    directorateId: null,
    purpose:
      'The principles every partner in Kingsmere follows when sharing personal data for public services.',
    gateways: ['lga-1972-s111', 'cda-1998-s115', 'ca-2004-s10'],
    dataItems: 'Set out in each purpose-specific agreement',
    specialCategories: true,
    criminalOffenceData: true,
    method: 'Secure e-mail or the partners’ shared case systems; never removable media',
    retention: 'Each partner keeps what it receives under its own retention schedule',
    rightsHandling:
      'The partner that receives a request answers it and tells the others within five working days',
    breachClause: 'A breach involving shared data is reported to the other partners within 24 hours',
    startsOn: addDays(today, -900),
    endsOn: null,
    reviewOn: addDays(today, 120),
  });
  for (const organisation of [
    'Kingsmere Borough Council',
    'Kingsmere Police',
    'Kingsmere NHS Foundation Trust',
  ])
    await sharing.insertParty(tx, {
      agreementId: protocol.id,
      organisation,
      role: organisation.startsWith('Kingsmere Borough') ? 'lead' : 'partner',
      article6: 'e',
      article9: 'g',
      article10: organisation === 'Kingsmere Police',
      signatory: `Chief executive, ${organisation}`,
      signedOn: addDays(today, -910),
    });
  let count = 1;
  for (const [i, s] of shared.entries())
    for (const [j, partner] of s.partners.entries()) {
      // Every seventh pairing has no agreement at all.
      if ((i + j) % 7 === 3 || count >= 22) continue;
      const ended = (i + j) % 9 === 4;
      const unsigned = (i + j) % 11 === 5;
      const started = addDays(today, -400 - ((i * 37 + j * 11) % 500));
      const agreement = await sharing.insertAgreement(tx, {
        title: `${s.service}: sharing with ${partner}`,
        tier: 'agreement',
        parentId: protocol.id,
        directorateId: s.directorateId,
        purpose: `Sharing what ${partner} needs to work with the council on ${s.service.toLowerCase()}`,
        gateways: gatewaysFor(s, partner),
        dataItems: 'Names, contact details and the case information the purpose needs',
        specialCategories: s.directorate.includes('Care') || s.directorate.includes('Children'),
        criminalOffenceData: /police/i.test(partner),
        method: 'Secure e-mail between named contacts',
        retention: 'Deleted by the receiving partner when the purpose is met',
        rightsHandling: 'As the protocol',
        breachClause: 'As the protocol',
        startsOn: started,
        endsOn: ended ? addDays(today, -30 - j * 20) : null,
        // Every fifth agreement is past its review.
        reviewOn: count % 5 === 0 ? addDays(today, -45) : reviewDueAfter(addDays(today, -100)),
      });
      await sharing.setAgreementActivities(tx, agreement.id, [s.activityId]);
      for (const organisation of ['Kingsmere Borough Council', partner])
        await sharing.insertParty(tx, {
          agreementId: agreement.id,
          organisation,
          role: organisation === partner ? 'partner' : 'lead',
          article6: 'e',
          article9: s.directorate.includes('Care') || s.directorate.includes('Children') ? 'g' : null,
          article10: /police/i.test(partner),
          signatory: unsigned && organisation === partner ? '' : `Head of service, ${organisation}`,
          signedOn: unsigned && organisation === partner ? null : addDays(started, -7),
        });
      count += 1;
    }
  return count;
}
