"""Turns the shipped model back into a training checkpoint: reads the fp32 weights of
onnx/model.onnx (the initializers export.py wrote) into model.py's TokenClassifier and checks
the result against reference_outputs.json (the fp32 logits export.py recorded for three
sentences). work/ is lost between sessions; the shipped model is not, so every session can
resume pre-training or fine-tuning from it without committing a checkpoint. A model with type
heads (config.json's biolens.typeHeads) comes back as a finetune.py --corpus-heads checkpoint: the
encoder, every corpus's output layer (head_w, head_b, in biolens.headCorpora's order), and their
mean as the one-layer `cls` (what --corpus-heads never uses).
usage: /usr/bin/python3 import_onnx.py ../biolens-ner-mini work/shipped.pt"""
import json, os, re, sys
import numpy as np, onnx, torch
from onnx import numpy_helper
from corpora import L2I, LABELS
from model import CONFIG, TokenClassifier, TypeHeads

src, out = sys.argv[1], sys.argv[2]
m = onnx.load(os.path.join(src, "onnx/model.onnx"))
inits = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
cfg = json.load(open(os.path.join(src, "config.json")))
config = {k: cfg[k] for k in CONFIG}
assert [cfg["id2label"][str(i)] for i in range(len(LABELS))] == LABELS, "label set differs from corpora.LABELS"

biolens = cfg.get("biolens", {})
if "typeHeads" in biolens:
    corpora = biolens["headCorpora"]
    model = TypeHeads(config, corpora, L2I, list(zip(biolens["typeHeads"], biolens["typeHeadCorpora"])))
else:
    corpora = None
    model = TokenClassifier(config, len(LABELS))
state = model.state_dict()
weights = {k: v for k, v in inits.items() if k in state}
# Linear weights were folded into MatMul nodes with anonymous initializers (x @ W, W = weight.T):
# the node's name (/enc/layers.0/qkv/MatMul) says which layer it belongs to.
for n in m.graph.node:
    if n.op_type == "MatMul" and n.input[1] in inits and n.input[1] not in state:
        mm = re.fullmatch(r"/(.+)/MatMul", n.name)
        weights[mm.group(1).replace("/", ".") + ".weight"] = inits[n.input[1]].T
missing = set(state) - set(weights); extra = set(weights) - set(state)
assert not missing and not extra, f"missing {sorted(missing)}, unexpected {sorted(extra)}"
model.load_state_dict({k: torch.from_numpy(np.array(v, dtype=np.float32)) for k, v in weights.items()})
model.eval()

worst = 0.0
with torch.no_grad():
    for r in json.load(open(os.path.join(src, "reference_outputs.json"))):
        t = lambda a: torch.tensor([a])
        out_ = model(t(r["input_ids"]), torch.ones_like(t(r["input_ids"])), t(r["token_type_ids"]))
        lg = (out_[0] if corpora else out_)[0]
        worst = max(worst, float((lg - torch.tensor(r["logits"])).abs().max()))
        if corpora:
            worst = max(worst, float((out_[1][0] - torch.tensor(r["type_logits"])).abs().max()))
        assert [LABELS[j] for j in lg.argmax(-1).tolist()] == r["argmax"], r["text"]
assert worst < 1e-3, f"logits differ from reference_outputs.json by {worst}"
print(f"{sum(p.numel() for p in model.parameters())} parameters imported; "
      f"max |logit - reference| = {worst:.2e} on reference_outputs.json")
# the pre-training runs behind these weights (export.py writes the file), so that runs add up across sessions
hist_path = os.path.join(src, "pretrain_history.json")
history = json.load(open(hist_path)) if os.path.exists(hist_path) else []
state, extra = (model.corpus_heads_state(), {"corpora": corpora}) if corpora else (model.state_dict(), {})
torch.save({"model": state, "config": config, "labels": LABELS, "source": src,
            "pretrain_history": history, **extra}, out)
print("->", out)
