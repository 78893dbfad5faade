import type { ApiError } from '../../shared/api/result';
import { errorText } from '../i18n/index';

export function ErrorNote({ error }: { error: ApiError | undefined }): React.JSX.Element | null {
  if (!error) return null;
  return (
    <p className="error-note" role="alert" data-error-code={error.code}>
      {errorText(error)}
    </p>
  );
}
