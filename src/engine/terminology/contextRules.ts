// Trigger terms for ConText (Harkema et al. 2009, after Chapman's NegEx): each marks the entities
// in its scope as negated, uncertain, historical or about a family member. `forward` triggers
// act on what follows them ("no evidence of pneumonia"), `backward` ones on what precedes
// ("pneumonia was ruled out"), `both` on either side within the sentence. Pseudo-triggers
// contain a trigger word but mean nothing ("no increase", "gram negative", "not only") and so
// stop it from firing. Terminators end a scope ("no fever but productive cough").
//
// Phrases are matched as lower-case token sequences: letters, digits and single punctuation
// marks are tokens, so "r/o" matches "R/O" and "r / o".

export type ContextCategory = 'negated' | 'uncertain' | 'historical' | 'family';
export type Direction = 'forward' | 'backward' | 'both';

export interface ContextRule {
  phrase: string;
  category: ContextCategory | 'pseudo' | 'terminate';
  direction?: Direction;
  /** For terminators: the categories whose scope they end (default all). */
  ends?: ContextCategory[];
}

const rules = (category: ContextRule['category'], direction: Direction | undefined, phrases: string[]): ContextRule[] =>
  phrases.map((phrase) => ({ phrase, category, ...(direction ? { direction } : {}) }));

export const DEFAULT_CONTEXT_RULES: ContextRule[] = [
  ...rules('negated', 'forward', [
    'no', 'not', 'without', 'denies', 'denied', 'denying', 'deny', 'negative for', 'no evidence of',
    'no evidence for', 'no sign of', 'no signs of', 'no symptoms of', 'no history of', 'absence of',
    'free of', 'never had', 'never developed', 'rules out', 'ruled out for', 'fails to reveal',
    'failed to reveal', 'no new', 'no further evidence of', 'nor', 'neither', 'not demonstrate',
    'did not have', 'does not have', 'no complaints of', 'resolution of', 'no clinical evidence of',
    'no radiographic evidence of', 'with no', 'test negative for', 'tested negative for',
  ]),
  ...rules('negated', 'backward', [
    'was ruled out', 'is ruled out', 'were ruled out', 'has been ruled out', 'have been ruled out', 'ruled out',
    'was negative', 'were negative', 'is negative', 'are negative', 'negative', 'is absent', 'was absent',
    'are absent', 'absent', 'free', 'not seen', 'was not seen', 'not found', 'has resolved', 'resolved',
    'unlikely',
  ]),
  ...rules('uncertain', 'forward', [
    'possible', 'possibly', 'probable', 'probably', 'likely', 'suspected', 'suspect', 'suspicious for',
    'suspicion of', 'suspicion for', 'concern for', 'concerning for', 'question of', 'questionable',
    'rule out', 'r / o', 'to rule out', 'evaluate for', 'evaluation for', 'workup for',
    'may have', 'might have', 'could have', 'may be', 'could be', 'might be', 'presumed', 'presumptive',
    'suggestive of', 'differential diagnosis', 'ddx', 'cannot rule out', 'can not rule out',
    'cannot exclude', 'not excluded', 'uncertain', 'equivocal', 'query', 'risk of',
    'at risk for', 'screening for', 'compatible with',
  ]),
  ...rules('uncertain', 'backward', [
    'cannot be ruled out', 'can not be ruled out', 'could not be ruled out', 'not been ruled out',
    'cannot be excluded', 'could not be excluded', 'not excluded', 'is suspected', 'was suspected',
    'is possible', 'is likely', 'is questionable',
  ]),
  ...rules('uncertain', 'both', ['?', 'versus', 'vs', 'or possibly']),
  ...rules('historical', 'forward', [
    'history of', 'h / o', 'hx of', 'hx', 'past medical history', 'pmh', 'past history of',
    'previous', 'previously', 'prior', 'status post', 's / p', 'remote', 'in childhood', 'old',
    'history significant for', 'significant for a history of', 'former',
  ]),
  ...rules('historical', 'backward', ['in the past', 'years ago', 'months ago', 'as a child', 'in childhood', 'previously', 'in remission']),
  ...rules('family', 'forward', [
    'family history of', 'family history', 'fh', 'fhx', 'family hx', 'family members with',
  ]),
  ...rules('family', 'both', [
    'mother', 'father', 'sister', 'brother', 'sibling', 'siblings', 'aunt', 'uncle', 'cousin',
    'grandmother', 'grandfather', 'grandparent', 'maternal', 'paternal', 'parents', 'parent',
    'son', 'daughter', 'twin', 'relative', 'relatives', 'mom', 'dad',
  ]),
  ...rules('pseudo', undefined, [
    'no increase', 'no change', 'no significant change', 'no interval change', 'not only', 'not necessarily',
    'no further', 'not certain if', 'not certain whether', 'gram negative', 'gram - negative', 'without difficulty',
    'not ruled out', 'not been ruled out', 'not drain', 'no suspicious change', 'not cause', 'not extend',
    'not significantly', 'no definite change', 'no new change', 'history of present illness', 'hpi',
    'free text', 'not appear', 'double negative', 'triple negative', 'not yet', 'no longer needed',
    'negative predictive', 'rule out criteria', 'risk of bias', 'old age', 'years old', 'year old', 'not known',
    'with and without', 'with or without', 'with and those without', 'with or those without',
  ]),
  ...[
    'but', 'however', 'although', 'though', 'yet', 'except', 'aside from', 'apart from', 'other than',
    'which', 'secondary to', 'due to', 'because of', 'cause of', 'causes of', 'etiology of',
    'source of', 'reason for', 'presenting with', 'presents with', 'presented with', 'complains of',
    'complaining of', 'now has', ';',
  ].map((phrase): ContextRule => ({ phrase, category: 'terminate' })),
  // The patient as subject ends a relative's scope: "mother had MI; patient has asthma".
  ...['patient', 'pt', 'the patient', 'he has', 'she has', 'he had', 'she had', 'he is', 'she is'].map(
    (phrase): ContextRule => ({ phrase, category: 'terminate', ends: ['family'] }),
  ),
];
