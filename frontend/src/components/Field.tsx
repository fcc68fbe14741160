import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  optional?: boolean;
  children: ReactNode;
}

/**
 * Label + control + hint/error, wired for screen readers via `describedBy(id)`. The message line is reserved
 * (`.field-message`): a field error replaces the hint or the empty line instead of pushing the form down.
 */
export function Field({ id, label, error, hint, optional, children }: FieldProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional">（选填）</span>}
      </label>
      {children}
      {/* One message line is always there (error, hint or empty), so an error appearing moves nothing below. */}
      {error ? (
        <p className="field-error field-message" id={`${id}-error`} data-testid={`error-${id}`} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint field-message" id={`${id}-hint`}>
          {hint}
        </p>
      ) : (
        <p className="field-message" aria-hidden="true" data-testid={`message-${id}`} />
      )}
    </div>
  );
}

export function describedBy(id: string, error?: string, hint?: string): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  optional?: boolean;
  type?: 'text' | 'password' | 'tel' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'numeric';
  maxLength?: number;
  placeholder?: string;
  autoFocus?: boolean;
  onBlur?: () => void;
}

export function TextField(p: TextFieldProps) {
  return (
    <Field id={p.id} label={p.label} error={p.error} hint={p.hint} optional={p.optional}>
      <input
        id={p.id}
        name={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        onBlur={p.onBlur}
        autoComplete={p.autoComplete}
        inputMode={p.inputMode}
        maxLength={p.maxLength}
        placeholder={p.placeholder}
        autoFocus={p.autoFocus}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
      />
    </Field>
  );
}

interface SelectFieldProps<V extends string> {
  id: string;
  label: string;
  value: V | '';
  onChange: (value: V) => void;
  options: Array<{ value: V; label: string }>;
  placeholder?: string;
  error?: string;
}

export function SelectField<V extends string>(p: SelectFieldProps<V>) {
  return (
    <Field id={p.id} label={p.label} error={p.error}>
      <select
        id={p.id}
        name={p.id}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value as V)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error)}
      >
        {p.placeholder !== undefined && (
          <option value="" disabled>
            {p.placeholder}
          </option>
        )}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The problem `detail` (or any top-level message) above a form. */
export function FormAlert({ message }: { message?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  // On a phone the submit button is far below: bring the message into view.
  useEffect(() => {
    if (message) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [message]);
  if (!message) return null;
  return (
    <div className="form-alert" role="alert" data-testid="form-alert" ref={ref}>
      {message}
    </div>
  );
}
