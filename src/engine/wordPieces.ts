// Word pieces of BERT words, read straight from the model's tokenizer.json (WordPiece model).
//
// bertWords() has already done the tokenizer's normalisation and pre-tokenisation (with offsets),
// so what is left is WordPiece itself: greedy longest-match-first over a word's code points, '##'
// on continuations, the whole word [UNK] when any part has no piece. Doing it here rather than
// through transformers.js keeps that library (and what it imports: onnxruntime-web, sharp) out of
// the engine: about a second and tens of MB less at start-up. The alignment fuzz test checks the
// pieces against transformers.js's own tokenizer on whole texts.
// One deliberate difference: text such as "[MASK]" is three words here, never a special token.
import * as path from 'node:path';
import { ModelLoadError } from './errors';
import { readJson } from './modelFolder';

const CACHE_LIMIT = 200_000;

interface TokenizerJson {
  model?: { type?: string; vocab?: Record<string, number>; unk_token?: string; continuing_subword_prefix?: string; max_input_chars_per_word?: number };
}
interface TokenizerConfigJson { cls_token?: string; sep_token?: string; pad_token?: string; unk_token?: string }

export class WordPieceEncoder {
  private readonly cache = new Map<string, Int32Array>();

  private constructor(
    private readonly vocab: Map<string, number>,
    private readonly prefix: string,
    private readonly maxChars: number,
    /** [CLS] */
    readonly startId: number,
    /** [SEP] */
    readonly endId: number,
    readonly padId: number,
    private readonly unkId: number,
  ) {}

  /** Loads tokenizer.json + tokenizer_config.json of `modelDir`. */
  static async load(modelDir: string): Promise<WordPieceEncoder> {
    const dir = path.resolve(modelDir);
    const tokenizerFile = path.join(dir, 'tokenizer.json');
    const configFile = path.join(dir, 'tokenizer_config.json');
    const model = (readJson(tokenizerFile) as TokenizerJson).model;
    const config = readJson(configFile) as TokenizerConfigJson;
    if (model?.type !== 'WordPiece' || !model.vocab || typeof model.vocab !== 'object') {
      throw new ModelLoadError(`tokenizer ${tokenizerFile} is not a WordPiece tokenizer with a vocabulary`, tokenizerFile);
    }
    const vocab = new Map(Object.entries(model.vocab));
    const idOf = (role: string, token: string | undefined): number => {
      const id = token === undefined ? undefined : vocab.get(token);
      if (id === undefined) throw new ModelLoadError(`tokenizer ${tokenizerFile} has no ${role} token ${JSON.stringify(token)} (named in ${configFile})`, tokenizerFile);
      return id;
    };
    return new WordPieceEncoder(
      vocab,
      model.continuing_subword_prefix ?? '##',
      model.max_input_chars_per_word ?? 100,
      idOf('start', config.cls_token ?? '[CLS]'),
      idOf('end', config.sep_token ?? '[SEP]'),
      idOf('padding', config.pad_token ?? '[PAD]'),
      idOf('unknown', model.unk_token ?? config.unk_token ?? '[UNK]'),
    );
  }

  /** Piece ids of one BERT word, given its normalised form. The array is shared: do not modify. */
  pieces(norm: string): Int32Array {
    let ids = this.cache.get(norm);
    if (!ids) {
      ids = this.wordPiece(norm);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(norm, ids);
    }
    return ids;
  }

  private wordPiece(norm: string): Int32Array {
    const chars = Array.from(norm); // code points, as the tokenizer counts them
    if (chars.length === 0 || chars.length > this.maxChars) return Int32Array.of(this.unkId);
    const out: number[] = [];
    for (let start = 0; start < chars.length;) {
      let end = chars.length;
      let found: number | undefined;
      for (; end > start; end--) {
        const piece = chars.slice(start, end).join('');
        found = this.vocab.get(start > 0 ? this.prefix + piece : piece);
        if (found !== undefined) break;
      }
      if (found === undefined) return Int32Array.of(this.unkId);
      out.push(found);
      start = end;
    }
    return Int32Array.from(out);
  }
}
