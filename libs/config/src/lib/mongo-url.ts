import { readFileSync } from 'node:fs';
import { redactUrl, type EnvReader } from './env-reader';

/**
 * A MongoDB connection string, split where the password goes. WHATWG `URL` cannot read one that lists a
 * replica set's members (`mongodb://a:27017,b:27017/db`), so it is split here by the driver's own grammar.
 */
const CONNECTION_STRING = /^(mongodb(?:\+srv)?:\/\/)(?:([^@/?#]*)@)?([^/?#@]+)(.*)$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[^\s:,[\]]+)(?::\d{1,5})?$/;

/**
 * `MONGO_URL`, with the password from `MONGO_PASSWORD_FILE` when that is set: the URL names the user
 * (`mongodb://certhub@mongo:27017/certhub?authSource=admin`) and the password stays in a file that only the
 * database and storage can read (the compose file's `mongo-secret` volume), out of the environment. A replica
 * set's members are listed comma-separated, as the driver takes them.
 */
export function readMongoUrl(reader: EnvReader): string {
  const url = reader.string('MONGO_URL', 'mongodb://127.0.0.1:27017/certhub');
  const parts = CONNECTION_STRING.exec(url);
  const hosts = parts?.[3]?.split(',') ?? [];
  if (!parts || hosts.some((host) => !HOST.test(host))) {
    reader.report(`MONGO_URL must be a mongodb:// or mongodb+srv:// connection string, got "${redactUrl(url)}"`);
    return url;
  }
  const passwordFile = reader.optionalString('MONGO_PASSWORD_FILE');
  if (passwordFile === undefined) return url;
  let password: string;
  try {
    password = readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    reader.report(`MONGO_PASSWORD_FILE ${passwordFile} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return url;
  }
  const [, scheme, userinfo, hostList, rest] = parts;
  if (!password) reader.report(`MONGO_PASSWORD_FILE ${passwordFile} is empty`);
  else if (!userinfo) reader.report('MONGO_PASSWORD_FILE is set, so MONGO_URL must name the user: mongodb://<user>@host/db');
  else if (userinfo.includes(':')) reader.report('MONGO_URL has a password and MONGO_PASSWORD_FILE is set too; use one of them');
  else return `${scheme}${userinfo}:${encodeURIComponent(password)}@${hostList}${rest}`;
  return url;
}
