// Whether a document is a clinical note, and what its ambiguous clinical abbreviations then mean.
// The curated list marks an abbreviation ambiguous when it commonly means something else too:
// "CP" is chest pain in a note and cerebral palsy to HPO, "MI" myocardial infarction and, to the
// model trained on abstracts, a chemical (it linked "Hx of MI" to the gene MITF, "AF on warfarin"
// to PSMD4). In a note, the list's first sense is the one meant, unless the document defines the
// abbreviation, and the type is the one all its senses share: "Presents with SOB and CP" is chest
// pain, "Hx of MI" a disease. Elsewhere (abstracts, lab notebooks) nothing changes.
//
// A note is told by its own shape: two different section headings or note shorthands ("PMH:",
// "Assessment:", "r/o", "c/o", "NKDA"...); dosing times ("BID", "PRN"), which trial abstracts write
// too, count once. Or by its caller (`NoteOptions`): a document of the editor's Clinical Note
// language, a `.note` file, is one however short.
import type { Annotation, EntityType } from '../types';
import type { AbbreviationDefinition } from './abbreviations';
import type { KnowledgeBase } from './knowledgeBase';
import type { Linker, LinkResult } from './linker';

// Section headings at a line's start, before a colon. Not those of structured abstracts
// ("Background:", "Results:", "Conclusions:").
const HEADING = /^[ \t]*(?:HPI|PMH|PMHx|PSH|ROS|CC|Hx|FHx|SHx|DHx|Dx|DDx|A\/P|Assessment(?: and plan)?|Plan|Impression|Medications|Meds|Allergies|Examination|Exam|O\/E|Social history|Family history|Past medical history|Presenting complaint|History of presenting complaint|Reason for (?:visit|referral)|Vitals|Investigations)[ \t]*:/gimu;
const SHORTHAND = /(?<![\p{L}\p{N}/])(?:r\/o|h\/o|c\/o|s\/p|hx of|nkda|denies|denied)(?![\p{L}\p{N}/])/giu;
const DOSING = /(?<![\p{L}\p{N}])(?:PRN|BID|TID|QID|QDS|TDS|QHS|NBM|NPO)(?![\p{L}\p{N}])/u;
const MIN_CUES = 2;
// Files of the editor's Clinical Note language (package.json), which are notes whatever their shape.
const NOTE_FILE = /\.(?:note|cnote)$/i;

/** What a caller knows of whether a document is a note. */
export interface NoteOptions {
  /**
   * Whether the document is a clinical note, where the caller knows: true for a `.note` file or the
   * Clinical Note language, whatever its shape; either value once the caller has told it from the
   * text, so that the steps of one analysis do not scan it again. Undefined: told from the text.
   */
  clinicalNote?: boolean;
}

/** Whether a file is of the Clinical Note language by its name ("ward-round.note"). */
export function isClinicalNoteFile(name: string): boolean {
  return NOTE_FILE.test(name);
}

/**
 * What a file's name tells of whether it is a note: a `.note` or `.cnote` file is one whatever its
 * shape; of any other file the text tells (undefined, not false).
 */
export function noteOptionsOfFile(name: string): NoteOptions {
  return { clinicalNote: isClinicalNoteFile(name) || undefined };
}

/** Whether `text` is a clinical note: as `options` say, or else by its shape (see above). */
export function isClinicalNote(text: string, options: NoteOptions = {}): boolean {
  if (options.clinicalNote !== undefined) return options.clinicalNote;
  const cues = new Set<string>();
  for (const m of text.matchAll(HEADING)) cues.add(m[0].trim().toLowerCase());
  for (const m of text.matchAll(SHORTHAND)) cues.add(m[0].toLowerCase());
  if (DOSING.test(text)) cues.add('dosing');
  return cues.size >= MIN_CUES;
}

/**
 * In a clinical note, each ambiguous curated abbreviation the document does not define, with the
 * list's first sense as its long form ("CP" → "chest pain"); the linker reads them as the
 * document's own definitions.
 */
export function clinicalSenses(kb: KnowledgeBase, definitions: readonly AbbreviationDefinition[]): Map<string, string> {
  const defined = new Set(definitions.map((d) => d.short));
  const senses = new Map<string, string>();
  for (const a of kb.writtenAbbreviations()) {
    if (a.ambiguous && !a.drugClass && !defined.has(a.written) && !senses.has(a.written)) senses.set(a.written, a.long);
  }
  return senses;
}

/** In a clinical note, the one type every sense of the ambiguous curated abbreviation `text` has. */
export function clinicalSenseType(kb: KnowledgeBase, text: string): EntityType | undefined {
  const types = new Set(kb.writtenAbbreviations().filter((a) => a.written === text && a.ambiguous && !a.drugClass).map((a) => a.type));
  return types.size === 1 ? [...types][0] : undefined;
}

/**
 * `link` of `a` when it came through a clinical sense, with what the abbreviation names without
 * it among the alternatives, for the hover ("CP": Chest Pain, may also name Cerebral Palsy).
 */
export function withOtherSenses(linker: Linker, a: Annotation, link: LinkResult | undefined, senses: ReadonlyMap<string, string> | undefined): LinkResult | undefined {
  if (!link || link.method !== 'abbreviation' || !senses?.has(a.text.trim())) return link;
  const own = linker.link(a.text, a.type);
  const others = own ? [own.concept, ...own.alternatives].filter((c) => c !== link.concept && !link.alternatives.includes(c)) : [];
  return others.length ? { ...link, alternatives: [...link.alternatives, ...others] } : link;
}
