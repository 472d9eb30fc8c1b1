#!/usr/bin/env bash
# Splits ML-1M ratings (users 1-2999) at the 80% quantile of their timestamps: train.dat (before, file order kept)
# and live-NNN.json (the rest, in time order, batches of 1000 events; the rating is the action).
set -euo pipefail
D=${D:-../shared/datasets}
W=${W:-/tmp/retrain-show/ml1m}
mkdir -p "$W"
zcat "$D/ml-1m-raw/ratings_users_1-2999.dat.gz" > "$W/all.dat"
CUT=$(awk -F'::' '{print $4}' "$W/all.dat" | sort -n | awk '{a[NR]=$1} END{print a[int(NR*0.8)]}')
awk -F'::' -v c="$CUT" '$4 <= c' "$W/all.dat" > "$W/train.dat"
awk -F'::' -v c="$CUT" '$4 > c' "$W/all.dat" | sort -t: -k7,7n -s > "$W/live.dat"
python3 - "$W" <<'PY'
import json, sys
w = sys.argv[1]
rows = [l.rstrip("\n").split("::") for l in open(f"{w}/live.dat")]
rows.sort(key=lambda r: int(r[3]))
for b in range(0, len(rows), 1000):
    ev = [{"user": r[0], "item": r[1], "action": r[2], "timestamp": int(r[3]) * 1000} for r in rows[b:b + 1000]]
    json.dump({"idempotency_key": f"live-{b // 1000:03d}", "events": ev}, open(f"{w}/live-{b // 1000:03d}.json", "w"))
PY
rm "$W/all.dat"
echo "cut $CUT: $(wc -l < "$W/train.dat") events before, $(wc -l < "$W/live.dat") live"
