# Sourced by bench/run and bench/gateway (which set PG): the next unused block of IINs for a
# registration step. Block b (0..99) is 10^6 IINs of persons born in the 100 days from 1970-01-01 +
# 100·b days (register.lua and paced_registrations.py draw from it); a block is used when the
# registry already holds a person born in those days — a step meeting such a person again would be
# answered 409 (a duplicate entry) and measure refusals. The last block taken is kept in
# bench/target/iin-block, so runs go round the blocks instead of starting over.
next_iin_block() {
  local file="${BENCH_TARGET:-bench/target}/iin-block" last block used i
  mkdir -p "$(dirname "$file")"
  last=$(( $(cat "$file" 2>/dev/null || echo 0) ))
  for i in $(seq 1 100); do
    block=$(( (last + i) % 100 ))
    used=$($PG -d registry -c "SELECT count(*) FROM person WHERE birth_date >= DATE '1970-01-01' + $block * 100
                                  AND birth_date < DATE '1970-01-01' + ($block + 1) * 100")
    if [ "$used" = 0 ]; then
      echo "$block" > "$file"
      echo "$block"
      return 0
    fi
  done
  echo "bench: every block of benchmark IINs (persons born 1970-1997) is taken in this registry; start from an empty" \
    "registry database (./platform down; dropdb -h 127.0.0.1 -U postgres registry; ./platform up) and run again" >&2
  return 1
}
