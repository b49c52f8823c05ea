#!/bin/sh
# Regenerates models/en-ewt.tlm, the tagger and parser's model (docs/parser.md): word clusters from
# unlabeled text (the articles of tls-entities and the words of EWT's training part), then the
# tagger, the parser and the labeler trained on UD English EWT's training part, checked on its
# development part. Deterministic: the same corpora give the same bytes. Never run by the build,
# the tests or CI. About 7 minutes of CPU (12 to 18 of wall time on a shared 2-core machine).
#
# usage: tools/train/make-model.sh [BUILD_DIR [CORPORA]]   (from the project root; the build has
# made timeliner-train)
set -eu
build=${1:-build}
corpora=${2:-../shared/corpora}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/timeliner-train" clusters "$corpora/tls-entities" "$corpora/ud-ewt/en_ewt-ud-train.conllu" \
  --out "$work/clusters.txt"
"$build/timeliner-train" train --train "$corpora/ud-ewt/en_ewt-ud-train.conllu" \
  --dev "$corpora/ud-ewt/en_ewt-ud-dev.conllu" --clusters "$work/clusters.txt" --max-bytes 16000000 --counts "1 2 3 4 6 8" \
  --arc-labels yes \
  --meta "timeliner English tagger and parser, trained by tools/train/make-model.sh on UD English EWT (CC BY-SA 4.0)" \
  --out "$work/en-ewt.tlm"
mv "$work/en-ewt.tlm" models/en-ewt.tlm
"$build/timeliner-train" eval --model models/en-ewt.tlm --gold "$corpora/ud-ewt/en_ewt-ud-test.conllu"
