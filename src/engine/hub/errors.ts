// What can end a hub download, in words a user can act on.

/** The hub answered with an error, the connection broke, a file came short, or the model cannot run here. */
export class HubDownloadError extends Error {
  constructor(
    message: string,
    /** The model file it is about (relative, e.g. onnx/model_quantized.onnx), when there is one. */
    readonly file?: string,
    /** The HTTP status, when the server answered with an error. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HubDownloadError';
  }
}

/** The download was cancelled (its AbortSignal fired); nothing of it is left on disk. */
export class HubDownloadCancelledError extends Error {
  constructor() {
    super('the download was cancelled');
    this.name = 'HubDownloadCancelledError';
  }
}
