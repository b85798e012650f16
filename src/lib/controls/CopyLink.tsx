import { useState } from 'react';

/**
 * Copies the exact link of the current state. Where the clipboard is unavailable (insecure
 * origin, permission denied) the link is still shown, selected, for copying by hand.
 */
export function CopyLink({ href }: { href: () => string }) {
  const [shown, setShown] = useState<{ link: string; copied: boolean } | null>(null);
  const copy = async () => {
    const link = href();
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      copied = false;
    }
    setShown({ link, copied });
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={copy} data-testid="copy-link">
        Copy link
      </button>
      {shown && (
        <span role="status" className="copy-status">
          {shown.copied ? 'Copied: ' : 'Copy this link: '}
          <input readOnly value={shown.link} aria-label="Link to this state" data-testid="copied-link" onFocus={(e) => e.currentTarget.select()} />
        </span>
      )}
    </div>
  );
}
