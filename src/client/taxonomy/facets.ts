// The taxonomy of biomedical PLMs (models/taxonomy.json) and the facet logic of its view: group
// by one axis, filter, search. Pure: no `vscode`, no DOM, so the webview script bundles it too.

export const MODALITIES = ['literature', 'clinical', 'social-media', 'structured-ehr', 'protein', 'dna', 'multimodal'] as const;
export const TRAININGS = ['continual', 'from-scratch', 'knowledge-enhanced', 'distilled', 'instruction-tuned'] as const;
export const ARCHITECTURES = ['encoder', 'decoder', 'encoder-decoder', 'other'] as const;

export type Modality = (typeof MODALITIES)[number];
export type Training = (typeof TRAININGS)[number];
export type Architecture = (typeof ARCHITECTURES)[number];
export type SurveyStatus = 'in-survey-recalled' | 'possibly-in-survey' | 'post-survey' | 'related' | 'ours';
export type RunnableKind = 'bundled' | 'hub-onnx' | 'none';

export interface TaxonomyEntry {
  id: string;
  name: string;
  year: number | null;
  paperTitle: string | null;
  venue: string | null;
  modality: Modality;
  /** Primary approach first; a model can sit in several (ours: from scratch and knowledge-enhanced). */
  training: Training[];
  architecture: Architecture;
  architectureDetail: string;
  trainingDetail: string;
  params: string | null;
  corpus: string;
  language: 'en' | 'zh' | 'none';
  hfId: string | null;
  survey: SurveyStatus;
  surveyNote: string;
  runnable: { kind: RunnableKind; note: string };
  sources: string[];
}

export interface Taxonomy {
  version: number;
  survey: { title: string; authors: string; venue: string; arxiv: string; doi: string };
  note: string;
  models: TaxonomyEntry[];
}

export type Facet = 'modality' | 'training' | 'architecture';
export const FACETS: readonly Facet[] = ['modality', 'training', 'architecture'];

export const FACET_LABELS: Record<Facet, string> = { modality: 'Modality', training: 'Training approach', architecture: 'Architecture' };

export const VALUE_LABELS: Record<string, string> = {
  literature: 'Biomedical literature',
  clinical: 'Clinical / EHR text',
  'social-media': 'Social media',
  'structured-ehr': 'Structured EHR',
  protein: 'Protein sequences',
  dna: 'DNA sequences',
  multimodal: 'Multimodal (image–text)',
  continual: 'Continual pre-training',
  'from-scratch': 'From scratch',
  'knowledge-enhanced': 'Knowledge-enhanced',
  distilled: 'Distilled / compact',
  'instruction-tuned': 'Instruction-tuned',
  encoder: 'Encoder',
  decoder: 'Decoder',
  'encoder-decoder': 'Encoder–decoder',
  other: 'Other (ELMo, Flair, image–text, KG)',
};

export const SURVEY_LABELS: Record<SurveyStatus, string> = {
  'in-survey-recalled': 'In the survey (recalled, not verified)',
  'possibly-in-survey': 'Possibly in the survey (era fits; not confirmed)',
  'post-survey': 'After the survey',
  related: 'Related (not claimed in the survey)',
  ours: 'Ours (not in the survey)',
};

export interface Filter {
  /** Only models BioLens can run (bundled or a downloadable ONNX token classifier). */
  runnableOnly?: boolean;
  yearFrom?: number;
  yearTo?: number;
  /** Case-insensitive; every word must occur in the name, paper title, corpus, details or HF id. */
  text?: string;
}

export interface Group {
  facet: Facet;
  value: string;
  label: string;
  entries: TaxonomyEntry[];
}

export function isRunnable(e: TaxonomyEntry): boolean {
  return e.runnable.kind !== 'none';
}

function valuesOf(e: TaxonomyEntry, facet: Facet): string[] {
  if (facet === 'training') return e.training;
  return [e[facet]];
}

function haystack(e: TaxonomyEntry): string {
  return [e.name, e.paperTitle, e.venue, e.corpus, e.architectureDetail, e.trainingDetail, e.hfId, e.params, e.id].filter(Boolean).join(' ').toLowerCase();
}

export function matches(e: TaxonomyEntry, filter: Filter): boolean {
  if (filter.runnableOnly && !isRunnable(e)) return false;
  if (filter.yearFrom !== undefined && (e.year === null || e.year < filter.yearFrom)) return false;
  if (filter.yearTo !== undefined && (e.year === null || e.year > filter.yearTo)) return false;
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    const text = haystack(e);
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

export function filterEntries(entries: readonly TaxonomyEntry[], filter: Filter): TaxonomyEntry[] {
  return entries.filter((e) => matches(e, filter));
}

const ORDER: Record<Facet, readonly string[]> = { modality: MODALITIES, training: TRAININGS, architecture: ARCHITECTURES };

/**
 * Groups in the facet's fixed order, empty groups left out; inside a group by year (unknown
 * last), then name. A model with two training approaches appears in both groups.
 */
export function groupBy(entries: readonly TaxonomyEntry[], facet: Facet): Group[] {
  return ORDER[facet]
    .map((value) => ({
      facet,
      value,
      label: VALUE_LABELS[value] ?? value,
      entries: entries.filter((e) => valuesOf(e, facet).includes(value)).sort(byYearThenName),
    }))
    .filter((g) => g.entries.length > 0);
}

/** The tree the view shows: filtered, then grouped. */
export function tree(taxonomy: Taxonomy, facet: Facet, filter: Filter): Group[] {
  return groupBy(filterEntries(taxonomy.models, filter), facet);
}

export function yearRange(entries: readonly TaxonomyEntry[]): [number, number] {
  const years = entries.map((e) => e.year).filter((y): y is number => y !== null);
  return [Math.min(...years), Math.max(...years)];
}

function byYearThenName(a: TaxonomyEntry, b: TaxonomyEntry): number {
  return (a.year ?? 9999) - (b.year ?? 9999) || a.name.localeCompare(b.name);
}
