"""Writes the transformers.js model folder from a fine-tuned checkpoint: config.json (with the
gazetteer contract under "biolens"), tokenizer.json / tokenizer_config.json / vocab.txt,
gazetteer.tsv, onnx/model.onnx (fp32) and onnx/model_quantized.onnx (int8, quantize_onnx.py),
plus reference logits for the TypeScript cross-check test and pretrain_history.json (every MLM run
behind the encoder, across sessions).
A checkpoint of finetune.py --corpus-heads (one output layer per training corpus) exports with
per-type decoding: an extra output `type_logits` (batch x sequence x groups x labels), for each
group of types the log-probabilities of the heads of the corpora that annotate it (averaged), and
config.json's biolens.typeHeads naming each group's types; the engine decodes each group from its
own heads (a corpus's head knows its types' conventions, and its O means only "none of mine").
`logits` is their product of experts (model.TypeHeads), so a plain token-classification pipeline
runs the folder too.
usage: /usr/bin/python3 export.py work/ner.pt ../biolens-ner-mini [TYPES=corpus+corpus ...]
default groups of a --corpus-heads checkpoint: Chemical=bc5cdr Disease=bc5cdr+ncbi Gene=bc2gm
Species=linnaeus+s800 CellLine=jnlpba CellType=jnlpba (types joined by commas decode together)"""
import json, os, shutil, subprocess, sys
import torch
from corpora import LABELS, L2I, TYPES
from model import TokenClassifier, TypeHeads
from text import GAZETTEER_MAX_WORDS, SPECIALS, basic_tokenize, encode_words, load_gazetteer

ck_path, out = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
vocab_path = os.path.join(here, "work/vocab.txt"); gaz_path = os.path.join(here, "work/gazetteer.tsv")
os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
ck = torch.load(ck_path); cfg = ck["config"]
TYPE_HEADS = {"Chemical": "bc5cdr", "Disease": "bc5cdr+ncbi", "Gene": "bc2gm", "Species": "linnaeus+s800",
              "CellLine": "jnlpba", "CellType": "jnlpba"}
for arg in sys.argv[3:]:
    types, _, heads = arg.partition("=")
    TYPE_HEADS = {t: h for t, h in TYPE_HEADS.items() if t not in types.split(",")} | {types: heads}

if "head_w" in ck["model"]:
    groups = [(types.split(","), heads.split("+")) for types, heads in TYPE_HEADS.items()]
    head_corpora = ck["corpora"][:ck["model"]["head_w"].shape[0]]
    model = TypeHeads(cfg, head_corpora, L2I, groups)
    model.load_corpus_heads(ck["model"])
    model.eval()
    outputs = ["logits", "type_logits"]
    print("type heads: " + ", ".join(f"{t}={h}" for t, h in TYPE_HEADS.items()))
else:
    groups = None
    model = TokenClassifier(cfg, len(LABELS)); model.load_state_dict(ck["model"]); model.eval()
    outputs = ["logits"]
vocab_list = [l.rstrip("\n") for l in open(vocab_path, encoding="utf-8")]
vocab = {t: i for i, t in enumerate(vocab_list)}
gaz = load_gazetteer(gaz_path)
BIOLENS = {"maxLength": 128, "gazetteer": "gazetteer.tsv", "gazetteerMaxWords": GAZETTEER_MAX_WORDS,
           "gazetteerBits": {"Chemical": 1, "Disease": 2, "Gene": 4, "Species": 8}, "entityTypes": TYPES}
if groups:   # import_onnx.py reads the corpora back: the heads' order, each group's heads
    BIOLENS["typeHeads"] = [types for types, _ in groups]
    BIOLENS["typeHeadCorpora"] = [heads for _, heads in groups]
    BIOLENS["headCorpora"] = head_corpora


def encode(text):
    ids, masks, _ = encode_words(basic_tokenize(text), vocab, gaz)
    return [vocab["[CLS]"]] + ids + [vocab["[SEP]"]], [0] + masks + [0]


