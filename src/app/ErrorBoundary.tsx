import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Called by the "Reset this panel" button; the boundary then re-renders its children. */
  onReset?: () => void;
  label?: string;
}

/** Keeps a failing panel from taking down the app; offers a reset of that panel only. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Logged for developers; the learner sees the message below.
    console.warn('Panel error caught by boundary:', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="msg msg-error" role="alert" data-testid="panel-error">
        <p>
          <strong>{this.props.label ?? 'This panel'} hit an error</strong> and stopped. The rest of the app still works.
        </p>
        <p className="mono">{String(this.state.error.message).slice(0, 300)}</p>
        <button
          type="button"
          data-testid="panel-error-reset"
          onClick={() => {
            this.props.onReset?.();
            this.setState({ error: null });
          }}
        >
          Reset this panel
        </button>
      </div>
    );
  }
}
