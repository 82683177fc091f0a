// "Import case archive" on the case list: verify the whole archive, refuse it whole with the reason, or write it.
import { useApp } from '../shell/app-context';
import { ArchiveProgressLine } from './ArchiveProgress';
import { importArchive } from './queries';
import { useArchiveJob } from './use-archive-job';

export function ArchiveImportPanel({ onOpen }: { readonly onOpen: (caseId: string) => void }) {
  const { host, investigator } = useApp();
  const { state, run, cancel } = useArchiveJob('The import');
  const start = () =>
    void run(async (options) => {
      const picked = await host.pick('zip');
      const file = picked?.files[0];
      if (!file) return null;
      const outcome = await importArchive(file, investigator, options);
      return {
        message: `Imported "${outcome.title}": every hash and the custody chain verified.`,
        caseId: outcome.caseId,
      };
    });
  return (
    <section className="panel">
      <h2>Case archive</h2>
      <p className="muted">
        A case exported from Tokentrail (or by <span className="mono">tokentrail case export</span>). Every hash and the
        custody chain are checked before anything is stored.
      </p>
      <button
        type="button"
        className="wide"
        data-testid="archive-import"
        disabled={state.phase === 'running'}
        onClick={start}
      >
        Import case archive
      </button>
      <ArchiveProgressLine state={state} onCancel={cancel} />
      {state.phase === 'done' && (
        <p className="notice" data-testid="archive-imported">
          {state.message}{' '}
          {state.caseId && (
            <button type="button" data-testid="archive-open" onClick={() => onOpen(state.caseId!)}>
              Open
            </button>
          )}
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="error" role="alert" data-testid="archive-error">
          {state.message}
        </p>
      )}
    </section>
  );
}
