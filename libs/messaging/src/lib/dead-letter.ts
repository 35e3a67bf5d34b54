import { headers, type JetStreamClient, type JsMsg } from 'nats';

const PRIVATE_KEY_BLOCK = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g;
/** A JSON member holding a PKCS#12 bundle (its key inside) or a passphrase, to its closing quote or the end. */
const SECRET_MEMBER = /"(passphrase|pkcs12)"(\s*:\s*)"(?:[^"\\]|\\.)*("|$)/g;
const MAX_DEAD_LETTER_BYTES = 64 * 1024;

/**
 * Dead letters outlive the work-queue message, so whatever they keep must not include a private key:
 * PEM key blocks (also inside JSON strings), and the `pkcs12` and `passphrase` members of a command, are
 * replaced before the payload is stored.
 */
export function redactPrivateKeys(data: Uint8Array): Uint8Array {
  const text = Buffer.from(data).subarray(0, MAX_DEAD_LETTER_BYTES).toString('utf8');
  const redacted = text.replace(PRIVATE_KEY_BLOCK, '[private key redacted]').replace(SECRET_MEMBER, '"$1"$2"[redacted]"');
  return Buffer.from(redacted, 'utf8');
}

/** Publishes a copy of a failed message, with why it failed, to its stage's dead-letter subject. */
export async function sendToDeadLetter(
  js: JetStreamClient,
  subject: string,
  msg: JsMsg,
  reason: string,
): Promise<void> {
  const meta = headers();
  meta.set('Certhub-Dead-Letter-Reason', reason.slice(0, 512).replace(/[\r\n]+/g, ' '));
  meta.set('Certhub-Original-Subject', msg.subject);
  meta.set('Certhub-Original-Stream', msg.info.stream);
  meta.set('Certhub-Original-Sequence', String(msg.info.streamSequence));
  meta.set('Certhub-Deliveries', String(msg.info.redeliveryCount));
  await js.publish(subject, redactPrivateKeys(msg.data), {
    headers: meta,
    msgID: `dlq:${msg.info.stream}:${msg.info.streamSequence}`,
  });
}
