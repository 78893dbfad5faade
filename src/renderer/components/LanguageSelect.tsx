import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index';

const NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

export function LanguageSelect(props: { 'data-testid'?: string; 'aria-label'?: string }): React.JSX.Element {
  const { i18n } = useTranslation();
  return (
    <select value={i18n.language} onChange={(e) => void setLanguage(e.target.value as Language)} {...props}>
      {LANGUAGES.map((l) => (
        <option key={l} value={l}>
          {NAMES[l]}
        </option>
      ))}
    </select>
  );
}
