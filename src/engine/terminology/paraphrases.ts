// Paraphrases of a condition that vocabularies name another way. Authors describe a condition
// by the organ and a general head ("renal impairment", "pulmonary toxicity", "skin lesions"),
// by a loss of function ("decreased renal function"), by its manifestations ("psychotic
// symptoms", "syncopal attacks") or by its agent ("adenovirus disease"); MeSH, DO and HPO name
// the organ's disease ("Kidney Diseases", "Lung Diseases", "Skin Diseases"), its insufficiency
// ("Renal Insufficiency"), the condition itself ("psychosis") or the infection ("Adenoviridae
// Infections", entry term "adenovirus infection"). Each function takes a normalised key and gives the
// keys to try, most specific first. The linker tries them after exact and fuzzy matching fail,
// so a name the vocabularies list (or nearly list) always wins over a paraphrase.
import { nounVariants } from './morphology';

const ORGAN_CONDITION = /^(.+) (?:impairment|dysfunction|damage|injury|lesion|involvement|toxicity|abnormality|illness|complication|disturbance|pathology|problem)$/;
const FUNCTION_LOSS = /^(?:decreased|reduced|impaired|diminished|poor|abnormal|altered|deteriorating|worsening|worsened|loss of|reduction in|reduction of|decline in|impairment of|deterioration of|worsening of) (.+) function$/;
const MANIFESTATION = /^(.+?)(?: like)? (?:symptom|sign|episode|attack|event|manifestation|feature|finding)$/;
// "adenovirus disease": vocabularies name a disease by its agent as an infection.
const AGENT_DISEASE = /^(.+) (?:disease|illness)$/;

/** Keys for the condition a paraphrase names, most specific first ([] when it is none). */
export function conditionParaphrases(key: string): string[] {
  const keys: string[] = [];
  const loss = FUNCTION_LOSS.exec(key);
  if (loss) keys.push(`${loss[1]} insufficiency`, `${loss[1]} failure`, `${loss[1]} disease`);
  const organ = ORGAN_CONDITION.exec(key);
  if (organ) keys.push(`${organ[1]} disease`, `${organ[1]} disorder`);
  const manifestation = MANIFESTATION.exec(key);
  if (manifestation) keys.push(manifestation[1], ...nounVariants(manifestation[1]));
  const agent = AGENT_DISEASE.exec(key);
  if (agent) keys.push(`${agent[1]} infection`);
  return keys;
}
