// Runs a long server request (export, import, statistics) under a VS Code progress notification: the server
// reports on a work-done token we create, and Cancel cancels the request itself.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { type LanguageClient, type ProgressToken, type RequestType, WorkDoneProgress, type WorkDoneProgressReport } from 'vscode-languageclient/node';

export async function requestWithProgress<P extends { workDoneToken?: ProgressToken }, R>(
  client: LanguageClient,
  type: RequestType<P, R, void>,
  params: Omit<P, 'workDoneToken'>,
  title: string,
  location: vscode.ProgressLocation = vscode.ProgressLocation.Notification,
): Promise<R> {
  return vscode.window.withProgress({ location, title, cancellable: true }, async (progress, cancel) => {
    const workDoneToken = randomUUID();
    let last = 0;
    const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind !== 'report') return;
      const report = value as WorkDoneProgressReport;
      const pct = report.percentage ?? last;
      progress.report({ increment: pct - last, ...(report.message ? { message: report.message } : {}) });
      last = pct;
    });
    try {
      return (await client.sendRequest(type.method, { ...params, workDoneToken }, cancel)) as R;
    } finally {
      listening.dispose();
    }
  });
}
