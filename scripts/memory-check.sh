#!/usr/bin/env bash
# Shows that a run's memory stays flat in the size of its source: one sync over N generated rows
# (default 1,000,000) in a Writeback limited to -Xmx256m. The sync plans every row against the link
# table in mode update and sends nothing, so what is measured is Writeback's own streaming path:
# query, chunks, mapping, hashing, link lookups, run bookkeeping.
#   scripts/memory-check.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
work=target/memory-check
port=${MEMORY_CHECK_PORT:-18089}
rm -rf "$work" && mkdir -p "$work/routes"
[ -f target/writeback.jar ] || ./mvnw -DskipTests package

cat > "$work/routes/generated.camel.yaml" <<EOF
- route:
    id: generated
    from:
      uri: quartz:writeback/generated
      parameters:
        cron: "0 0 3 * * ?"
      steps:
        - to:
            uri: writeback:source
            parameters:
              query: |
                SELECT g AS id, 'customer ' || g AS name, 'c' || g || '@example.com' AS email,
                       g % 97 AS segment, now() - g * interval '1 second' AS updated_at
                FROM generate_series(1, $rows) AS g
              key: id
              mode: update
        - split:
            simple: "\${body}"
            streaming: true
            stopOnException: true
            steps:
              - to: writeback:map
              - to: writeback:plan
              - to:
                  uri: writeback:deliver
                  parameters:
                    connection: sandbox
                    object: generated
EOF

java -Xmx256m -Xlog:gc:file="$work/gc.log" -jar target/writeback.jar \
    --server.port="$port" \
    --writeback.embedded-db.data-dir="$work/db" --writeback.embedded-db.clean=true \
    --writeback.routes-dir="$work/routes" --writeback.schedules.enabled=false --writeback.demo.enabled=false \
    > "$work/writeback.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT

for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '^{"status":"UP"' && break
    sleep 1
done

gc_lines_before_run=$(wc -l < "$work/gc.log")
run=$(curl -sf -X POST "http://127.0.0.1:$port/api/syncs/generated/runs" | grep -oE '"runId":[0-9]+' | cut -d: -f2)
status=queued
while [[ "$status" == queued || "$status" == running ]]; do
    sleep 1
    answer=$(curl -sf "http://127.0.0.1:$port/api/runs/$run")
    status=$(echo "$answer" | grep -oE '"status":"[a-z_]+"' | cut -d'"' -f4)
done

# The live heap after each collection during the run: its maximum is what the run needs.
peak_after_gc=$(tail -n +"$gc_lines_before_run" "$work/gc.log" | grep -oE '[0-9]+M->[0-9]+M' | cut -d'>' -f2 | tr -d M | sort -n | tail -1)
millis=$(echo "$answer" | grep -oE '"durationMillis":[0-9]+' | cut -d: -f2)
read_rows=$(echo "$answer" | grep -oE '"rowsRead":[0-9]+' | cut -d: -f2)
echo "run $run: $status, $read_rows rows in $millis ms ($(( read_rows * 1000 / (millis > 0 ? millis : 1) )) rows/s) with -Xmx256m"
echo "peak live heap after a collection during the run: ${peak_after_gc:-?} MB"
[[ "$status" == succeeded ]]
