// Linking accuracy on BC5CDR (MeSH ids), per entity type.
//   npx tsx scripts/eval-linking.ts [--corpus FILE] [--docs N] [--end-to-end] [--errors N]
//                                   [--threshold X] [--no-corpus-names] [--all-vocabularies]
//                                   [--error-kinds]
// Gold mentions: accuracy@1 of the MeSH id chosen for each gold span (linking alone), with the
// linker restricted to concepts that have a MeSH id (as BC5CDR asks); --all-vocabularies links
// as the editor does, to any concept, and counts a concept without a MeSH id as wrong.
// Gold ids from 2015 MeSH that are now cross-references of a current concept count as that
// concept (versionEquivalents); the strict figure without this is printed too, and a third that
// also counts a descriptor created after the corpus as the broader heading it sits under.
// --end-to-end: the NER model's own mentions (createEngine), then linking: accuracy on the
// predicted spans that match a gold span exactly, and BioCreative's document-level id P/R/F1.
// --error-kinds: the wrong gold-mention links counted by kind (unlinked, newer descriptor...).
// Default corpus: the BC5CDR development set in ../shared/data (not in CI); the fixture
// test/fixtures/terminology/bc5cdr-dev-30.PubTator.txt is a fixed 30-abstract sample of it.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as path from 'node:path';
import { createEngine, type Annotation } from '../src/engine';
import { readPubTator } from '../src/engine/formats';
import { accuracy, createTerminology, documentIdScores, goldIds, linkingAccuracy, versionEquivalents, type LinkingReport } from '../src/engine/terminology';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const ROOT = path.resolve(__dirname, '..');
const CORPUS = option('corpus') ?? path.resolve(ROOT, '../shared/data/corpora/BC5CDR-pubtator/CDR_DevelopmentSet.PubTator.txt');

async function main(): Promise<void> {
  const docs = readPubTator(readFileSync(CORPUS, 'utf8')).slice(0, Number(option('docs') ?? Infinity));
  const started = performance.now();
  const linker = {
    fuzzyThreshold: option('threshold') ? Number(option('threshold')) : undefined,
    corpusWeight: args.includes('--no-corpus-names') ? 0 : option('corpus-weight') ? Number(option('corpus-weight')) : undefined,
    restrictTo: args.includes('--all-vocabularies') ? undefined : ['MESH'],
  };
  const terminology = createTerminology({ linker });
  // Gold mentions come with their types: link them as typed.
  const goldTyped = createTerminology({ knowledgeBase: terminology.kb, linker, vocabularyTypes: false });
  const equivalents = versionEquivalents(terminology.kb);
  console.log(`vocabulary loaded in ${(performance.now() - started).toFixed(0)} ms; ${docs.length} documents from ${path.basename(CORPUS)}`);

  const stripped = docs.map((d) => d.annotations.map(({ concept: _gold, ...a }) => a));
  let t = performance.now();
  const linked = docs.map((d, i) => goldTyped.enrich(d.text, stripped[i]));
  const ms = performance.now() - t;
  print('gold mentions', linkingAccuracy(docs, linked, { equivalents }));
  print('gold mentions, strict ids (no MeSH version mapping)', linkingAccuracy(docs, linked));
  const broader = newerDescriptorsUnder(path.resolve(ROOT, '../shared/data/vocab/mesh/data_mesh_trees.tsv.gz'));
  if (broader) {
    const both = (id: string) => [...equivalents(id), ...(broader.get(id) ?? [])];
    print('gold mentions, also counting a descriptor created after the corpus as its broader 2015 heading', linkingAccuracy(docs, linked, { equivalents: both }));
  }
  console.log(`  ${(ms / docs.length).toFixed(1)} ms per document (${docs.reduce((n, d) => n + d.annotations.length, 0)} mentions)`);
  showErrors(docs, linked, Number(option('errors') ?? 0), equivalents);
  if (args.includes('--error-kinds')) countErrorKinds(docs, linked, equivalents);

  if (!args.includes('--end-to-end')) return;
  const engine = await createEngine();
  try {
    t = performance.now();
    const predicted = await engine.annotateBatch(docs.map((d) => d.text));
    const nerMs = performance.now() - t;
    t = performance.now();
    const enriched = docs.map((d, i) => terminology.enrich(d.text, predicted[i]));
    const linkMs = performance.now() - t;
    print('predicted mentions (spans matching gold)', linkingAccuracy(docs, enriched, { equivalents }));
    // Document-level ids, per gold type and over the gold types together (a predicted Species
    // with a MeSH id is no error against a corpus that does not annotate species).
    const goldTypes = [...new Set(docs.flatMap((d) => d.annotations.map((a) => a.type)))];
    for (const types of [...goldTypes.map((t) => [t]), goldTypes]) {
      const s = documentIdScores(docs, enriched, { equivalents, types });
      console.log(`  document-level ids ${types.join('+')}: P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}`);
    }
    console.log(`  NER ${(nerMs / docs.length).toFixed(1)} ms, terminology ${(linkMs / docs.length).toFixed(1)} ms per document`);
  } finally {
    await engine.dispose();
  }
}

