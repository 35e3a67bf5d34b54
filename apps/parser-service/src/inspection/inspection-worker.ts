import { CerthubError } from '@certhub/contracts';
import type { MessagePort } from 'node:worker_threads';
import { inspectImport, uncheckedUpload, validateUpload } from '../certificates';
import type { InspectionAnswer, InspectionBatch, InspectionTask } from './inspection-messages';

/**
 * The loop of one inspection worker thread: parse and check the uploads of each batch it is sent, one at a
 * time, and send their answers back together. Only domain errors cross back; anything else becomes INTERNAL
 * here, so the main thread never sees a stack.
 */
export function serveInspections(port: MessagePort): void {
  port.on('message', (batch: InspectionBatch) => void answerAll(port, batch));
}

async function answerAll(port: MessagePort, batch: InspectionBatch): Promise<void> {
  const answers: InspectionAnswer[] = [];
  const moved: ArrayBuffer[] = [];
  for (const task of batch) answers.push(await answer(task, moved));
  port.postMessage(answers, moved);
}

/** One task's answer; a key's DER goes on a buffer of its own, listed in `moved` to be transferred. */
async function answer(task: InspectionTask, moved: ArrayBuffer[]): Promise<InspectionAnswer> {
  try {
    if (task.kind === 'validate') return { id: task.id, ok: true, validation: await validateUpload(task.material) };
    const inspected = await inspectImport(task.material);
    // A copy on a buffer of its own, moved to the main thread; the original is wiped here.
    const keyDer = new Uint8Array(inspected.privateKeyPkcs8Der);
    inspected.privateKeyPkcs8Der.fill(0);
    moved.push(keyDer.buffer);
    return { id: task.id, ok: true, inspected: { ...inspected, privateKeyPkcs8Der: Buffer.from(keyDer.buffer) } };
  } catch (error) {
    const { code, message } = error instanceof CerthubError ? error : uncheckedUpload();
    return { id: task.id, ok: false, code, message };
  }
}
