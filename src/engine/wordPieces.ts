// Word pieces of BERT words through the model's own transformers.js tokenizer.
//
// We tokenise word by word, not sentence by sentence: bertWords() has already done the
// tokenizer's normalisation and pre-tokenisation (with offsets), its `norm` is a fixed point of
// both, so tokenizer.tokenize(norm) yields exactly the pieces tokenizer(text) gives that word
// (the alignment tests check this against whole texts). A cache makes repeated words free.
// One deliberate difference: text such as "[MASK]" is three words here, never a special token.
import * as path from 'node:path';
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { ModelLoadError } from './errors';
import { readJson } from './modelFolder';

const CACHE_LIMIT = 200_000;

export class WordPieceEncoder {
  private readonly cache = new Map<string, Int32Array>();

  private constructor(
    private readonly tokenizer: PreTrainedTokenizer,
    /** [CLS] */
    readonly startId: number,
    /** [SEP] */
    readonly endId: number,
    readonly padId: number,
    private readonly unkId: number,
  ) {}

  /** Loads tokenizer.json + tokenizer_config.json of `modelDir`, offline. */
  static async load(modelDir: string): Promise<WordPieceEncoder> {
    const dir = path.resolve(modelDir);
    const tokenizerFile = path.join(dir, 'tokenizer.json');
    readJson(tokenizerFile); // a clear error for a corrupt file before transformers.js sees it
    readJson(path.join(dir, 'tokenizer_config.json'));
    const { AutoTokenizer, env } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = path.dirname(dir) + path.sep;
    let tokenizer: PreTrainedTokenizer;
    try {
      // An absolute path is read as a folder as is, whatever the folder's name looks like.
      tokenizer = await AutoTokenizer.from_pretrained(dir, { local_files_only: true });
    } catch (e) {
      throw new ModelLoadError(`cannot load tokenizer ${tokenizerFile}: ${(e as Error).message}`, tokenizerFile, { cause: e });
    }
    const specials = tokenizer('', { return_tensor: false }).input_ids as number[];
    if (specials.length !== 2) throw new ModelLoadError(`tokenizer ${tokenizerFile} does not frame a text with [CLS] ... [SEP]`, tokenizerFile);
    return new WordPieceEncoder(tokenizer, specials[0], specials[1], tokenizer.pad_token_id ?? 0, tokenizer.unk_token_id ?? 0);
  }

  /** Piece ids of one BERT word, given its normalised form. The array is shared: do not modify. */
  pieces(norm: string): Int32Array {
    let ids = this.cache.get(norm);
    if (!ids) {
      ids = Int32Array.from(this.tokenizer.convert_tokens_to_ids(this.tokenizer.tokenize(norm)));
      if (ids.length === 0) ids = Int32Array.of(this.unkId); // every word must own a first piece
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(norm, ids);
    }
    return ids;
  }
}
