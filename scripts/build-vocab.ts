// Compiles the shipped vocabulary (models/vocab/) from the open sources in ../shared/data/vocab.
//   npx tsx scripts/build-vocab.ts [--data ../shared/data] [--out models/vocab]
// Run by hand when a source changes, then commit models/vocab. CI never runs it: the sources
// are not in the repository. Only sources whose licence allows shipping are read (see
// models/NOTICE); CTD MEDIC, the ADAM and Wikipedia abbreviation lists and the GPL medical word
// list are deliberately not.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { looksLikeAbbreviation, normalizeTerm, termKeys } from '../src/engine/terminology/normalize';
import { TYPE_BITS } from '../src/engine/terminology/vocabularies';
import type { EntityType } from '../src/engine/types';
import { addId, addName, compile, type Compiled } from './vocab/compile';
import { readCorpusNames, type CorpusName } from './vocab/corpora';
import { geneUsage, orderGenesByUsage, usageTexts } from './vocab/geneUsage';
import { readMesh } from './vocab/mesh';
import { mergeConcepts } from './vocab/merge';
import { readChebi, readDiseaseOntology } from './vocab/oboSources';
import { readHpo } from './vocab/hpo';
import { readNcbiTaxonSubset, readSymptomOntology } from './vocab/owlSources';
import type { SourceResult } from './vocab/sourceConcept';
import { readHgnc, readIcd10cm } from './vocab/tabularSources';
import { writeVocabulary, type CuratedAbbreviation } from './vocab/write';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const ROOT = path.resolve(__dirname, '..');
const DATA = path.resolve(option('data', path.join(ROOT, '../shared/data')));
const OUT = path.resolve(option('out', path.join(ROOT, 'models/vocab')));
const VOCAB = path.join(DATA, 'vocab');
const CORPORA = path.join(DATA, 'corpora');

