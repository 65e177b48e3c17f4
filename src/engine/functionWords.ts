// English words that never name an entity on their own: articles, pronouns, prepositions,
// conjunctions, auxiliaries and modals, negation and time words ("Denies" of a clinical note),
// months and weekdays. The model, trained on abstracts, sometimes tags one in a clinical note
// ("No" as a chemical, "ago", "Denies" or "March" as a disease). And the Greek letters' names,
// which only qualify a name ("beta" of "beta subunit": a chemical 13 times on BC5CDR dev, never
// in its gold). Written out here rather than learnt: a closed class needs no corpus.
// And a few words that are part of an entity's name or an outcome, never one alone: "death(s)"
// (an outcome; "sudden death" is a name), "acid" and "mRNA" (of what?), the verb "met" (a
// chemical to the model: 46 such spans on the BC5CDR, NCBI-disease, BC2GM and linnaeus dev
// splits, none in their gold).
// All-capital forms are not in it: "NO" is nitric oxide, "AT" ataxia-telangiectasia.
const WORDS = `
a an the this that these those some any each every either neither both all no none other another such
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones
who whom whose which what where when why how whether if than then so too very also just only even still yet
not nor or and but either because although though while whereas unless until since as per via
of in on at to from by for with within without into onto upon about above below over under between among
through throughout during before after against along across around behind beyond near off out up down
is am are was were be been being do does did done doing have has had having
can could may might must shall should will would ought
yes ago now today tonight yesterday tomorrow here there later soon already again ever never always often
denies denied
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
alpha beta gamma delta epsilon zeta theta iota kappa lambda sigma omega
death deaths acid acids mrna cdna met
`;

const FUNCTION_WORDS = new Set(WORDS.split(/\s+/).filter(Boolean));

/** `word` is a function or time word in lower or title case ("No", "ago"), not an acronym ("NO"). */
export function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase();
  return FUNCTION_WORDS.has(lower) && (word.length === 1 || word !== word.toUpperCase());
}

// Also never an entity: a lone number, with at most one lowercase letter after it ("3a" of "CKD
// stage 3a", "15", compound "2t"); no corpus annotates one ("20S" of a proteasome keeps its
// capital). And the name of a clinical measurement, alone or with its value ("eGFR 39", "INR
// 1.1", "BMI 31"): the model, meeting a clinical note's lab line, calls them genes. Only the
// measurements that are no substance: "Hb 121" and "CRP 8" name proteins (their values are the
// model's error, not the name's). Nor a variant's dbSNP id ("rs6693503", a chemical to the model
// in BC5CDR: a position in a genome, no substance). Nor a number written as a word ("ten"), a
// classification with or without its number ("type 2", "class III", "stage IIIB": what it
// classifies is the entity), or a prefix cut off its word ("non" of "non-papillary"): 25 such
// spans on the BC5CDR, NCBI-disease, BC2GM and linnaeus dev splits, none in their gold.
const NUMBER = /^(?:\d+[a-z]?|rs\d{3,})$/;
const WORDS_OF_NUMBER_OR_CLASS =
  /^(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|non|anti|pre|post)|(?:type|class|stage|grade|group|phase)(?:\s+(?:\d+|[IVX]+)[A-Za-z]?)?)$/i;
const MEASURES = new Set(['eGFR', 'GFR', 'BMI', 'INR', 'SpO2', 'SaO2', 'BP', 'HR', 'RR', 'MAP']);
const MEASURE_WITH_VALUE = /^(\S+)(?:\s+[\d.,/%]+)?$/;

// Nor a PCR method's name ("qPCR", "RT-PCR", "ddPCR": droplet digital PCR was a disease at 0.97 in
// the research note): a technique. No dev split has one in its gold or in the model's output.
const PCR_METHOD = /^(?:[a-z]{1,3}|RT-?q?|q?RT-)?PCR$/;

/** `surface` (a whole span) is a lone number (in digits or a word), a dbSNP id, a classification, a cut-off prefix, a PCR method or a clinical measurement's name, with or without its value. */
export function isNeverAnEntityAlone(surface: string): boolean {
  if (NUMBER.test(surface) || WORDS_OF_NUMBER_OR_CLASS.test(surface) || PCR_METHOD.test(surface)) return true;
  const name = MEASURE_WITH_VALUE.exec(surface)?.[1];
  return name !== undefined && MEASURES.has(name);
}

// A lone verb form in "-ing" ("combining", "spiking", "smoking", "losing") names an event, not a
// substance, gene, organism or cell: the model tagged these in every corpus, and no corpus's
// gold has one. Only a disease may be one ("vomiting", "bleeding", "itching").
const GERUND = /^\p{Lu}?\p{Ll}{3,}ing$/u;

/** `surface` (a whole span) is a lone "-ing" word ("Smoking" at a sentence start too), which only a Disease span may be. */
export function isGerund(surface: string): boolean {
  return GERUND.test(surface);
}
