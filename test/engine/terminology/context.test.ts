// ConText-style context on clinical sentences: negation, uncertainty, history and family, and
// where a trigger's scope starts and stops. The sentences are in
// test/fixtures/terminology/context-cases.tsv: sentence, its mentions, the flags each should
// get, and the behaviour the case shows.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ContextDetector, detectContext } from '../../../src/engine/terminology';
import type { EntityContext } from '../../../src/engine/types';

interface Case {
  group: string;
  sentence: string;
  mentions: string[];
  expected: string[];
  behaviour: string;
}

const CASES: Case[] = readFileSync(path.resolve(__dirname, '../../fixtures/terminology/context-cases.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [group, sentence, mentions, expected, behaviour] = line.split('\t');
    return { group, sentence, mentions: mentions.split(' | '), expected: expected.split(' | '), behaviour };
  });

/** Flags of each listed mention in `text` (first occurrence after the previous mention). */
function flags(text: string, mentions: string[]): string[] {
  let from = 0;
  const spans = mentions.map((m) => {
    const start = text.indexOf(m, from);
    if (start < 0) throw new Error(`"${m}" is not in the text`);
    from = start + m.length;
    return { start, end: start + m.length };
  });
  return detectContext(text, spans).map(label);
}

function label(c: EntityContext): string {
  const on = (['negated', 'uncertain', 'historical', 'family'] as const).filter((k) => c[k]);
  return on.length ? on.join('+') : 'affirmed';
}

for (const group of [...new Set(CASES.map((k) => k.group))]) {
  describe(`context: ${group}`, () => {
    for (const behaviour of [...new Set(CASES.filter((k) => k.group === group).map((k) => k.behaviour))]) {
      it(behaviour, () => {
        for (const k of CASES.filter((x) => x.group === group && x.behaviour === behaviour)) {
          assert.deepEqual(flags(k.sentence, k.mentions), k.expected, k.sentence);
        }
      });
    }
  });
}

describe('context detector', () => {
  it('takes custom rules and scope limits', () => {
    const detector = new ContextDetector({ rules: [{ phrase: 'absent', category: 'negated', direction: 'backward' }], backwardWords: 2 });
    const text = 'Pedal pulses and dorsalis pedis reflexes absent.';
    const [pulses, reflexes] = detector.detect(text, [
      { start: text.indexOf('Pedal pulses'), end: text.indexOf('Pedal pulses') + 12 },
      { start: text.indexOf('reflexes'), end: text.indexOf('reflexes') + 8 },
    ]);
    assert.equal(pulses.negated, false); // five words before the trigger: out of a two-word scope
    assert.equal(reflexes.negated, true);
  });

  it('gives every span a context, all false outside any scope', () => {
    assert.deepEqual(detectContext('Aspirin 81 mg daily.', [{ start: 0, end: 7 }]), [{ negated: false, uncertain: false, historical: false, family: false }]);
  });
});

