import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { filterEntries, groupBy, tree, yearRange, type Taxonomy } from '../../src/client/taxonomy/facets';
import { validate, type Schema } from '../../src/client/taxonomy/schema';

const MODELS = path.resolve(__dirname, '../../models');
const raw: unknown = JSON.parse(readFileSync(path.join(MODELS, 'taxonomy.json'), 'utf8'));
const schema: Schema = JSON.parse(readFileSync(path.join(MODELS, 'taxonomy.schema.json'), 'utf8'));
const taxonomy = raw as Taxonomy;
const byId = (id: string) => taxonomy.models.find((m) => m.id === id)!;

describe('models/taxonomy.json', () => {
  it('is valid against models/taxonomy.schema.json', () => {
    assert.deepEqual(validate(raw, schema), []);
  });

  it('the schema check catches wrong values (it is not vacuous)', () => {
    const broken = structuredClone(raw) as Taxonomy;
    (broken.models[0] as unknown as Record<string, unknown>).modality = 'blogs';
    delete (broken.models[1] as unknown as Record<string, unknown>).year;
    (broken.models[2] as unknown as Record<string, unknown>).extra = 1;
    const errors = validate(broken, schema);
    assert.equal(errors.length, 3, errors.join('\n'));
    assert.match(errors.join('\n'), /models\[0\]\.modality: "blogs" is not one of/);
  });

  it('has unique ids and covers every modality of the survey abstract', () => {
    const ids = taxonomy.models.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const m of ['literature', 'clinical', 'social-media', 'structured-ehr', 'protein', 'dna']) assert.ok(groupBy(taxonomy.models, 'modality').some((g) => g.value === m), m);
  });

  it('places our bundled model honestly: compact, from scratch, literature, knowledge-enhanced', () => {
    const ours = byId('biolens-ner-mini');
    assert.equal(ours.runnable.kind, 'bundled');
    assert.equal(ours.modality, 'literature');
    assert.deepEqual(ours.training, ['from-scratch', 'knowledge-enhanced']);
    assert.equal(ours.survey, 'ours');
    assert.equal(taxonomy.models.filter((m) => m.runnable.kind === 'bundled').length, 1);
  });

  it('never claims survey membership as a fact: every "in survey" entry says it is recalled', () => {
    for (const m of taxonomy.models.filter((x) => x.survey === 'in-survey-recalled')) assert.match(m.surveyNote, /recalled/, m.id);
    assert.match(taxonomy.note, /recalled, not verified/);
  });

  it('says why a model cannot run, and hub models have a Hugging Face id', () => {
    for (const m of taxonomy.models) {
      assert.ok(m.runnable.note.length > 20, m.id);
      if (m.runnable.kind === 'hub-onnx') assert.ok(m.hfId, m.id);
    }
  });
});

describe('taxonomy facets', () => {
  it('groups by modality in a fixed order, each model once', () => {
    const groups = groupBy(taxonomy.models, 'modality');
    assert.equal(groups[0].value, 'literature');
    assert.equal(groups.reduce((n, g) => n + g.entries.length, 0), taxonomy.models.length);
  });

  it('groups by training approach: a model with two approaches is in both groups', () => {
    const groups = groupBy(taxonomy.models, 'training');
    const holding = groups.filter((g) => g.entries.some((e) => e.id === 'biolens-ner-mini')).map((g) => g.value);
    assert.deepEqual(holding, ['from-scratch', 'knowledge-enhanced']);
    assert.ok(groups.find((g) => g.value === 'continual')!.entries.some((e) => e.id === 'biobert'));
  });

  it('groups by architecture: BioGPT is a decoder, SciFive an encoder–decoder, PubMedBERT an encoder', () => {
    const groups = Object.fromEntries(groupBy(taxonomy.models, 'architecture').map((g) => [g.value, g.entries.map((e) => e.id)]));
    assert.ok(groups.decoder.includes('biogpt'));
    assert.ok(groups['encoder-decoder'].includes('scifive'));
    assert.ok(groups.encoder.includes('pubmedbert'));
  });

  it('sorts a group by year, then name', () => {
    for (const g of groupBy(taxonomy.models, 'modality')) {
      const years = g.entries.map((e) => e.year ?? 9999);
      assert.deepEqual(years, [...years].sort((a, b) => a - b), g.value);
    }
  });

  it('filters by runnable', () => {
    const runnable = filterEntries(taxonomy.models, { runnableOnly: true }).map((e) => e.id);
    assert.ok(runnable.includes('biolens-ner-mini'));
    assert.ok(runnable.includes('medical-ner'));
    assert.ok(!runnable.includes('biobert'));
  });

  it('filters by year range (unknown years are left out of a range)', () => {
    const y2019 = filterEntries(taxonomy.models, { yearFrom: 2019, yearTo: 2019 });
    assert.ok(y2019.length > 5);
    assert.ok(y2019.every((e) => e.year === 2019));
    const [min, max] = yearRange(taxonomy.models);
    assert.ok(min <= 2019 && max >= 2024);
    assert.equal(filterEntries(taxonomy.models, { yearFrom: min, yearTo: max }).length, taxonomy.models.filter((e) => e.year !== null).length);
  });

  it('searches name, corpus and details, case-insensitively, all words', () => {
    assert.deepEqual(filterEntries(taxonomy.models, { text: 'pubmedbert' }).map((e) => e.id).includes('pubmedbert'), true);
    const mimic = filterEntries(taxonomy.models, { text: 'MIMIC' });
    assert.ok(mimic.some((e) => e.id === 'clinicalbert-bio-clinicalbert'));
    assert.deepEqual(filterEntries(taxonomy.models, { text: 'gazetteer hgnc' }).map((e) => e.id), ['biolens-ner-mini']);
    assert.equal(filterEntries(taxonomy.models, { text: 'no-such-model-anywhere' }).length, 0);
  });

  it('tree() filters then groups; empty groups disappear', () => {
    const groups = tree(taxonomy, 'modality', { text: 'protein' });
    assert.ok(groups.some((g) => g.value === 'protein'));
    assert.ok(!groups.some((g) => g.value === 'social-media'));
  });
});
