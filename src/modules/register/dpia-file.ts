import { labelledPdf } from '../../platform/documents/pdf.ts';
import { govukDate } from '../../platform/web/format.ts';
import { ARTICLE_35_3, ICO_LIST, WP248_CRITERIA } from '../../domain/register/dpia-screening.ts';
import {
  DPIA_STATUSES,
  LIKELIHOOD,
  MEASURE_EFFECTS,
  RISK_LEVELS,
  SEVERITY,
} from '../../domain/register/dpia.ts';
import type { DpiaService } from './dpia-service.ts';

type Dpia = Awaited<ReturnType<DpiaService['find']>>;

const when = (iso: string | null) => (iso ? govukDate(iso) : '');

/** An assessment as a PDF for the record and for the ICO: screening, each step, the risks, advice and sign-off. */
export function dpiaPdf(dpia: Dpia, council: string): Promise<Buffer> {
  const answered = [
    ...ARTICLE_35_3.filter((q) => dpia.screening.article35.includes(q.id)),
    ...ICO_LIST.filter((q) => dpia.screening.ico.includes(q.id)),
    ...WP248_CRITERIA.filter((q) => dpia.screening.wp248.includes(q.id)),
  ];
  return labelledPdf({
    title: `${council}: data protection impact assessment — ${dpia.title} (version ${dpia.edition})`,
    author: council,
    footer: `DPIA-${dpia.id}, version ${dpia.edition}: ${DPIA_STATUSES[dpia.status]}.`,
    sections: [
      {
        heading: 'Screening',
        lines: [
          ['Screened', `${when(dpia.screenedOn)} by ${dpia.screenedBy}`],
          ['Outcome', dpia.screeningOutcome.replace('-', ' ')],
          ['Why', dpia.screeningReasons.join(' ')],
          ['Answered yes', answered.map((q) => q.text).join('; ') || 'None'],
        ],
      },
      ...dpia.steps.map((s) => ({
        heading: `Step ${s.step}: ${s.title}`,
        lines: [['Text', s.latest?.text ?? 'Not written'] as const],
      })),
      {
        heading: 'Steps 5 and 6: risks and measures',
        lines: dpia.risks.flatMap((r, i) => [
          [`Risk ${i + 1}`, r.description] as const,
          [
            'Before the measures',
            `${LIKELIHOOD[r.likelihood]} and ${SEVERITY[r.severity].toLowerCase()}: ${RISK_LEVELS[r.inherent].toLowerCase()} risk`,
          ] as const,
          ['Measures', r.measures || 'None'] as const,
          [
            'Afterwards',
            r.effect
              ? `${MEASURE_EFFECTS[r.effect]}${r.residual ? `: ${RISK_LEVELS[r.residual].toLowerCase()} risk` : ''}`
              : 'Not assessed',
          ] as const,
          ['Action', [r.actionOwner, when(r.actionDueOn)].filter(Boolean).join(', by ') || 'None'] as const,
        ]),
      },
      {
        heading: 'Step 7: advice and sign-off',
        lines: [
          [
            'DPO’s advice',
            dpia.dpoAdvice
              ? `${dpia.dpoAdvice} (${dpia.dpoAdviceBy}, ${when(dpia.dpoAdviceOn)})`
              : 'Not yet given',
          ],
          [
            'Advice followed',
            dpia.adviceFollowed === null
              ? ''
              : dpia.adviceFollowed
                ? 'Yes'
                : `No: ${dpia.adviceDecisionReason ?? ''}`,
          ],
          ['Signed off', dpia.signedOffBy ? `${dpia.signedOffBy}, ${when(dpia.signedOffOn)}` : 'Not yet'],
          [
            'Prior consultation with the ICO',
            dpia.consultationSubmittedOn
              ? `Sent ${when(dpia.consultationSubmittedOn)}${dpia.icoReference ? `, reference ${dpia.icoReference}` : ''}; reply due ${when(dpia.replyDue)}`
              : 'None',
          ],
          ['The ICO’s advice', dpia.icoReply ? `${dpia.icoReply} (${when(dpia.icoRepliedOn)})` : ''],
          ['Next review', when(dpia.reviewOn)],
        ],
      },
    ],
  });
}
