// The app shell: settings (investigator, time zone), the top bar and the current view.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { describeStorageError } from '../db/storage-errors';
import type { Host } from '../host/host';
import { AppContext } from './app-context';
import { CaseView } from '../cases/CaseView';
import { CasesView } from '../cases/CasesView';
import { caseRecord } from '../cases/queries';
import { importArchive } from '../archive/queries';
import { useOpenedFiles, type OpenCaseArchive } from '../cases/use-opened-files';
import { validZone } from './format-time';
import { useRoute } from './route';
import { AboutDialog } from './AboutDialog';
import { Dialog } from './Dialog';
import { InvestigatorForm } from './InvestigatorForm';
import { VerifyReportView } from '../report-verify/VerifyReportView';
import { readAppSetting, SETTING_INVESTIGATOR, SETTING_TIME_ZONE, writeAppSetting } from './queries';
import { TopBar } from './TopBar';
import { HelpView } from '../help/HelpView';

// A case archive the operating system asked to open is verified whole and imported like one picked on the case list.
const openCaseArchive: OpenCaseArchive = async (file, investigator) =>
  (await importArchive(file, investigator, {})).caseId;

async function loadSettings() {
  const [investigator, timeZone] = await Promise.all([
    readAppSetting(SETTING_INVESTIGATOR),
    readAppSetting(SETTING_TIME_ZONE),
  ]);
  return { investigator: investigator ?? '', timeZone: validZone(timeZone) };
}

export function App({ host }: { readonly host: Host }) {
  const settings = useLiveQuery(loadSettings, []);
  const [route, navigate] = useRoute();
  const [editingInvestigator, setEditingInvestigator] = useState(false);
  const [settingsError, setSettingsError] = useState('');
  const [showingAbout, setShowingAbout] = useState(false);
  useEffect(() => host.onAboutCommand(() => setShowingAbout(true)), [host]);
  const openOpenedCase = useCallback(
    (caseId: string) => navigate({ view: 'case', caseId, tab: 'overview' }),
    [navigate],
  );
  useOpenedFiles(host, settings?.investigator ?? '', openCaseArchive, openOpenedCase, setSettingsError);
  const openCase = useLiveQuery(() => (route.view === 'case' ? caseRecord(route.caseId) : undefined), [route]);

  const save = (key: string, value: string) => {
    writeAppSetting(key, value).then(
      () => setSettingsError(''),
      (error: unknown) => setSettingsError(describeStorageError(error, 'Saving the setting')),
    );
  };

  if (!settings) return <div className="loading">Opening the case store…</div>;

  // A reviewer who only checks a report needs no investigator name and no case.
  const verifyReport = () => navigate({ view: 'verify-report' });
  if (route.view === 'verify-report' && !settings.investigator)
    return (
      <>
        <button type="button" className="link" data-testid="verify-back" onClick={() => navigate({ view: 'cases' })}>
          ← Tokentrail
        </button>
        <VerifyReportView host={host} />
      </>
    );

  if (!settings.investigator) {
    return (
      <main className="first-run" data-testid="first-run">
        <h1>Tokentrail</h1>
        <p>Offline workbench for JWT authentication incidents. Nothing you open here leaves this machine.</p>
        <InvestigatorForm initial="" submitLabel="Start" onSave={(name) => save(SETTING_INVESTIGATOR, name)} />
        <p>
          Only checking a report someone sent you?{' '}
          <button type="button" className="link" data-testid="nav-verify-report" onClick={verifyReport}>
            Verify a report
          </button>
        </p>
        {settingsError && (
          <p className="error" role="alert">
            {settingsError}
          </p>
        )}
      </main>
    );
  }

  const goHome = () => navigate({ view: 'cases' });
  return (
    <AppContext.Provider value={{ host, investigator: settings.investigator, timeZone: settings.timeZone }}>
      <TopBar
        breadcrumb={
          route.view === 'case' ? (
            <>
              <button type="button" className="link" onClick={goHome}>
                Cases
              </button>
              <span aria-hidden="true">/</span>
              <span>{openCase?.title ?? '…'}</span>
            </>
          ) : route.view === 'verify-report' ? (
            <span>Verify a report</span>
          ) : route.view === 'help' ? (
            <>
              <button type="button" className="link" onClick={goHome}>
                Cases
              </button>
              <span aria-hidden="true">/</span>
              <span>Help</span>
            </>
          ) : (
            <span>Cases</span>
          )
        }
        investigator={settings.investigator}
        timeZone={settings.timeZone}
        onTimeZoneChange={(zone) => save(SETTING_TIME_ZONE, zone)}
        onEditInvestigator={() => setEditingInvestigator(true)}
        onHome={goHome}
        onAbout={() => setShowingAbout(true)}
        onVerifyReport={verifyReport}
        onHelp={() => navigate({ view: 'help' })}
      />
      {settingsError && (
        <p className="error banner" role="alert">
          {settingsError}
        </p>
      )}
      {route.view === 'verify-report' ? (
        <VerifyReportView host={host} />
      ) : route.view === 'help' ? (
        <HelpView topic={route.topic} />
      ) : route.view === 'case' ? (
        <CaseView
          caseId={route.caseId}
          tab={route.tab}
          focus={route.focus}
          onTab={(tab, focus) => navigate({ view: 'case', caseId: route.caseId, tab, focus })}
          onClosed={goHome}
        />
      ) : (
        <CasesView onOpen={(caseId, tab = 'overview') => navigate({ view: 'case', caseId, tab })} />
      )}
      {showingAbout && <AboutDialog onClose={() => setShowingAbout(false)} />}
      {editingInvestigator && (
        <Dialog title="Investigator" testId="investigator-dialog" onClose={() => setEditingInvestigator(false)}>
          <InvestigatorForm
            initial={settings.investigator}
            submitLabel="Save"
            onSave={(name) => {
              save(SETTING_INVESTIGATOR, name);
              setEditingInvestigator(false);
            }}
          />
        </Dialog>
      )}
    </AppContext.Provider>
  );
}
