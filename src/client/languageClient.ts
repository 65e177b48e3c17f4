// The LanguageClient for the BioLens server (dist/server.js, started with the editor's own Node
// over IPC) and the documents it sees: the enabled languages, in files, untitled editors and
// virtual workspaces (the server reads only the text the editor sends).
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../protocol';
import type { Config } from './config';
import type { CrashBudget } from './crashBudget';

const SCHEMES = ['file', 'untitled', 'vscode-vfs'];

export function createLanguageClient(context: vscode.ExtensionContext, config: Config, errorHandler: CrashBudget, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: config.enabledLanguages.flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme }))),
    // A function: evaluated again at every (re)start, so a restarted server gets today's settings.
    initializationOptions: () => config.serverSettings(),
    errorHandler,
    outputChannel,
    // Errors surface in the status bar and our own messages; the output channel keeps the details.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  return new LanguageClient('biolens', 'BioLens', serverOptions, clientOptions);
}
