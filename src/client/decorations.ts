// Entity highlights as editor decorations: one decoration type per entity type, in theme colours
// (contributed in package.json as biolens.<type>.background / .underline, so light, dark and
// high-contrast themes each get their own, and users can override them), and a second one per
// type for negated mentions ("no chest pain"). Painting happens only from the AnnotationStore,
// which holds nothing but results for the document's current version.
import * as vscode from 'vscode';
import { ENTITY_TYPES, type Annotation, type EntityType } from '../protocol';
import type { AnnotationStore } from './annotationStore';
import type { Config, DecorationStyle, NegatedStyle } from './config';

/** What is painted in one editor, for tests and tools (see api.ts). */
export interface PaintedDecorations {
  uri: string;
  version: number;
  state: string;
  entities: Array<{ type: EntityType; negated: boolean; range: vscode.Range; text: string }>;
}

type DecorationKey = `${EntityType}:${'plain' | 'negated'}`;

export class DecorationPainter implements vscode.Disposable {
  private types = new Map<DecorationKey, vscode.TextEditorDecorationType>();
  private readonly painted = new Map<vscode.TextEditor, PaintedDecorations>();
  private readonly paintedEmitter = new vscode.EventEmitter<PaintedDecorations>();
  readonly onDidPaint = this.paintedEmitter.event;
  private enabled = true;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: AnnotationStore,
    private readonly config: Config,
  ) {
    this.types = createDecorationTypes(config.decorationStyle, config.negatedStyle);
    this.subscriptions = [
      store.onDidChange((uri) => this.paintDocument(uri)),
      // A tab switched away from disposes its TextEditor; switching back makes a new one. What was
      // painted in the old one must go, or paintedIn() would report a stale version.
      vscode.window.onDidChangeVisibleTextEditors(() => {
        this.forgetHiddenEditors();
        this.paintAll();
      }),
      vscode.workspace.onDidCloseTextDocument(() => this.forgetHiddenEditors()),
      this.paintedEmitter,
    ];
  }

  get highlighting(): boolean {
    return this.enabled;
  }

  setHighlighting(enabled: boolean): void {
    this.enabled = enabled;
    this.paintAll();
  }

  /** The style settings changed: new decoration types, painted again. */
  restyle(): void {
    for (const type of this.types.values()) type.dispose();
    this.types = createDecorationTypes(this.config.decorationStyle, this.config.negatedStyle);
    this.painted.clear();
    this.paintAll();
  }

  paintedIn(uri: vscode.Uri): PaintedDecorations | undefined {
    const key = uri.toString();
    return [...this.painted.values()].find((p) => p.uri === key);
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  private paintDocument(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) this.paint(editor);
  }

  private paint(editor: vscode.TextEditor): void {
    const known = this.store.current(editor.document);
    // Not known for this version yet: leave what is painted (VS Code moves it along with edits)
    // until the server's result for this version arrives. Never paint another version's ranges.
    if (!known) return;
    const shown = this.enabled ? known.annotations : [];
    const byKey = new Map<DecorationKey, vscode.Range[]>();
    const entities: PaintedDecorations['entities'] = [];
    for (const a of shown) {
      const negated = isNegated(a);
      const range = new vscode.Range(editor.document.positionAt(a.start), editor.document.positionAt(a.end));
      const key: DecorationKey = `${a.type}:${negated ? 'negated' : 'plain'}`;
      const ranges = byKey.get(key) ?? [];
      ranges.push(range);
      byKey.set(key, ranges);
      entities.push({ type: a.type, negated, range, text: a.text });
    }
    for (const [key, type] of this.types) editor.setDecorations(type, byKey.get(key) ?? []);
    const painted = { uri: known.uri, version: known.version, state: known.state, entities };
    this.painted.set(editor, painted);
    this.paintedEmitter.fire(painted);
  }

  private forgetHiddenEditors(): void {
    const visible = new Set(vscode.window.visibleTextEditors);
    for (const editor of this.painted.keys()) if (!visible.has(editor)) this.painted.delete(editor);
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function isNegated(a: Annotation): boolean {
  return a.context?.negated === true;
}

function createDecorationTypes(style: DecorationStyle, negatedStyle: NegatedStyle): Map<DecorationKey, vscode.TextEditorDecorationType> {
  const types = new Map<DecorationKey, vscode.TextEditorDecorationType>();
  for (const type of ENTITY_TYPES) {
    const colour = new vscode.ThemeColor(`biolens.${colourId(type)}.${style}`);
    const base: vscode.DecorationRenderOptions =
      style === 'background'
        ? { backgroundColor: colour, borderRadius: '2px' }
        : { borderStyle: 'solid', borderColor: colour, borderWidth: '0 0 2px 0' };
    const common: vscode.DecorationRenderOptions = {
      ...base,
      // Typing at an entity's edge must not stretch its highlight before the server answers.
      rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
      overviewRulerColor: new vscode.ThemeColor(`biolens.${colourId(type)}.underline`),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    };
    types.set(`${type}:plain`, vscode.window.createTextEditorDecorationType(common));
    const negated: vscode.DecorationRenderOptions =
      negatedStyle === 'strikethrough' ? { textDecoration: 'line-through', opacity: '0.75' } : negatedStyle === 'dimmed' ? { opacity: '0.5' } : {};
    types.set(`${type}:negated`, vscode.window.createTextEditorDecorationType({ ...common, ...negated }));
  }
  return types;
}

/** Colour ids are lower camel case: biolens.cellLine.background. */
export function colourId(type: EntityType): string {
  return type[0].toLowerCase() + type.slice(1);
}
