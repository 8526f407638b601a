#!/usr/bin/env bash
# Load test of the report portal (bounded, loopback only): builds the portal's test classes and runs
# it.cabina.portal.load.PortalLoad over a reports folder (default data/demo/reports: run ./cabina demo first).
# Options: --reports DIR  --users N (50)  --seconds S (60)  --think-ms MS (1000)  --out FILE. See docs/portal-proxy.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl portal -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/load-classpath.txt
exec java -Xmx1g -cp "portal/target/test-classes:portal/target/classes:$(cat portal/target/load-classpath.txt)" \
  it.cabina.portal.load.PortalLoad "$@"
