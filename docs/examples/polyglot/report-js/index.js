// The report, in JavaScript: its own line, then the line the Go component writes.
import { summarize } from 'demo:polyglot/stats';

export const report = {
  render(title, values) {
    const summary = summarize(values);
    const spread = (summary.max - summary.mean).toFixed(2);
    return [
      `JavaScript: report "${title}": ${summary.count} values, max ${summary.max} is ${spread} above the mean`,
      summary.line,
    ];
  },
};
