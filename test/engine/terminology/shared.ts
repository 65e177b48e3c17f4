// One knowledge base for all terminology tests: the shipped models/vocab, loaded once (half a
// second) instead of once per file.
import { createTerminology, KnowledgeBase, type Terminology, type TerminologyOptions } from '../../../src/engine/terminology';
import type { Annotation, EntityType } from '../../../src/engine';

let kb: KnowledgeBase | undefined;

export function knowledgeBase(): KnowledgeBase {
  return (kb ??= KnowledgeBase.load());
}

export function terminology(opts: Omit<TerminologyOptions, 'knowledgeBase'> = {}): Terminology {
  return createTerminology({ ...opts, knowledgeBase: knowledgeBase() });
}

/** An annotation for the first occurrence of `mention` in `text` (as the NER model would give it). */
export function mentionIn(text: string, mention: string, type: EntityType, from = 0): Annotation {
  const start = text.indexOf(mention, from);
  if (start < 0) throw new Error(`"${mention}" is not in "${text}"`);
  return { start, end: start + mention.length, text: mention, type, score: 0.9 };
}

/** `type:text` of what enrich() gives for `mentions` (text, type) of `text`. */
export function enrichedMentions(text: string, mentions: Array<[string, EntityType]>, vocabularyTypes = true): string[] {
  return terminology({ vocabularyTypes }).enrich(text, mentions.map(([m, type]) => mentionIn(text, m, type))).map((a) => `${a.type}:${a.text}`);
}
