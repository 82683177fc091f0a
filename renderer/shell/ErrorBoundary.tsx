// A rendering error shows what happened instead of a blank window. Around the whole app it is the last line of
// defence; around one panel (`panel`) it keeps the failure in that panel, so hostile evidence that breaks one view
// leaves the case, its tabs and every other view usable, with a way back.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** The panel's name ("Tokens"): contain the error there and offer to try again, instead of the fatal screen. */
  readonly panel?: string;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Tokentrail ${this.props.panel ?? 'view'} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.panel) {
      return (
        <section className="panel-error" data-testid="panel-error" role="alert">
          <h2>The {this.props.panel} panel could not be shown</h2>
          <p className="mono">{error.message}</p>
          <p className="hint">The case and its stored evidence are not affected, and the other tabs still work.</p>
          <button type="button" data-testid="panel-error-retry" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </section>
      );
    }
    return (
      <main className="fatal" data-testid="fatal-error" role="alert">
        <h1>Something went wrong in this view</h1>
        <p>{error.message}</p>
        <p className="hint">Your stored cases are not affected. Reload the window to continue.</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}
