// "Export case archive": the whole case as one zip, saved through the host (a download, or the save dialog).
import { useApp } from '../shell/app-context';
import { formatBytes } from '../shell/format';
import { ArchiveProgressLine } from './ArchiveProgress';
import { archiveFileName, exportArchive } from './queries';
import { useArchiveJob } from './use-archive-job';

export function ArchiveExportButton({ caseId, title }: { readonly caseId: string; readonly title: string }) {
  const { host, investigator } = useApp();
  const { state, run, cancel } = useArchiveJob('The export');
  const start = () =>
    void run(async (options) => {
      const stream = await host.saveStream(archiveFileName({ title }));
      if (!stream) return null;
      const written = await exportArchive(caseId, investigator, stream, options);
      return {
        message: `Archive saved${written.path ? ` to ${written.path}` : ''}: ${formatBytes(written.size)}, manifest SHA-256 ${written.manifestSha256}.`,
      };
    });
  return (
    <div className="archive-export">
      <button type="button" data-testid="archive-export" disabled={state.phase === 'running'} onClick={start}>
        Export case archive
      </button>
      <ArchiveProgressLine state={state} onCancel={cancel} />
      {state.phase === 'done' && (
        <p className="notice" data-testid="archive-exported">
          {state.message}
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="error" role="alert" data-testid="archive-error">
          {state.message}
        </p>
      )}
    </div>
  );
}
