// Typed access to the biolens.* settings, and their translation into what the server acts on.
// Workspace trust is decided here: in an untrusted workspace a model path that the workspace
// provides is never used, only the user's own settings count. VS Code already hides restricted
// settings from untrusted workspaces (package.json: capabilities.untrustedWorkspaces); this is
// the second lock, in case a host does not.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType, type ReportFormat, type ServerSettings } from '../protocol';

export const SECTION = 'biolens';

export type DecorationStyle = 'background' | 'underline';
export type NegatedStyle = 'strikethrough' | 'dimmed' | 'same';

/** Settings whose change needs a new language client (its document selector). */
const RESTART_SETTINGS = ['enabledLanguages'];

export class Config {
  private get cfg(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  get enabledLanguages(): string[] {
    return this.cfg.get<string[]>('enabledLanguages', ['plaintext', 'markdown', 'clinical-note']);
  }

  get entityTypes(): EntityType[] {
    return this.cfg.get<string[]>('entityTypes', [...ENTITY_TYPES]).filter((t): t is EntityType => ENTITY_TYPES.includes(t as EntityType));
  }

  get decorationStyle(): DecorationStyle {
    return this.cfg.get<DecorationStyle>('decorationStyle', 'background');
  }

  get negatedStyle(): NegatedStyle {
    return this.cfg.get<NegatedStyle>('negatedStyle', 'strikethrough');
  }

  get reportFormat(): ReportFormat {
    return this.cfg.get<ReportFormat>('reportFormat', 'markdown');
  }

  get ignoredTerms(): string[] {
    return this.cfg.get<string[]>('ignoredTerms', []);
  }

  /**
   * The model folder to load: null for the bundled model. Relative paths are relative to the
   * first workspace folder. Untrusted workspace: the workspace's own value is ignored.
   */
  modelDir(isTrusted = vscode.workspace.isTrusted): string | null {
    const inspected = this.cfg.inspect<string>('modelPath');
    const value = isTrusted
      ? (inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue)
      : inspected?.globalValue;
    if (!value?.trim()) return null;
    const expanded = value.trim().replace(/^~(?=$|[\\/])/, os.homedir());
    if (path.isAbsolute(expanded)) return expanded;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    // A relative path in user settings has no folder it could safely mean in an untrusted workspace.
    return isTrusted && folder ? path.resolve(folder, expanded) : null;
  }

  serverSettings(): ServerSettings {
    return {
      modelDir: this.modelDir(),
      entityTypes: this.entityTypes,
      minConfidence: this.cfg.get<number>('minConfidence', 0.3),
      minConfidenceWithoutConcept: this.cfg.get<number>('minConfidenceWithoutConcept', 0.7),
      maxFileSize: this.cfg.get<number>('maxFileSizeKB', 512) * 1024,
      debounceMs: this.cfg.get<number>('debounceMs', 75),
      preferredVocabulary: this.cfg.get<string>('preferredVocabulary', 'MESH'),
      ignoredTerms: this.ignoredTerms,
      incremental: true,
    };
  }

  async addIgnoredTerm(term: string): Promise<void> {
    const terms = new Set(this.cfg.inspect<string[]>('ignoredTerms')?.workspaceValue ?? []);
    terms.add(term.toLowerCase());
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await this.cfg.update('ignoredTerms', [...terms].sort(), target);
  }

  async setEntityTypes(types: EntityType[]): Promise<void> {
    await this.cfg.update('entityTypes', types, this.targetOf('entityTypes'));
  }

  /** Records the model the user chose (undefined: the bundled one) where modelPath is defined now. */
  async setModelPath(dir: string | undefined): Promise<void> {
    const target = vscode.workspace.isTrusted ? this.targetOf('modelPath') : vscode.ConfigurationTarget.Global;
    await this.cfg.update('modelPath', dir, target);
  }

  /** Where a setting is defined now, so a change made from a command lands in the same place. */
  private targetOf(key: string): vscode.ConfigurationTarget {
    const inspected = this.cfg.inspect(key);
    if (inspected?.workspaceFolderValue !== undefined) return vscode.ConfigurationTarget.WorkspaceFolder;
    if (inspected?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
    return vscode.ConfigurationTarget.Global;
  }

  static needsRestart(event: vscode.ConfigurationChangeEvent): boolean {
    return RESTART_SETTINGS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
  }
}
