import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import mongoose from 'mongoose';
import { journaledByNextWrite } from './journaled-by-next-write';

describe('journaledByNextWrite', () => {
  let server: EmbeddedMongo;
  beforeAll(async () => (server = await startEmbeddedMongo({ port: 0 })));
  afterAll(() => server.stop());

  async function concernFor(query: string) {
    const connection = await mongoose.createConnection(`${server.url}/certhub${query}`).asPromise();
    try {
      return journaledByNextWrite(connection.model('Thing', new mongoose.Schema({ name: String }))).writeConcern;
    } finally {
      await connection.close();
    }
  }

  it("skips only the journal: the connection's w and wtimeout stay, so no write is acknowledged by fewer members", async () => {
    expect(await concernFor('?w=majority&wtimeoutMS=5000')).toEqual({ w: 'majority', wtimeout: 5000, j: false });
    expect(await concernFor('?w=2')).toEqual({ w: 2, j: false });
    expect(await concernFor('')).toEqual({ j: false });
  });
});
