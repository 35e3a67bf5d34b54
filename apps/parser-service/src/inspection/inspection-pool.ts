import { CerthubError, type CertificateValidateReply } from '@certhub/contracts';
import type { Worker } from 'node:worker_threads';
import { uncheckedUpload, type ImportMaterial, type InspectedImport } from '../certificates';
import type { InspectionAnswer, InspectionBatch, InspectionKind } from './inspection-messages';

/** Starts one inspection worker thread (a factory, so tests can start the TypeScript entry). */
export type InspectionWorkerFactory = () => Worker;

interface Task {
  readonly id: number;
  readonly kind: InspectionKind;
  readonly material: ImportMaterial;
  /** Set once it was in a batch whose worker died: it then goes alone, so only the upload that kills a worker fails. */
  alone?: boolean;
  resolve(answer: InspectedImport | CertificateValidateReply): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** The batch the worker holds; empty when it is idle. */
  tasks: Task[];
}

/** At most this many uploads in one batch: enough to save most wake-ups, few enough to keep answers flowing. */
const MAX_BATCH = 8;

/**
 * Parsing and checking run on worker threads, so a certificate with thousands of names never holds up the
 * service's event loop (health, NATS heartbeats, acks), and every core works. An idle worker takes what waits,
 * in order, shared with the other idle workers: one upload when load is light, a batch of up to MAX_BATCH
 * under load, so that one message each way (the costly part: it wakes the other thread) serves several
 * uploads. A worker that dies is replaced; the upload that killed it fails with INTERNAL, and only that one
 * (recover).
 */
export class InspectionPool {
  private readonly slots: Slot[];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly startWorker: InspectionWorkerFactory,
  ) {
    this.slots = Array.from({ length: size }, () => this.newSlot());
  }

  inspect(material: ImportMaterial): Promise<InspectedImport> {
    return this.enqueue('import', material) as Promise<InspectedImport>;
  }

  /** The dry run: every problem of the upload, nothing exported. */
  validate(material: ImportMaterial): Promise<CertificateValidateReply> {
    return this.enqueue('validate', material) as Promise<CertificateValidateReply>;
  }

  private enqueue(kind: InspectionKind, material: ImportMaterial): Promise<InspectedImport | CertificateValidateReply> {
    if (this.closed) return Promise.reject(new Error('the inspection pool is closed'));
    // Only the upload's own fields cross to the worker, whatever else the caller's object holds.
    const { certificate, privateKey, chain, trustedRootCa, pkcs12, passphrase } = material;
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, kind, material: { certificate, privateKey, chain, trustedRootCa, pkcs12, passphrase }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Error('the inspection pool is closed'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private newSlot(): Slot {
    const slot: Slot = { worker: this.startWorker(), tasks: [] };
    this.watch(slot);
    return slot;
  }

  private watch(slot: Slot): void {
    const { worker } = slot;
    worker.on('message', (answers: readonly InspectionAnswer[]) => {
      // A worker replaced after it died may still deliver; its batch was already failed.
      if (slot.worker === worker) this.settle(slot, answers);
    });
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      if (this.closed || slot.worker !== worker) return;
      this.recover(slot.tasks.splice(0));
      slot.worker = this.startWorker();
      this.watch(slot);
      this.dispatch();
    });
    // Workers never keep the process alive by themselves: the service's server and connections do.
    worker.unref();
  }

  /**
   * The uploads of a worker that died. One alone is the cause (a heap it exhausted, say): it fails with
   * INTERNAL. Of a batch, any one may be: each goes again, alone and first in line, so another tenant's upload
   * never fails for sharing a batch with one that kills a worker.
   */
  private recover(held: Task[]): void {
    if (held.length === 1) {
      held[0]?.reject(uncheckedUpload());
      return;
    }
    for (const task of held) task.alone = true;
    this.waiting.unshift(...held);
  }

  private settle(slot: Slot, answers: readonly InspectionAnswer[]): void {
    const tasks = slot.tasks.splice(0);
    for (const task of tasks) {
      const answer = answers.find((one) => one.id === task.id);
      if (answer) resolveTask(task, answer);
      else task.reject(uncheckedUpload());
    }
    this.dispatch();
  }

  private dispatch(): void {
    const idle = this.slots.filter((slot) => slot.tasks.length === 0);
    idle.forEach((slot, index) => {
      if (this.waiting.length === 0) return;
      // What waits, shared among the workers still idle, so that one worker does not take it all. Tasks that
      // must go alone always lead the queue (recover puts them first).
      const share = this.waiting[0]?.alone ? 1 : Math.min(MAX_BATCH, Math.ceil(this.waiting.length / (idle.length - index)));
      slot.tasks = this.waiting.splice(0, share);
      const batch: InspectionBatch = slot.tasks.map(({ id, kind, material }) => ({ id, kind, material }));
      slot.worker.postMessage(batch);
    });
  }
}

function resolveTask(task: Task, answer: InspectionAnswer): void {
  if (answer.ok && 'validation' in answer) {
    task.resolve(answer.validation);
  } else if (answer.ok) {
    const der = answer.inspected.privateKeyPkcs8Der;
    task.resolve({ ...answer.inspected, privateKeyPkcs8Der: Buffer.from(der.buffer, der.byteOffset, der.byteLength) });
  } else {
    task.reject(new CerthubError(answer.code, answer.message));
  }
}
