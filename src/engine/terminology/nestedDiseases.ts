// Diseases named inside gene and cell mentions: "glioblastoma cell lines", "lipoma preferred
// partner gene", "retinoblastoma gene", "myotonic dystrophy protein kinase", "hepatitis B immune
// globulin". The model gives the whole span one type (the cell line, the gene); the disease it is
// named after is a mention too, nested at its start, as organisms and chemicals nested in gene
// names are (the hover shows the innermost). The longest run of the mention's first words that a
// vocabulary has as a disease name, and not as a gene's, is the disease.
// Not before "suppressor" or "susceptibility": "tumour suppressor gene" names what the gene does,
// not a tumour (NCBI-disease annotates it either way; leaving it out measured better).
// On the dev splits (session 8's weights): NCBI-disease +1.07 (16 right, 2 wrong), BC5CDR +0.05
// (14 right, 8 wrong: "hepatitis B" of "hepatitis B surface antigen", which BC5CDR leaves out).
import type { Annotation, EntityType } from '../types';
import type { Linker } from './linker';
import { SpanIndex } from '../spanIndex';
import { TYPE_BITS } from './vocabularies';
import { fullNameTypes } from './vocabularyBoundaries';

const CONTAINERS: ReadonlySet<EntityType> = new Set(['Gene', 'CellLine', 'CellType']);
const GENE_FUNCTION = /^\s*(?:suppressor|susceptibility)\b/i;

/** Per annotation of `annotations`, the disease named at its start (none, or one). */
export function nestedDiseases(text: string, annotations: readonly Annotation[], linker: Linker, index = new SpanIndex(annotations)): Annotation[][] {
  return annotations.map((a) => {
    if (!CONTAINERS.has(a.type)) return [];
    const words = [...a.text.matchAll(/\S+/g)];
    for (let k = words.length - 1; k >= 1; k--) {
      const end = a.start + words[k - 1].index! + words[k - 1][0].length;
      if (GENE_FUNCTION.test(text.slice(end, a.end))) return [];
      const name = text.slice(a.start, end);
      const types = fullNameTypes(name, linker);
      if (!(types & TYPE_BITS.Disease) || types & TYPE_BITS.Gene) continue;
      // A disease the model found there already is the mention.
      if (index.overlapping(a.start, end).some((j) => annotations[j].type === 'Disease')) return [];
      return [{ start: a.start, end, text: name, type: 'Disease', score: a.score }];
    }
    return [];
  });
}
