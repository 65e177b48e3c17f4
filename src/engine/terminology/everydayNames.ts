// Everyday words that the vocabularies file under another concept than the one a note means.
// To MeSH and ChEBI "alcohol" is the class of compounds with a hydroxy group (MeSH Alcohols,
// ChEBI alcohol); to a clinician it is ethanol, the drink ("alcohol abuse", "stopped alcohol"),
// and so it is to BC5CDR's annotators (17 of 17 mentions in its training split: Ethanol).
// "salt" taken with food is table salt, MeSH's entry term of Sodium Chloride, Dietary (BC5CDR: 5
// of 5), not the class Salts. Only the singular as written: "alcohols" and "salts" are the classes,
// and a longer name ("benzyl alcohol", "bile salt") is its own.
import type { EntityType } from '../types';

const EVERYDAY: Record<string, { type: EntityType; name: string }> = {
  alcohol: { type: 'Chemical', name: 'ethanol' },
  salt: { type: 'Chemical', name: 'table salt' },
};

/** The name of what `text`, an entity of `type`, means in everyday use, when that is another concept's. */
export function everydaySense(text: string, type: EntityType): string | undefined {
  const sense = EVERYDAY[text.trim().toLowerCase()];
  return sense?.type === type ? sense.name : undefined;
}
