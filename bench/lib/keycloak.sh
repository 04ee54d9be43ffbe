# Sourced by bench/run, bench/gateway and bench/drills (which set KEYCLOAK): a fresh access token of a
# demo user from the development realm, for one service: `user_token admin.kz reporting-service` asks
# for that service's scope, and the token is accepted by that service only (and by the gateway in
# front of it); `officer_token <service>` is the officer officer.almaty's. Tokens live 5 minutes, so
# long runs fetch one per step. Keycloak may be busy or restarting (the drill restarts things around
# it): a few tries, then a message that says where to look.
user_token() {
  local t user=${1:?"user_token <user> <service>, e.g. user_token admin.kz reporting-service"}
  local service=${2:?"user_token <user> <service>, e.g. user_token admin.kz reporting-service"}
  for _ in 1 2 3 4 5 6; do
    t=$(curl -sf -d grant_type=password -d client_id=cli -d scope="$service" -d username="$user" -d password="$user" \
      "$KEYCLOAK/realms/prevention/protocol/openid-connect/token" 2>/dev/null \
      | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])' 2>/dev/null) && [ -n "$t" ] && { echo "$t"; return 0; }
    sleep 2
  done
  echo "bench: Keycloak at $KEYCLOAK gave no token for $user ($service) after 6 tries (is the development realm with the cli client loaded? see .platform/logs/keycloak.log)" >&2
  return 1
}

officer_token() {
  user_token officer.almaty "${1:?"officer_token <service>, e.g. officer_token registry-service"}"
}
