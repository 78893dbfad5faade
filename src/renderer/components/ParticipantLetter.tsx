// "Surat untuk peserta": the letter for the participant or heir, made from the case as it stands, kept
// with the case, shown here as it prints, printable and downloadable as the PDF that was stored.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterOutput } from '../../shared/api/methods-letters';
import type { ApiError } from '../../shared/api/result';
import { useApi } from '../api-context';
import { ErrorNote } from './ErrorNote';

export function ParticipantLetterButton({ caseId, reference, primary = false }: { caseId: number; reference: string; primary?: boolean }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [letter, setLetter] = useState<LetterOutput | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const make = async (lang: 'id' | 'en'): Promise<void> => {
    setBusy(true);
    const res = await api.call('letters.create', { caseId, lang });
    setBusy(false);
    setError(res.ok ? undefined : res.error);
    if (res.ok) setLetter(res.value);
  };
  return (
    <>
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        onClick={() => void make(i18n.language === 'en' ? 'en' : 'id')}
        disabled={busy}
        data-testid="make-letter"
      >
        {busy ? t('letter.making') : t('letter.make')}
      </button>
      <ErrorNote error={error} />
      {letter && <LetterDialog letter={letter} reference={reference} onLanguage={(lang) => void make(lang)} onClose={() => setLetter(null)} />}
    </>
  );
}

function LetterDialog(props: { letter: LetterOutput; reference: string; onLanguage: (lang: 'id' | 'en') => void; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { letter } = props;
  const close = useRef<HTMLButtonElement>(null);
  const [href, setHref] = useState<string>();
  useEffect(() => {
    const bytes = Uint8Array.from(atob(letter.pdfBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [letter.pdfBase64]);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') props.onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const [title, ...rest] = letter.lines;
  return (
    <div className="dialog-backdrop letter-backdrop">
      <div className="dialog panel letter-dialog" role="dialog" aria-modal="true" aria-labelledby="letter-title" data-testid="letter">
        <div className="actions no-print">
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('letter.print')}
          </button>
          {href && (
            <a className="button" href={href} download={`surat-${props.reference}-${letter.lang}.pdf`} data-testid="letter-pdf">
              {t('letter.download')}
            </a>
          )}
          <button type="button" onClick={() => props.onLanguage(letter.lang === 'id' ? 'en' : 'id')}>
            {letter.lang === 'id' ? t('letter.inEnglish') : t('letter.inIndonesian')}
          </button>
          <button ref={close} type="button" onClick={props.onClose}>
            {t('letter.close')}
          </button>
        </div>
        <article className="letter printable" lang={letter.lang}>
          <h2 id="letter-title">{title}</h2>
          {rest.map((line, i) => (line === '' ? <br key={i} /> : line.endsWith(':') ? <h3 key={i}>{line}</h3> : <p key={i}>{line}</p>))}
        </article>
      </div>
    </div>
  );
}
