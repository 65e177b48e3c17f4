// MeSH 2024 descriptors (thesaurus + tree numbers) and the supplementary chemical records that
// appear in the pharmacological-action table (the only SCR names we have). No scope notes.
import { TYPE_BITS } from '../../src/engine/terminology/vocabularies';
import type { NameKind } from '../../src/engine/terminology/vocabFormat';
import { readTsv } from './files';
import type { SourceConcept, SourceResult } from './sourceConcept';

const LEXICAL_KIND: Record<string, NameKind> = { ABB: 'abbreviation', ACR: 'abbreviation', TRD: 'trade' };

export function readMesh(dir: string): SourceResult {
  const byId = new Map<string, SourceConcept>();
  const concept = (id: string, label: string) => {
    let c = byId.get(id);
    if (!c) byId.set(id, (c = { id: `MESH:${id}`, label, names: [], xrefs: [], typeBits: 0, treeNumbers: [] }));
    return c;
  };
  for (const row of readTsv(`${dir}/data_mesh_thesaurus.tsv.gz`)) {
    const c = concept(row.DescriptorUI, row.DescriptorName);
    if (row.RecordPreferredTermYN === 'Y') continue;
    const permuted = row.IsPermutedTermYN === 'Y';
    // Permuted rows are inversions ("Infarction, Myocardial") and plurals; the plurals add
    // nothing after normalisation, the inversions only serve the "inverted form" suggestion.
    if (permuted && !row.TermName.includes(', ')) continue;
    c.names.push({ text: row.TermName, kind: permuted ? 'inverted' : (LEXICAL_KIND[row.LexicalTag] ?? 'exact') });
  }
  const branches = new Map<string, string>();
  for (const row of readTsv(`${dir}/data_mesh_trees.tsv.gz`)) {
    const c = byId.get(row.DescriptorUI);
    if (!c) continue;
    c.treeNumbers!.push(row.tree_location);
    c.typeBits |= typeBitsOfTree(row.tree_location);
    if (!branches.has(row.DescriptorUI)) branches.set(row.DescriptorUI, [row.cats, row.mesh1, row.mesh2].filter(Boolean).join(' › '));
  }
  const actions = new Map<string, string[]>();
  for (const row of readTsv(`${dir}/data_pharm_action.tsv`)) {
    actions.set(row.DescriptorUI, [...(actions.get(row.DescriptorUI) ?? []), row.PharmActionName]);
    // Supplementary concept records (C ids) exist here only, with their name and nothing else.
    if (row.DescriptorUI.startsWith('C')) concept(row.DescriptorUI, row.DescriptorName).typeBits = TYPE_BITS.Chemical;
  }
  for (const [ui, c] of byId) {
    const parts = [ui.startsWith('C') ? 'Supplementary concept (chemical)' : (branches.get(ui) ?? '')];
    if (actions.has(ui)) parts.push(`pharmacological action: ${actions.get(ui)!.join(', ')}`);
    c.semanticType = parts.filter(Boolean).join('; ');
  }
  return {
    info: { prefix: 'MESH', name: 'Medical Subject Headings (MeSH)', version: '2024', licence: 'NLM MeSH terms and conditions' },
    concepts: [...byId.values()],
  };
}

/** Which entity types a MeSH tree number stands for (branches from the NLM tree structure). */
export function typeBitsOfTree(tree: string): number {
  if (tree.startsWith('C') || tree.startsWith('F03')) return TYPE_BITS.Disease;
  if (tree.startsWith('D12.776') || tree.startsWith('D08.811')) return TYPE_BITS.Chemical | TYPE_BITS.Gene;
  if (tree.startsWith('D')) return TYPE_BITS.Chemical;
  if (/^B0[1-4]/.test(tree)) return TYPE_BITS.Species;
  if (tree.startsWith('A11.251.210')) return TYPE_BITS.CellLine;
  if (tree.startsWith('A11')) return TYPE_BITS.CellType;
  if (tree.startsWith('G05.360.340')) return TYPE_BITS.Gene;
  return 0;
}
