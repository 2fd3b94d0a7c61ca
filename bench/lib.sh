# What the benchmark scripts share; sourced, not run.

# The newest JDK on the machine runs the load generator (it is a single-file Java program).
pick_java() {
  local jdk
  for jdk in $(ls -d /usr/lib/jvm/*/ 2> /dev/null | sort -V -r); do
    [[ -x "$jdk/bin/java" ]] && { echo "$jdk/bin/java"; return; }
  done
  echo java
}
JAVA="${JAVA:-$(pick_java)}"
