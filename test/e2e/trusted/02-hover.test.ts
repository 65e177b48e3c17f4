import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { biolens, completeDecorations, openInEditor, retypedEntities, screenshot, workspaceFile } from '../helpers';

/** The hovers at `position`, and their Markdown joined. */
async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<{ hovers: vscode.Hover[]; markdown: string }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return { hovers, markdown: hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n') };
}

describe('Hovering an entity', () => {
  it('shows its type and confidence, and its concept with the definition when concept linking is on', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    const painted = await completeDecorations(api, editor);
    // The standalone "Atrial fibrillation" of the assessment (the history's "paroxysmal atrial
    // fibrillation" is its own, more specific concept).
    const entity = painted.entities.find((e) => e.type === 'Disease' && /^atrial fibrillation$/i.test(e.text))!;
    assert.ok(entity, 'the note has a standalone atrial fibrillation mention');

    const inside = entity.range.start.translate(0, 2);
    const { hovers, markdown } = await hoversAt(editor.document.uri, inside);

    assert.match(markdown, /Disease/);
    assert.ok(hovers.some((h) => h.range?.isEqual(entity.range)), 'the hover covers the entity');
    if ('terminology' in api.state && api.state.terminology) {
      assert.match(markdown, /^### Atrial Fibrillation$/im, 'the preferred term');
      assert.match(markdown, /MESH:D001281/, 'the concept id, linked');
      assert.match(markdown, /\n\n[A-Z][^\n]{40,} — \*[^*]+\*/, 'a definition with its source');
    }

    await screenshot('02-hover', { hover: entity.text });
  });

  it('in a Clinical Note file reads an ambiguous abbreviation as a note means it, however short the note', async function () {
    // Nothing in this two-line note's text says it is a note (no headings, no shorthand): its
    // language does. "CP" beside "SOB" is then chest pain; to the vocabularies alone, cerebral palsy.
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('short-visit.note'));
    assert.equal(editor.document.languageId, 'clinical-note');
    const painted = await completeDecorations(api, editor);
    const cp = painted.entities.find((e) => e.text === 'CP');
    if (!cp || !('terminology' in api.state && api.state.terminology)) this.skip(); // a model that misses "CP", or no vocabulary
    const { markdown } = await hoversAt(editor.document.uri, cp!.range.start);
    assert.match(markdown, /^### Chest Pain$/m);
    assert.match(markdown, /may also name:\*\* Cerebral Palsy/);
  });

  it('over an organism named inside another entity shows the organism; over the rest, the outer entity', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('organisms.txt'));
    const painted = await completeDecorations(api, editor);
    const nested = painted.entities.flatMap((inner) => {
      const outer = painted.entities.find((e) => e !== inner && e.range.contains(inner.range) && !e.range.isEqual(inner.range));
      return inner.type === 'Species' && outer ? [{ inner, outer }] : [];
    });
    assert.ok(nested.length > 0, `an organism highlighted inside another entity: ${JSON.stringify(painted.entities.map((e) => [e.type, e.text]))}`);
    const hoverAt = async (position: vscode.Position) => {
      const { hovers } = await hoversAt(editor.document.uri, position);
      return hovers.find((h) => h.contents.some((c) => /confidence/.test(typeof c === 'string' ? c : c.value)));
    };
    for (const { inner, outer } of nested) {
      const onOrganism = await hoverAt(inner.range.start);
      assert.ok(onOrganism?.range?.isEqual(inner.range), `hovering "${inner.text}" covers the organism`);
      const elsewhere = inner.range.end.isBefore(outer.range.end) ? outer.range.end.translate(0, -1) : outer.range.start;
      const onOuter = await hoverAt(elsewhere);
      assert.ok(onOuter?.range?.isEqual(outer.range), `hovering "${outer.text}" away from "${inner.text}" covers the ${outer.type}`);
    }
  });

  it('over a name the vocabulary typed otherwise than the model shows its type and says so', async function () {
    // The session-5 model called "apixaban", "nimesulide" and "orthopnoea" species and
    // "Mycoplasma" a chemical in drug-names.txt; session 6's calls the curated abbreviations
    // "HFrEF" and "HFpEF" chemicals. Another model may not: then there is nothing to show.
    const retyped = retypedEntities();
    if (retyped.length === 0) this.skip();
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('drug-names.txt'));
    const painted = await completeDecorations(api, editor);
    for (const expected of retyped) {
      const entity = painted.entities.find((e) => editor.document.offsetAt(e.range.start) === expected.start && e.text === expected.text);
      assert.equal(entity?.type, expected.type, `"${expected.text}" is highlighted as a ${expected.type}`);
      const { markdown } = await hoversAt(editor.document.uri, entity!.range.start);
      assert.match(markdown, new RegExp(`^\\*\\*${expected.type}\\*\\* · confidence [0-9.]+ · type from the vocabulary \\(the model said [^)]+\\)`, 'm'));
    }
  });

  it('shows nothing away from entities', async () => {
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    const { hovers } = await hoversAt(editor.document.uri, new vscode.Position(0, 2));
    assert.equal(hovers.filter((h) => h.contents.some((c) => /confidence/.test(typeof c === 'string' ? c : c.value))).length, 0);
  });
});
