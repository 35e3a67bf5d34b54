/**
 * The `.creds` file format every NATS client reads (nats.js `credsAuthenticator`, the Go and Java clients,
 * the `nats` CLI): the user JWT and the user's nkey seed, between the standard markers.
 */
export function formatCreds(userJwt: string, userSeed: string): string {
  return [
    '-----BEGIN NATS USER JWT-----',
    userJwt,
    '------END NATS USER JWT------',
    '',
    '************************* IMPORTANT *************************',
    'NKEY Seed printed below can be used to sign and prove identity.',
    'NKEYs are sensitive and should be treated as secrets.',
    '',
    '-----BEGIN USER NKEY SEED-----',
    userSeed,
    '------END USER NKEY SEED------',
    '',
    '*************************************************************',
    '',
  ].join('\n');
}
