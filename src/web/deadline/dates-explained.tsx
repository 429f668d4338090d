// The deadline's dates in words (src/domain/explain-dates.ts): weekday, what the rule's words
// mean for the last day, a day off, when it becomes late, an extension.
export function DatesExplained(props: { lines: string[] }) {
  if (!props.lines.length) return null;
  return (
    <ul id="dates-explained">
      {props.lines.map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  );
}
