import type { CertificateExpiringEvent } from '@certhub/contracts';
import type { ExpiringEventPublisher } from './expiring-event.publisher';
import { ExpiryScan } from './expiry-scan.service';
import { DAY_MS, expiryConfig, useCertificateStore } from './certificate-store.spec-support';

const HOUR_MS = 3_600_000;
/** 90-day certificates, spread evenly over their lifetime, as in a fleet renewed continuously. */
const FLEET = 3_000;

/**
 * The scan's cost on the database, counted by the server (scannedObjects, what explain() calls
 * docsExamined): it must read the certificates that are due, not every certificate inside a threshold's
 * window, on every scan.
 */
describe('expiry scan footprint', () => {
  const store = useCertificateStore();
  const published: CertificateExpiringEvent[] = [];
  const publisher = { publish: async (event: CertificateExpiringEvent) => void published.push(event) } as ExpiringEventPublisher;
  const scan = () => new ExpiryScan(expiryConfig(), store.certificates, publisher);
  const start = new Date();

  async function measuredScan(now: Date) {
    published.length = 0;
    const before = await store.scannedObjects();
    const report = await scan().run(now);
    return { ...report, scanned: (await store.scannedObjects()) - before, events: published.length };
  }

  it('reads each certificate once when it is new, then only those crossing a threshold', async () => {
    await store.insert(FLEET, (i) => new Date(start.getTime() + ((i + 0.5) * 90 * DAY_MS) / FLEET));
    const inWindow = await store.certificates.countDocuments({ notAfter: { $gt: start, $lte: new Date(start.getTime() + 30 * DAY_MS) } });
    expect(inWindow).toBe(FLEET / 3);

    // First look at every new certificate: each is read once, and those within 30 days are announced.
    const first = await measuredScan(start);
    expect(first).toMatchObject({ examined: FLEET, announced: inWindow, events: inWindow });

    // The same moment again: nothing is due, nothing is read.
    expect(await measuredScan(start)).toEqual({ examined: 0, announced: 0, scanned: 0, events: 0 });

    // An hour later, the hourly scan: only the certificates that crossed a threshold in that hour are read
    // (about 4 thresholds x 3,000 certificates / 2,160 hours), where a window query would read 1,000.
    const hourly = await measuredScan(new Date(start.getTime() + HOUR_MS));
    expect(hourly.examined).toBeGreaterThan(0);
    expect(hourly.examined).toBeLessThan(15);
    expect(hourly.announced).toBe(hourly.examined);
    // The find reads the due ones through the index; each recording is one update by _id.
    expect(hourly.scanned).toBe(2 * hourly.examined);

    // A week of hourly scans announces each certificate at each threshold it crosses, once.
    let announced = 0;
    for (let hour = 2; hour <= 7 * 24; hour += 1) announced += (await measuredScan(new Date(start.getTime() + hour * HOUR_MS))).announced;
    // In a week each threshold is crossed by 7/90 of the fleet.
    expect(Math.abs(announced + hourly.announced - 4 * Math.round((7 / 90) * FLEET))).toBeLessThanOrEqual(4);
  }, 120_000);

  // Uses the fleet the first test left behind.
  it('examines every certificate without the expiry_check index: the index is what keeps the scan small', async () => {
    await store.certificates.collection.dropIndex('expiry_check');
    try {
      const total = await store.certificates.estimatedDocumentCount();
      // The moment of the first test's last scan: nothing is due, yet the query must look at everything.
      const nothingDue = await measuredScan(new Date(start.getTime() + 7 * DAY_MS));
      expect(nothingDue).toMatchObject({ examined: 0, scanned: total });
    } finally {
      await store.certificates.createIndexes();
    }
  });
});
