import { process, requeue } from '../outbox';
import { t } from './messages';
import { PublicError } from '../errors';

/** Retry a needs-attention operation now (the same input; the handler looks the person up first). */
export async function retryOperation(id: string): Promise<void> {
  const operation = await requeue(id);
  if (!operation) throw new PublicError(t('unknownOperation'));
  if (operation.state === 'queued') void process(id);
}
