import type { RegisterRequest } from '../../api/types';
import type { FieldErrors, RegisterForm } from '../../lib/validation';

const ENTERPRISE_KEYS = ['name', 'creditCode', 'region', 'industry', 'size', 'tier'];

/** The request body for POST /api/auth/register; optional parts are left out when empty. */
export function toRegisterRequest(f: RegisterForm): RegisterRequest {
  const req: RegisterRequest = {
    username: f.username.trim(),
    password: f.password,
    displayName: f.displayName.trim(),
  };
  if (f.phone.trim()) req.phone = f.phone.trim();
  const e = f.enterprise;
  if (f.asEnterprise && e.size) {
    req.enterprise = {
      name: e.name.trim(),
      creditCode: e.creditCode,
      region: e.region.trim(),
      industry: e.industry.trim(),
      size: e.size,
      tier: e.tier,
    };
  }
  return req;
}

/** Server field paths → form keys (a bare `creditCode` belongs to the enterprise section). */
export function normaliseServerErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, msg] of Object.entries(errors)) {
    const key = ENTERPRISE_KEYS.includes(field) ? `enterprise.${field}` : field;
    out[key] = out[key] ? `${out[key]}；${msg}` : msg;
  }
  return out;
}
