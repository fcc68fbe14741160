import { useState } from 'react';
import type { MerchantApplication } from '../../api/merchant';
import { formatDateTime } from '../../lib/format';
import { ApplicationForm } from './ApplicationForm';
import { formFromApplication } from './applicationForm';
import { DocumentList } from './DocumentList';
import { CATEGORY_LABELS } from './labels';
import { StatusBadge } from './StatusBadge';
import { StatusTimeline } from './StatusTimeline';

interface Props {
  application: MerchantApplication;
  onRevised: (application: MerchantApplication) => void;
}

/** One of the applicant's applications: status, reason, details, history; revise when changes are requested. */
export function ApplicationCard({ application: a, onRevised }: Props) {
  const [revising, setRevising] = useState(false);
  const needsChanges = a.status === 'CHANGES_REQUESTED';
  return (
    <li className="card application-card" data-testid={`application-${a.id}`}>
      <div className="application-head">
        <div>
          <h3>{a.roundName}</h3>
          <p className="muted small">提交于 {formatDateTime(a.createdAt)}</p>
        </div>
        <StatusBadge status={a.status} />
      </div>
      {a.decisionReason && (a.status === 'CHANGES_REQUESTED' || a.status === 'REJECTED') && (
        <p className={`decision-reason ${needsChanges ? 'warn' : ''}`} data-testid="decision-reason">
          {needsChanges ? '需补充：' : '原因：'}
          {a.decisionReason}
        </p>
      )}
      {a.status === 'APPROVED' && <p className="decision-ok">恭喜，入驻申请已通过！重新登录后进入商家中心签署协议。</p>}
      {revising ? (
        <ApplicationForm
          initial={formFromApplication(a)}
          applicationId={a.id}
          onDone={(updated) => {
            setRevising(false);
            onRevised(updated);
          }}
          onCancel={() => setRevising(false)}
        />
      ) : (
        <>
          <dl className="details compact">
            <dt>联系人</dt>
            <dd>
              {a.contactName} {a.contactPhone}
            </dd>
            <dt>产品类别</dt>
            <dd>{CATEGORY_LABELS[a.category] ?? a.category}</dd>
            <dt>拟上架产品</dt>
            <dd className="pre-wrap">{a.proposedProducts}</dd>
          </dl>
          <DocumentList documents={a.documents} />
          {needsChanges && (
            <button type="button" className="btn btn-primary" onClick={() => setRevising(true)} data-testid="revise">
              修改并重新提交
            </button>
          )}
        </>
      )}
      <details className="history-toggle">
        <summary>处理记录（{a.history.length}）</summary>
        <StatusTimeline history={a.history} />
      </details>
    </li>
  );
}
