# A throwaway certificate that protects the data-protection keys, for load and start-up runs of
# the portal in Production (which refuses to start without one). Source it, then:
#   key_certificate DIR   (exports DataProtection__CertificatePath and DataProtection__CertificatePassword)
key_certificate() {
  local dir=$1
  openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=portal-load-run" \
    -keyout "$dir/keys.key" -out "$dir/keys.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$dir/keys.key" -in "$dir/keys.crt" -out "$dir/keys.pfx" -passout pass:load-run 2>/dev/null
  export DataProtection__CertificatePath="$dir/keys.pfx" DataProtection__CertificatePassword=load-run
}
