// Paraphrases of a condition that vocabularies name another way. Authors describe a condition
// by the organ and a general head ("renal impairment", "pulmonary toxicity", "skin lesions"),
// by a loss of function ("decreased renal function"), by its manifestations ("psychotic
// symptoms", "syncopal attacks") or by its agent ("adenovirus disease"); MeSH, DO and HPO name
// the organ's disease ("Kidney Diseases", "Lung Diseases", "Skin Diseases"), its insufficiency
// ("Renal Insufficiency"), the condition itself ("psychosis") or the infection ("Adenoviridae
// Infections", entry term "adenovirus infection"). Each function takes a normalised key and gives the
// keys to try, most specific first. The linker tries them after exact and fuzzy matching fail,
// so a name the vocabularies list (or nearly list) always wins over a paraphrase. Each key is
// also tried with its organ adjective as a noun ("cerebral damage" → brain disease, organs.ts).
import { nounVariants } from './morphology';
import { organRewrites } from './organs';

const ORGAN_CONDITION = /^(.+) (?:impairment|dysfunction|damage|injury|lesion|involvement|toxicity|abnormality|illness|complication|disturbance|pathology|problem|deficit|insult|alteration)$/;
const FUNCTION_LOSS = /^(?:decreased|reduced|impaired|diminished|poor|abnormal|altered|deteriorating|worsening|worsened|loss of|reduction in|reduction of|decline in|impairment of|deterioration of|worsening of) (.+) function$/;
const MANIFESTATION = /^(.+?)(?: like)? (?:symptom|sign|episode|attack|event|manifestation|feature|finding)$/;
// "damage to the muscle", "lesions within the white matter": the organ after the head.
const HEAD_FIRST = /^(impairment|dysfunction|damage|injury|lesion|toxicity|abnormality|disturbance|deficit|disease|disorder) (?:of|to|in|within|at) (?:the )?(.+)$/;
// Authors name a cancer by its histology or as a tumour; MeSH files it under the organ's
// neoplasms ("prostate adenocarcinoma", "gastric cancer": Prostatic, Stomach Neoplasms).
const NEOPLASM = /^(.+) (?:cancer|carcinoma|adenocarcinoma|adenoma|tumor|tumour|malignancy)$/;
// A disease named only by how it is inherited ("an autosomal recessive disorder", "X-linked
// disease", "genetic defect"): MeSH's Genetic Diseases, Inborn (or, X-linked, Genetic Diseases,
// X-Linked), under whose entry terms "genetic disease" and "X-linked genetic disease".
const INHERITED = /^(?:((?:x|sex) linked) |autosomal )?(?:(?:recessive|recessively|dominant|dominantly|inherited|hereditary|heritable|genetic|familial) )?(?:(?:inherited|transmitted) )?(?:disorder|disease|condition|defect|illness)$/;
// Authors write "malformations" and "anomalies"; MeSH files them as abnormalities ("Congenital
// Abnormalities", "Cardiovascular Abnormalities"). Alone, or said to be developmental or
// congenital, they are the congenital abnormalities (a "fetal malformation" is MeSH's entry term).
const MALFORMATION = /^(?:(.+) )?(?:malformation|anomaly)$/;
const CONGENITAL = /^(?:developmental|congenital|fetal|birth|multiple congenital)$/;
// "adenovirus disease": vocabularies name a disease by its agent as an infection.
const AGENT_DISEASE = /^(.+) (?:disease|illness)$/;
// A measure said to change, with a noun ("prolongation of the QT interval", "rise in blood
// pressure", "IOP rise") or a participle ("a falling platelet count"): vocabularies, HPO above
// all, name the finding with an adjective ("Prolonged QT interval", "Increased blood pressure",
// "Decreased platelet count"). Each change gives the adjectives to try, the usual one first.
const UP = ['increased', 'elevated', 'high'];
const DOWN = ['decreased', 'reduced', 'low'];
const CHANGES: Record<string, string[]> = {
  prolongation: ['prolonged'], lengthening: ['prolonged'], shortening: ['shortened', 'short'],
  increase: UP, elevation: UP, rise: UP, rising: UP, increasing: UP, raised: UP,
  decrease: DOWN, reduction: DOWN, fall: DOWN, falling: DOWN, drop: DOWN, decline: DOWN, declining: DOWN, decreasing: DOWN, lowering: DOWN,
};
const CHANGE = Object.keys(CHANGES).join('|');
const CHANGE_OF = new RegExp(`^(?:an? )?(${CHANGE}) (?:of|in) (?:the )?(.+)$`);
const CHANGE_AFTER = new RegExp(`^(.+) (${CHANGE})$`);
const CHANGING = new RegExp(`^(?:an? )?(${CHANGE}) (.+)$`);

