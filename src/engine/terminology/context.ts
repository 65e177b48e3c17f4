// ConText-style context for each entity: is it negated ("no evidence of pneumonia"), uncertain
// ("rule out MI"), historical ("history of asthma") or about someone else ("mother had breast
// cancer")? Trigger terms (contextRules.ts) open a scope forward or backward within the
// sentence; a terminator ("but", ";") or the scope's word limit closes it.
import type { EntityContext } from '../types';
import { splitSentences, type TextRange } from '../sentences';
import { SpanIndex } from '../spanIndex';
import { DEFAULT_CONTEXT_RULES, type ContextCategory, type ContextRule } from './contextRules';

export interface ContextOptions {
  rules?: ContextRule[];
  /** Words a forward scope reaches past its trigger (default 10; NegEx used 5). */
  forwardWords?: number;
  /** Words a backward scope reaches before its trigger (default 8). */
  backwardWords?: number;
}

interface Token {
  text: string;
  start: number;
  end: number;
  word: boolean;
}

interface Match {
  rule: ContextRule;
  first: number; // token index
  last: number;
  start: number; // character offsets
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const tokenize = (text: string, offset = 0): Token[] =>
  [...text.matchAll(TOKEN)].map((m) => ({ text: m[0].toLowerCase(), start: offset + m.index!, end: offset + m.index! + m[0].length, word: /[\p{L}\p{N}]/u.test(m[0]) }));

export class ContextDetector {
  private readonly byFirstToken = new Map<string, { rule: ContextRule; tokens: string[] }[]>();
  private readonly forwardWords: number;
  private readonly backwardWords: number;

  constructor(opts: ContextOptions = {}) {
    this.forwardWords = opts.forwardWords ?? 10;
    this.backwardWords = opts.backwardWords ?? 8;
    for (const rule of opts.rules ?? DEFAULT_CONTEXT_RULES) {
      const tokens = tokenize(rule.phrase).map((t) => t.text);
      if (!tokens.length) continue;
      const list = this.byFirstToken.get(tokens[0]) ?? [];
      list.push({ rule, tokens });
      list.sort((a, b) => b.tokens.length - a.tokens.length); // longest phrase wins
      this.byFirstToken.set(tokens[0], list);
    }
  }

  /** The context of each span (UTF-16 offsets into text), in the order given. */
  detect(text: string, spans: readonly TextRange[]): EntityContext[] {
    const sentences = splitSentences(text);
    const sentenceIndex = new SpanIndex(sentences);
    const perSentence = new Map<TextRange, { tokens: Token[]; matches: Match[] }>();
    return spans.map((span) => {
      const context: EntityContext = { negated: false, uncertain: false, historical: false, family: false };
      const sentence = sentences[sentenceIndex.overlapping(span.start, span.start + 1)[0]];
      if (!sentence) return context;
      let parsed = perSentence.get(sentence);
      if (!parsed) {
        const tokens = tokenize(text.slice(sentence.start, sentence.end), sentence.start);
        parsed = { tokens, matches: this.matches(tokens) };
        perSentence.set(sentence, parsed);
      }
      for (const category of ['negated', 'uncertain', 'historical', 'family'] as ContextCategory[]) {
        context[category] = parsed.matches.some((m) => m.rule.category === category && this.inScope(m, span, parsed!));
      }
      return context;
    });
  }

  /** Trigger, pseudo-trigger and terminator matches, left to right, longest first, not overlapping. */
  private matches(tokens: Token[]): Match[] {
    const found: Match[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hits = (this.byFirstToken.get(tokens[i].text) ?? []).filter((c) => c.tokens.every((t, k) => tokens[i + k]?.text === t));
      if (!hits.length) {
        i++;
        continue;
      }
      // The longest phrase wins; a phrase listed under several rules ("previously") fires them all.
      const length = hits[0].tokens.length;
      const last = i + length - 1;
      for (const hit of hits.filter((h) => h.tokens.length === length)) {
        found.push({ rule: hit.rule, first: i, last, start: tokens[i].start, end: tokens[last].end });
      }
      i = last + 1;
    }
    return found;
  }

  private inScope(trigger: Match, span: TextRange, { tokens, matches }: { tokens: Token[]; matches: Match[] }): boolean {
    if (trigger.start < span.end && span.start < trigger.end) return false; // the trigger is part of the entity
    const category = trigger.rule.category as ContextCategory;
    const direction = trigger.rule.direction ?? 'forward';
    const ends = (m: Match) => m.rule.category === 'terminate' && (!m.rule.ends || m.rule.ends.includes(category));
    if (span.start >= trigger.end && direction !== 'backward') {
      const stop = matches.find((m) => m.first > trigger.last && ends(m) && m.start < span.start);
      return !stop && wordsBetween(tokens, trigger.last + 1, span.start) <= this.forwardWords;
    }
    if (span.end <= trigger.start && direction !== 'forward') {
      const stop = matches.find((m) => m.last < trigger.first && ends(m) && m.end > span.end);
      return !stop && wordsBetween(tokens, firstTokenAtOrAfter(tokens, span.end), trigger.start) <= this.backwardWords;
    }
    return false;
  }
}

/** Word tokens from token index `from` that start before character offset `before`. */
function wordsBetween(tokens: Token[], from: number, before: number): number {
  let words = 0;
  for (let i = from; i < tokens.length && tokens[i].start < before; i++) if (tokens[i].word) words++;
  return words;
}

function firstTokenAtOrAfter(tokens: Token[], offset: number): number {
  const i = tokens.findIndex((t) => t.start >= offset);
  return i < 0 ? tokens.length : i;
}

const defaultDetector = new ContextDetector();

/** Context of each span with the default rules. */
export function detectContext(text: string, spans: readonly TextRange[]): EntityContext[] {
  return defaultDetector.detect(text, spans);
}
