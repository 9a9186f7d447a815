// The dialect lab: probes that measure where databases differ.
export { probes, runProbes, type Probe, type ProbeResult, type ProbeRun, type ProbeValue } from './probes.ts';
