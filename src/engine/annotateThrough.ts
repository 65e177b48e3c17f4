// The engine's annotations passed through a later layer (the terminology layer's enrich()),
// as `biolens annotate` and `biolens eval` both need them. That layer may retype a mention (a
// drug the model called a species), so it sees every type, and the asked-for types are kept
// after it; without it, the engine filters the types itself.
import type { AnnotateOptions, NerEngine } from './engineApi';
import type { Annotation } from './types';

/** What enrich() adds, one document at a time (it may retype or leave out annotations); `index`: the document's in `texts`. */
export type Enrich = (text: string, annotations: Annotation[], index: number) => Annotation[];

export async function annotateThrough(engine: Pick<NerEngine, 'annotateBatch'>, texts: string[], opts: AnnotateOptions, enrich?: Enrich): Promise<Annotation[][]> {
  if (!enrich) return engine.annotateBatch(texts, opts);
  const { types, ...rest } = opts;
  const found = await engine.annotateBatch(texts, rest);
  return found.map((annotations, i) => {
    const enriched = enrich(texts[i], annotations, i);
    return types ? enriched.filter((a) => types.includes(a.type)) : enriched;
  });
}
