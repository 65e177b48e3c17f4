// The model folder is a plain transformers.js token-classification model: anyone can run it with
// the stock pipeline (which passes zero token_type_ids, i.e. no gazetteer features).
import { strict as assert } from 'node:assert';
import { env, pipeline } from '@huggingface/transformers';
import { MODEL_DIR } from './testModel';

interface TokenPrediction { entity: string; word: string; score: number }

describe('the bundled model in stock transformers.js', function () {
  this.timeout(60_000);

  it("loads offline in pipeline('token-classification') and tags a drug and a disease", async () => {
    env.allowRemoteModels = false;
    const ner = await pipeline('token-classification', MODEL_DIR, { dtype: 'q8', local_files_only: true });
    try {
      const out = (await ner('Cisplatin-induced nephrotoxicity was seen in patients with breast cancer.')) as TokenPrediction[];
      const tagOf = (word: string) => out.find((p) => p.word === word)?.entity;
      assert.equal(tagOf('cisplatin'), 'B-Chemical');
      assert.equal(tagOf('nephrotoxicity'), 'B-Disease');
      assert.equal(tagOf('breast'), 'B-Disease');
      assert.equal(tagOf('cancer'), 'I-Disease');
    } finally {
      await ner.dispose();
    }
  });
});
