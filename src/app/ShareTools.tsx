/**
 * "Add a note" and "Embed" beside Copy link (issue 14). The note is written into the address as
 * the learner types, so Copy link (and the address bar) already carry it; the embed snippet is an
 * iframe of the current state with `embed=1`.
 */
import { useId, useState } from 'react';
import { NOTE_MAX, cleanNote, type LinkExtras } from '../lib/params/extras';

interface Props {
  extras: LinkExtras;
  setExtras: (x: LinkExtras) => void;
  /** The full link of the current state with the given extras. */
  linkWith: (x: LinkExtras) => string;
  title: string;
}

export function iframeSnippet(src: string, title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(src)}" title="${esc(`ML Intuition: ${title}`)}" width="100%" height="760" style="border:0" loading="lazy"></iframe>`;
}

export function ShareTools({ extras, setExtras, linkWith, title }: Props) {
  const [open, setOpen] = useState<'note' | 'embed' | null>(null);
  const [draft, setDraft] = useState(extras.note);
  const [copied, setCopied] = useState(false);
  const noteId = useId();
  const toggle = (which: 'note' | 'embed') => {
    setCopied(false);
    setOpen((o) => (o === which ? null : which));
    if (which === 'note') setDraft(extras.note);
  };
  const snippet = open === 'embed' ? iframeSnippet(linkWith({ ...extras, embed: true }), title) : '';
  const copySnippet = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <button type="button" aria-expanded={open === 'note'} onClick={() => toggle('note')} data-testid="note-toggle">
        {extras.note ? 'Edit note' : 'Add a note'}
      </button>
      <button type="button" aria-expanded={open === 'embed'} onClick={() => toggle('embed')} data-testid="embed-toggle">
        Embed
      </button>
      {open === 'note' && (
        <div className="share-pop" data-testid="note-editor">
          <label htmlFor={noteId}>A note for the people you send this link to</label>
          <input
            id={noteId}
            type="text"
            maxLength={NOTE_MAX}
            value={draft}
            placeholder="e.g. look how the validation loss turns at epoch 56"
            onChange={(e) => {
              setDraft(e.target.value);
              setExtras({ ...extras, note: cleanNote(e.target.value) });
            }}
            data-testid="note-input"
          />
          <p className="share-hint">
            Plain text, up to {NOTE_MAX} characters ({NOTE_MAX - Array.from(draft).length} left). It rides in the link and shows above the panel.
          </p>
          {extras.note && (
            <button
              type="button"
              onClick={() => {
                setDraft('');
                setExtras({ ...extras, note: '' });
              }}
            >
              Remove note
            </button>
          )}
        </div>
      )}
      {open === 'embed' && (
        <div className="share-pop" data-testid="embed-pop">
          <label htmlFor={`${noteId}-embed`}>Paste this into a slide or a course page</label>
          <textarea id={`${noteId}-embed`} readOnly rows={3} value={snippet} onFocus={(e) => e.currentTarget.select()} data-testid="embed-snippet" />
          <p className="share-hint">The frame shows the plots, controls and readout of this exact state, with a link to the full panel.</p>
          <button type="button" onClick={copySnippet}>
            {copied ? 'Copied' : 'Copy snippet'}
          </button>
        </div>
      )}
    </>
  );
}
