// The app bar: where you are, who you are, and which time zone times are shown in.
import type { ReactNode } from 'react';
import { TimeZoneSelect } from './TimeZoneSelect';

interface TopBarProps {
  readonly breadcrumb: ReactNode;
  readonly investigator: string;
  readonly timeZone: string;
  readonly onTimeZoneChange: (zone: string) => void;
  readonly onEditInvestigator: () => void;
  readonly onHome: () => void;
  readonly onAbout: () => void;
  readonly onVerifyReport: () => void;
  /** Opens the in-app help (checks, detectors, formats). */
  readonly onHelp: () => void;
}

export function TopBar({
  breadcrumb,
  investigator,
  timeZone,
  onTimeZoneChange,
  onEditInvestigator,
  onHome,
  onAbout,
  onVerifyReport,
  onHelp,
}: TopBarProps) {
  return (
    <header className="topbar">
      <button type="button" className="brand" data-testid="nav-cases" onClick={onHome} title="All cases">
        Tokentrail
      </button>
      <nav className="breadcrumb" aria-label="Location">
        {breadcrumb}
      </nav>
      <div className="topbar-tools">
        <button type="button" className="ghost" data-testid="nav-verify-report" onClick={onVerifyReport}>
          Verify a report
        </button>
        <TimeZoneSelect value={timeZone} onChange={onTimeZoneChange} />
        <button
          type="button"
          className="ghost"
          data-testid="investigator-button"
          onClick={onEditInvestigator}
          title="Change investigator"
        >
          {investigator}
        </button>
        <button
          type="button"
          className="ghost"
          data-testid="help-button"
          onClick={onHelp}
          title="What every check, detector and log format does"
        >
          Help
        </button>
        <button type="button" className="ghost" data-testid="about-button" onClick={onAbout} title="About Tokentrail">
          About
        </button>
      </div>
    </header>
  );
}
