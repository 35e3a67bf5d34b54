import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';

/** Request/reply to the storage service over NATS, the same transport the gateway uses. */
export class StorageRpc {
  private readonly client: ClientProxy = ClientProxyFactory.create({
    transport: Transport.NATS,
    options: { servers: [process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222'], name: 'certhub-admin' },
  });

  ask<Reply>(subject: string, payload: unknown): Promise<Reply> {
    return firstValueFrom(this.client.send<Reply>(subject, payload).pipe(timeout(10_000)));
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
