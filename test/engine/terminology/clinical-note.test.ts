// In a clinical note an ambiguous clinical abbreviation means the curated list's first sense,
// with the type its senses share; elsewhere nothing changes.
import { strict as assert } from 'node:assert';
import { documentAbbreviations, isClinicalNote, isClinicalNoteFile, noteOptionsOfFile } from '../../../src/engine/terminology';
import type { EntityType } from '../../../src/engine';
import { mentionIn, terminology } from './shared';

describe('terminology: clinical notes', function () {
  this.timeout(20_000);
  const NOTE = 'PMH: HTN. Hx of MI in 2015, AF on warfarin.\nPresents with SOB and CP for two days. Denies CP at rest.\nPlan: r/o PE.';
  const enrich = (text: string, found: Array<[string, EntityType, number?]>) =>
    terminology().enrich(text, found.map(([m, type, from]) => mentionIn(text, m, type, from)));

  it('tells a note by its headings and shorthand, not an abstract by its sections or doses', () => {
    assert.equal(isClinicalNote(NOTE), true);
    assert.equal(isClinicalNote('Reason for visit: review.\nAllergies: penicillin (rash).'), true);
    assert.equal(isClinicalNote('BACKGROUND: We studied 40 patients. Methods:\nResults: 500 mg BID was tolerated. Conclusions: safe.'), false);
    assert.equal(isClinicalNote('Presents with SOB and CP for two days.'), false);
    // What a caller knows wins: a .note file is one, and a text already told is not scanned again.
    assert.equal(isClinicalNote('Presents with SOB and CP for two days.', { clinicalNote: true }), true);
    assert.equal(isClinicalNote(NOTE, { clinicalNote: false }), false);
  });

  it('reads its ambiguous abbreviations in the note\'s sense and type, naming the other senses', () => {
    const cp = NOTE.indexOf('CP');
    const got = enrich(NOTE, [['HTN', 'Disease'], ['MI', 'Chemical'], ['AF', 'Chemical'], ['warfarin', 'Chemical'], ['SOB', 'Disease'], ['CP', 'Disease'], ['CP', 'Gene', cp + 2]]);
    const summary = got.map((a) => `${a.text}:${a.type}:${a.concept?.id}`);
    assert.deepEqual(summary.filter((s) => /^(MI|AF|CP)/.test(s)), [
      'MI:Disease:MESH:D009203', // Myocardial Infarction, where the model said a chemical (and linking, the gene MITF)
      'AF:Disease:MESH:D001281', // Atrial Fibrillation
      'CP:Disease:MESH:D002637', // Chest Pain, where HPO's weight makes "CP" cerebral palsy
      'CP:Disease:MESH:D002637',
    ]);
    const chestPain = got.find((a) => a.text === 'CP')!;
    assert.deepEqual(chestPain.concept?.alternatives?.map((c) => c.preferred), ['Cerebral Palsy']);
    assert.equal(chestPain.suggestion, undefined, 'an ambiguous abbreviation is never expanded');
    assert.equal(got.find((a) => a.text === 'MI')!.modelType, 'Chemical');
  });

  it('finds an ambiguous abbreviation the model missed where the note\'s grammar names a condition', () => {
    const note = 'PMH: RA, MS, HTN.\nPE: chest clear.\nPlan: r/o PE. CT showed no PE. Morphine: MS 10 mg PRN.\nSEEN AS OUTPATIENT.';
    const got = enrich(note, []).map((a) => `${a.start}:${a.text}:${a.concept?.id}:${a.context?.negated ? 'negated' : a.context?.uncertain ? 'uncertain' : ''}`);
    const at = (phrase: string, from = 0) => note.indexOf(phrase, from);
    assert.deepEqual(got, [
      `${at('RA')}:RA:MESH:D001172:`, // after a history heading
      `${at('MS')}:MS:MESH:D009103:`, // listed after it
      `${at('HTN')}:HTN:MESH:D006973:`,
      `${at('r/o PE') + 4}:PE:MESH:D011655:uncertain`, // after "r/o"
      `${at('no PE') + 3}:PE:MESH:D011655:negated`, // after "no"
    ]); // not the examination's heading "PE:", "MS 10 mg" nor "AS" of a title in capitals
    // The list's first sense of a two-sense abbreviation: coronary (Coronary Disease), not congenital, heart disease.
    const chd = enrich('PMH: CHD, ACS in 2019.\nPlan: r/o AAA.', []).map((a) => `${a.text}:${a.concept?.id}`);
    assert.deepEqual(chd, ['CHD:MESH:D003327', 'ACS:MESH:D054058', 'AAA:MESH:D017544']);
  });

  it('keeps a drug\'s type where a dose is written beside the abbreviation', () => {
    const meds = 'PMH: HTN.\nMeds: MS 10 mg IV q4h PRN; amlodipine 5 mg OD.\nPlan: r/o PE.';
    const got = enrich(meds, [['MS', 'Chemical'], ['OD', 'Chemical']]);
    assert.deepEqual(got.filter((a) => ['MS', 'OD'].includes(a.text)).map((a) => `${a.text}:${a.type}`), ['MS:Chemical', 'OD:Chemical']); // morphine sulfate, once daily: not multiple sclerosis, overdose
  });

  it('reads a document as a note when its caller says so (a .note file, the Clinical Note language)', () => {
    const text = 'Presents with SOB and CP for two days.';
    const found = [mentionIn(text, 'SOB', 'Disease'), mentionIn(text, 'CP', 'Disease')];
    assert.equal(terminology().enrich(text, found)[1].concept?.id, 'MESH:D002547'); // Cerebral Palsy: nothing says note
    assert.equal(terminology().enrich(text, found, { clinicalNote: true })[1].concept?.id, 'MESH:D002637'); // Chest Pain
    assert.equal(terminology().enrichEach(text, found, documentAbbreviations(text), found, { clinicalNote: true })[1][0].concept?.id, 'MESH:D002637');
    assert.deepEqual(['ward-round.note', 'A.CNOTE', 'note.txt', 'notes.md'].map(isClinicalNoteFile), [true, true, false, false]);
    // another file's text tells: its name says nothing, which is not "no note"
    assert.deepEqual(['ward-round.note', 'note.txt'].map(noteOptionsOfFile), [{ clinicalNote: true }, { clinicalNote: undefined }]);
  });

  it('keeps what the note defines, and changes nothing outside notes', () => {
    const defined = 'PMH: spastic cerebral palsy (CP). Hx of seizures.\nPlan: review CP care.';
    assert.equal(enrich(defined, [['CP', 'Disease']])[0].concept?.id, 'MESH:D002547'); // Cerebral Palsy
    // Outside a note the model's type and the vocabularies' weights stand (a model error stays one).
    const [mi] = enrich('Patients with MI were enrolled.', [['MI', 'Chemical']]);
    assert.deepEqual([mi.type, mi.concept?.id], ['Chemical', 'HGNC:7105']);
    const [, cp] = enrich('Presents with SOB and CP for two days.', [['SOB', 'Disease'], ['CP', 'Disease']]);
    assert.equal(cp.concept?.id, 'MESH:D002547');
  });
});
