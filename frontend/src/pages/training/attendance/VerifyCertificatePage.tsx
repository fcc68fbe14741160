import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { attendanceApi } from '../../../api/trainingAttendance';
import type { VerifiedCertificate } from '../../../api/trainingAttendance';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';

/** /verify/:code — what the QR code on a certificate opens: whether the certificate is genuine, and whose it is. */
export function VerifyCertificatePage() {
  const { code = '' } = useParams();
  usePageTitle('证书验证');
  const [state, setState] = useState<{ code: string; cert: VerifiedCertificate | null; error: string | null }>();

  useEffect(() => {
    const ctl = new AbortController();
    attendanceApi
      .verify(code, ctl.signal)
      .then((cert) => setState({ code, cert, error: null }))
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        const notFound = isApiError(e) && e.status === 404;
        setState({ code, cert: null, error: notFound ? '未找到该证书：编号有误，或证书不是本平台颁发的' : '验证失败，请稍后再试' });
      });
    return () => ctl.abort();
  }, [code]);

  const current = state?.code === code ? state : undefined;
  return (
    <div className="container page verify-page">
      <h1>结业证书验证</h1>
      {!current && <p className="muted">正在验证…</p>}
      {current?.error && <p className="verify-result verify-bad" role="alert" data-testid="verify-error">{current.error}</p>}
      {current?.cert && (
        <section className="card verify-result verify-ok" data-testid="verify-ok">
          <p className="verify-stamp">✓ 证书真实有效</p>
          <dl className="verify-fields">
            <div><dt>持证人</dt><dd data-testid="verify-holder">{current.cert.holderName}</dd></div>
            <div><dt>培训</dt><dd>{current.cert.seriesTitle} · {current.cert.sessionTitle}</dd></div>
            <div><dt>开课时间</dt><dd>{formatDateTime(current.cert.sessionStartsAt)}</dd></div>
            <div><dt>观看时长</dt><dd>{current.cert.watchMinutes} 分钟</dd></div>
            <div><dt>主办方</dt><dd>{current.cert.organiser}</dd></div>
            <div><dt>发证时间</dt><dd>{formatDateTime(current.cert.issuedAt)}</dd></div>
            <div><dt>证书编号</dt><dd>{current.cert.code}</dd></div>
          </dl>
        </section>
      )}
    </div>
  );
}
