import { createTopicClassifier } from '../enrich/topics.ts';
import { evaluateTopics, type TopicClassifierLike } from './topics.ts';

// Usage: npx tsx src/eval/topics-main.ts /work/shared/corpus
const corpusDir = process.argv[2] ?? '../shared/corpus';
const inner = createTopicClassifier();

// Timed around classify() alone, so file reading and JSON parsing do not count against the classifier.
let elapsedMs = 0;
let chars = 0;
let calls = 0;
const timed: TopicClassifierLike = {
  classify(input) {
    const start = performance.now();
    const result = inner.classify(input);
    elapsedMs += performance.now() - start;
    chars += input.title.length + input.text.length;
    calls++;
    return result;
  },
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const speed = () => `${(elapsedMs / calls).toFixed(4)} ms per article, ${((elapsedMs / chars) * 2048).toFixed(4)} ms per 2 KB`;

const rows = await evaluateTopics(corpusDir, timed);
const cold = speed();
// Later passes measure the steady state of a running service, whose word cache already holds the
// common vocabulary; the first pass also pays for building the lexicon and stemming every new word.
// Wall time suffers from other work on shared cores, so CPU time is reported too: a pass's CPU time
// less that of a pass with a do-nothing classifier, which leaves only the classifier's own work.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const cpuOfPass = async (classifier: TopicClassifierLike) => {
  const start = cpuMs();
  await evaluateTopics(corpusDir, classifier);
  return cpuMs() - start;
};
let warm = '';
let fastestWall = Infinity;
let fastestCpu = Infinity;
let baselineCpu = Infinity;
for (let pass = 0; pass < 3; pass++) {
  baselineCpu = Math.min(baselineCpu, await cpuOfPass({ classify: () => [] }));
  elapsedMs = chars = calls = 0;
  fastestCpu = Math.min(fastestCpu, await cpuOfPass(timed));
  if (elapsedMs < fastestWall) {
    fastestWall = elapsedMs;
    warm = speed();
  }
}
const cpuPer2k = (((fastestCpu - baselineCpu) / chars) * 2048).toFixed(4);

console.log(`${'set'.padEnd(22)} ${'n'.padStart(5)}  top-1   per label (right/n)`);
for (const row of rows) {
  const labels = Object.entries(row.perLabel)
    .map(([label, t]) => `${label} ${t.correct}/${t.n}`)
    .join(', ');
  console.log(`${row.set.padEnd(22)} ${String(row.n).padStart(5)}  ${pct(row.top1).padStart(6)}  ${labels}`);
}
const total = rows.reduce((s, r) => s + r.n, 0);
const right = rows.reduce((s, r) => s + r.top1 * r.n, 0);
console.log(`${'all'.padEnd(22)} ${String(total).padStart(5)}  ${pct(right / total).padStart(6)}`);
console.log(`speed, first pass (cold word cache, lexicon build included): ${cold}`);
console.log(`speed, warm word cache (fastest of 3 passes): ${warm}; CPU time ${cpuPer2k} ms per 2 KB`);
