// Errors a caller can act on. Messages are meant for users: they name the file or the cause.

/** The model folder is missing, incomplete or corrupt. `file` is the path at fault. */
export class ModelLoadError extends Error {
  readonly file?: string;
  constructor(message: string, file?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelLoadError';
    this.file = file;
  }
}

/** The inference worker died (native crash, out of memory, terminated). Create a new engine. */
export class EngineCrashedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineCrashedError';
  }
}

/** Calls on an engine after dispose(). */
export class EngineDisposedError extends Error {
  constructor() {
    super('the NER engine has been disposed');
    this.name = 'EngineDisposedError';
  }
}