ids, tt = encode("Cisplatin-induced nephrotoxicity in mice.")
t = lambda a: torch.tensor([a])
torch.onnx.export(model, (t(ids), torch.ones_like(t(ids)), t(tt)), os.path.join(out, "onnx/model.onnx"),
                  input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=outputs,
                  dynamic_axes={n: {0: "batch_size", 1: "sequence_length"}
                                for n in ["input_ids", "attention_mask", "token_type_ids", *outputs]},
                  opset_version=14, do_constant_folding=True)
subprocess.run([sys.executable, os.path.join(here, "quantize_onnx.py"), os.path.join(out, "onnx/model.onnx"),
                os.path.join(out, "onnx/model_quantized.onnx")], check=True)

config = {"architectures": ["BertForTokenClassification"], "model_type": "bert", **cfg,
          "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
          "initializer_range": 0.02, "pad_token_id": 0, "position_embedding_type": "absolute",
          "id2label": {str(i): l for i, l in enumerate(LABELS)}, "label2id": L2I, "biolens": BIOLENS}
json.dump(config, open(os.path.join(out, "config.json"), "w"), indent=2)
added = [{"id": vocab[s], "content": s, "single_word": False, "lstrip": False, "rstrip": False,
          "normalized": False, "special": True} for s in SPECIALS]
single = [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
          {"SpecialToken": {"id": "[SEP]", "type_id": 0}}]
tok = {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
       "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                      "strip_accents": None, "lowercase": True},
       "pre_tokenizer": {"type": "BertPreTokenizer"},
       "post_processor": {"type": "TemplateProcessing", "single": single,
                          "pair": single + [{"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                          "special_tokens": {s: {"id": s, "ids": [vocab[s]], "tokens": [s]} for s in ["[CLS]", "[SEP]"]}},
       "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
       "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                 "max_input_chars_per_word": 100, "vocab": vocab}}
json.dump(tok, open(os.path.join(out, "tokenizer.json"), "w"), ensure_ascii=False)
json.dump({"tokenizer_class": "BertTokenizer", "do_lower_case": True, "strip_accents": None,
           "tokenize_chinese_chars": True, "model_max_length": 512, "clean_up_tokenization_spaces": True,
           "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]",
           "mask_token": "[MASK]"}, open(os.path.join(out, "tokenizer_config.json"), "w"), indent=2)
json.dump({s.strip("[]").lower() + "_token": s for s in SPECIALS},
          open(os.path.join(out, "special_tokens_map.json"), "w"), indent=2)
shutil.copy(vocab_path, os.path.join(out, "vocab.txt")); shutil.copy(gaz_path, os.path.join(out, "gazetteer.tsv"))
if ck.get("pretrain_history"):   # the pre-training runs behind these weights: import_onnx.py reads them back
    json.dump(ck["pretrain_history"], open(os.path.join(out, "pretrain_history.json"), "w"), indent=1)

# reference: ids, features and fp32 logits for sentences the TypeScript tests check against
refs = []
with torch.no_grad():
    for s in ["Cisplatin-induced nephrotoxicity in patients with breast cancer.",
              "BRCA1 mutations were found in Mus musculus and HeLa cells treated with doxorubicin.",
              "Zoë's café: naïve T cells, β-catenin and IL-2 (Σ test).",
              "Hyperkalaemia and pitting oedema after haemorrhage; tumour behaviour."]:
        i, f = encode(s)
        out_ = model(t(i), torch.ones_like(t(i)), t(f))
        lg = (out_[0] if groups else out_)[0]
        ref = {"text": s, "input_ids": i, "token_type_ids": f,
               "argmax": [LABELS[j] for j in lg.argmax(-1).tolist()],
               "logits": [[round(v, 4) for v in row] for row in lg.tolist()]}
        if groups:
            ref["type_logits"] = [[[round(v, 4) for v in grp] for grp in row] for row in out_[1][0].tolist()]
        refs.append(ref)
json.dump(refs, open(os.path.join(out, "reference_outputs.json"), "w"))
for f in sorted(os.listdir(out)) + ["onnx/" + x for x in sorted(os.listdir(os.path.join(out, "onnx")))]:
    p = os.path.join(out, f)
    if os.path.isfile(p):
        print(f"{os.path.getsize(p):>12,}  {f}")
