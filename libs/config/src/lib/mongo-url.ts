import { readFileSync } from 'node:fs';
import type { EnvReader } from './env-reader';

/**
 * `MONGO_URL`, with the password from `MONGO_PASSWORD_FILE` when that is set: the URL names the user
 * (`mongodb://certhub@mongo:27017/certhub?authSource=admin`) and the password stays in a file that only the
 * database and storage can read (the compose file's `mongo-secret` volume), out of the environment.
 */
export function readMongoUrl(reader: EnvReader): string {
  const url = reader.url('MONGO_URL', 'mongodb://127.0.0.1:27017/certhub', ['mongodb:', 'mongodb+srv:']);
  const passwordFile = reader.optionalString('MONGO_PASSWORD_FILE');
  if (passwordFile === undefined) return url;
  let password: string;
  try {
    password = readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    reader.report(`MONGO_PASSWORD_FILE ${passwordFile} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return url;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url; // reader.url reported it already
  }
  if (!password) reader.report(`MONGO_PASSWORD_FILE ${passwordFile} is empty`);
  else if (!parsed.username) reader.report('MONGO_PASSWORD_FILE is set, so MONGO_URL must name the user: mongodb://<user>@host/db');
  else if (parsed.password) reader.report('MONGO_URL has a password and MONGO_PASSWORD_FILE is set too; use one of them');
  else parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