// An infection named by its virus ("hepatitis C virus infection", "infected with influenza
// virus"): the disease is usually named after the virus without the word ("Hepatitis C",
// "Influenza"). Synonyms rather than paraphrases: the linker tries them before fuzzy matching,
// which otherwise finds a broader name ("Hepatitis, Viral, Human").
const VIRUS_INFECTION = /^(?:(.+) virus infection|infected with (?:an? |the )?(.+) virus|(.+) virus infected)$/;

// A subtype written first with the word "type" ("type B hepatitis", "type A hepatitis"):
// vocabularies name it after the disease, by its letter or number alone ("Hepatitis B"), or
// inverted with the word ("von Willebrand Disease, Type 1", which the linker's reordered key
// already finds). Synonyms too: tried before fuzzy matching, which finds the bare "Hepatitis".
const TYPE_FIRST = /^type ([a-z]|\d{1,2}[a-z]?) (.+)$/;

/** "type b hepatitis" → "hepatitis b" (see TYPE_FIRST). */
export function subtypeSynonyms(key: string): string[] {
  const m = TYPE_FIRST.exec(key);
  return m ? [`${m[2]} ${m[1]}`] : [];
}

/** "hepatitis c virus infection" → "hepatitis c" (see VIRUS_INFECTION). */
export function infectionSynonyms(key: string): string[] {
  const m = VIRUS_INFECTION.exec(key);
  const virus = m?.[1] ?? m?.[2] ?? m?.[3];
  return virus ? [virus, `${virus} infection`] : [];
}

/** Keys for the condition a paraphrase names, most specific first ([] when it is none). */
export function conditionParaphrases(key: string): string[] {
  const headFirst = HEAD_FIRST.exec(key);
  const phrasings = [key, ...(headFirst ? [`${headFirst[2]} ${headFirst[1]}`] : [])];
  const keys = phrasings.flatMap((k, i) => [...(i ? [k] : []), ...paraphrasesOf(k), ...organRewrites(k).flatMap((r) => [r, ...paraphrasesOf(r)])]);
  return [...new Set(keys)].filter((k) => k !== key);
}

function paraphrasesOf(key: string): string[] {
  const keys: string[] = [];
  const loss = FUNCTION_LOSS.exec(key);
  if (loss) keys.push(`${loss[1]} insufficiency`, `${loss[1]} failure`, `${loss[1]} disease`, `${loss[1]} disorder`);
  const organ = ORGAN_CONDITION.exec(key);
  if (organ) keys.push(`${organ[1]} disease`, `${organ[1]} disorder`);
  const manifestation = MANIFESTATION.exec(key);
  if (manifestation) keys.push(manifestation[1], ...nounVariants(manifestation[1]));
  const neoplasm = NEOPLASM.exec(key);
  if (neoplasm) keys.push(`${neoplasm[1]} neoplasm`);
  const inherited = INHERITED.exec(key);
  if (inherited && key.includes(' ')) keys.push(...(inherited[1] ? ['x linked genetic disease'] : []), 'genetic disease');
  const malformation = MALFORMATION.exec(key);
  if (malformation) keys.push(...(!malformation[1] || CONGENITAL.test(malformation[1]) ? ['congenital abnormality'] : [`${malformation[1]} abnormality`, `congenital ${malformation[1]} abnormality`]));
  const agent = AGENT_DISEASE.exec(key);
  if (agent) keys.push(`${agent[1]} infection`);
  keys.push(...changedMeasure(key));
  return keys;
}

/** "prolongation of the qt interval" → "prolonged qt interval" (see CHANGES). */
function changedMeasure(key: string): string[] {
  const of = CHANGE_OF.exec(key) ?? CHANGING.exec(key);
  const after = CHANGE_AFTER.exec(key);
  const [change, measure] = of ? [of[1], of[2]] : after ? [after[2], after[1]] : [];
  if (!change || !measure) return [];
  return CHANGES[change].map((adjective) => `${adjective} ${measure}`);
}
