#!/usr/bin/env bash
# The retrain-and-promote cycle (docs/serving.md, "Retraining and model versions"); run from the checkout after
# docs/retrain/prepare-taobao.sh or prepare-ml1m.sh (for ML-1M: W=... TRAIN=train.dat FORMAT=movielens ITEMS=movies.dat).
# Writes to $W: retrain.log (the decision), bench.log (the load meanwhile), models.json (GET /v1/models) and
# screenshots/models.png (the dashboard's models page in headless Chromium after the promotion).
set -euo pipefail
export SEQMIND_JAVA_OPTS=${SEQMIND_JAVA_OPTS:--Xmx2g}
W=${W:-/tmp/retrain-show/taobao}
P=${PORT:-$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
S=http://127.0.0.1:$P
rm -rf "$W/dataset" "$W/models" "$W/events.sqlite"* "$W/keys.txt"
bin/seqmind ingest "$W/${TRAIN:-train.csv}" --format "${FORMAT:-taobao}" ${ITEMS:+--items "$ITEMS"} --out "$W/dataset" -q | tail -1
bin/seqmind retrain --dataset "$W/dataset" --initial markov1 --name markov1 --models-dir "$W/models" -q
M1=$(ls -d "$W"/models/markov1-*)
key() { bin/seqmind serve --new-key "$1" > "$W/key.out"; sed -n 's/^key[^:]*: //p' "$W/key.out"; \
        sed -n 's/^line for the key file: //p' "$W/key.out" >> "$W/keys.txt"; }
R=$(key read:show); WK=$(key write:show); A=$(key admin:show)
bin/seqmind serve --dataset "$W/dataset" --model markov1="$M1" --store "$W/events.sqlite" --keys "$W/keys.txt" \
  --port "$P" --rate-limit 0 > "$W/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
until grep -q "seqmind serving on" "$W/serve.log"; do sleep 1; kill -0 $SERVER; done
for f in "$W"/live-*.json; do
  curl -sf -H "Authorization: Bearer $WK" -H 'Content-Type: application/json' --data-binary @"$f" "$S/v1/events" \
    > /dev/null
done
echo "posted $(cat "$W"/live-*.json | grep -o '"user"' | wc -l) live events"
bin/seqmind bench serve --port "$P" --read-key "$R" --write-key "$WK" --dataset "$W/dataset" --real-users \
  --rates 100 --seconds "${BENCH_SECONDS:-90}" --warmup-seconds 1 --events-rate 0 > "$W/bench.log" 2>&1 &
BENCH=$!
sleep "${RETRAIN_AFTER:-8}"
SEQMIND_ADMIN_KEY=$A bin/seqmind retrain --dataset "$W/dataset" --from-store "sqlite:$W/events.sqlite" \
  --server "$S" --name markov1 --models-dir "$W/models" -q | tee "$W/retrain.log"
wait $BENCH
cat "$W/bench.log"
curl -s -H "Authorization: Bearer $R" "$S/v1/models" | python3 -m json.tool > "$W/models.json"
python3 - "$W/models.json" <<'PY'
import json, sys
for m in json.load(open(sys.argv[1]))["models"]:
    p = m["provenance"]
    print(m["name"], "v%d" % m["version"], "active" if m["active"] else "      ", m["trained_at"],
          p["dataset_fingerprint"][:19], "%d events" % p["events"], m["metrics"])
PY
SEQMIND_READ_KEY=$R bin/seqmind bench dashboard --server "$S" --pages /models --rounds 1 \
  --screenshots "$W/screenshots" | tee "$W/dashboard.log"