function main(): void {
  const started = Date.now();
  const sources: SourceResult[] = [
    readMesh(path.join(VOCAB, 'mesh')),
    readDiseaseOntology(path.join(VOCAB, 'disease-ontology/doid.obo.gz')),
    readHpo(path.join(VOCAB, 'hpo/hp.json.gz')),
    readSymptomOntology(path.join(VOCAB, 'symptom-ontology/symp_import.owl')),
    readChebi(path.join(VOCAB, 'chebi-subset/chebi_import.obo')),
    readHgnc(path.join(VOCAB, 'hgnc/hgnc_complete_set.txt.gz')),
    readNcbiTaxonSubset(path.join(VOCAB, 'ncbitaxon-subset/ncbitaxon_import.owl')),
    readIcd10cm(path.join(VOCAB, 'icd10cm/icd10cm_2022.tsv.gz')),
  ];
  for (const s of sources) log(`${s.info.prefix}: ${s.concepts.length} concepts`);

  const corpusNames = [
    ...readCorpusNames(path.join(CORPORA, 'BC5CDR-pubtator/CDR_TrainingSet.PubTator.txt'), 'b'),
    ...readCorpusNames(path.join(CORPORA, 'NCBI-disease-pubtator/NCBItrainset_corpus.txt'), 'n'),
  ];
  const compiled = compile(mergeConcepts(sources.flatMap((s) => s.concepts)));
  attachCorpusNames(compiled, corpusNames);
  const curated = attachCuratedAbbreviations(compiled, path.join(__dirname, 'vocab/clinical-abbreviations.tsv'));
  const usage = geneUsage(compiled, sources.find((s) => s.info.prefix === 'HGNC')!, usageTexts(DATA));
  log(`gene usage: ${usage.size} genes named in the training texts; ${orderGenesByUsage(compiled, usage)} names genes share listed most used first`);

  const manifest = writeVocabulary(
    OUT,
    compiled,
    sources.map((s) => ({ ...s.info, concepts: s.concepts.length })),
    curated,
  );
  log(`wrote ${OUT}: ${JSON.stringify(manifest.counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Corpus names go to the concept that has the corpus's id as its own. Ids no source has are
 * older MeSH ids (supplementary records since promoted to descriptors, descriptors since
 * merged): when the name is a current name of exactly one concept of the right type, the old id
 * becomes a cross-reference of that concept ("rocuronium": C061870 in 2015, D000077123 now);
 * otherwise the id becomes a concept of its own, named as the corpus writes it.
 */
function attachCorpusNames(compiled: Compiled, names: CorpusName[]): void {
  const counts = { attached: 0, legacy: 0, created: 0, skipped: 0 };
  for (const n of names) {
    let concept = compiled.members.get(n.id) ?? uniqueHolder(compiled, n.id);
    if (concept === undefined && n.id.startsWith('MESH:')) {
      concept = currentConceptNamed(compiled, n.text, n.typeBits);
      if (concept !== undefined) {
        addXref(compiled, concept, n.id);
        counts.legacy++;
      } else {
        concept = addConcept(compiled, n);
        counts.created++;
      }
    }
    if (concept === undefined) {
      counts.skipped++;
      continue;
    }
    // An abbreviation in an abstract means what that abstract defined: it is no general name.
    addName(compiled, n.text, concept, looksLikeAbbreviation(n.text) ? 'abbreviation' : 'corpus', n.source);
    counts.attached++;
  }
  log(`corpus names: ${JSON.stringify(counts)}`);
}

/** The one concept that lists `id` as a cross-reference (an OMIM id on one DO term), if one. */
function uniqueHolder(compiled: Compiled, id: string): number | undefined {
  const holders = compiled.ids.get(id) ?? [];
  return holders.length === 1 ? holders[0] : undefined;
}

function currentConceptNamed(compiled: Compiled, text: string, typeBits: number): number | undefined {
  const entries = (compiled.names.get(normalizeTerm(text)) ?? []).filter(
    (e) => ['preferred', 'exact', 'trade'].includes(e.kind) && compiled.concepts[e.concept].typeBits & typeBits,
  );
  const concepts = new Set(entries.map((e) => e.concept));
  return concepts.size === 1 ? [...concepts][0] : undefined;
}

function addXref(compiled: Compiled, concept: number, id: string): void {
  const record = compiled.concepts[concept];
  if (!record.xrefs.includes(id)) record.xrefs.push(id);
  addId(compiled, id, concept);
}

function addConcept(compiled: Compiled, n: CorpusName): number {
  const concept = compiled.concepts.length;
  compiled.concepts.push({
    ids: [n.id], labels: [n.text], typeBits: n.typeBits, treeNumbers: [], definitions: [], xrefs: [], synonyms: [],
    semanticType: 'MeSH concept outside the 2024 descriptor files (named as in a training corpus)',
  });
  addId(compiled, n.id, concept);
  compiled.members.set(n.id, concept);
  return concept;
}

/** Adds the hand-curated abbreviations as names; returns those that found their concept. */
function attachCuratedAbbreviations(compiled: Compiled, file: string): CuratedAbbreviation[] {
  const curated: CuratedAbbreviation[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [abbreviation, longForm, type, flag] = line.split('\t');
    const bits = TYPE_BITS[type as EntityType];
    const candidates = termKeys(longForm).flatMap((key) => compiled.names.get(key) ?? []).filter(
      (e) => ['preferred', 'exact', 'lay', 'spelling'].includes(e.kind) && compiled.concepts[e.concept].typeBits & bits,
    );
    // The concept most names agree on, as the linker would choose it ("deep vein thrombosis" is
    // MeSH Venous Thrombosis's entry term and an HPO term of its own).
    const support = new Map<number, number>();
    for (const e of candidates) support.set(e.concept, (support.get(e.concept) ?? 0) + (e.kind === 'preferred' ? 1.05 : 1));
    const ranked = [...support].sort((a, b) => b[1] - a[1] || compiled.concepts[b[0]].ids.length - compiled.concepts[a[0]].ids.length);
    if (!ranked.length) {
      log(`  curated ${abbreviation} = ${longForm}: no concept of type ${type}, skipped`);
      continue;
    }
    addName(compiled, abbreviation, ranked[0][0], 'abbreviation', 'B');
    curated.push({ short: abbreviation, long: longForm, type: type as EntityType, ambiguous: flag === 'ambiguous', drugClass: flag === 'class' });
  }
  return curated;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

main();
