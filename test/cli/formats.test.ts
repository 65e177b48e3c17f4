// Each format reads what it writes, and reads the real files it is meant for.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../src/engine/types';
import {
  EntityTypeMapper, FormatError, parseTypeMap, readBioC, readBrat, readConll, readJsonl, readPubTator,
  writeBioC, writeBratAnn, writeConll, writeJsonl, writePubTator, type Document,
} from '../../src/engine/formats';

const fixtures = join(__dirname, '..', 'fixtures', 'formats');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const bc5cdr = readPubTator(fixture('BC5CDR-dev-sample.PubTator.txt'));

// A note with non-ASCII text, blank lines, a newline-free mention, a concept and a score.
const noteText = 'Sjögren’s syndrome.\n\nStarted cisplatin 75 mg/m² for HeLa-like tumour; no “rash”.\n';
const at = (mention: string, type: Annotation['type'], extra: Partial<Annotation> = {}): Annotation => {
  const start = noteText.indexOf(mention);
  return { start, end: start + mention.length, text: mention, type, score: 1, ...extra };
};
const note: Document = {
  id: 'note.txt',
  text: noteText,
  annotations: [
    at('Sjögren’s syndrome', 'Disease', { concept: { id: 'MESH:D012859', vocabulary: 'MeSH', preferred: '', xrefs: [] } }),
    at('cisplatin', 'Chemical'),
    at('HeLa', 'CellLine'),
    at('rash', 'Disease'),
  ],
};

/** What a round trip must keep: span, type, surface text and concept id. */
const essentials = (d: Document) => d.annotations.map((a) => [a.start, a.end, a.type, a.text, a.concept?.id ?? null]);

describe('PubTator', () => {
  it('reads the BC5CDR sample: 20 abstracts, title + space + abstract, mentions that slice to their text', () => {
    assert.equal(bc5cdr.length, 20);
    const first = bc5cdr[0];
    assert.equal(first.id, '6794356');
    assert.ok(first.text.startsWith('Tricuspid valve regurgitation and lithium carbonate toxicity in a newborn infant. A newborn'));
    assert.deepEqual(essentials(first).slice(0, 2), [
      [0, 29, 'Disease', 'Tricuspid valve regurgitation', 'MESH:D014262'],
      [34, 51, 'Chemical', 'lithium carbonate', 'MESH:D016651'],
    ]);
    for (const d of bc5cdr) for (const a of d.annotations) assert.equal(d.text.slice(a.start, a.end), a.text);
  });

  it('round-trips the corpus sample and a note with line breaks', () => {
    assert.deepEqual(readPubTator(writePubTator(bc5cdr)), bc5cdr);
    const [again] = readPubTator(writePubTator([note]));
    assert.deepEqual(essentials(again), essentials(note));
    assert.equal(again.text.length, note.text.length, 'line breaks become spaces one for one');
  });

  it('writes - for an annotation without a concept', () => {
    assert.match(writePubTator([note]), /\t\d+\t\d+\tcisplatin\tChemical\t-\n/);
  });

  it('maps NCBI-disease subtypes to Disease and reports unknown types instead of guessing', () => {
    const types = new EntityTypeMapper();
    const [d] = readPubTator('1|t|Colon cancer and BRCA1.\n1|a|\n1\t0\t12\tColon cancer\tSpecificDisease\tD003110\n1\t17\t22\tBRCA1\tProtein\t-\n', types);
    assert.deepEqual(essentials(d), [[0, 12, 'Disease', 'Colon cancer', 'MESH:D003110']]);
    assert.deepEqual([...types.unmapped], [['Protein', 1]]);
  });

  it('rejects a mention whose text is not at its offsets, naming the line', () => {
    assert.throws(() => readPubTator('1|t|Aspirin helps.\n1|a|\n1\t0\t7\tAspirim\tChemical\t-\n'), /line 3: mention "Aspirim" does not match/);
    // NCBI-disease's training set: the mention column has two spaces more than the span.
    const [doc] = readPubTator('1|t|Febrile seizures " plus " in a family.\n1|a|\n1\t0\t25\tFebrile seizures " plus "  \tSpecificDisease\tD003294\n');
    assert.equal(doc.annotations[0].text, 'Febrile seizures " plus "');
  });
});

