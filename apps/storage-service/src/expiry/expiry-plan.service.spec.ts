import type { Model } from 'mongoose';
import { ExpiryPlan } from './expiry-plan.service';
import { ExpiryPlanRecord, ExpiryPlanRecordSchema } from './schemas/expiry-plan.schema';
import { DAY_MS, expiryConfig, useCertificateStore } from './certificate-store.spec-support';

describe('expiry plan', () => {
  const store = useCertificateStore();
  const now = new Date();
  const plansOf = () => store.connection.model<ExpiryPlanRecord>(ExpiryPlanRecord.name, ExpiryPlanRecordSchema) as unknown as Model<ExpiryPlanRecord>;
  const planWith = (thresholds: number[]) => new ExpiryPlan(expiryConfig(thresholds), store.certificates, plansOf());
  const dueNow = () => store.certificates.countDocuments({ expiryCheckAt: { $lte: now } });

  it('makes every valid certificate due once when the thresholds are new here, and leaves a current plan alone', async () => {
    await store.insert(5, (i) => new Date(now.getTime() + (i + 1) * 20 * DAY_MS));
    await store.insert(2, () => new Date(now.getTime() - DAY_MS));
    // As after a scan: nothing due any more.
    await store.certificates.updateMany({}, { $unset: { expiryCheckAt: 1 } });

    // A database from before the watch kept a plan.
    expect(await planWith([1, 7, 14, 30]).ensureCurrent(now)).toBe(5);
    expect(await dueNow()).toBe(5);
    await store.certificates.updateMany({}, { $unset: { expiryCheckAt: 1 } });
    expect(await planWith([30, 14, 7, 1]).ensureCurrent(now)).toBeNull();
    expect(await dueNow()).toBe(0);

    // A threshold added: every valid certificate is looked at again.
    expect(await planWith([1, 7, 14, 30, 60]).ensureCurrent(now)).toBe(5);
    expect(await planWith([1, 7, 14, 30, 60]).ensureCurrent(now)).toBeNull();
  });
});
