import { CerthubError, type CertificateValidateReply } from '@certhub/contracts';
import type { Worker } from 'node:worker_threads';
import { uncheckedUpload, type ImportMaterial, type InspectedImport } from '../certificates';
import type { InspectionAnswer, InspectionKind } from './inspection-messages';

/** Starts one inspection worker thread (a factory, so tests can start the TypeScript entry). */
export type InspectionWorkerFactory = () => Worker;

interface Task {
  readonly id: number;
  readonly kind: InspectionKind;
  readonly material: ImportMaterial;
  resolve(answer: InspectedImport | CertificateValidateReply): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

/**
 * Parsing and checking run on worker threads, so a certificate with thousands of names never holds up the
 * service's event loop (health, NATS heartbeats, acks), and every core works. Each worker takes one upload at a
 * time; the rest wait in order. A worker that dies fails only the upload it held, with INTERNAL, and is
 * replaced.
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
    const slot: Slot = { worker: this.startWorker(), task: null };
    this.watch(slot);
    return slot;
  }

  private watch(slot: Slot): void {
    const { worker } = slot;
    worker.on('message', (answer: InspectionAnswer) => this.settle(slot, answer));
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      if (this.closed || slot.worker !== worker) return;
      slot.task?.reject(uncheckedUpload());
      slot.task = null;
      slot.worker = this.startWorker();
      this.watch(slot);
      this.dispatch();
    });
    // Workers never keep the process alive by themselves: the service's server and connections do.
    worker.unref();
  }

  private settle(slot: Slot, answer: InspectionAnswer): void {
    const task = slot.task;
    if (!task || task.id !== answer.id) return;
    slot.task = null;
    if (answer.ok && 'validation' in answer) {
      task.resolve(answer.validation);
    } else if (answer.ok) {
      const der = answer.inspected.privateKeyPkcs8Der;
      task.resolve({ ...answer.inspected, privateKeyPkcs8Der: Buffer.from(der.buffer, der.byteOffset, der.byteLength) });
    } else {
      task.reject(new CerthubError(answer.code, answer.message));
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task !== null) continue;
      const task = this.waiting.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, kind: task.kind, material: task.material });
    }
  }
}