describe('BRAT standoff', () => {
  it('reads entities and normalisations and ignores relations and notes', () => {
    const d = readBrat('cisplatin', fixture('brat/cisplatin.txt'), fixture('brat/cisplatin.ann'));
    assert.deepEqual(essentials(d), [
      [0, 9, 'Chemical', 'Cisplatin', 'MESH:D002945'],
      [17, 36, 'Disease', 'acute kidney injury', null],
      [40, 44, 'CellLine', 'HeLa', null],
    ]);
  });

  it('round-trips', () => {
    assert.deepEqual(essentials(readBrat(note.id, note.text, writeBratAnn(note))), essentials(note));
  });

  it('rejects discontinuous spans with a clear message', () => {
    assert.throws(
      () => readBrat('x', 'breast and ovarian cancer', 'T1\tDisease 0 6;19 25\tbreast cancer\n'),
      (e: Error) => e instanceof FormatError && /line 1: T1 has a discontinuous span \(0 6;19 25\)/.test(e.message),
    );
  });
});

describe('BioC XML', () => {
  const xml = writeBioC([note, ...bc5cdr.slice(0, 2)], { date: '20250101' });

  it('writes a collection with one passage per paragraph and absolute annotation offsets', () => {
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection>\n  <source>BioLens<\/source>\n  <date>20250101<\/date>/);
    assert.equal((xml.match(/<passage>/g) ?? []).length, 2 + 2);
    assert.match(xml, /<offset>21<\/offset>/);
    assert.match(xml, /<infon key="type">CellLine<\/infon>\n.*\n\s*<location offset="52" length="4"\/>\n\s*<text>HeLa<\/text>/);
    assert.match(xml, /no “rash”/);
  });

  it('round-trips, keeping text length and offsets', () => {
    const again = readBioC(xml);
    assert.deepEqual(again.map((d) => d.id), [note.id, bc5cdr[0].id, bc5cdr[1].id]);
    assert.deepEqual(again.map(essentials), [note, ...bc5cdr.slice(0, 2)].map(essentials));
    assert.equal(again[1].text, bc5cdr[0].text);
  });

  it('escapes markup characters in text', () => {
    const d: Document = { id: 'a<b>&"c"', text: 'IC50 < 5 µM & "x"', annotations: [] };
    const [again] = readBioC(writeBioC([d]));
    assert.deepEqual([again.id, again.text], [d.id, d.text]);
  });

  it('rejects an annotation with two locations and broken XML', () => {
    const twoLocations = xml.replace('<location offset="0" length="18"/>', '<location offset="0" length="7"/><location offset="10" length="8"/>');
    assert.throws(() => readBioC(twoLocations), /has 2 locations/);
    assert.throws(() => readBioC('<collection><document></collection>'), /line 1: <\/collection> does not close <document>/);
  });
});

describe('JSONL', () => {
  it('round-trips whole annotations, one object per line', () => {
    const text = writeJsonl([note, bc5cdr[0]]);
    assert.equal(text.split('\n').filter(Boolean).length, 2);
    assert.deepEqual(readJsonl(text), [note, bc5cdr[0]]);
  });

  it('accepts documents without text when each annotation carries its mention', () => {
    const [d] = readJsonl('{"id":"p1","annotations":[{"start":3,"end":10,"text":"aspirin","type":"chemical"}]}\n');
    assert.deepEqual(essentials(d), [[3, 10, 'Chemical', 'aspirin', null]]);
  });

  it('names the line of a bad object', () => {
    assert.throws(() => readJsonl('{"id":"a","annotations":[]}\n{"id":1}\n'), /line 2: expected an object/);
  });
});

