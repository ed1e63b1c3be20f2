import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COST_LIMIT_HOURS, outcomeProblems } from './request-outcomes.ts';
import { EXEMPTIONS, exemptionsFor, findExemption } from './exemptions.ts';

describe('request outcomes', () => {
  it('sets the council cost limit at 18 hours (£450 at £25)', () => {
    assert.equal(COST_LIMIT_HOURS, 18);
    assert.deepEqual(
      outcomeProblems({ regime: 'foia', outcome: 'cost-limit', exemptions: [], costEstimateHours: 19 }),
      {},
    );
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'cost-limit', exemptions: [], costEstimateHours: 18 })
        .costEstimateHours!,
      /exceed 18/,
    );
    assert.ok(outcomeProblems({ regime: 'foia', outcome: 'cost-limit', exemptions: [] }).costEstimateHours);
  });

  it('never allows s.12 or s.14 on an EIR request', () => {
    for (const outcome of ['cost-limit', 'vexatious', 'repeated'] as const) {
      assert.ok(outcomeProblems({ regime: 'eir', outcome, exemptions: [], costEstimateHours: 40 }).outcome);
    }
  });

  it('needs exemptions for a refusal, from the right regime', () => {
    assert.ok(outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: [] }).exemptions);
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: ['12(5)(e)'] }).exemptions!,
      /Not a FOIA exemption/,
    );
    assert.match(
      outcomeProblems({ regime: 'eir', outcome: 'refused', exemptions: ['s43(2)'], publicInterest: 'x' })
        .exemptions!,
      /Not a EIR/,
    );
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: ['s99'] }).exemptions!,
      /s99/,
    );
  });

  it('needs public interest reasoning for qualified exemptions but not absolute ones', () => {
    assert.deepEqual(outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: ['s40(2)'] }), {});
    assert.ok(outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: ['s43(2)'] }).publicInterest);
    assert.deepEqual(
      outcomeProblems({
        regime: 'foia',
        outcome: 'part-granted',
        exemptions: ['s43(2)', 's40(2)'],
        publicInterest: 'Balance favours withholding prices.',
      }),
      {},
    );
    assert.ok(
      outcomeProblems({ regime: 'eir', outcome: 'refused', exemptions: ['12(5)(e)'] }).publicInterest,
      'every EIR exception is qualified',
    );
  });

  it('keeps the seed lists consistent', () => {
    assert.equal(new Set(EXEMPTIONS.map((e) => e.code)).size, EXEMPTIONS.length);
    assert.ok(exemptionsFor('eir').every((e) => e.code.startsWith('12') || e.code === 'reg13'));
    assert.equal(findExemption('s41')!.absolute, true);
    assert.equal(findExemption('s43(2)')!.absolute, false);
    assert.ok(exemptionsFor('dpa').length >= 10);
  });
});
