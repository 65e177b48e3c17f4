// Schwartz & Hearst abbreviation definitions, on sentences from biomedical abstracts.
import { strict as assert } from 'node:assert';
import { abbreviationMap, bestLongForm, binomialAbbreviations, findAbbreviations } from '../../../src/engine/terminology';

const pairs = (text: string) => findAbbreviations(text).map((d) => [d.short, d.long]);

describe('abbreviation definitions (Schwartz & Hearst)', () => {
  it('finds "long form (SF)" with exact offsets', () => {
    const text = 'Patients with congestive heart failure (CHF) were randomised.';
    const [d] = findAbbreviations(text);
    assert.deepEqual([d.short, d.long], ['CHF', 'congestive heart failure']);
    assert.equal(text.slice(d.shortStart, d.shortEnd), 'CHF');
    assert.equal(text.slice(d.longStart, d.longEnd), 'congestive heart failure');
  });

  it('takes the shortest long form whose words start the letters', () => {
    assert.deepEqual(pairs('The effect of phenobarbital (PB) on carcinogenesis was studied.'), [['PB', 'phenobarbital']]);
    assert.deepEqual(pairs('Levodopa-induced dyskinesia (LID) is common.'), [['LID', 'Levodopa-induced dyskinesia']]);
    assert.deepEqual(pairs('in the treatment of acute myeloid leukemia (AML) and'), [['AML', 'acute myeloid leukemia']]);
  });

  it('prefers the words whose initials spell an acronym to the shortest span holding its letters', () => {
    // Letter by letter, "contraceptives" holds c-o-c; the acronym spells three words.
    assert.deepEqual(pairs('among women on combined oral contraceptives (COCs) the risk rose'), [['COCs', 'combined oral contraceptives']]);
    assert.deepEqual(pairs('Her quality of life (QOL) improved.'), [['QOL', 'quality of life']]);
    assert.deepEqual(pairs('The ratio of risks (RR) was 2.'), [['RR', 'ratio of risks']]);
    // Initials that do not spell it: the shortest span, as before.
    assert.deepEqual(pairs('the relationship of prostaglandins (PGs) to pain'), [['PGs', 'prostaglandins']]);
  });

  it('accepts an acronym of the words before it in another order (a name from another language)', () => {
    // DM: dystrophia myotonica. Without the definition "DM" is read as diabetes mellitus.
    assert.deepEqual(pairs('cognitive performance in 55 subjects with myotonic dystrophy (DM) was'), [['DM', 'myotonic dystrophy']]);
    assert.deepEqual(pairs('the eye was normal (NE)'), []); // "normal" and "eye" are not the two words before it
    assert.deepEqual(pairs('changes were seen in eyes (EI) only'), []); // nor a function word and another
  });

  it('accepts a short form followed by a separator inside the parenthesis', () => {
    assert.deepEqual(pairs('administered with diethylnitrosamine (DEN: 10 mg/kg/day).'), [['DEN', 'diethylnitrosamine']]);
    assert.deepEqual(pairs('with nitric oxide (NO; a vasodilator)'), [['NO', 'nitric oxide']]);
  });

  it('finds "SF (long form)" too', () => {
    assert.deepEqual(pairs('Serum ALT (alanine aminotransferase) rose.'), [['ALT', 'alanine aminotransferase']]);
  });

  it('accepts a single capital letter as a short form', () => {
    assert.deepEqual(pairs('treated with progesterone (P) and estradiol'), [['P', 'progesterone']]);
  });

  it('ignores parentheses that are not definitions', () => {
    assert.deepEqual(pairs('The dose was increased (p < 0.05) in 12 patients (n = 12).'), []);
    assert.deepEqual(pairs('Blood pressure rose (see Table 2).'), []);
    assert.deepEqual(pairs('heart rate (HF) was stable'), []); // no H...F in "heart rate"
  });

  it('does not take a dose in parentheses for a short form', () => {
    // BC5CDR dev (PMID 2556624): "2 mg/kg" was matched inside the words before it and then
    // marked as a chemical three times in the abstract.
    const text =
      'BN 52021 (20 mg/kg i.v.) was injected immediately after bupivacaine (2 mg/kg), a partial reversion was seen; ' +
      'metoprolol (5 mg) and 5-fluorouracil (5-FU) were given.';
    assert.deepEqual(pairs(text), [['5-FU', '5-fluorouracil']]);
    assert.deepEqual(pairs('Mean arterial pressure fell after 30 min (30 min) of infusion.'), []);
  });

  it('does not reach across a sentence boundary for the long form', () => {
    assert.deepEqual(pairs('It failed. Cardiac output (CO) fell.'), [['CO', 'Cardiac output']]);
  });

  it('keeps the first definition of a short form', () => {
    assert.deepEqual(pairs('multiple sclerosis (MS) ... mitral stenosis (MS)'), [['MS', 'multiple sclerosis']]);
  });

  it('maps plural short forms to their definition', () => {
    const map = abbreviationMap(findAbbreviations('users of an oral contraceptive (OC); OCs were'));
    assert.equal(map.get('OCs'), 'oral contraceptive');
  });

  it('matches letter by letter as the paper does, stopping at the shortest span', () => {
    // C-O-C is complete inside "contraceptive": the paper's algorithm never looks at "combined
    // oral" (findAbbreviations tries the acronym's initials first, above).
    assert.equal(bestLongForm('COC', 'combined oral contraceptive'), 'contraceptive');
    assert.deepEqual(pairs('combined oral contraceptive (COC) users'), [['COC', 'combined oral contraceptive']]);
  });

  it('matches characters right to left as the paper describes', () => {
    assert.equal(bestLongForm('HF', 'patients with heart failure'), 'heart failure');
    assert.equal(bestLongForm('5-FU', 'given 5-fluorouracil'), '5-fluorouracil');
    assert.equal(bestLongForm('XYZ', 'heart failure'), undefined);
  });
});

describe('abbreviated binomials', () => {
  it('maps "S. aureus" to the full name given in the document, whatever the spacing', () => {
    const text = 'Isolates of Staphylococcus  aureus and Streptococcus pyogenes. S. aureus, S.pyogenes and E. coli grew.';
    assert.deepEqual([...binomialAbbreviations(text)], [['S. aureus', 'Staphylococcus aureus'], ['S.pyogenes', 'Streptococcus pyogenes']]);
  });

  it('needs the same initial and epithet, and a lowercase epithet', () => {
    assert.deepEqual([...binomialAbbreviations('Listeria monocytogenes; later L. innocua and M. monocytogenes and L. Monocytogenes.')], []);
  });
});
