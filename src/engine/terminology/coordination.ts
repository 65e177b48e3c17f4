// Coordinated mentions: "renal or hepatic toxicity", "cleft lip and palate", "ventricular
// tachycardia and fibrillation" name two conditions that share a head or a modifier (the
// BC5CDR and NCBI disease guidelines call them composite mentions). Vocabularies list each
// condition alone, so the mention is expanded into its conjuncts, each written in full:
//   shared head      "renal or hepatic toxicity"  → renal toxicity, hepatic toxicity
//   shared modifier  "cleft lip and palate"       → cleft lip, cleft palate
// A mention with no coordination gives [].

const CONJUNCTION = /\s*(?:,\s*(?:and\/or|and|or)\s+|,\s*|\s+and\/or\s+|\s+and\s+|\s+or\s+|\/)\s*/i;
const MAX_CONJUNCTS = 5;

/** The conditions a coordinated mention names, each in full, in the order written. */
export function expandCoordination(mention: string): string[] {
  const conjuncts = mention.trim().split(CONJUNCTION).filter(Boolean);
  if (conjuncts.length < 2 || conjuncts.length > MAX_CONJUNCTS) return [];
  const words = conjuncts.map((c) => c.split(/\s+/));
  const last = words[words.length - 1];
  const first = words[0];
  const singles = (list: string[][]) => list.every((w) => w.length === 1);
  // "renal or hepatic toxicity": single-word modifiers before a last conjunct that has the head.
  if (singles(words.slice(0, -1)) && last.length > 1) {
    const head = last.slice(1).join(' ');
    return [...words.slice(0, -1).map((w) => `${w[0]} ${head}`), last.join(' ')];
  }
  // "cleft lip and palate": a first conjunct whose modifier the single-word others share.
  if (singles(words.slice(1)) && first.length > 1) {
    const modifier = first.slice(0, -1).join(' ');
    return [first.join(' '), ...words.slice(1).map((w) => `${modifier} ${w[0]}`)];
  }
  // Conjuncts already in full ("arterial thrombosis or venous thromboembolism").
  return conjuncts;
}
