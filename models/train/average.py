"""Averages the weights of fine-tuning rounds (finetune.py --save-rounds): checkpoint averaging
smooths the last rounds' noise, often a little better than any one of them. Also makes a "soup":
the average of several fine-tunings of the same pre-trained encoder (other seeds, other label
settings), which session 7 measured well above any one of them.
usage: /usr/bin/python3 average.py OUT.pt ROUND.pt ROUND.pt [...]"""
import sys
import torch

out, paths = sys.argv[1], sys.argv[2:]
if len(paths) < 2:
    sys.exit("average.py OUT.pt ROUND.pt ROUND.pt [...]")
checkpoints = [torch.load(p) for p in paths]
first = checkpoints[0]
averaged = {k: sum(c["model"][k].float() for c in checkpoints) / len(checkpoints) if first["model"][k].is_floating_point() else first["model"][k]
            for k in first["model"]}
torch.save({**first, "model": averaged, "dev": None, "averaged": paths}, out)
print(f"averaged {len(paths)} checkpoints into {out}")
