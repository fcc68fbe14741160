import { useState } from 'react';
import { isApiError } from '../../../api/errors';
import type { Material } from '../../../api/training';
import { registrationApi } from '../../../api/trainingRegistration';
import { useAuth } from '../../../auth/AuthProvider';

/**
 * A session's material: confirmed registrants of the series (and its organiser) download it with their token; others
 * read why they cannot.
 */
export function MaterialLink({ sessionId, material }: { sessionId: number; material: Material }) {
  const { user } = useAuth();
  const [note, setNote] = useState<string | null>(null);

  const open = async () => {
    setNote(null);
    if (!user) {
      setNote('登录并报名后可下载');
      return;
    }
    try {
      await registrationApi.downloadMaterial(sessionId, material.fileId, material.name);
    } catch (e) {
      setNote(isApiError(e) ? e.detail : '下载失败');
    }
  };

  return (
    <>
      <button type="button" className="link-button" onClick={() => void open()} data-testid="material-download">
        {material.name}
      </button>
      {note && <span className="small muted" role="status" data-testid="material-note"> {note}</span>}
    </>
  );
}
