// The BioLens commands: a flat list of small factories, each taking the context it needs.
// Titles and categories live in package.json (contributes.commands).
import * as vscode from 'vscode';
import { ENTITY_TYPES, IGNORE_TERM_COMMAND, type EntityType } from '../protocol';
import type { Ctx } from './ctx';
import { pickEntity } from './entityPicker';
import { isHubModelId, isRevision } from '../engine/hub/layout';
import { TAXONOMY_VIEW_ID, type TaxonomyView } from './taxonomy/view';
import { analyseWorkspaceFolder } from './workspaceReport';

type Command = (...args: never[]) => unknown;

export function commands(ctx: Ctx, taxonomy?: TaxonomyView): Record<string, Command> {
  return {
    'biolens.toggleHighlighting': () => toggleHighlighting(ctx),
    'biolens.chooseEntityTypes': () => chooseEntityTypes(ctx),
    'biolens.showEntities': () => pickEntity(ctx.store),
    'biolens.analyseWorkspace': () => analyseWorkspaceFolder(ctx),
    'biolens.restartServer': () => ctx.restart(),
    'biolens.showOutput': () => ctx.output.show(true),
    'biolens.showActions': () => showActions(ctx),
    [IGNORE_TERM_COMMAND]: (term: string) => ctx.config.addIgnoredTerm(term),
    ...(taxonomy
      ? {
          'biolens.openTaxonomy': () => vscode.commands.executeCommand(`${TAXONOMY_VIEW_ID}.focus`),
          'biolens.useLocalModelFolder': (folder?: vscode.Uri) => taxonomy.useLocalFolder(folder instanceof vscode.Uri ? folder : undefined),
          'biolens.useModel': (id: string) => taxonomy.useEntry(id),
          'biolens.downloadHubModel': (modelId?: string, revision?: string) => downloadHubModel(taxonomy, modelId, revision),
          'biolens.deleteDownloadedModel': (modelId?: string, revision?: string) => deleteDownloadedModel(taxonomy, modelId, revision),
        }
      : {}),
  };
}

export function registerCommands(ctx: Ctx, taxonomy?: TaxonomyView): vscode.Disposable[] {
  return Object.entries(commands(ctx, taxonomy)).map(([id, run]) => vscode.commands.registerCommand(id, run));
}

export function toggleHighlighting(ctx: Ctx, on = !ctx.painter.highlighting): void {
  ctx.painter.setHighlighting(on);
  ctx.statusBar.setHighlighting(on);
  void ctx.extension.workspaceState.update('biolens.highlighting', on);
  void vscode.commands.executeCommand('setContext', 'biolens.highlighting', on);
}

async function chooseEntityTypes(ctx: Ctx): Promise<void> {
  const enabled = new Set(ctx.config.entityTypes);
  const items = ENTITY_TYPES.map((type) => ({ label: type, picked: enabled.has(type) }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'BioLens: entity types to highlight' });
  if (picked) await ctx.config.setEntityTypes(picked.map((i) => i.label as EntityType));
}

/** "Download a Model from the Hub…": the id given (automation, tests) or typed as owner/name[@revision]. */
async function downloadHubModel(taxonomy: TaxonomyView, modelId?: string, revision?: string): Promise<boolean> {
  if (typeof modelId !== 'string') {
    const typed = await vscode.window.showInputBox({
      title: 'BioLens: download a model from the hub',
      prompt: 'A BERT WordPiece token-classification model with int8 ONNX weights (onnx/model_quantized.onnx), in the transformers.js layout',
      placeHolder: 'owner/name or owner/name@revision',
      validateInput: (v) => {
        const [id, rev] = v.trim().split('@');
        return isHubModelId(id) && (rev === undefined || isRevision(rev)) ? undefined : 'owner/name, optionally @revision (a branch, tag or commit)';
      },
    });
    if (!typed) return false;
    [modelId, revision] = typed.trim().split('@');
  }
  return taxonomy.useHubModel(modelId, typeof revision === 'string' ? revision : undefined);
}

/** "Delete a Downloaded Model…": the one given (any revision unless named), or one picked from the list. */
async function deleteDownloadedModel(taxonomy: TaxonomyView, modelId?: string, revision?: string): Promise<boolean> {
  const downloads = taxonomy.downloads();
  const picked =
    typeof modelId === 'string'
      ? downloads.find((d) => d.modelId === modelId && (typeof revision !== 'string' || d.revision === revision))
      : (
          await vscode.window.showQuickPick(
            downloads.map((d) => ({ label: d.modelId, description: `${d.revision} · ${(d.bytes / 1e6).toFixed(1)} MB`, detail: d.dir, d })),
            { title: 'BioLens: delete a downloaded model', placeHolder: downloads.length ? 'Model to delete' : 'No model has been downloaded' },
          )
        )?.d;
  return picked ? taxonomy.deleteDownloaded(picked) : false;
}

interface Action extends vscode.QuickPickItem {
  command: string;
}

async function showActions(ctx: Ctx): Promise<void> {
  const actions: Action[] = [
    { label: ctx.painter.highlighting ? '$(eye-closed) Turn highlighting off' : '$(eye) Turn highlighting on', command: 'biolens.toggleHighlighting' },
    { label: '$(list-flat) Show entities in this document', command: 'biolens.showEntities' },
    { label: '$(filter) Choose entity types', command: 'biolens.chooseEntityTypes' },
    { label: '$(file-text) Analyse workspace folder and write a report', command: 'biolens.analyseWorkspace' },
    { label: '$(debug-restart) Restart the server', command: 'biolens.restartServer' },
    { label: '$(output) Show output', command: 'biolens.showOutput' },
    { label: '$(settings-gear) Settings', command: 'workbench.action.openSettings' },
  ];
  // Contributed by the model taxonomy view, when present.
  if ((await vscode.commands.getCommands(true)).includes('biolens.openTaxonomy')) {
    actions.splice(4, 0, { label: '$(type-hierarchy) Open the model taxonomy', command: 'biolens.openTaxonomy' });
  }
  const state = ctx.serverState;
  const picked = await vscode.window.showQuickPick(actions, { title: `BioLens — ${'model' in state ? state.model : 'server'}: ${state.state}` });
  if (!picked) return;
  if (picked.command === 'workbench.action.openSettings') await vscode.commands.executeCommand(picked.command, '@ext:biolens.biolens');
  else await vscode.commands.executeCommand(picked.command);
}
