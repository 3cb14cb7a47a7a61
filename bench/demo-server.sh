# Sourced by the bench scripts: starts the demo deployment from app/target/sentral.jar (built if
# missing) on a fresh data dir under $work, as background process $server_pid, and waits until it
# serves. The caller sets up `work` (a temp dir) and stops the server in its EXIT trap.
jar=app/target/sentral.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
"$JAVA_HOME/bin/java" -Xms512m -Xmx1g -jar "$jar" --data-dir "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do grep -q "Sentral started" "$work/server.log" && break; sleep 0.5; done
grep -q "Sentral started" "$work/server.log" || { cat "$work/server.log"; exit 1; }
