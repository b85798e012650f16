/**
 * The learner's own data: a CSV file or pasted CSV text, parsed off the main thread
 * (parse.ts), with a preview of the columns the panel uses and a clear message when the input is
 * refused (the panel's data are then unchanged). The preview shows the data in use: the values
 * as the link carries them, so what the sender sees is what a receiver sees.
 */
import { useId, useRef, useState } from 'react';
import { MAX_ROWS, type CsvData, type CsvRequest } from './csv';
import { LINK_ROWS } from './linkData';
import type { OwnData } from './ownData';
import { parseOffThread } from './parse';
import './csv-input.css';

export interface CsvInputProps {
  request: CsvRequest;
  /** Data accepted: the panel stores it (ownDataParam) and switches to it. */
  onLoad(data: CsvData): void;
  /** "Back to generated data". */
  onBack(): void;
  /** The own data in use, or null while the panel shows generated data. */
  current: OwnData | null;
  /** One short sentence: what the columns mean to this panel. */
  help: string;
}

const show = (v: number) => String(Number(v.toPrecision(5)));
const rowsText = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

export function CsvInput({ request, onLoad, onBack, current, help }: CsvInputProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const [names, setNames] = useState<string[] | null>(null);
  const [text, setText] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  // Only the latest input's answer counts (a slow file must not overwrite a later paste).
  const latest = useRef(0);
  const wanted = request.columns.map((c) => c.name);
  const maxRows = Math.min(request.maxRows ?? MAX_ROWS, MAX_ROWS);

  const read = async (source: File | string) => {
    const ticket = ++latest.current;
    setReading(true);
    setError(null);
    const r = await parseOffThread(source, request);
    if (ticket !== latest.current) return;
    setReading(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setNotes(r.data.notes);
    setNames(r.data.names);
    onLoad(r.data);
  };

  const onFile = (files: FileList | null) => {
    const f = files?.[0];
    if (f) void read(f);
    // Cleared, so choosing the same file again (after editing it) reads it again.
    if (fileRef.current) fileRef.current.value = '';
  };

  const shownNames = current && names && names.length === current.columns.length ? names : wanted;
  const previewRows = current ? Math.min(5, current.rows) : 0;

  return (
    <fieldset className="own-data" data-testid="csv-input">
      <legend>Your own data (CSV)</legend>
      <p className="ctl-help">
        {help} A header row is needed.{' '}
        {maxRows <= LINK_ROWS
          ? `Up to ${maxRows} rows, all carried in the link.`
          : `Up to ${maxRows.toLocaleString('en-US')} rows and 10 MB; up to ${LINK_ROWS} rows travel in the link.`}
      </p>
      <div className="own-data-row">
        <label htmlFor={`${id}-file`} className="own-data-label">CSV file</label>
        <input ref={fileRef} id={`${id}-file`} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" data-testid="csv-file" onChange={(e) => onFile(e.currentTarget.files)} />
      </div>
      <label htmlFor={`${id}-paste`} className="own-data-label">…or paste CSV text</label>
      <textarea
        id={`${id}-paste`}
        rows={3}
        spellCheck={false}
        placeholder={`${wanted.join(',')}\n…`}
        value={text}
        data-testid="csv-paste"
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <div className="own-data-row">
        <button type="button" onClick={() => void read(text)} disabled={reading || text.trim() === ''} data-testid="csv-use">
          Use this data
        </button>
        {current && (
          <button type="button" onClick={() => { setError(null); setNotes([]); setNames(null); onBack(); }} data-testid="csv-back">
            Back to generated data
          </button>
        )}
      </div>
      <p role="status" className="ctl-help" data-testid="csv-status">
        {reading ? 'Reading…' : ''}
      </p>
      <div role="alert" className="own-data-error" data-testid="csv-error">
        {error && <p>{error} Nothing was changed.</p>}
      </div>
      {current && (
        <div className="own-data-preview" data-testid="csv-preview">
          <table>
            <caption>
              In use: {rowsText(current.rows)}
              {current.inLink ? ', carried in the link' : ', kept in this browser (too many for a link)'}
              {current.rows > previewRows ? `; the first ${previewRows}` : ''}.
            </caption>
            <thead>
              <tr>
                {shownNames.map((n, j) => (
                  <th key={j} scope="col">{n}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: previewRows }, (_, i) => (
                <tr key={i}>
                  {current.columns.map((c, j) => (
                    <td key={j}>{show(c[i])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {notes.map((n) => (
            <p key={n} className="ctl-help">{n}</p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
