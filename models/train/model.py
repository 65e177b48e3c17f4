"""The BioLens encoder: a compact BERT (pre-LayerNorm, which trains stably at the higher learning
rates a short CPU budget needs) whose token_type embedding carries gazetteer features (a 4-bit
mask: Chemical, Disease, Gene, Species). Exported to ONNX it has BERT's inputs and a `logits`
output, so stock transformers.js runs it (passing zero features); with type heads (TypeHeads,
below) also `type_logits`."""
import math
import torch, torch.nn as nn, torch.nn.functional as F

CONFIG = dict(vocab_size=16000, hidden_size=256, num_hidden_layers=4, num_attention_heads=4,
              intermediate_size=1024, max_position_embeddings=512, type_vocab_size=16, layer_norm_eps=1e-12)


class Layer(nn.Module):
    def __init__(s, H, A, I, drop):
        super().__init__()
        s.A, s.dh = A, H // A
        s.qkv, s.o = nn.Linear(H, 3 * H), nn.Linear(H, H)
        s.ln1, s.ln2 = nn.LayerNorm(H, eps=1e-12), nn.LayerNorm(H, eps=1e-12)
        s.fi, s.fo = nn.Linear(H, I), nn.Linear(I, H)
        s.drop = nn.Dropout(drop)

    def forward(s, x, bias):
        B, S, H = x.shape
        q, k, v = s.qkv(s.ln1(x)).reshape(B, S, 3, s.A, s.dh).permute(2, 0, 3, 1, 4)
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(s.dh) + bias, dim=-1)
        x = x + s.drop(s.o((att @ v).transpose(1, 2).reshape(B, S, H)))
        return x + s.drop(s.fo(F.gelu(s.fi(s.ln2(x)))))


class Encoder(nn.Module):
    def __init__(s, c, drop=0.1):
        super().__init__()
        H = c["hidden_size"]
        s.word = nn.Embedding(c["vocab_size"], H, padding_idx=0)
        s.pos = nn.Embedding(c["max_position_embeddings"], H)
        s.typ = nn.Embedding(c["type_vocab_size"], H)
        s.ln_in = nn.LayerNorm(H, eps=1e-12)
        s.drop = nn.Dropout(drop)
        s.layers = nn.ModuleList(Layer(H, c["num_attention_heads"], c["intermediate_size"], drop)
                                 for _ in range(c["num_hidden_layers"]))
        s.ln_out = nn.LayerNorm(H, eps=1e-12)
        for m in s.modules():
            if isinstance(m, (nn.Linear, nn.Embedding)):
                nn.init.normal_(m.weight, std=0.02)
            if isinstance(m, nn.Linear) and m.bias is not None:
                nn.init.zeros_(m.bias)

    def forward(s, input_ids, attention_mask, token_type_ids):
        pos = torch.arange(input_ids.size(1), device=input_ids.device).unsqueeze(0)
        x = s.drop(s.ln_in(s.word(input_ids) + s.pos(pos) + s.typ(token_type_ids)))
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in s.layers:
            x = layer(x, bias)
        return s.ln_out(x)


class MaskedLM(nn.Module):
    """MLM head computed only at the masked positions (most of a step's cost otherwise)."""
    def __init__(s, c, drop=0.1):
        super().__init__()
        s.enc = Encoder(c, drop)
        H = c["hidden_size"]
        s.dense, s.ln = nn.Linear(H, H), nn.LayerNorm(H, eps=1e-12)
        s.bias = nn.Parameter(torch.zeros(c["vocab_size"]))

    def forward(s, ids, mask, tt, positions, targets):
        h = s.enc(ids, mask, tt)[positions]
        logits = s.ln(F.gelu(s.dense(h))) @ s.enc.word.weight.t() + s.bias
        return F.cross_entropy(logits, targets)


class TokenClassifier(nn.Module):
    def __init__(s, c, num_labels, drop=0.1):
        super().__init__()
        s.enc = Encoder(c, drop)
        s.drop = nn.Dropout(drop)
        s.cls = nn.Linear(c["hidden_size"], num_labels)

    def forward(s, input_ids, attention_mask, token_type_ids):
        return s.cls(s.drop(s.enc(input_ids, attention_mask, token_type_ids)))


class TypeHeads(nn.Module):
    """What a model with type heads exports (export.py; the engine's typeHeadDecoding.ts decodes
    it): the encoder with every training corpus's output layer (`heads`: K corpora x L labels, in
    the order of `corpora`); `groups` lists (types, names of the corpora that annotate them). Outputs:
    `logits`, the groups' product of experts, each group an independent judge of whether a word is
    one of its types: log P(O) = sum over groups of log P_g(none of g's types), log P(label of g) =
    log P_g(label) + the other groups' log P(none of theirs) (softmax normalises); `type_logits`,
    per group the mean of its heads' log-softmax, normalised (batch x sequence x groups x labels)."""
    def __init__(s, c, corpora, label_index, groups):
        super().__init__()
        L, K = len(label_index), len(corpora)
        s.enc = Encoder(c)
        s.heads = nn.Linear(c["hidden_size"], K * L)
        s.K, s.L = K, L
        pick = torch.zeros(len(groups), K)
        member = torch.zeros(len(groups), L)
        for g, (types, heads) in enumerate(groups):
            for h in heads:
                pick[g, corpora.index(h)] = 1 / len(heads)
            for t in types:
                member[g, label_index["B-" + t]] = member[g, label_index["I-" + t]] = 1
        assert (member.sum(0)[1:] == 1).all(), "every entity type in exactly one group"
        s.register_buffer("pick", pick, persistent=False); s.register_buffer("member", member, persistent=False)

    def load_corpus_heads(s, state):
        """Takes the encoder and the heads of a finetune.py --corpus-heads state (head_w: K x L x
        hidden, head_b: K x L; the first K corpora's)."""
        s.enc.load_state_dict({k[4:]: v for k, v in state.items() if k.startswith("enc.")})
        with torch.no_grad():
            s.heads.weight.copy_(state["head_w"][:s.K].reshape(s.K * s.L, -1)); s.heads.bias.copy_(state["head_b"][:s.K].reshape(-1))

    def corpus_heads_state(s):
        """The --corpus-heads layout finetune.py and average.py read: the encoder, head_w, head_b,
        and their mean as the one-layer `cls` (which --corpus-heads never uses)."""
        state = {k: v for k, v in s.state_dict().items() if k.startswith("enc.")}
        head_w = s.heads.weight.detach().reshape(s.K, s.L, -1); head_b = s.heads.bias.detach().reshape(s.K, s.L)
        return {**state, "head_w": head_w, "head_b": head_b, "cls.weight": head_w.mean(0), "cls.bias": head_b.mean(0)}

    def forward(s, input_ids, attention_mask, token_type_ids):
        h = s.enc(input_ids, attention_mask, token_type_ids)
        x = s.heads(h)
        lp = torch.log_softmax(x.reshape(x.shape[0], x.shape[1], s.K, s.L), -1)   # b s K L
        g = torch.einsum("bskl,gk->bsgl", lp, s.pick)
        g = g - torch.logsumexp(g, -1, keepdim=True)                              # type_logits
        none = torch.logsumexp(g - 1e4 * s.member, -1)                            # b s G
        total = none.sum(-1, keepdim=True)
        logits = total + torch.einsum("bsgl,gl->bsl", g - none.unsqueeze(-1), s.member)
        return logits, g
