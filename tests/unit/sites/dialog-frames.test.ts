import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExportDraft } from '@/lib/export/intents';
import { checkFrame, closeFrame, frameDraft, frameRequest, frameResume, handResume, stageDialog } from '@/lib/dialogs/frames';

/** The worker's side of the dialogs' frame: one staged request, claimed by one frame of the tab that staged it. */

const draft = { candidateKey: 'greenhouse:1' } as unknown as ExportDraft;
const exportRequest = { kind: 'export' as const, adapterId: 'greenhouse', candidate: { siteCandidateId: '1' } };
const syncRequest = (resumeLinked: boolean) => ({
  kind: 'sync' as const,
  page: { adapterId: 'generic', sourceUrl: 'https://example.org/p/1', sourceSite: 'Example', transcript: [] },
  resumeLinked,
});

describe('dialog frames', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for the export form\'s data when staged, and hands it to the one frame that claims the token', async () => {
    const prepare = vi.fn(async () => draft);
    const { token } = stageDialog(5, exportRequest, prepare);
    expect(prepare).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    // Settled already: the frame gets it with the request, in its first answer.
    expect(frameRequest(token, 5, 3)).toEqual({ ...exportRequest, draft });
    // Another frame (the page framing dialog.html itself with this token), or another tab: nothing.
    expect(() => frameRequest(token, 5, 4)).toThrow(/could not be opened/);
    expect(() => frameRequest(token, 6, 3)).toThrow(/could not be opened/);
    expect(() => frameRequest('00000000-0000-4000-8000-000000000000', 5, 3)).toThrow(/could not be opened/);
    // Used once: asked again, the form's data is asked for again.
    await expect(frameDraft(token, 5, 3, prepare)).resolves.toBe(draft);
    await frameDraft(token, 5, 3, prepare);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('hands the frame the resume the page\'s content script downloaded, or why it could not', async () => {
    const resume = { fileName: 'cv.pdf', contentType: 'application/pdf', base64: 'JVBERg==' };
    const linked = stageDialog(5, syncRequest(true), vi.fn());
    frameRequest(linked.token, 5, 2);
    const waiting = frameResume(linked.token, 5, 2);
    expect(() => handResume(linked.token, 6, { resume })).toThrow(/could not be opened/);
    handResume(linked.token, 5, { resume });
    await expect(waiting).resolves.toEqual(resume);

    const failed = stageDialog(5, syncRequest(true), vi.fn());
    handResume(failed.token, 5, { error: 'the site answered 404' });
    await expect(frameResume(failed.token, 5, 1)).rejects.toThrow('the site answered 404');

    const none = stageDialog(5, syncRequest(false), vi.fn());
    await expect(frameResume(none.token, 5, 1)).rejects.toThrow(/no resume/);
  });

  it('relays close and the visibility check to the top frame of the sender\'s own tab; no answer means not visible', async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown, options: unknown) => {
      sent.push([tabId, message, options]);
      return (message as { hirebridgeDialogFrame: { op: string } }).hirebridgeDialogFrame.op === 'check' ? { visible: false, reason: 'transparent' } : null;
    }) as never);
    const token = '7d1f5a9e-2b3c-4d5e-8f60-718293a4b5c6';
    await closeFrame(token, 5);
    await expect(checkFrame(token, 5, { x: 1, y: 2 })).resolves.toEqual({ visible: false, reason: 'transparent' });
    expect(sent).toEqual([
      [5, { hirebridgeDialogFrame: { token, op: 'close' } }, { frameId: 0 }],
      [5, { hirebridgeDialogFrame: { token, op: 'check', point: { x: 1, y: 2 } } }, { frameId: 0 }],
    ]);
    vi.mocked(fakeBrowser.tabs.sendMessage).mockImplementation((async () => ({ visible: 'yes' })) as never);
    await expect(checkFrame(token, 5, { x: 1, y: 2 })).resolves.toEqual({ visible: false, reason: 'gone' });
    vi.mocked(fakeBrowser.tabs.sendMessage).mockImplementation((async () => undefined) as never);
    await expect(checkFrame(token, 5, { x: 1, y: 2 })).resolves.toEqual({ visible: false, reason: 'gone' });
  });
});
