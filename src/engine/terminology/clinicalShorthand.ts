// The shorthand of clinical notes that is never an entity: dosing times and routes ("amlodipine
// 5 mg OD", "salbutamol inhaler PRN"), history headings ("PMH:", "HPI") and recorded negatives
// ("Allergies: NKDA"), and the heading "Allergies:" itself, which names the section, not a
// finding. The model, trained on abstracts, takes some of them for chemicals or diseases, and the
// vocabularies give a few a concept ("PRN" is an alias symbol of the gene CIAO3; "allergies"
// linked to MeSH's Drug Hypersensitivity). Only shorthand that means nothing else in biomedical
// text is listed: not "OD" (overdose), "PR" (progesterone receptor), "STAT" (the transcription
// factors), "NAD" (the coenzyme), "DNR" (daunorubicin), "SOB" (shortness of breath), "SC" (stem
// cells), "BD" (Behçet's disease, bipolar disorder), "ROS" (reactive oxygen species, five BC5CDR
// dev chemicals) or "HPC" (haematopoietic progenitor cells).
import type { Annotation } from '../types';

const SHORTHAND = new Set([
  // when and how a drug is taken
  'PRN', 'BID', 'TID', 'TDS', 'QID', 'QDS', 'QHS', 'QAM', 'QPM', 'NOCTE', 'MANE', 'PO', 'NBM', 'NPO',
  // history headings
  'PMH', 'PMHx', 'PSH', 'HPI', 'Hx', 'FHx', 'SHx', 'DHx', 'Dx', 'Rx', 'O/E', 'C/O', 'F/U',
  // recorded negatives and orders
  'NKDA', 'NKA', 'NKFA', 'TTO', 'DNACPR', 'DNAR', 'NOK',
]);

// Section headings a finding's name can be: only as a heading, right before its colon.
const HEADING = /^(?:allerg(?:y|ies)|drug allerg(?:y|ies)|known allerg(?:y|ies))$/i;

/** Whether `a`, an entity of `text`, is clinical shorthand or a section heading that names no entity. */
export function isClinicalShorthand(a: Annotation, text: string): boolean {
  return SHORTHAND.has(a.text) || (HEADING.test(a.text) && /^[ \t]*:/.test(text.slice(a.end, a.end + 4)));
}
