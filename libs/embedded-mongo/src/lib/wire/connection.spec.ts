import { deserialize, serialize, type Document } from 'bson';
import { connect, type Socket } from 'node:net';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo } from '../embedded-mongo';

interface Reply {
  readonly responseTo: number;
  readonly opCode: number;
  readonly doc: Document;
}

function header(length: number, requestId: number, opCode: number): Buffer {
  const out = Buffer.alloc(16);
  out.writeInt32LE(length, 0);
  out.writeInt32LE(requestId, 4);
  out.writeInt32LE(0, 8);
  out.writeInt32LE(opCode, 12);
  return out;
}

function opMsg(requestId: number, body: Document, options: { flags?: number; sequence?: [string, Document[]] } = {}): Buffer {
  const flags = options.flags ?? 0;
  const sections: Uint8Array[] = [Buffer.from([0]), serialize(body)];
  if (options.sequence) {
    const [name, docs] = options.sequence;
    const payload = Buffer.concat([Buffer.from(`${name}\0`), ...docs.map((d) => serialize(d))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4);
    sections.push(Buffer.from([1]), size, payload);
  }
  const flagBytes = Buffer.alloc(4);
  flagBytes.writeUInt32LE(flags);
  const checksum = flags & 1 ? Buffer.alloc(4) : Buffer.alloc(0);
  const rest = Buffer.concat([flagBytes, ...sections, checksum]);
  return Buffer.concat([header(16 + rest.length, requestId, 2013), rest]);
}

function opQuery(requestId: number, namespace: string, query: Document): Buffer {
  const rest = Buffer.concat([Buffer.alloc(4), Buffer.from(`${namespace}\0`), Buffer.from([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]), serialize(query)]);
  return Buffer.concat([header(16 + rest.length, requestId, 2004), rest]);
}

/** Collects `count` replies from the socket, decoding OP_MSG and OP_REPLY. */
function replies(socket: Socket, count: number): Promise<Reply[]> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    const out: Reply[] = [];
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      while (data.length >= 4 && data.length >= data.readInt32LE(0)) {
        const frame = data.subarray(0, data.readInt32LE(0));
        data = data.subarray(frame.length);
        const opCode = frame.readInt32LE(12);
        const docStart = opCode === 2013 ? 21 : 36;
        out.push({ responseTo: frame.readInt32LE(8), opCode, doc: deserialize(frame.subarray(docStart)) });
      }
      if (out.length >= count) {
        socket.off('data', onData);
        resolve(out);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.once('close', () => resolve()));
}

describe('embedded-mongo wire protocol', () => {
  let server: EmbeddedMongo;
  const sockets: Socket[] = [];

  async function open(): Promise<Socket> {
    const socket = connect(server.port, server.host);
    sockets.push(socket);
    await new Promise((resolve) => socket.once('connect', resolve));
    return socket;
  }

  beforeAll(async () => {
    server = await startEmbeddedMongo({ port: 0 });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await server.stop();
  });

  it('reassembles a message that arrives one byte at a time', async () => {
    const socket = await open();
    const got = replies(socket, 1);
    const frame = opMsg(41, { hello: 1, $db: 'admin' });
    for (const byte of frame) {
      socket.write(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const [reply] = await got;
    expect(reply).toMatchObject({ responseTo: 41, opCode: 2013 });
    expect(reply.doc).toMatchObject({ isWritablePrimary: true, maxWireVersion: 21, ok: 1 });
  });

  it('answers several messages from one chunk in order, with document sequences and a checksum flag', async () => {
    const socket = await open();
    const got = replies(socket, 3);
    socket.write(Buffer.concat([
      opMsg(1, { insert: 'seq', $db: 'wire' }, { flags: 1, sequence: ['documents', [{ _id: 1 }, { _id: 2 }]] }),
      opMsg(2, { find: 'seq', filter: {}, $db: 'wire' }),
      opMsg(3, { find: 'seq', filter: { $nope: 1 }, $db: 'wire' }),
    ]));
    const [inserted, found, failed] = await got;
    expect([inserted.responseTo, found.responseTo, failed.responseTo]).toEqual([1, 2, 3]);
    expect(inserted.doc).toEqual({ n: 2, ok: 1 });
    expect(found.doc['cursor']['firstBatch']).toEqual([{ _id: 1 }, { _id: 2 }]);
    expect(failed.doc).toMatchObject({ ok: 0, code: 2, codeName: 'BadValue' });
  });

  it('sends no reply to moreToCome (unacknowledged) writes', async () => {
    const socket = await open();
    const got = replies(socket, 1);
    socket.write(opMsg(5, { insert: 'quiet', $db: 'wire' }, { flags: 2, sequence: ['documents', [{ _id: 'q' }]] }));
    socket.write(opMsg(6, { count: 'quiet', $db: 'wire' }));
    const [reply] = await got;
    expect(reply.responseTo).toBe(6);
    expect(reply.doc).toEqual({ n: 1, ok: 1 });
  });

  it('answers a legacy OP_QUERY isMaster with OP_REPLY and refuses other OP_QUERY commands', async () => {
    const socket = await open();
    const got = replies(socket, 2);
    socket.write(Buffer.concat([opQuery(7, 'admin.$cmd', { isMaster: 1, helloOk: true }), opQuery(8, 'admin.$cmd', { ping: 1 })]));
    const [hello, ping] = await got;
    expect(hello).toMatchObject({ responseTo: 7, opCode: 1 });
    expect(hello.doc).toMatchObject({ ismaster: true, helloOk: true, minWireVersion: 0, maxWireVersion: 21, ok: 1 });
    expect(ping.doc).toMatchObject({ ok: 0, code: 352 });
  });

  it('closes only the connection that sends garbage; other clients keep working', async () => {
    const client = await MongoClient.connect(server.url);
    try {
      await client.db('wire').collection('ok').insertOne({ before: true });
      const garbage = await open();
      const garbageClosed = closed(garbage);
      garbage.write(Buffer.from('GET / HTTP/1.1\r\nHost: example\r\n\r\n'));
      await garbageClosed;
      const badBson = await open();
      const badBsonClosed = closed(badBson);
      const frame = opMsg(9, { ping: 1, $db: 'admin' });
      frame.writeInt32LE(9999, 21); // the body's own length no longer fits the frame
      badBson.write(frame);
      await badBsonClosed;
      const unknownOp = await open();
      const unknownOpClosed = closed(unknownOp);
      unknownOp.write(header(16, 10, 2012));
      await unknownOpClosed;
      await client.db('wire').collection('ok').insertOne({ after: true });
      expect(await client.db('wire').collection('ok').countDocuments()).toBe(2);
    } finally {
      await client.close();
    }
  });
});
