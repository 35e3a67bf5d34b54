import { Events, type NatsConnection } from 'nats';

/** Tracks whether the connection is currently up, for readiness probes (reconnects are otherwise silent). */
export class NatsHealth {
  private connected = true;

  constructor(private readonly nc: NatsConnection) {
    void this.watch();
  }

  isConnected(): boolean {
    return this.connected && !this.nc.isClosed();
  }

  private async watch(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === Events.Disconnect) this.connected = false;
      if (status.type === Events.Reconnect) this.connected = true;
    }
  }
}