function print(title: string, report: LinkingReport): void {
  console.log(`${title}: MeSH accuracy@1`);
  for (const [type, c] of [...Object.entries(report.perType), ['all', report.overall] as const]) {
    console.log(`  ${String(type).padEnd(9)} ${pct(accuracy(c!))}  (${c!.correct}/${c!.mentions}, unlinked ${c!.unlinked})`);
  }
}

// MeSH descriptors created from 2016 on have nine-digit unique identifiers (D000068xxx...); the
// corpus was normalised with 2015 MeSH, which indexed such a condition under a broader heading.
const NEWER_DESCRIPTOR = /^MESH:D\d{9}$/;

/**
 * For each MeSH descriptor, the descriptors created after the corpus (nine-digit ids) directly
 * under it in the 2024 trees: a 2015 annotator indexed such a condition under the broader heading
 * ("Cystitis, Hemorrhagic", under Cystitis). Undefined without the MeSH trees file.
 */
function newerDescriptorsUnder(treesFile: string): Map<string, string[]> | undefined {
  if (!existsSync(treesFile)) return undefined;
  const rows = gunzipSync(readFileSync(treesFile)).toString('utf8').split('\n').slice(1).map((line) => line.split('\t'));
  const descriptorAt = new Map(rows.map(([id, , tree]) => [tree, id]));
  const under = new Map<string, string[]>();
  for (const [id, , tree] of rows) {
    if (!NEWER_DESCRIPTOR.test(`MESH:${id}`) || !tree?.includes('.')) continue;
    const parent = descriptorAt.get(tree.slice(0, tree.lastIndexOf('.')));
    if (!parent) continue;
    const newer = under.get(`MESH:${parent}`) ?? [];
    if (!newer.includes(`MESH:${id}`)) under.set(`MESH:${parent}`, [...newer, `MESH:${id}`]);
  }
  return under;
}

/** Each gold mention whose link is wrong, with its gold ids (and their current equivalents). */
function* wrongLinks(docs: { annotations: Annotation[] }[], linked: Annotation[][], equivalents: (id: string) => string[]) {
  for (const [i, d] of docs.entries()) {
    for (const [k, g] of d.annotations.entries()) {
      const gold = goldIds(g);
      const ids = gold.flatMap((id) => [id, ...equivalents(id)]);
      const predicted = linked[i][k];
      const got = mentionMeshId(predicted);
      if (ids.length && !(got && ids.includes(got))) yield { g, gold, ids, predicted, got };
    }
  }
}

/** Why gold mentions are wrong, first kind that applies, per entity type. */
function countErrorKinds(docs: { annotations: Annotation[] }[], linked: Annotation[][], equivalents: (id: string) => string[]): void {
  const counts = new Map<string, Map<string, number>>();
  for (const { g, gold, predicted, got } of wrongLinks(docs, linked, equivalents)) {
    const kind = !got ? 'unlinked'
      : gold.length > 1 ? 'gold has several ids'
      // A 2015 supplementary record linked by its exact name to a descriptor MeSH created since:
      // most are substances promoted to descriptors ("quetiapine": C069541, now D000069348).
      : gold.every((id) => /^MESH:C/.test(id)) && NEWER_DESCRIPTOR.test(got) && predicted.concept!.match === 'exact' ? 'gold is a supplementary record, linked by name to a descriptor created since'
      : gold.every((id) => /^MESH:C/.test(id)) ? 'gold is a supplementary record'
      : NEWER_DESCRIPTOR.test(got) ? 'linked to a descriptor newer than the corpus'
      : predicted.concept!.match === 'abbreviation' ? 'abbreviation'
      : predicted.concept!.match === 'exact' ? 'exact name of another concept'
      : 'approximate match (fuzzy, paraphrase, head)';
    const byKind = counts.get(g.type) ?? new Map<string, number>();
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    counts.set(g.type, byKind);
  }
  for (const [type, byKind] of counts) {
    console.log(`wrong ${type} links by kind:`);
    for (const [kind, n] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${kind}`);
  }
}

const mentionMeshId = (a: Annotation) => (a.concept ? [a.concept.id, ...a.concept.xrefs].find((id) => id.startsWith('MESH:')) : undefined);

function showErrors(docs: { annotations: Annotation[] }[], linked: Annotation[][], count: number, equivalents: (id: string) => string[]): void {
  let shown = 0;
  for (const { g, ids, predicted: p, got } of wrongLinks(docs, linked, equivalents)) {
    if (shown++ >= count) return;
    console.log(`  ${g.type} "${g.text}" gold ${ids.join('|')} got ${got ?? '-'} ${p.concept ? `(${p.concept.preferred}, ${p.concept.match} ${p.concept.score})` : ''}`);
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
