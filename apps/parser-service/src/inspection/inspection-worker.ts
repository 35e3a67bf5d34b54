import { CerthubError } from '@certhub/contracts';
import type { MessagePort } from 'node:worker_threads';
import { inspectImport, uncheckedUpload, validateUpload } from '../certificates';
import type { InspectionAnswer, InspectionTask } from './inspection-messages';

/**
 * The loop of one inspection worker thread: parse and check each upload it is sent, one at a time. Only
 * domain errors cross back; anything else becomes INTERNAL here, so the main thread never sees a stack.
 */
export function serveInspections(port: MessagePort): void {
  port.on('message', (task: InspectionTask) => void answer(port, task));
}

async function answer(port: MessagePort, task: InspectionTask): Promise<void> {
  try {
    if (task.kind === 'validate') {
      port.postMessage({ id: task.id, ok: true, validation: await validateUpload(task.material) } satisfies InspectionAnswer);
      return;
    }
    const inspected = await inspectImport(task.material);
    // A copy on a buffer of its own, moved to the main thread; the original is wiped here.
    const keyDer = new Uint8Array(inspected.privateKeyPkcs8Der);
    inspected.privateKeyPkcs8Der.fill(0);
    const reply: InspectionAnswer = { id: task.id, ok: true, inspected: { ...inspected, privateKeyPkcs8Der: Buffer.from(keyDer.buffer) } };
    port.postMessage(reply, [keyDer.buffer]);
  } catch (error) {
    const { code, message } = error instanceof CerthubError ? error : uncheckedUpload();
    port.postMessage({ id: task.id, ok: false, code, message } satisfies InspectionAnswer);
  }
}
