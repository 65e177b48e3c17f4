// A document's own abbreviations: once "Schwartz-Jampel syndrome (SJS)" is defined and found as
// a disease, every "SJS" standing alone in the document is that disease too.
import { strict as assert } from 'node:assert';
import { withAbbreviationMentions, type Annotation } from '../../src/engine';

/** An annotation over the first occurrence of `phrase` (after `from`) in `text`. */
function at(text: string, phrase: string, type: Annotation['type'], from = 0, score = 0.8): Annotation {
  const start = text.indexOf(phrase, from);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length, text: phrase, type, score };
}

const brief = (found: Annotation[]) => found.map((a) => `${a.type}:${a.text}@${a.start}`);

describe('abbreviation mentions', () => {
  const text =
    'Schwartz-Jampel syndrome (SJS) is a rare disorder. Two SJS patients were treated with ' +
    'carbamazepine (CBZ); CBZ reduced myotonia in both. All SJSs were recessive, unlike SJS1a or anti-SJS reactivity.';

  it('marks every standalone use of an entity\'s abbreviation with its type and score, plurals too', () => {
    const found = withAbbreviationMentions(text, [at(text, 'Schwartz-Jampel syndrome', 'Disease'), at(text, 'carbamazepine', 'Chemical', 0, 0.95)]);
    for (const a of found) assert.equal(text.slice(a.start, a.end), a.text);
    assert.deepEqual(brief(found), [
      'Disease:Schwartz-Jampel syndrome@0',
      `Disease:SJS@${text.indexOf('(SJS') + 1}`,
      `Disease:SJS@${text.indexOf('Two SJS') + 4}`,
      'Chemical:carbamazepine@' + text.indexOf('carbamazepine'),
      `Chemical:CBZ@${text.indexOf('(CBZ') + 1}`,
      `Chemical:CBZ@${text.indexOf('; CBZ') + 2}`,
      `Disease:SJSs@${text.indexOf('SJSs')}`,
    ]);
    assert.equal(found.find((a) => a.text === 'CBZ')!.score, 0.95);
  });

  it('adds nothing where the long form is not an entity, or the short form is one letter', () => {
    const onlyDrug = withAbbreviationMentions(text, [at(text, 'carbamazepine', 'Chemical')]);
    assert.ok(!onlyDrug.some((a) => a.text.startsWith('SJS')), JSON.stringify(brief(onlyDrug)));
    const p = 'Serum progesterone (P) rose; P < 0.05 for all.';
    assert.deepEqual(brief(withAbbreviationMentions(p, [at(p, 'progesterone', 'Chemical')])), ['Chemical:progesterone@6']);
  });

  it('adds nothing when the long form goes on before the entity with a preposition (a gene named after a disease)', () => {
    const t = 'The deleted in colorectal cancer (DCC) gene; DCC was lost. Type 1 diabetes mellitus (T1DM) and T1DM.';
    const found = withAbbreviationMentions(t, [at(t, 'colorectal cancer', 'Disease'), at(t, 'diabetes mellitus', 'Disease')]);
    assert.deepEqual(brief(found), ['Disease:colorectal cancer@15', 'Disease:diabetes mellitus@66', 'Disease:T1DM@85', 'Disease:T1DM@95']);
  });

  it('adds nothing when the entity goes on before the long form with a preposition (an enzyme whose deficiency is the disease)', () => {
    // NCBI-disease dev: PAH was a disease twice, at 0.99.
    const t = 'PKU is caused by a deficiency of hepatic phenylalanine hydroxylase (PAH). Adenovirus restored hepatic PAH activity.';
    const deficiency = at(t, 'deficiency of hepatic phenylalanine hydroxylase', 'Disease');
    const enzyme = at(t, 'PAH', 'Gene', t.indexOf('hepatic PAH'));
    assert.deepEqual(brief(withAbbreviationMentions(t, [deficiency, enzyme])), ['Disease:deficiency of hepatic phenylalanine hydroxylase@19', 'Gene:PAH@102']);
  });

  it('is case-sensitive, leaves an occurrence an entity of its type covers alone, and nests it in one of another type', () => {
    const t = 'Ataxia telangiectasia (AT) was diagnosed at birth. The AT gene is mutated in variant AT forms.';
    const gene = at(t, 'AT gene', 'Gene');
    const variant = at(t, 'variant AT forms', 'Disease');
    const found = withAbbreviationMentions(t, [at(t, 'Ataxia telangiectasia', 'Disease'), gene, variant]);
    // "AT gene" names the gene after the disease: both are said (the hover shows the innermost).
    assert.deepEqual(brief(found), [
      'Disease:Ataxia telangiectasia@0', 'Disease:AT@23', `Gene:AT gene@${gene.start}`, `Disease:AT@${gene.start}`, `Disease:variant AT forms@${variant.start}`,
    ]);
  });

  it('gives an abbreviation found alone as another type the type of its definition', () => {
    const t = 'Started renoxafen (RENF) in 2015. RENF stable; RENFs are well tolerated.';
    const guessed = [at(t, 'renoxafen', 'Chemical'), at(t, 'RENF', 'Disease', 30, 0.5), at(t, 'RENFs', 'Disease', 0, 0.5)];
    assert.deepEqual(brief(withAbbreviationMentions(t, guessed)), ['Chemical:renoxafen@8', 'Chemical:RENF@19', 'Chemical:RENF@34', 'Chemical:RENFs@47']);
  });
});