describe('CoNLL', () => {
  it('reads the BC5CDR IOB sample: one document per sentence, tokens joined by spaces', () => {
    const docs = readConll(fixture('BC5CDR-IOB-dev-sample.tsv'));
    assert.equal(docs.length, 40);
    assert.ok(docs[0].text.startsWith('22 - oxacalcitriol suppresses secondary hyperparathyroidism without'));
    assert.deepEqual(essentials(docs[0]).slice(0, 2), [
      [0, 18, 'Chemical', '22 - oxacalcitriol', null],
      [30, 59, 'Disease', 'secondary hyperparathyroidism', null],
    ]);
  });

  it('round-trips an already tokenised document exactly', () => {
    const text = 'Lithium carbonate causes tricuspid regurgitation . It also causes cyanosis .';
    const d: Document = { id: '1', text, annotations: [] };
    for (const [mention, type] of [['Lithium carbonate', 'Chemical'], ['tricuspid regurgitation', 'Disease'], ['cyanosis', 'Disease']] as const) {
      const start = text.indexOf(mention);
      d.annotations.push({ start, end: start + mention.length, text: mention, type, score: 1 });
    }
    const written = writeConll([d]);
    assert.match(written, /^-DOCSTART-\tO\n\nLithium\tB-Chemical\ncarbonate\tI-Chemical\ncauses\tO\n/);
    assert.match(written, /\.\tO\n\nIt\tO\n/, 'a blank line after each sentence');
    assert.deepEqual(readConll(written), [d]);
  });

  it('round-trips untokenised text to the same mentions in space-joined text', () => {
    const [again] = readConll(writeConll([note]));
    assert.deepEqual(again.annotations.map((a) => [a.type, a.text]), [
      ['Disease', 'Sjögren ’ s syndrome'], ['Chemical', 'cisplatin'], ['CellLine', 'HeLa'], ['Disease', 'rash'],
    ]);
    for (const a of again.annotations) assert.equal(again.text.slice(a.start, a.end), a.text);
  });

  it('splits a word at an entity boundary', () => {
    const d: Document = { id: '1', text: 'Parkinsonian rats', annotations: [{ start: 0, end: 9, text: 'Parkinson', type: 'Disease', score: 1 }] };
    assert.match(writeConll([d]), /Parkinson\tB-Disease\nian\tO\nrats\tO/);
  });

  it('reads IOB1-style I- starts, untyped labels through the type map, and rejects bad labels', () => {
    const [iob1] = readConll('Aspirin\tI-Chemical\nand\tO\nBRCA1\tI-GENE\n');
    assert.deepEqual(essentials(iob1), [[0, 7, 'Chemical', 'Aspirin', null], [12, 17, 'Gene', 'BRCA1', null]]);
    const [untyped] = readConll('Escherichia\tB\ncoli\tI\n', { types: new EntityTypeMapper(parseTypeMap('ENTITY:Species')) });
    assert.deepEqual(essentials(untyped), [[0, 16, 'Species', 'Escherichia coli', null]]);
    assert.throws(() => readConll('a\tO\nb\tX-Gene\n'), /line 2: label 'X-Gene'/);
  });
});

describe('type maps', () => {
  it('parse FROM:TO lists, normalise the six names and ignore with -', () => {
    assert.deepEqual(parseTypeMap('GENE:gene, protein:Gene,DNA:-,cell_line:cell-line'), { GENE: 'Gene', protein: 'Gene', DNA: null, cell_line: 'CellLine' });
    assert.throws(() => parseTypeMap('protein:Protein'), /'Protein' is not one of Chemical, Disease/);
    const types = new EntityTypeMapper(parseTypeMap('DNA:-'));
    assert.deepEqual([types.resolve('DNA'), types.resolve('cell_type'), types.resolve('RNA')], [undefined, 'CellType', undefined]);
    assert.deepEqual([...types.unmapped], [['RNA', 1]], 'deliberately ignored types are not reported');
  });
});
