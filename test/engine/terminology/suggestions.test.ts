// Standardisation suggestions on real-looking sentences: 151 hand-checked cases, listed in
// test/fixtures/terminology/suggestion-cases.tsv. Each case pins what BioLens does; `verdict`
// records where a careful reader disagrees ("wrong": the suggestion should not be made as it
// is; "missed": a good suggestion that is not made). The last test turns the verdicts into
// precision and recall, the numbers the README reports.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EntityType } from '../../../src/engine';
import { mentionIn, terminology } from './shared';

interface Case {
  group: string;
  text: string;
  mention: string;
  type: EntityType;
  /** "reason → replacement", or null for no suggestion. */
  expect: string | null;
  verdict?: 'wrong' | 'missed';
  /** Why, for the cases that teach something. */
  note?: string;
}

// The cases, one per line, so they can be read and reviewed as a table.
const CASES = path.resolve(__dirname, '../../fixtures/terminology/suggestion-cases.tsv');
const ALL: Case[] = readFileSync(CASES, 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [group, text, mention, type, expect, verdict, note] = line.split('\t');
    return {
      group, text: text.replace(/\\n/g, '\n'), mention, type: type as EntityType, expect: expect === '-' ? null : expect,
      ...(verdict ? { verdict: verdict as Case['verdict'] } : {}), ...(note ? { note } : {}),
    };
  });
const c = (text: string, mention: string, type: EntityType): Case => ({ group: 'options', text, mention, type, expect: null });

function suggestionFor(k: Case, opts: Parameters<typeof terminology>[0] = {}): string | null {
  const t = terminology(opts);
  // The mention's last occurrence: for defined abbreviations that is the use after the definition.
  const at = k.text.lastIndexOf(k.mention);
  // A mention the terminology layer leaves out ("wind", naming only untyped concepts) gets none.
  const [a] = t.enrich(k.text, [mentionIn(k.text, k.mention, k.type, at)]);
  return a?.suggestion ? `${a.suggestion.reason} → ${a.suggestion.replacement}` : null;
}

describe(`standardisation suggestions (${ALL.length} hand-checked cases)`, function () {
  this.timeout(30_000);
  for (const group of [...new Set(ALL.map((k) => k.group))]) {
    describe(group, () => {
      for (const k of ALL.filter((x) => x.group === group)) {
        it(`${k.mention} in "${k.text.replace(/\n/g, ' ').slice(0, 60)}": ${k.expect ?? 'no suggestion'}${k.verdict ? ` (${k.verdict})` : ''}`, () => {
          assert.equal(suggestionFor(k), k.expect, k.note);
        });
      }
    });
  }

  it('respects the ignore list, by term or by concept id', () => {
    const k = ALL[0];
    assert.equal(k.mention, 'heart attack');
    assert.equal(suggestionFor(k, { ignore: ['Heart Attack'] }), null);
    assert.equal(suggestionFor(k, { ignore: ['DOID:5844'] }), null);
    assert.equal(suggestionFor(k, { ignore: ['hives'] }), k.expect);
  });

  it('takes the replacement from the preferred vocabulary when the user sets one', () => {
    const k = c('Neoplasms, Breast were excluded.', 'Neoplasms, Breast', 'Disease');
    assert.equal(suggestionFor(k, { preferredVocabularies: ['DO'] }), 'inverted form of → Breast cancer');
    const lay = c('Swallowing difficulty for solids.', 'Swallowing difficulty', 'Disease');
    assert.equal(suggestionFor(lay, { preferredVocabularies: ['MeSH', 'DO'] }), 'lay term for → Deglutition disorders');
    // MeSH alone is the default order (the editor's default setting), not a choice.
    assert.equal(suggestionFor(lay, { preferredVocabularies: ['MeSH'] }), 'lay term for → Dysphagia');
  });

  it('can be switched off', () => {
    assert.equal(suggestionFor(ALL[0], { suggestions: false }), null);
  });

  it('precision ≥ 95% on these cases (recall is reported, not asserted)', () => {
    const made = ALL.filter((k) => k.expect !== null);
    const wrong = made.filter((k) => k.verdict === 'wrong').length;
    const missed = ALL.filter((k) => k.verdict === 'missed').length;
    const precision = (made.length - wrong) / made.length;
    const recall = (made.length - wrong) / (made.length - wrong + missed);
    assert.ok(ALL.length >= 100, `${ALL.length} cases`);
    assert.ok(precision >= 0.95, `precision ${precision}`);
    console.log(`      ${made.length} suggestions in ${ALL.length} cases: precision ${(100 * precision).toFixed(1)}%, recall ${(100 * recall).toFixed(1)}%`);
  });
});
