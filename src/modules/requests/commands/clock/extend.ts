import { fieldError } from '../../../../platform/validation.ts';
import { findExemption } from '../../../../domain/requests/exemptions.ts';
import { RIGHTS_TYPES } from '../../../../domain/requests/workflow.ts';
import { ValidationError } from '../../../../platform/errors.ts';
import type { ActionInput } from '../../inputs.ts';
import { recompute, save, type CaseStep } from '../context.ts';

/**
 * Extends the deadline, before it passes: FOI for the public interest of named qualified exemptions (s.10(3); the
 * notice names them, s.17(2)), EIR when complex and voluminous (reg 7), the rights by two months (Art 12(3)).
 */
export function extend(step: CaseStep, input: ActionInput<'extend'>) {
  const { c, type, reviewedType } = step;
  if (c.extended) throw new ValidationError('This case has already been extended');
  if (!['foi', 'eir', 'internal-review'].includes(type) && !RIGHTS_TYPES.has(type))
    throw new ValidationError('Enquiries have no statutory extension');
  if (reviewedType === 'eir')
    throw new ValidationError('An EIR reconsideration already has 40 working days and cannot be extended');
  if (step.today > c.dueOn)
    throw new ValidationError('The extension must be given before the deadline passes');
  const foi = type === 'foi' || reviewedType === 'foi';
  const considering = foi ? input.exemptions : [];
  if (foi) {
    const found = considering.map(findExemption);
    if (!considering.length || found.some((e) => !e || e.regime !== 'foia' || e.absolute))
      throw fieldError('exemptions', 'Choose the qualified exemptions whose public interest needs more time');
  }
  if (!input.note)
    throw fieldError(
      'note',
      type === 'foi'
        ? 'Say why weighing the public interest needs more time'
        : 'Give the reason for the extension',
    );
  return save(
    step,
    { extended: true, extensionReason: input.note, ...recompute(step, { extended: true }) },
    {
      letter: 'extension',
      letterExtra: { note: input.note, considering: considering.map((code) => findExemption(code)!.title) },
      details: { previousDueOn: c.dueOn, exemptions: considering },
    },
  );
}
