#!/usr/bin/env bash
# Scores the bundled model (or MODEL=dir) on every dev split with the project's own CLI and
# prints one JSON report per corpus: the numbers in MODEL_CARD.md come from this script.
# usage: models/train/eval_dev.sh [OUT_DIR]   (run from the repository root after `npm run build`)
#   MODEL=dir: score that model folder instead; EVAL_ARGS="--no-link": the model and engine alone,
#   without the terminology layer (which may retype or leave out a mention, as in the editor)
set -euo pipefail
DATA=${BIOLENS_DATA:-../shared/data}/corpora
OUT=${1:-models/train/work/eval}
MODEL_ARGS=(); [ -n "${MODEL:-}" ] && MODEL_ARGS=(--model "$MODEL")
read -r -a EXTRA_ARGS <<< "${EVAL_ARGS:-}"
mkdir -p "$OUT"
run() { # name gold format [extra args]
  local name=$1 gold=$2 format=$3; shift 3
  node dist/cli.js eval --gold "$gold" --format "$format" --json "${MODEL_ARGS[@]}" ${EXTRA_ARGS[@]+"${EXTRA_ARGS[@]}"} "$@" > "$OUT/$name.json"
  node -e 'const r=require(process.argv[1]);const f=(x)=>(100*x).toFixed(2);
    console.log(process.argv[2].padEnd(10), "strict P/R/F1", f(r.micro.precision), f(r.micro.recall), f(r.micro.f1),
      "| lenient F1", f(r.lenient.micro.f1), "|", Object.entries(r.byType).map(([t,s])=>t+" "+f(s.f1)).join(", "),
      "|", r.documents, "docs", r.tokensPerSecond, "tok/s")' "$(realpath "$OUT/$name.json")" "$name"
}
run bc5cdr   "$DATA/BC5CDR-pubtator/CDR_DevelopmentSet.PubTator.txt" pubtator
run ncbi     "$DATA/NCBI-disease-pubtator/NCBIdevelopset_corpus.txt" pubtator
run bc2gm    "$DATA/BC2GM-IOB/devel.tsv" conll
run linnaeus "$DATA/linnaeus-IOB/devel.tsv" conll
run s800     "$DATA/s800/devel.tsv" conll --type-map ENTITY:Species
run jnlpba   "$DATA/JNLPBA/devel.tsv" conll --type-map protein:Gene,DNA:Gene,RNA:Gene,cell_line:CellLine,cell_type:CellType
