#!/usr/bin/env bash
# Splits the Taobao sample at the 80% quantile of its timestamps: train.csv (before, file order kept) and
# live-NNN.json (the rest, in time order, batches of 1000 events for POST /v1/events).
set -euo pipefail
D=${D:-../shared/datasets}
W=${W:-/tmp/retrain-show/taobao}
mkdir -p "$W"
F=$D/taobao-userbehavior-sample/UserBehavior_prefix.csv
CUT=$(cut -d, -f5 "$F" | sort -n | awk '{a[NR]=$1} END{print a[int(NR*0.8)]}')
awk -F, -v c="$CUT" '$5 <= c' "$F" > "$W/train.csv"
awk -F, -v c="$CUT" '$5 > c' "$F" | sort -t, -k5,5n -s > "$W/live.csv"
python3 - "$W" <<'PY'
import json, sys
w = sys.argv[1]
rows = [l.rstrip("\n").split(",") for l in open(f"{w}/live.csv")]
for b in range(0, len(rows), 1000):
    ev = [{"user": r[0], "item": r[1], "action": r[3], "timestamp": int(r[4]) * 1000} for r in rows[b:b + 1000]]
    json.dump({"idempotency_key": f"live-{b // 1000:03d}", "events": ev}, open(f"{w}/live-{b // 1000:03d}.json", "w"))
PY
echo "cut $CUT: $(wc -l < "$W/train.csv") events before, $(wc -l < "$W/live.csv") live"
