// HGNC genes and ICD-10-CM codes: tab-separated sources.
import { TYPE_BITS } from '../../src/engine/terminology/vocabularies';
import { readTsv } from './files';
import type { SourceConcept, SourceName, SourceResult } from './sourceConcept';

const listField = (value: string) => value.replace(/^"|"$/g, '').split('|').map((s) => s.trim()).filter(Boolean);

export function readHgnc(file: string): SourceResult {
  const concepts: SourceConcept[] = [];
  let newest = '';
  for (const row of readTsv(file)) {
    if (row.status !== 'Approved') continue;
    if (row.date_modified > newest) newest = row.date_modified;
    // The symbol is what people write; the full name is a synonym. Alias symbols are exact
    // synonyms (HGNC does not call them outdated); previous symbols and names are outdated.
    const names: SourceName[] = [
      { text: row.name, kind: 'exact' },
      ...listField(row.alias_symbol).map((text) => ({ text, kind: 'exact' as const })),
      ...listField(row.alias_name).map((text) => ({ text, kind: 'exact' as const })),
      ...listField(row.prev_symbol).map((text) => ({ text, kind: 'previous' as const })),
      ...listField(row.prev_name).map((text) => ({ text, kind: 'previous' as const })),
    ];
    const xrefs = [
      ...listField(row.entrez_id).map((id) => `NCBIGene:${id}`),
      ...listField(row.ensembl_gene_id).map((id) => `Ensembl:${id}`),
      ...listField(row.omim_id).map((id) => `OMIM:${id}`),
      ...listField(row.uniprot_ids).map((id) => `UniProt:${id}`),
    ];
    concepts.push({
      id: row.hgnc_id,
      label: row.symbol,
      names,
      xrefs,
      typeBits: TYPE_BITS.Gene,
      semanticType: [row.locus_type, listField(row.gene_group).join(', ')].filter(Boolean).join(' · '),
    });
  }
  return { info: { prefix: 'HGNC', name: 'HGNC complete set', version: newest, licence: 'CC0' }, concepts };
}

export function readIcd10cm(file: string): SourceResult {
  const concepts: SourceConcept[] = [];
  for (const row of readTsv(file)) {
    concepts.push({ id: `ICD10CM:${row.Code}`, label: row.Description, names: [], xrefs: [], typeBits: TYPE_BITS.Disease });
  }
  return { info: { prefix: 'ICD10CM', name: 'ICD-10-CM', version: 'FY2022', licence: 'public domain (CDC/NCHS)' }, concepts };
}
