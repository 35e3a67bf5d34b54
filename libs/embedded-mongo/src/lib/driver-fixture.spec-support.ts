import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo, type EmbeddedMongoOptions } from './embedded-mongo';

export interface DriverFixture {
  readonly server: EmbeddedMongo;
  readonly client: MongoClient;
  readonly db: Db;
}

/**
 * For one spec file: an in-memory server and a real driver connection shared by its tests, torn down after
 * them. The fields are set in beforeAll, so read them inside tests.
 */
export function useDriverFixture(
  database: string,
  clientOptions: MongoClientOptions = {},
  serverOptions: EmbeddedMongoOptions = {},
): DriverFixture {
  const fixture = {} as { server: EmbeddedMongo; client: MongoClient; db: Db };
  beforeAll(async () => {
    fixture.server = await startEmbeddedMongo({ ...serverOptions, port: 0 });
    fixture.client = await MongoClient.connect(fixture.server.url, clientOptions);
    fixture.db = fixture.client.db(database);
  });
  afterAll(async () => {
    await fixture.client?.close();
    await fixture.server?.stop();
  });
  return fixture;
}
