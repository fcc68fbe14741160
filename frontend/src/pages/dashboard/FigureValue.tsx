/** A big number with its units set smaller: "123.46万元" → 123.46<small>万元</small>, "12小时5分钟" likewise. */
export function FigureValue({ text, testId }: { text: string; testId?: string }) {
  const runs = text.match(/[\d.,¥%/\s—-]+|[^\d.,¥%/\s—-]+/g) ?? [text];
  return (
    <strong className="dash-figure-value" data-testid={testId}>
      {runs.map((r, i) => (/^[\d.,¥%/\s—-]+$/.test(r) ? r : <small key={i} className="dash-unit">{r}</small>))}
    </strong>
  );
}
