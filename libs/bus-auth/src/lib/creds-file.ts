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

/** The user JWT of a `.creds` file's text, or undefined when the text is not one. */
export function credsUserJwt(text: string): string | undefined {
  return /-----BEGIN NATS USER JWT-----\s*([A-Za-z0-9_.-]+)\s*------END NATS USER JWT------/.exec(text)?.[1];
}

/** The user nkey seed of a `.creds` file's text, or undefined when the text holds none. */
export function credsUserSeed(text: string): string | undefined {
  return /-----BEGIN USER NKEY SEED-----\s*([A-Z0-9]+)\s*------END USER NKEY SEED------/.exec(text)?.[1];
}
