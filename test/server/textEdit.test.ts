// How an edit is recovered from two versions of a text, and how entities move through it.
import { strict as assert } from 'node:assert';
import { diffTexts, shiftSpans } from '../../src/server/textEdit';

const spanOf = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, word });

describe('diffTexts', () => {
  it('finds a typed character', () => {
    assert.deepEqual(diffTexts('no fever', 'no fevers'), { start: 8, oldEnd: 8, newEnd: 9 });
  });

  it('finds a deletion and a replacement', () => {
    assert.deepEqual(diffTexts('aspirin 75 mg', 'aspirin mg'), { start: 8, oldEnd: 11, newEnd: 8 });
    assert.deepEqual(diffTexts('heart attack', 'heart failure'), { start: 6, oldEnd: 12, newEnd: 13 });
  });

  it('does not let prefix and suffix overlap when a repeated letter is typed', () => {
    // "aspirin" -> "aspiriin": the suffix must not reach back into the prefix.
    const change = diffTexts('aspirin', 'aspiriin')!;
    assert.equal(change.newEnd - change.oldEnd, 1);
    assert.ok(change.start <= change.oldEnd);
  });

  it('says nothing changed for equal texts', () => {
    assert.equal(diffTexts('same', 'same'), undefined);
  });
});

describe('shiftSpans', () => {
  const before = 'Metformin for diabetes. Aspirin daily.';

  it('moves entities after an insertion and keeps those before it', () => {
    const after = 'Metformin for type 2 diabetes. Aspirin daily.';
    const spans = [spanOf(before, 'Metformin'), spanOf(before, 'Aspirin')];
    const shifted = shiftSpans(spans, diffTexts(before, after)!, after);
    assert.deepEqual(shifted.map((s) => after.slice(s.start, s.end)), ['Metformin', 'Aspirin']);
  });

  it('drops an entity the edit falls inside', () => {
    const after = 'Metformin for diabxetes. Aspirin daily.';
    const spans = [spanOf(before, 'diabetes'), spanOf(before, 'Aspirin')];
    assert.deepEqual(shiftSpans(spans, diffTexts(before, after)!, after).map((s) => s.word), ['Aspirin']);
  });

  it('keeps an entity when a space or punctuation is typed right after it, drops it when a letter is', () => {
    const text = 'Aspirin daily';
    const spans = [spanOf(text, 'Aspirin')];
    const withComma = 'Aspirin, daily';
    assert.equal(shiftSpans(spans, diffTexts(text, withComma)!, withComma).length, 1);
    const longer = 'Aspirine daily';
    assert.equal(shiftSpans(spans, diffTexts(text, longer)!, longer).length, 0);
  });

  it('keeps an entity when a space is typed right before it, drops it when a joiner is (IL-6 -> pre-IL-6)', () => {
    const text = 'raised IL-6 today';
    const spans = [spanOf(text, 'IL-6')];
    const spaced = 'raised  IL-6 today';
    assert.deepEqual(shiftSpans(spans, diffTexts(text, spaced)!, spaced).map((s) => spaced.slice(s.start, s.end)), ['IL-6']);
    const joined = 'raised -IL-6 today';
    assert.equal(shiftSpans(spans, diffTexts(text, joined)!, joined).length, 0);
  });
});
