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
// "adenovirus disease": vocabularies name a disease by its agent as an infection.
const AGENT_DISEASE = /^(.+) (?:disease|illness)$/;

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
  const agent = AGENT_DISEASE.exec(key);
  if (agent) keys.push(`${agent[1]} infection`);
  return keys;
}
