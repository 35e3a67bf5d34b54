/**
 * What queries cost, per server: reported by serverStatus as `metrics.queryExecutor.scannedObjects`, as
 * mongod does. Tests read it to see whether a query used a unique index (1 document) or scanned.
 */
export interface ScanStats {
  /** Documents a filter was evaluated against. */
  scannedObjects: number;
}
