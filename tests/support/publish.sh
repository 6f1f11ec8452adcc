# The portal published as docs/operations.md does it, for load and start-up runs. Source it, then:
#   publish_portal plain|r2r DIR   (r2r: precompiled for linux-x64, -p:PublishReadyToRun=true)
# Start it from DIR with `dotnet Portal.Web.dll`.
publish_portal() {
  local mode=$1 dir=$2 root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  case $mode in
    plain) dotnet publish "$root/Portal.Web" -c Release -o "$dir" -v q -nologo >/dev/null ;;
    r2r) dotnet publish "$root/Portal.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$dir" -v q -nologo >/dev/null ;;
    *) echo "publish_portal: plain or r2r, not '$mode'" >&2; return 2 ;;
  esac
}
