// How often biomedical text names each gene: the prior that settles a name several genes share.
// "p21" is an alias of CDKN1A, NSG1, TCEAL1 and a histone pseudogene alike, "PR" of PGR and
// PRH2; the linker, finding them equally supported, takes the first listed under the name. So
// the compiler lists them by usage: how many times the training texts write a name of the gene
// that no other HGNC gene has ("WAF1", "progesterone receptor"). Texts: the PubMed text for
// pre-training (which holds S800's development abstracts, no gene corpus's) and the corpora's
// training splits, never their development splits.
import { readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { normalizeTerm } from '../../src/engine/terminology/normalize';
import { TYPE_BITS } from '../../src/engine/terminology/vocabularies';
import type { Compiled } from './compile';
import { readText } from './files';
import type { SourceResult } from './sourceConcept';

const HGNC = 'G'; // source code of HGNC's names (vocabularies.ts)

// Gene names run up to this many normalised tokens ("cyclin dependent kinase inhibitor 1 b").
const MAX_TOKENS = 8;

/** The texts to count in: PubMed text files, and the tokens of each IOB corpus's train split. */
export function usageTexts(dataDir: string): string[] {
  const texts: string[] = [];
  const pubmed = path.join(dataDir, 'pubmed-text');
  for (const f of readdirSync(pubmed).filter((f) => f.endsWith('.txt') && !f.startsWith('LICENSE'))) texts.push(readText(path.join(pubmed, f)));
  const corpora = path.join(dataDir, 'corpora');
  for (const dir of readdirSync(corpora)) {
    const train = path.join(corpora, dir, 'train.tsv');
    if (existsSync(train)) texts.push(readText(train).split('\n').map((line) => line.split('\t')[0]).join(' '));
  }
  return texts;
}

/**
 * Per gene concept, how many times `texts` write one of its HGNC names (symbol, full name, alias,
 * previous symbol) that no other HGNC gene has. Names other vocabularies share still count
 * ("progesterone receptor" is also MeSH's Receptors, Progesterone). Counting the symbol and full
 * name alone left "p21" a tie: texts write CDKN1A as "WAF1" or "Cip1", seldom as "CDKN1A".
 */
export function geneUsage(compiled: Compiled, hgnc: SourceResult, texts: readonly string[]): Map<number, number> {
  const own = new Map<string, number>(); // key → the one gene concept it names
  for (const gene of hgnc.concepts) {
    const concept = compiled.members.get(gene.id);
    if (concept === undefined) continue;
    for (const name of [gene.label, ...gene.names.map((n) => n.text)]) {
      const key = normalizeTerm(name);
      const holders = new Set((compiled.names.get(key) ?? []).filter((e) => e.source === HGNC).map((e) => e.concept));
      if (key.length >= 3 && holders.size === 1) own.set(key, concept);
    }
  }
  const usage = new Map<number, number>();
  for (const text of texts) {
    const tokens = normalizeTerm(text).split(' ');
    for (let i = 0; i < tokens.length; i++) {
      let key = '';
      for (let n = 0; n < MAX_TOKENS && i + n < tokens.length; n++) {
        key = n ? `${key} ${tokens[i + n]}` : tokens[i];
        const concept = own.get(key);
        if (concept !== undefined) usage.set(concept, (usage.get(concept) ?? 0) + 1);
      }
    }
  }
  return usage;
}

/** Lists the entries of every name shared by genes most used first (others keep their order). */
export function orderGenesByUsage(compiled: Compiled, usage: ReadonlyMap<number, number>): number {
  let reordered = 0;
  for (const [key, entries] of compiled.names) {
    const genes = new Set(entries.filter((e) => compiled.concepts[e.concept].typeBits & TYPE_BITS.Gene).map((e) => e.concept));
    if (genes.size < 2) continue;
    const sorted = [...entries].sort((a, b) => (usage.get(b.concept) ?? 0) - (usage.get(a.concept) ?? 0));
    if (sorted.some((e, i) => e !== entries[i])) reordered++;
    compiled.names.set(key, sorted);
  }
  return reordered;
}
