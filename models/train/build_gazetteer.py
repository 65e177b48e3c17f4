"""Builds the gazetteer whose matches become the model's token_type_ids features.
Only shippable vocabularies (see ../../models/NOTICE): MeSH 2024, Disease Ontology, HPO, the ChEBI
subset, HGNC, the NCBI Taxonomy subset. Keys are normalised exactly like the tokenizer's words.
A single-word key whose occurrences in the training splits are rarely annotated with its type
(e.g. gene symbols that are English words) loses that type's bit: those matches would only be noise.
usage: /usr/bin/python3 build_gazetteer.py OUT.tsv"""
import collections, gzip, json, os, re, sys
from text import GAZETTEER_MAX_WORDS, basic_tokenize
import corpora

VOCAB = os.path.join(corpora.DATA, "vocab")
BITS = {"Chemical": 1, "Disease": 2, "Gene": 4, "Species": 8}
MAX_WORDS = GAZETTEER_MAX_WORDS
terms = collections.defaultdict(int)


def add(name, typ):
    words = basic_tokenize(name)
    if not words or len(words) > MAX_WORDS:
        return
    key = " ".join(words)
    if len(key) < 3 or key.isdigit() or all(len(w) == 1 for w in words):
        return
    terms[key] |= BITS[typ]


def mesh():
    branch = collections.defaultdict(set)
    with gzip.open(os.path.join(VOCAB, "mesh/data_mesh_trees.tsv.gz"), "rt", encoding="utf-8") as f:
        next(f)
        for row in f:
            c = row.rstrip("\n").split("\t")
            tree = c[2]
            if tree.startswith("C") or tree.startswith("F03"):
                branch[c[0]].add("Disease")
            elif tree.startswith("D"):
                branch[c[0]].add("Chemical")
            elif tree.startswith(("B01", "B02", "B03", "B04", "B05")):
                branch[c[0]].add("Species")
    with gzip.open(os.path.join(VOCAB, "mesh/data_mesh_thesaurus.tsv.gz"), "rt", encoding="utf-8") as f:
        next(f)
        for row in f:
            c = row.rstrip("\n").split("\t")
            if c[6] == "Y":          # permuted ("Infarction, Myocardial") never occurs in running text
                continue
            for typ in branch.get(c[0], ()):
                add(c[4], typ)


def obo_terms(path, opener=open):
    name, syns, obsolete = None, [], False
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("["):
                if name and not obsolete:
                    yield name, syns
                name, syns, obsolete = None, [], False
            elif line.startswith("name: "):
                name = line[6:]
            elif line.startswith("synonym: ") and (" EXACT" in line or " RELATED" in line):
                m = re.match(r'synonym: "(.*)"', line)
                if m:
                    syns.append(m.group(1))
            elif line.startswith("is_obsolete: true"):
                obsolete = True
    if name and not obsolete:
        yield name, syns


def obo(path, typ, opener=open):
    for name, syns in obo_terms(path, opener):
        for n in [name] + syns:
            add(n, typ)


def hpo():
    g = json.load(gzip.open(os.path.join(VOCAB, "hpo/hp.json.gz"), "rt", encoding="utf-8"))["graphs"][0]
    for n in g["nodes"]:
        if not n.get("id", "").endswith(tuple("0123456789")) or "HP_" not in n["id"]:
            continue
        meta = n.get("meta", {})
        if meta.get("deprecated") or not n.get("lbl"):
            continue
        add(n["lbl"], "Disease")
        for s in meta.get("synonyms", []):
            if s.get("pred") == "hasExactSynonym":
                add(s["val"], "Disease")


def hgnc():
    with gzip.open(os.path.join(VOCAB, "hgnc/hgnc_complete_set.txt.gz"), "rt", encoding="utf-8") as f:
        head = next(f).rstrip("\n").split("\t")
        col = {h: i for i, h in enumerate(head)}
        for row in f:
            c = row.rstrip("\n").split("\t")
            if c[col["status"]] != "Approved":
                continue
            names = [c[col["symbol"]], c[col["name"]]]
            for k in ("alias_symbol", "prev_symbol", "alias_name"):
                v = c[col[k]].strip('"')
                names += [x for x in v.split("|") if x]
            for n in names:
                add(n, "Gene")


def ncbitaxon():
    text = open(os.path.join(VOCAB, "ncbitaxon-subset/ncbitaxon_import.owl"), encoding="utf-8").read()
    for m in re.finditer(r"<rdfs:label[^>]*>([^<]+)</rdfs:label>", text):
        add(re.sub(r"\s*&lt;.*?&gt;", "", m.group(1)), "Species")


def drop_noise():
    """Single-word keys seen >= 5 times in training text that annotates a type, but annotated with
    it < 10% of the time, lose that type's bit."""
    seen = collections.Counter(); tagged = collections.Counter()
    for c in corpora.SPECS:
        sents, annotated = corpora.load(c, "train")
        for s in sents:
            for w, l in zip(s["words"], s["labels"]):
                for t in annotated:
                    if t in BITS and w in terms and terms[w] & BITS[t]:
                        seen[(w, t)] += 1
                        tagged[(w, t)] += l.endswith(t)
    dropped = 0
    for (w, t), n in seen.items():
        if n >= 5 and tagged[(w, t)] / n < 0.1:
            terms[w] &= ~BITS[t]; dropped += 1
    return dropped


mesh()
obo(os.path.join(VOCAB, "disease-ontology/doid.obo.gz"), "Disease", gzip.open)
obo(os.path.join(VOCAB, "chebi-subset/chebi_import.obo"), "Chemical")
hpo(); hgnc(); ncbitaxon()
n_dropped = drop_noise()
out = sys.argv[1] if len(sys.argv) > 1 else "gazetteer.tsv"
with open(out, "w", encoding="utf-8") as f:
    for k in sorted(terms):
        if terms[k]:
            f.write(f"{k}\t{terms[k]}\n")
counts = collections.Counter(t for k, v in terms.items() for t, b in BITS.items() if v & b)
print(f"{sum(1 for v in terms.values() if v)} keys, per type {dict(counts)}, {n_dropped} noisy single-word bits dropped -> {out}")
